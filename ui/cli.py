"""The `budgetqa` command line: a thin skin over the library.

The CLI is the top of the house beside the web app: it drives ingest, the
assistant, the eval and the web app, and nothing imports it. Each command
builds a Config, calls one library function and renders the result. Imports
inside the commands are deliberate: each command pays only for the libraries
it uses (Gradio, Chroma, pdfplumber take seconds to import). `BudgetQAError` becomes a clear message and exit 1; anything
unexpected is logged under the home folder and reported without a traceback.
"""

from __future__ import annotations

import json
import logging
import sys
import traceback
from pathlib import Path

import click

from assistant.config import Config, load_config
from assistant.logs import log_to_home, log_written
from index.errors import is_disk_full
from ingest.errors import BudgetQAError

home_option = click.option(
    "--home", type=click.Path(file_okay=False), default=None,
    help="Data folder (default: $BUDGETQA_HOME, else a per-user data folder).")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON only (for machines).")


def _config(home: str | None) -> Config:
    config = load_config(home)
    log_to_home(config.home)
    return config


class UserError(click.ClickException):
    """A BudgetQAError shown as "错误：…" with exit code 1."""

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(f"错误：{self.format_message()}", err=True)


class _Group(click.Group):
    def invoke(self, ctx: click.Context):  # noqa: ANN201 - click's signature
        try:
            return super().invoke(ctx)
        except BudgetQAError as error:
            raise UserError(str(error)) from error


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="budgetqa")
def cli() -> None:
    """budgetqa: answers questions about Chinese budget disclosures (部门预算/决算公开), with citations."""


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes parsing the next files while one is embedded.")
@home_option
def ingest(files: tuple[str, ...], jobs: int, home: str | None) -> None:
    """Parse and index disclosure files (text, PDF, XLSX)."""
    from index.ingest import ingest_files, render_results

    results = ingest_files(_config(home), [Path(f) for f in files], progress=True, jobs=jobs)
    click.echo(render_results(results))
    if any(r.error for r in results):
        sys.exit(1)


@cli.command()
@click.argument("file", type=click.Path())
@json_option
def inspect(file: str, as_json: bool) -> None:
    """Show a parsed document (sections, tables as grids, records, checks) without indexing."""
    from ingest.inspect import document_to_json, inspect_file, render_document

    document = inspect_file(Path(file))
    if as_json:
        click.echo(json.dumps(document_to_json(document), ensure_ascii=False, indent=1))
    else:
        click.echo(render_document(document))
    incomplete = [t for t in document.tables if not t.complete]
    if incomplete:
        names = "、".join(f"{t.ref}（{t.title}）" for t in incomplete)
        raise UserError(f"文件在表格中间被截断：{names} 不完整，只保留了已有的行。请检查上传的文件是否完整。")


@cli.command()
@click.argument("file", type=click.Path())
@json_option
def audit(file: str, as_json: bool) -> None:
    """Consistency report for staff: every check, its verdict and the cells involved.
    Exits 1 when a check found an error (错误), so a script can hold back publishing."""
    from ingest.audit import audit_file, audit_to_json, render_audit

    report = audit_file(Path(file))
    if as_json:
        click.echo(json.dumps(audit_to_json(report), ensure_ascii=False, indent=1))
    else:
        click.echo(render_audit(report))
    if report.counts["error"]:
        sys.exit(1)


@cli.command()
@click.argument("turns", nargs=-1, required=True)
@click.option("--doc", default=None, help="doc_id or file name to scope the conversation to.")
@home_option
@json_option
def ask(turns: tuple[str, ...], doc: str | None, home: str | None, as_json: bool) -> None:
    """Ask a question; each extra argument is the next turn of the same conversation."""
    from assistant.conversation import ask_turns
    from index.library import require_documents

    config = _config(home)
    require_documents(config)
    answers, names = _with_documents(config, ask_turns(config, list(turns), doc=doc))
    if as_json:
        click.echo(json.dumps([a.to_dict() for a in answers], ensure_ascii=False, indent=1))
        return
    from assistant.compose import render_answer_text

    for question, answer in zip(turns, answers):
        click.echo(f"问：{question}\n{render_answer_text(answer, names)}\n")


def _with_documents(config, answers: list) -> tuple[list, dict[str, str]]:  # noqa: ANN001 - a Config
    """The answers with the web app's caveat on unbalanced tables, and the documents' names for
    source lines (both read from the SQLite store only)."""
    from index.store import RecordStore
    from ui.caveats import with_caveat
    from ui.copy_text import document_names

    store = RecordStore(config.db_path, read_only_when_full=True)  # ask writes nothing: a full disk is no error
    try:
        def lookup(doc_id: str):  # noqa: ANN202 - a Document or None
            try:
                return store.document(doc_id, with_records=False)  # the caveat reads its checks only
            except KeyError:
                return None

        return [with_caveat(a, lookup) for a in answers], document_names(store.documents())
    finally:
        store.close()


@cli.command(name="eval")
@click.argument("eval_set", type=click.Path(exists=True))
@click.option("--answers", "answers_path", type=click.Path(dir_okay=False), default=None,
              help="Write one JSON line per item with its answers.")
@click.option("--baseline/--no-baseline", default=True,
              help="Also measure the LlamaIndex default recipe on the same items.")
@click.option("--check-floors", is_flag=True, help="Exit 1 when a metric is below its floor.")
@click.option("--overall-floor", type=click.FloatRange(0, 1), default=None,
              help="This set's own overall floor (default 0.98, the sample's).")
@home_option
def eval_command(eval_set: str, answers_path: str | None, baseline: bool,
                 check_floors: bool, overall_floor: float | None, home: str | None) -> None:
    """Answer every item of an eval set (JSONL), print metrics, write answers."""
    from eval.runner import run_eval

    report = run_eval(_config(home), Path(eval_set),
                      Path(answers_path) if answers_path else None, baseline=baseline)
    if overall_floor is not None:
        report.overall_floor = overall_floor
    from eval.report_text import render_report

    click.echo(render_report(report))
    if check_floors and not report.meets_floors():
        sys.exit(1)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=7860, show_default=True, type=int)
@home_option
def serve(host: str, port: int, home: str | None) -> None:
    """Start the web chat (on the sample disclosure when nothing else was ingested)."""
    from ui.app import serve as serve_app

    serve_app(_config(home), host=host, port=port)


def main() -> None:
    """Console entry point: user errors in Chinese, never a traceback."""
    try:
        cli(standalone_mode=False)
    except SystemExit:
        raise
    except click.exceptions.Abort:
        click.echo("已取消。", err=True)
        sys.exit(1)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the one boundary that must never show a traceback
        log = _log_unexpected()
        if is_disk_full(error):  # a write the stores did not word themselves (a temporary file, …)
            click.echo("错误：磁盘空间不足，操作未完成；已导入的文档未受影响。请腾出磁盘空间后重试。", err=True)
            sys.exit(1)
        where = f"详细信息已记录在 {log}" if log else "详细信息也无法写入日志（数据目录不可写或磁盘已满）"
        click.echo(f"内部错误：操作未完成。{where}", err=True)
        sys.exit(2)


def _log_unexpected() -> Path | None:
    """Log the traceback to the home folder the command was using (else the default one);
    returns the log's path, or None when it could not be written."""
    logger = logging.getLogger("budgetqa")
    files = [Path(h.baseFilename) for h in logger.handlers if isinstance(h, logging.FileHandler)]
    try:
        path = files[0] if files else log_to_home(load_config().home)
    except BudgetQAError:  # a setting that cannot be read: no home to log to
        return None
    logger.error("unexpected error:\n%s", traceback.format_exc())
    return path if log_written(path) else None


if __name__ == "__main__":
    main()
