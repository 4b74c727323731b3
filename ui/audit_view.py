"""The desk's "发布前核对" tab: the audit report of a disclosure as HTML, by section of the
disclosure, and its CSV and JSON downloads.

Presentation only: an uploaded file goes through `ingest.audit.audit_file`, the
function `budgetqa audit` calls, and is never ingested, so nothing in the stores
changes; an ingested document is audited by the library from its stored parse. Every text
taken from a disclosure (messages quote it) is escaped.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import gradio as gr

from index.errors import UnknownDocument
from ingest.audit import CHECK_NAMES, VERDICT_NAMES, audit_file
from ingest.model import AuditReport, CellRef, Finding
from ui.audit_export import grouped, quoted, write_audit_csv, write_audit_json
from ui.shared_library import SharedLibrary, document_label, user_message
from ui.uploads import discard_upload

AUDIT_TYPES = [".txt", ".pdf", ".xlsx"]
OPEN_CELLS = 6  # a finding with more cells (a sum of 20 children) shows them folded
NO_CHANGE = '<p class="muted">只做核对，没有载入文件：已载入的文件没有任何改动。</p>'


def audit_uploaded(file: str | None) -> tuple[str, str | None, str | None]:
    """Audit an uploaded disclosure without ingesting it; returns the report HTML, the JSON and
    the CSV paths."""
    if not file:
        return '<p class="warning">请先选择要核对的文件（.txt、.pdf 或 .xlsx）。</p>', None, None
    path = Path(file)
    try:
        report = audit_file(path)
    except Exception as error:  # noqa: BLE001 - a bad upload gets a message, never a traceback
        return (f'<div class="audit-failed"><p><b>{escape(path.name)}</b>：无法核对</p>'
                f'<p class="error-text">{escape(user_message(error))}</p>{NO_CHANGE}</div>'), None, None
    finally:
        discard_upload(path)  # only checked: the draft must not stay on the server
    return render_audit_html(report) + NO_CHANGE, write_audit_json(report), write_audit_csv(report)


def audit_loaded(shared: SharedLibrary, doc_id: str | None) -> tuple[str, str | None, str | None]:
    """Audit a document already ingested; returns the report HTML, the JSON and the CSV paths."""
    if not doc_id:
        return '<p class="warning">请先选择要核对的文件。</p>', None, None
    try:
        report = shared.audit(doc_id)
    except UnknownDocument:
        return f'<p class="error-text">未找到文件“{escape(doc_id)}”，可能已被删除。</p>', None, None
    except Exception as error:  # noqa: BLE001 - the desk shows a message, never a traceback
        return f'<p class="error-text">{escape(user_message(error))}</p>', None, None
    return render_audit_html(report), write_audit_json(report), write_audit_csv(report)


# ---------------------------------------------------------------- rendering


def render_audit_html(report: AuditReport) -> str:
    """Summary, then the findings needing attention by section of the disclosure (in document
    order; in each, errors, warnings, rounding), then the passed checks."""
    groups = grouped(report)
    count = sum(len(found) for _, found in groups)
    sections = "".join(render_section(name, found) for name, found in groups)
    attention = (f'<h3 class="audit-heading">需要处理的问题（{count} 项，按所在部分列出）</h3>{sections}'
                 if groups else '<p class="ok audit-clean">没有发现需要处理的问题。</p>')
    return (f'<div class="audit-report">{render_summary(report)}{attention}'
            f'{render_passed(report.with_verdict("ok"))}</div>')


def render_summary(report: AuditReport) -> str:
    """Which file, how many checks ran and how many of each verdict."""
    counts = report.counts
    title = escape(report.title or report.doc_id)
    chips = "".join(f'<span class="verdict-count verdict-{v}">{VERDICT_NAMES[v]} {counts[v]}</span>'
                    for v in ("ok", "error", "rounding", "warning"))
    notes = "".join(f'<p class="warning">解析提示：{escape(w)}</p>' for w in report.warnings)
    return (f'<div class="audit-summary"><p class="audit-title"><b>{title}</b>'
            f'<span class="muted">（{escape(report.source_name)}）</span></p>'
            f'<p class="audit-counts">检查 {len(report.findings)} 项：{chips}</p>{notes}</div>')


def render_section(name: str, found: list[Finding]) -> str:
    """One table or part of the disclosure: its name, pages and number of problems, then each."""
    pages = sorted({f.page for f in found if f.page})
    where = f"第 {'、'.join(map(str, pages))} 页，" if pages else ""
    cards = "".join(render_finding(f) for f in found)
    return (f'<section class="audit-section" data-section="{escape(name)}">'
            f'<h4 class="audit-section-head">{escape(name)}<span class="muted">（{where}{len(found)} 项）</span>'
            f'</h4>{cards}</section>')


def render_finding(finding: Finding) -> str:
    """One finding: verdict badge, check name, where, the sentence, the quoted line and its cells."""
    verdict = escape(finding.verdict)
    badge = f'<span class="verdict-badge verdict-{verdict}">{VERDICT_NAMES.get(finding.verdict, verdict)}</span>'
    name = escape(CHECK_NAMES.get(finding.check, finding.check))
    cell = quoted(finding)
    quote = (f'<blockquote class="audit-quote">{_line_label(cell)}{escape(cell.quote)}</blockquote>'
             if cell else "")
    page = f'<span class="finding-page">第 {finding.page} 页</span>' if finding.page else ""
    return (f'<div class="audit-finding verdict-{verdict}" data-check="{escape(finding.check)}">'
            f'<p class="finding-head">{badge}<span class="finding-check">{name}</span>'
            f'<span class="finding-where">{escape(finding.where)}</span>{page}</p>'
            f'<p class="finding-message">{escape(finding.message)}</p>{quote}'
            f'{render_cells(finding.cells)}</div>')


def render_cells(cells: tuple[CellRef, ...]) -> str:
    """The figures a finding involves: where, the figure as printed, the line and its text."""
    if not cells:
        return ""
    rows = "".join(
        f'<tr><td>{escape(c.where)}</td><td class="num">{escape(_figure(c))}</td>'
        f'<td class="num">{c.line or "—"}</td><td class="cell-quote">{escape(c.quote)}</td></tr>'
        for c in cells)
    grid = (f'<div class="table-scroll"><table class="audit-cells"><thead><tr><th>位置</th><th>数字</th>'
            f'<th>行号</th><th>原文</th></tr></thead><tbody>{rows}</tbody></table></div>')
    opened = " open" if len(cells) <= OPEN_CELLS else ""
    return (f'<details class="audit-cells-box"{opened}><summary>涉及的数字（{len(cells)} 个）</summary>'
            f'{grid}</details>')


def render_passed(passed: tuple[Finding, ...]) -> str:
    """The checks that passed, folded: one line each."""
    if not passed:
        return ""
    items = "".join(f'<li><span class="finding-check">{escape(CHECK_NAMES.get(f.check, f.check))}</span>'
                    f'{escape(f.message)}</li>' for f in passed)
    return (f'<details class="audit-passed"><summary>通过的检查（{len(passed)} 项）</summary>'
            f'<ul>{items}</ul></details>')


def _line_label(cell: CellRef) -> str:
    return f'<span class="muted">原文第 {cell.line} 行：</span>' if cell.line else '<span class="muted">原文：</span>'


def _figure(cell: CellRef) -> str:
    return f"{cell.raw} {cell.unit}".strip() if cell.raw else "—"


# ---------------------------------------------------------------- the tab


def audit_choices(shared: SharedLibrary):
    """The picker of ingested documents, refreshed whenever the page loads or the tab is opened."""
    choices = _choices(shared)
    return gr.update(choices=choices, value=choices[0][1] if len(choices) == 1 else None)


def _choices(shared: SharedLibrary) -> list[tuple[str, str]]:
    return [(f"{document_label(info)}（{info.doc_id}）", info.doc_id) for info in shared.documents()]


def build_audit_tab(shared: SharedLibrary) -> gr.Dropdown:
    """The "发布前核对" tab (call inside the desk's `gr.Tabs`); wires its own events and returns
    the document picker, for the page to fill when it loads."""
    with gr.Tab("发布前核对", elem_id="audit-tab") as tab:
        gr.Markdown("发布前核对表内合计、表间一致、正文与表格、同比增减和单位。"
                    "上传待发布的文件（只核对，不载入），或选择已载入的文件。")
        with gr.Row():
            with gr.Column():
                file = gr.File(label="待核对的文件（.txt、.pdf、.xlsx）", file_types=AUDIT_TYPES,
                               elem_id="audit-file")
                upload_button = gr.Button("核对上传的文件", variant="primary", elem_id="audit-upload")
            with gr.Column():
                # Custom values: a document ingested after the page was built is still accepted
                # (by doc_id or file name); an unknown one gets a message.
                picker = gr.Dropdown(label="已载入的文件", choices=_choices(shared), allow_custom_value=True,
                                     elem_id="audit-picker")
                loaded_button = gr.Button("核对所选文件", variant="primary", elem_id="audit-loaded")
        report = gr.HTML(elem_id="audit-report")
        with gr.Row():
            download = gr.File(label="下载核对报告（JSON，全部检查）", interactive=False, elem_id="audit-json")
            table = gr.File(label="下载问题清单（CSV，可用 Excel 打开）", interactive=False, elem_id="audit-csv")
    upload_button.click(audit_uploaded, [file], [report, download, table], api_name="audit_upload")
    loaded_button.click(lambda d: audit_loaded(shared, d), [picker], [report, download, table],
                        api_name="audit_document")
    tab.select(lambda: audit_choices(shared), None, [picker], api_name=False)
    return picker
