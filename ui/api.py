"""HTTP API for portals and apps: `POST /api/ask` returns DESIGN.md's Answer JSON.

Body: {"question": "公车有几辆？", "history": ["earlier question", …], "doc": "luohu-2022" | null}.
`history` replays the earlier questions of the conversation so follow-ups
("那2021年呢？") resolve. A bad request gets a 4xx JSON {"error": "<Chinese message>"}.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from index.errors import CorruptStore, EmbedderMismatch, StoreFull, StoreUnavailable
from ingest.errors import BudgetQAError
from ui.shared_library import MAX_QUESTION_CHARS, SharedLibrary, user_message

SERVER_FAULTS = (StoreUnavailable, CorruptStore, StoreFull, EmbedderMismatch)
log = logging.getLogger("budgetqa.ui")

MAX_HISTORY = 10
MAX_BODY_BYTES = 64 * 1024
# Portals call the API from their own pages' JavaScript. The API is public and read-only and
# uses no cookies, so any origin may call it (the staff desk, which uses cookies, is not under /api).
CORS_HEADERS = {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": "Content-Type", "Access-Control-Max-Age": "86400"}


class BadRequest(BudgetQAError):
    """The API request body is not what /api/ask expects."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class AskRequest:
    """A validated /api/ask body."""

    question: str
    history: tuple[str, ...] = ()
    doc: str | None = None


MAX_INTEGER_DIGITS = 30  # no field takes a number; a longer one is refused before Python converts it
TOO_LARGE = f"请求体过大（超过 {MAX_BODY_BYTES // 1024} KB）。请只提交问题、history 和 doc。"


async def read_body(request: Request) -> bytes:
    """The request body, refused (413) from its declared length or as soon as it grows past the limit.

    Reading stops at the limit, so a client cannot make the server hold a huge body in memory.
    """
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise BadRequest("请求头 Content-Length 无效。")
        if int(declared) > MAX_BODY_BYTES:
            raise BadRequest(TOO_LARGE, 413)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise BadRequest(TOO_LARGE, 413)
    return bytes(body)


def parse_ask_request(body: bytes) -> AskRequest:
    """Validate the JSON body; raises BadRequest with a Chinese message naming the problem."""
    if len(body) > MAX_BODY_BYTES:
        raise BadRequest(TOO_LARGE, 413)
    data = _json_object(body)
    unknown = sorted(set(data) - {"question", "history", "doc"})
    if unknown:
        names = "、".join(shown(name) for name in unknown)
        raise BadRequest(f"不认识的字段：{names}。可用字段：question、history、doc。")
    question = _question(data.get("question"), "question")
    history = data.get("history") or []
    if not isinstance(history, list):
        raise BadRequest("history 应是之前问过的问题组成的列表（文字）。")
    if len(history) > MAX_HISTORY:
        raise BadRequest(f"history 最多 {MAX_HISTORY} 个问题，收到 {len(history)} 个。")
    doc = data.get("doc")
    if doc is not None and (not isinstance(doc, str) or not doc.strip()):
        raise BadRequest("doc 应是文件编号或文件名（文字），或不填。")
    if doc is not None:
        _require_valid_text(doc, "doc")
    return AskRequest(question, tuple(_question(h, "history") for h in history), doc.strip() if doc else None)


def _json_object(body: bytes) -> dict:
    """The body as a JSON object; hostile JSON (deep nesting, huge numbers) is a BadRequest, not a crash."""
    try:
        data = json.loads(body.decode("utf-8"), parse_int=_bounded_int)
    except RecursionError as error:
        raise BadRequest("请求体的 JSON 嵌套层数太多。示例：{\"question\": \"公车有几辆？\"}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadRequest('请求体不是有效的 JSON。示例：{"question": "公车有几辆？"}') from error
    if not isinstance(data, dict):
        raise BadRequest('请求体应是一个 JSON 对象，例如 {"question": "公车有几辆？"}。')
    return data


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise BadRequest(f"请求体里的数字太长（{len(digits)} 位）：问题和文件编号都应是文字。")
    return int(digits)


def _require_valid_text(value: str, field: str) -> None:
    """Refuse text that is not valid Unicode (a lone surrogate such as \\ud800 cannot be stored or searched)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise BadRequest(f"{field} 含有无效字符（不成对的 UTF-16 代理字符），请检查文字编码。") from error


def shown(text: str, limit: int = 60) -> str:
    """User text quoted back in an error: no markup (angle brackets become full-width), cut to `limit`."""
    text = text.replace("<", "＜").replace(">", "＞")
    return text if len(text) <= limit else text[:limit] + "…"


def _question(value: object, field: str) -> str:
    if value is None:
        missing = "缺少 question：请提供问题文字。" if field == "question" else "history 里有空的问题。"
        raise BadRequest(missing)
    if not isinstance(value, str) or not value.strip():
        raise BadRequest(f"{field} 应是非空的问题文字。")
    _require_valid_text(value, field)
    if len(value.strip()) > MAX_QUESTION_CHARS:
        raise BadRequest(f"问题太长：{len(value.strip())} 字，最多 {MAX_QUESTION_CHARS} 字。")
    return value.strip()


def answer_request(shared: SharedLibrary, request: AskRequest) -> dict:
    """Answer the request's question after replaying its history; the Answer as a dict."""
    doc_id = None
    if request.doc:
        doc_id = shared.resolve(request.doc)
        if doc_id is None:
            known = "、".join(info.doc_id for info in shared.documents()) or "（无）"
            raise BadRequest(f"没有找到文件“{shown(request.doc)}”。已载入的文件编号：{known}。", 404)
    conversation = shared.conversation(doc_id)
    for earlier in request.history:
        shared.ask(conversation, earlier)
    return shared.ask(conversation, request.question).to_dict()


def make_api_router(shared: SharedLibrary) -> APIRouter:
    """The /api routes: POST /api/ask and GET /api/documents."""
    router = APIRouter(prefix="/api")

    def reply(content: object, status_code: int = 200, headers: dict | None = None) -> JSONResponse:
        return JSONResponse(content, status_code=status_code, headers={**CORS_HEADERS, **(headers or {})})

    @router.options("/ask")
    @router.options("/documents")
    async def preflight() -> Response:
        return Response(status_code=204, headers=CORS_HEADERS)

    @router.post("/ask")
    async def ask(request: Request) -> JSONResponse:
        try:
            parsed = parse_ask_request(await read_body(request))
            answer = await run_in_threadpool(answer_request, shared, parsed)
        except BadRequest as error:
            return reply({"error": str(error)}, status_code=error.status)
        except SERVER_FAULTS as error:  # the stores, not the request: log it, and say so with a 5xx
            log.error("the stores failed while answering", exc_info=error)
            return reply({"error": str(error)}, status_code=503)
        except BudgetQAError as error:
            return reply({"error": str(error)}, status_code=422)
        except Exception as error:  # noqa: BLE001 - a client gets JSON, never a traceback
            return reply({"error": user_message(error)}, status_code=500)
        return reply(answer)

    @router.get("/ask")
    async def ask_with_get() -> JSONResponse:
        message = '请用 POST 提交问题，请求体为 JSON，例如 {"question": "公车有几辆？"}。'
        return reply({"error": message}, status_code=405, headers={"Allow": "POST"})

    @router.get("/documents")
    async def documents() -> JSONResponse:
        infos = await run_in_threadpool(shared.documents)
        return reply([{"doc": i.doc_id, "title": i.title, "department": i.department,
                       "level": i.level, "region": i.region, "year": i.year, "kind": i.kind,
                       "source_name": i.source_name} for i in infos])

    return router
