"""The web app: one FastAPI server holding the HTTP API, the public page and the staff desk.

Routes: `/api/*` (JSON API), `/desk` (staff desk, only when an admin password
is configured, behind Gradio's login), `/` (chat and table browser).
"""

from __future__ import annotations

import hmac
import socket
from collections.abc import Callable
from importlib import resources

import gradio as gr
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from assistant.config import Config
from assistant.logs import log_to_home
from ingest.errors import BudgetQAError
from ui.api import make_api_router
from ui.chat import build_public_app
from ui.desk import build_desk_app
from ui.login_limit import LoginLimiter, wait_message
from ui.page_identity import give_page_identity
from ui.shared_library import SharedLibrary

DESK_PATH = "/desk"
CJK_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
             "system-ui", "sans-serif"]


class PortInUse(BudgetQAError):
    """The port the web app should listen on is taken."""


def stylesheet() -> str:
    """The app's CSS (ui/style.css)."""
    return (resources.files("ui") / "style.css").read_text(encoding="utf-8")


def theme() -> gr.themes.Base:
    """Gradio's default theme with system CJK fonts (nothing fetched from the network)."""
    return gr.themes.Default(primary_hue="red", neutral_hue="slate", font=CJK_FONTS,
                             font_mono=["Noto Sans Mono CJK SC", "monospace"])


def password_check(password: str) -> Callable[[str, str], bool]:
    """Gradio login check: any user name, the configured admin password."""
    expected = password.encode("utf-8")

    def check(_username: str, given: str) -> bool:
        return hmac.compare_digest((given or "").encode("utf-8"), expected)

    return check


def build_app(config: Config, ensure_sample: bool = True) -> FastAPI:
    """The whole server: API routes first, then the desk, then the public page at the root."""
    shared = SharedLibrary(config, ensure_sample=ensure_sample)
    app = FastAPI(title="budgetqa", docs_url=None, redoc_url=None, openapi_url=None)
    app.include_router(make_api_router(shared))
    look = {"css": stylesheet(), "theme": theme(), "footer_links": []}
    if config.admin_password:
        app.add_api_route(DESK_PATH, _desk_slash, methods=["GET"], include_in_schema=False)
        limit_desk_logins(app, LoginLimiter())
        gr.mount_gradio_app(app, build_desk_app(shared), path=DESK_PATH,
                            auth=password_check(config.admin_password),
                            auth_message="工作人员后台：请输入管理员密码（用户名可任意填写）。",
                            max_file_size="50mb", **look)
    else:
        app.add_api_route(DESK_PATH, _desk_disabled, methods=["GET"])
        app.add_api_route(DESK_PATH + "/{rest:path}", _desk_disabled, methods=["GET", "POST"])
    refuse_public_files(app)
    give_page_identity(app)
    gr.mount_gradio_app(app, build_public_app(shared), path="/", max_file_size="1mb", **look)
    return app


PUBLIC_FILE_ROUTES = ("/gradio_api/upload", "/gradio_api/file={path:path}", "/file={path:path}",
                      "/gradio_api/upload_progress")


def refuse_public_files(app: FastAPI) -> None:
    """The public page has no file inputs or outputs: refuse Gradio's upload and file routes there.

    All Gradio apps of the process share one upload folder, so the public app's file route
    would otherwise hand out, without login, whatever staff uploaded through the desk.
    These routes are added before the public app is mounted at "/", so they win.
    """
    for path in PUBLIC_FILE_ROUTES:
        app.add_api_route(path, _no_public_files, methods=["GET", "HEAD", "POST"], include_in_schema=False)


async def _no_public_files() -> JSONResponse:
    return JSONResponse({"error": "公开页面不接受上传，也不提供文件下载。"}, status_code=403)


def limit_desk_logins(app: FastAPI, limiter: LoginLimiter) -> None:
    """Put `limiter` in front of the desk's login (Gradio's POST /desk/login)."""
    login_path = DESK_PATH + "/login"

    @app.middleware("http")
    async def limit_logins(request: Request, call_next) -> Response:  # noqa: ANN001 - Starlette's
        if request.method != "POST" or request.url.path.rstrip("/") != login_path:
            return await call_next(request)
        client = request.client.host if request.client else "unknown"
        wait = limiter.try_attempt(client)
        if wait:
            return JSONResponse({"detail": wait_message(wait)}, status_code=429,
                                headers={"Retry-After": str(int(wait) + 1)})
        response = await call_next(request)
        if response.status_code == 200:
            limiter.succeeded(client)
        return response


async def _desk_slash() -> RedirectResponse:
    return RedirectResponse(DESK_PATH + "/")


async def _desk_disabled() -> HTMLResponse:
    return HTMLResponse("<p>工作人员后台未启用：请设置环境变量 BUDGETQA_ADMIN_PASSWORD 后重新启动。</p>",
                        status_code=404)


def serve(config: Config, host: str = "127.0.0.1", port: int = 7860) -> None:
    """Start the web app and block until stopped (Ctrl+C)."""
    _check_port_free(host, port)
    log_to_home(config.home)
    print("正在打开资料库（首次启动时会先导入示例公开文件，检索段落在后台建立）……", flush=True)
    app = build_app(config)
    desk = f"，工作人员后台：http://{host}:{port}{DESK_PATH}" if config.admin_password else ""
    print(f"部门预算公开问答已启动：http://{host}:{port}/{desk}（按 Ctrl+C 停止）", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _check_port_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise PortInUse(f"无法在 {host}:{port} 上启动：端口已被占用或地址不可用，请用 --port 换一个端口。"
                            ) from error
