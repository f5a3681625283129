"""`serve OUT`: a real HTTP server on 127.0.0.1 (a real process), byte ranges for seeking, nothing outside OUT."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
from pathlib import Path

import httpx
import pytest

from .conftest import CLI, REPO, interactive_sigint, run_cli
from .test_cli import assert_one_line_error


@pytest.fixture()
def site(narrated_short, tmp_path):
    """A copy of a narrated OUT, served by `tts-pipeline serve` on a free port; yields (url, out)."""
    out = tmp_path / "out"
    shutil.copytree(narrated_short, out)
    (tmp_path / "secret.txt").write_text("outside OUT")
    (out / "short-page" / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (out / ".hidden").write_text("staging")
    (out / "catalog.sqlite").write_bytes(b"private")
    proc = subprocess.Popen(
        [*CLI, "serve", str(out), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        preexec_fn=interactive_sigint,
    )
    line = proc.stdout.readline()
    assert line.startswith("serving 1 narration from"), (line, proc.stderr.read() if proc.poll() is not None else "")
    yield line.split(" at ")[1].split()[0].rstrip("/"), out
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=15) == 0


def raw_get(url: str, path: str) -> int:
    """Status of a GET sent as raw bytes, so `..` reaches the server as written (clients collapse it)."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        return int(conn.recv(1024).split(b" ")[1])


def test_serves_player_audio_with_ranges_and_an_index(site):
    url, out = site
    page = httpx.get(f"{url}/short-page/player.html")
    assert page.status_code == 200 and "tts-player" in page.text
    mp3 = (out / "short-page" / "narration.mp3").read_bytes()
    part = httpx.get(f"{url}/short-page/narration.mp3", headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and part.content == mp3[100:200]
    assert part.headers["content-range"] == f"bytes 100-199/{len(mp3)}"
    index = httpx.get(f"{url}/")
    assert index.status_code == 200 and 'href="short-page/player.html"' in index.text
    assert httpx.get(f"{url}/_player/player.js").status_code == 200


def test_never_serves_outside_out_hidden_files_or_the_catalog(site):
    url, _ = site
    for path in (
        "/../secret.txt",
        "/short-page/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/short-page/%2e%2e/%2e%2e/secret.txt",
    ):
        assert raw_get(url, path) in (400, 404), path
    assert httpx.get(f"{url}/short-page/leak.txt").status_code == 404  # a symlink pointing out of OUT
    assert httpx.get(f"{url}/.hidden").status_code == 404
    assert httpx.get(f"{url}/catalog.sqlite").status_code == 404


def test_bad_requests_get_clean_4xx_answers(site):
    url, _ = site
    assert httpx.post(f"{url}/short-page/player.html").status_code == 405
    assert httpx.get(f"{url}/no-such-article/player.html").status_code == 404
    mp3 = f"{url}/short-page/narration.mp3"
    assert httpx.get(mp3, headers={"Range": "bytes=99999999-"}).status_code == 416
    assert httpx.get(mp3, headers={"Range": "lines=1-2"}).status_code in (200, 400, 416)
    assert raw_get(url, "/short-page/%00player.html") in (400, 404)


def test_serve_bad_input_is_one_line_and_exit_2(narrated_short, tmp_path):
    assert_one_line_error(run_cli("serve", str(tmp_path / "missing")), text="output folder not found")
    (tmp_path / "empty").mkdir()
    assert_one_line_error(run_cli("serve", str(tmp_path / "empty")), text="no narrations in")
    for name, content, text in (
        ("malformed", "{not json", "is not a readable report.json"),
        ("old", json.dumps({"id": "short-page", "verdict": "pass"}), "another version of tts-pipeline"),
    ):
        out = tmp_path / name
        shutil.copytree(narrated_short, out)
        (out / "short-page" / "report.json").write_text(content)
        assert_one_line_error(run_cli("serve", str(out)), text=text)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert_one_line_error(run_cli("serve", str(narrated_short), "--port", str(port)), text=f"port {port}")


def test_preview_serves_a_playable_page_then_the_verified_one(tmp_path):
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    proc = subprocess.Popen(
        [*CLI, "preview", str(REPO / "tests" / "data" / "short-page.txt"), "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
        preexec_fn=interactive_sigint,
    )
    try:
        first = proc.stdout.readline()
        assert first.startswith("preview: http://127.0.0.1:") and "playable after" in first, first
        url = first.split()[1]
        assert httpx.get(url).status_code == 200
        assert httpx.get(url.replace("player.html", "narration.mp3")).status_code == 200
        verified = proc.stdout.readline()
        assert "verified (pass)" in verified, verified
        data = httpx.get(url.replace("player.html", "readalong.json")).json()
        assert data["verdict"] == "pass" and data["sentences"]
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    assert proc.returncode == 0, proc.stderr.read()
    assert not list(Path(tmp_path).glob("tts-preview-*")), "the temporary folder is removed on Ctrl-C"


def test_preview_on_a_port_in_use_is_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = run_cli("preview", str(REPO / "tests" / "data" / "short-page.txt"), "--port", port, "--no-browser")
    assert_one_line_error(result, text=f"port {port}")


def test_preview_serves_the_article_being_narrated_not_an_older_one(tmp_path):
    """With -o OUT holding an earlier narration of the same article, the preview must show the new one."""
    from starlette.testclient import TestClient

    from tts_pipeline.publish.server import OutputSite

    (tmp_path / "short-page").mkdir()
    (tmp_path / "short-page" / "player.html").write_text("old narration")
    staging = tmp_path / ".short-page.tmp-1"
    staging.mkdir()
    (staging / "player.html").write_text("new narration")
    client = TestClient(OutputSite(tmp_path, {"short-page": staging}))
    assert client.get("/short-page/player.html").text == "new narration"
    assert client.get("/short-page/readalong.json").status_code == 204  # not verified yet: poll again
    (staging / "readalong.json").write_text("{}")
    assert client.get("/short-page/readalong.json").json() == {}
    staging.rename(tmp_path / "landed")  # the narration landed: the staging folder is gone
    assert client.get("/short-page/player.html").text == "old narration"
