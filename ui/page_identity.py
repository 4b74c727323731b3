"""The public page introduces itself as the product: a Chinese page with our title, description and icon.

Gradio's page template says `lang="en"` and carries Gradio's own share tags ("Gradio",
"Click to try out the app!"), which is what a shared link shows in chat apps and portals.
The page HTML is rewritten on its way out; the app inside it is untouched.
"""

from __future__ import annotations

import re
from html import escape
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import Response

TITLE = "部门预算公开问答"
DESCRIPTION = "用大白话询问部门预算、决算公开文件里的数字和说明，回答附带出处：表格的行和列，或正文章节。"
ICON_PATH = "/icon.svg"

_LANG = re.compile(r'(<html\b[^>]*?\blang=")[^"]*(")')
_SHARE_TAGS = re.compile(r'\s*<meta\s+(?:property="og:[^"]*"|name="twitter:[^"]*"|name="description")[^>]*>')
_CHARSET = re.compile(r'<meta charset="[^"]*"\s*/?>')


def identity_head() -> str:
    """Title, description, share tags and icon, in the page's <head>."""
    title, description = escape(TITLE), escape(DESCRIPTION)
    return (f'\n\t\t<title>{title}</title>'
            f'\n\t\t<meta name="description" content="{description}" />'
            f'\n\t\t<meta property="og:type" content="website" />'
            f'\n\t\t<meta property="og:title" content="{title}" />'
            f'\n\t\t<meta property="og:description" content="{description}" />'
            f'\n\t\t<meta property="og:locale" content="zh_CN" />'
            f'\n\t\t<meta name="twitter:card" content="summary" />'
            f'\n\t\t<meta name="twitter:title" content="{title}" />'
            f'\n\t\t<meta name="twitter:description" content="{description}" />'
            f'\n\t\t<link rel="icon" type="image/svg+xml" href="{ICON_PATH}" />')


def rewrite_page(html: str) -> str:
    """Gradio's page HTML with lang="zh-CN", without Gradio's share tags, with ours."""
    html = _LANG.sub(r"\1zh-CN\2", html, count=1)
    html = _SHARE_TAGS.sub("", html)
    charset = _CHARSET.search(html)
    at = charset.end() if charset else html.find("<head>") + len("<head>")
    return html[:at] + identity_head() + html[at:]


def icon_svg() -> bytes:
    return (resources.files("ui") / "static" / "icon.svg").read_bytes()


def give_page_identity(app: FastAPI, page_path: str = "/") -> None:
    """Rewrite the HTML of `page_path` and serve the icon (added before the page's app is mounted)."""

    async def icon() -> Response:
        return Response(icon_svg(), media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})

    app.add_api_route(ICON_PATH, icon, methods=["GET", "HEAD"], include_in_schema=False)

    @app.middleware("http")
    async def rewrite(request: Request, call_next) -> Response:  # noqa: ANN001 - Starlette's
        response = await call_next(request)
        if (request.method != "GET" or request.url.path != page_path
                or not response.headers.get("content-type", "").startswith("text/html")):
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])
        page = rewrite_page(body.decode("utf-8")).encode("utf-8")
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        return Response(page, status_code=response.status_code, headers=headers)
