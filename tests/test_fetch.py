"""URL input against a real HTTP server this test starts on 127.0.0.1 (never any other address)."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.fetch import fetch
from tts_pipeline.stages.source import read_source

from .conftest import DATA, run_cli

PAGE = (DATA / "news-page.html").read_bytes()


class Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, str, bytes]]] = {
        "/page.html": (200, "text/html; charset=utf-8", PAGE),
        "/latin.html": (200, "text/html; charset=windows-1252", PAGE.replace("£".encode(), b"\xa3")),
        "/copied.txt": (200, "text/plain", (DATA / "short-page.txt").read_bytes()),
        "/missing": (404, "text/html", b"<html><body>Not found</body></html>"),
        "/broken": (500, "text/html", b"<html><body>Server error</body></html>"),
        "/report.pdf": (200, "application/pdf", b"%PDF-1.7 not a page"),
        "/empty.html": (200, "text/html", b"<html><body><nav>Home</nav></body></html>"),
    }

    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/page.html")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"x" * 16_384 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        status, ctype, body = self.routes.get(self.path, self.routes["/missing"])
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetches_html_following_redirects(server):
    src = read_source(f"{server}/moved")
    assert src.kind == "html" and src.url == f"{server}/page.html" and src.name == ""
    assert "Harbour wall repairs begin" in src.text


def test_http_charset_is_used(server):
    assert "£2.4m" in read_source(f"{server}/latin.html").text


def test_plain_text_url_is_copied_page_text(server):
    assert read_source(f"{server}/copied.txt").kind == "text"


@pytest.mark.parametrize(
    ("path", "message"),
    [("/missing", "HTTP 404"), ("/broken", "HTTP 500"), ("/report.pdf", "application/pdf, not an HTML")],
)
def test_bad_responses_are_bad_input(server, path, message):
    with pytest.raises(BadInput, match=message):
        fetch(server + path)


def test_size_cap(server):
    with pytest.raises(BadInput, match="larger than"):
        fetch(f"{server}/huge", max_bytes=256 * 1024)


def test_timeout(server):
    with pytest.raises(BadInput, match="timed out"):
        fetch(f"{server}/slow", timeout=0.5)


def test_unreachable_host():
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(BadInput, match="cannot reach"):
        fetch(f"http://127.0.0.1:{port}/page.html")


def test_cli_cleans_a_url(server):
    result = run_cli("clean", f"{server}/page.html")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Harbour wall repairs begin after winter storms\n")


@pytest.mark.parametrize(("path", "text"), [("/missing", "HTTP 404"), ("/empty.html", "no article")])
def test_cli_bad_url_is_one_line_exit_2(server, path, text):
    result = run_cli("clean", server + path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1 and text in result.stderr
