"""Serve an output folder over HTTP on loopback: `serve OUT` and the editor `preview`.

Starlette's StaticFiles does the file serving: byte ranges (so the player can seek in the MP3), and no path
that resolves outside OUT (`..`, or a symlink pointing out). On top: hidden files and folders (staging
folders, the batch lock) and the catalog are never served, and OUT/ without an index.html gets one made
from the reports. The preview also maps an article's id to its staging folder until the narration lands.
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from tts_pipeline.errors import BadInput
from tts_pipeline.publish.player import index_html
from tts_pipeline.publish.player.readalong import FILE_NAME as READALONG
from tts_pipeline.publish.reportfile import find_reports

PRIVATE_SUFFIXES = (".sqlite", ".sqlite-wal", ".sqlite-shm", ".lock")


class OutputSite:
    """ASGI app serving OUT read-only; `staged` maps an id to the folder it is being written in (preview)."""

    def __init__(self, root: Path, staged: dict[str, Path] | None = None) -> None:
        self.root = root.resolve()
        self.files = StaticFiles(directory=self.root, html=True, follow_symlink=False)
        self.staged = staged if staged is not None else {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        parts = [p for p in scope["path"].split("/") if p]
        if any(p.startswith(".") for p in parts) or scope["path"].endswith(PRIVATE_SUFFIXES):
            await PlainTextResponse("Not Found", status_code=404)(scope, receive, send)
            return
        if not parts and not (self.root / "index.html").is_file():
            await HTMLResponse(index_html(self.root))(scope, receive, send)
            return
        staging = self.staged.get(parts[0]) if parts else None
        if staging is not None and staging.is_dir():  # being narrated: served from there, not an older OUT/<id>
            if parts[1:] == [READALONG] and not (staging / READALONG).is_file():
                # Still verifying: "no content yet", which the player polls on quietly (a 404 logs an error).
                await Response(status_code=204)(scope, receive, send)
                return
            inner = {**scope, "path": "/" + "/".join(parts[1:]), "root_path": ""}
            await _serve(StaticFiles(directory=staging, follow_symlink=False), inner, receive, send)
            return
        await _serve(self.files, scope, receive, send)


async def _serve(files: StaticFiles, scope: Scope, receive: Receive, send: Send) -> None:
    """StaticFiles outside a Starlette app: its HTTPException (404, 405) becomes the response it names."""
    try:
        await files(scope, receive, send)
    except HTTPException as exc:
        await PlainTextResponse(exc.detail, status_code=exc.status_code)(scope, receive, send)


def check_output_folder(out: Path) -> int:
    """BadInput unless OUT is a folder of narrations whose reports this version reads; returns how many."""
    if not out.exists():
        raise BadInput(f"output folder not found: {out}")
    if not out.is_dir():
        raise BadInput(f"not a folder: {out}")
    reports = find_reports(out, strict=True)
    if not reports:
        raise BadInput(f"no narrations in {out} (no <id>/report.json): run narrate or batch into it first")
    return len(reports)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or BadInput naming the port in use (port 0: a free one)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == 98:  # EADDRINUSE
            raise BadInput(f"port {port} on {host} is in use; choose another with --port") from None
        raise BadInput(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket, path: str = "/") -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{path}"


class Server:
    """uvicorn on an already bound socket; run() blocks until Ctrl-C, start()/stop() run it in a thread."""

    def __init__(self, app: OutputSite, sock: socket.socket) -> None:
        import uvicorn

        self.sock = sock
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    def run(self) -> None:
        self._server.run(sockets=[self.sock])

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, name="tts-serve", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.sock.close()
