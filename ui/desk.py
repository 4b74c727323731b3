"""The staff desk (behind the admin password): upload disclosures, list and remove them, batch
questions, audit a disclosure before publishing (`ui.audit_view`)."""

from __future__ import annotations

import tempfile
from html import escape
from pathlib import Path

import gradio as gr

from index.ingest import IngestResult, ingest_files, remove_document
from index.types import DocumentInfo
from ingest.isolated import parse_isolated
from ui.audit_view import audit_choices, build_audit_tab
from ui.batch import BatchItem, answer_row, read_batch, write_answers_csv
from ui.shared_library import SharedLibrary, document_label, user_message
from ui.uploads import discard_upload

UPLOAD_TYPES = [".txt", ".pdf", ".xlsx"]
STATUS_NAMES = {"added": "已新增", "replaced": "已替换旧版本", "unchanged": "未变化（已载入过）",
                "failed": "失败"}
NOTHING_CHANGED = '<p class="muted">已载入的文件没有任何改动。</p>'
DESK_HEADER = ('<div class="app-header"><h1>工作人员后台</h1>'
               '<p>上传公开文件、管理已载入的文件、批量提问、发布前核对。</p></div>')


def upload(shared: SharedLibrary, files: list[str] | None, progress=gr.Progress()):  # noqa: B008 - gradio's idiom
    """Ingest the uploaded files one by one; returns the report and the refreshed document list."""
    paths = [Path(f) for f in files or []]
    if not paths:
        return '<p class="warning">请先选择要上传的文件（.txt、.pdf 或 .xlsx）。</p>', *document_views(shared)
    results: list[IngestResult] = []
    failures: list[tuple[str, str]] = []
    memory_mb = shared.config.parse_memory_mb

    def parse(path: Path):
        return parse_isolated(path, memory_mb)  # a hostile upload exhausts a child, not the server

    with shared.lock:  # questions wait while the stores change
        for number, path in enumerate(paths):
            progress((number, len(paths)), desc=f"正在解析并索引 {path.name}")
            try:
                results.extend(ingest_files(shared.config, [path], progress=False, parse=parse))
            except Exception as error:  # noqa: BLE001 - one bad file must not stop the others
                failures.append((path.name, user_message(error)))
            finally:
                discard_upload(path)  # the stores hold what was ingested; the draft must not linger
        if any(r.status in ("added", "replaced") for r in results):
            shared.reload()
    progress((len(paths), len(paths)), desc="完成")
    return render_ingest_report(results, failures), *document_views(shared)


def render_ingest_report(results: list[IngestResult], failures: list[tuple[str, str]]) -> str:
    """Per file: what happened, the counts, the failed checks and warnings, or the error."""
    blocks = [_result_html(result) for result in results]
    blocks += [f'<div class="ingest-result failed"><p><b>{escape(name)}</b>：失败</p>'
               f'<p class="error-text">{escape(message)}</p>{NOTHING_CHANGED}</div>'
               for name, message in failures]
    return '<div class="ingest-report">' + "".join(blocks) + "</div>"


def _result_html(result: IngestResult) -> str:
    name = escape(Path(result.path).name)
    status = STATUS_NAMES.get(result.status, result.status)
    if result.status == "failed" or result.error:
        return (f'<div class="ingest-result failed"><p><b>{name}</b>：失败</p>'
                f'<p class="error-text">{escape(result.error)}</p>'
                f'{NOTHING_CHANGED}</div>')
    counts = (f"章节 {result.sections} 个，表格 {result.tables} 张，数字记录 {result.records} 条，"
              f"检索片段 {result.chunks} 个")
    checks = "".join(f"<li>{escape(check)}</li>" for check in result.failed_checks)
    checks_html = (f'<p class="warning">未通过的核对（{len(result.failed_checks)} 项）：</p><ul>{checks}</ul>'
                   if checks else '<p class="ok">表内、表间核对全部通过。</p>')
    warnings = "".join(f'<p class="warning">{escape(w)}</p>' for w in result.warnings)
    return (f'<div class="ingest-result"><p><b>{name}</b>：{escape(status)}（{escape(result.doc_id)}）</p>'
            f'<p>{counts}</p>{checks_html}{warnings}</div>')


def document_views(shared: SharedLibrary):
    """The document list (HTML) and the remove picker's choices."""
    infos = shared.documents()
    choices = [(f"{document_label(info)}（{info.doc_id}）", info.doc_id) for info in infos]
    return render_document_list(infos), gr.update(choices=choices, value=None)


def render_document_list(infos: list[DocumentInfo]) -> str:
    """The loaded disclosures as a table."""
    if not infos:
        return '<p class="muted">尚未载入任何公开文件。</p>'
    head = ("<tr><th>文件</th><th>编号</th><th>来源文件</th><th>表格</th><th>数字记录</th>"
            "<th>检索片段</th><th>未通过核对</th><th>载入时间</th></tr>")
    rows = "".join(
        f"<tr><td>{escape(document_label(i))}</td><td>{escape(i.doc_id)}</td><td>{escape(i.source_name)}</td>"
        f'<td class="num">{i.tables}</td><td class="num">{i.records}</td><td class="num">{i.chunks}</td>'
        f'<td class="num{" bad" if i.failed_checks else ""}">{i.failed_checks}</td>'
        f"<td>{escape(_when(i.ingested_at))}</td></tr>" for i in infos)
    return (f'<div class="table-scroll"><table class="doc-list"><thead>{head}</thead>'
            f'<tbody>{rows}</tbody></table></div>')


def _when(iso_time: str) -> str:
    """"2026-11-27T04:13:07+00:00" -> "2026-11-27 04:13 UTC"."""
    if iso_time.endswith("+00:00") and "T" in iso_time:
        return iso_time[:16].replace("T", " ") + " UTC"
    return iso_time


def remove(shared: SharedLibrary, doc_id: str | None):
    """Remove one document from every store; returns a message and the refreshed list."""
    if not doc_id:
        return '<p class="warning">请先选择要删除的文件。</p>', *document_views(shared)
    try:
        with shared.lock:
            remove_document(shared.config, doc_id)
            shared.reload()
    except Exception as error:  # noqa: BLE001
        return f'<p class="error-text">{escape(user_message(error))}</p>', *document_views(shared)
    return f'<p class="ok">已删除 {escape(doc_id)}。</p>', *document_views(shared)


def run_batch(shared: SharedLibrary, file: str | None, progress=gr.Progress()):  # noqa: B008
    """Answer every question of an uploaded CSV/JSONL; returns a message and the answers CSV."""
    if not file:
        return '<p class="warning">请先上传问题文件（.csv 或 .jsonl）。</p>', None
    try:
        items = read_batch(Path(file))
    except Exception as error:  # noqa: BLE001
        return f'<p class="error-text">{escape(user_message(error))}</p>', None
    finally:
        discard_upload(Path(file))
    rows = []
    for number, item in enumerate(items):
        progress((number, len(items)), desc=f"正在回答第 {number + 1} 个问题")
        rows.append(_answer_item(shared, item))
    out_dir = Path(tempfile.mkdtemp(prefix="budgetqa-batch-"))
    path = write_answers_csv(rows, out_dir / f"{Path(file).stem}-答案.csv")
    failed = sum(1 for row in rows if row[2] == "出错")
    note = f"，其中 {failed} 个出错" if failed else ""
    return f'<p class="ok">已回答 {len(rows)} 个问题{note}。请下载答案文件。</p>', str(path)


def _answer_item(shared: SharedLibrary, item: BatchItem) -> tuple[str, ...]:
    try:
        doc_id = shared.resolve(item.doc) if item.doc else None
        if item.doc and doc_id is None:
            return answer_row(item, None, f"未找到文件“{item.doc}”。")
        conversation = shared.conversation(doc_id)
        answer = None
        for turn in item.turns:
            answer = shared.ask(conversation, turn)
        return answer_row(item, answer)
    except Exception as error:  # noqa: BLE001 - one failing question must not stop the batch
        return answer_row(item, None, user_message(error))


def build_desk_app(shared: SharedLibrary) -> gr.Blocks:
    """The desk page: tabs for uploads, the document list, batch questions and the pre-publication audit."""
    with gr.Blocks(title="工作人员后台 · 部门预算公开问答", analytics_enabled=False) as app:
        gr.HTML(DESK_HEADER)
        with gr.Tabs():
            with gr.Tab("上传公开文件"):
                files = gr.File(label="公开文件（.txt、.pdf、.xlsx，可多选）", file_count="multiple",
                                file_types=UPLOAD_TYPES, elem_id="upload-files")
                upload_button = gr.Button("解析并载入", variant="primary", elem_id="upload")
                report = gr.HTML(elem_id="ingest-report")
            with gr.Tab("已载入的文件"):
                doc_list = gr.HTML(elem_id="doc-list")
                picker = gr.Dropdown(label="选择要删除的文件", elem_id="remove-picker")
                remove_button = gr.Button("删除所选文件", variant="stop", elem_id="remove")
                remove_note = gr.HTML()
            with gr.Tab("批量提问"):
                gr.Markdown("上传 CSV（需有“问题”或 question 列，可选“编号”“文件”列）或 JSONL"
                            "（每行一个对象，如 `{\"id\": \"q1\", \"question\": \"公车有几辆？\"}`），"
                            "下载带出处的答案 CSV。")
                batch_file = gr.File(label="问题文件（.csv 或 .jsonl）", file_types=[".csv", ".jsonl"],
                                     elem_id="batch-file")
                batch_button = gr.Button("批量回答", variant="primary", elem_id="batch")
                batch_note = gr.HTML()
                batch_out = gr.File(label="答案（CSV）", interactive=False, elem_id="batch-out")
            audit_picker = build_audit_tab(shared)
        upload_button.click(lambda f, progress=gr.Progress(): upload(shared, f, progress),
                            [files], [report, doc_list, picker], api_name="upload")
        remove_button.click(lambda d: remove(shared, d), [picker], [remove_note, doc_list, picker],
                            api_name="remove")
        batch_button.click(lambda f, progress=gr.Progress(): run_batch(shared, f, progress),
                           [batch_file], [batch_note, batch_out], api_name="batch")
        app.load(lambda: document_views(shared), None, [doc_list, picker])
        app.load(lambda: audit_choices(shared), None, [audit_picker])
    return app
