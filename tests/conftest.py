"""Shared fixtures: real espeak-ng and real Whisper, loaded once per test session."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tts_pipeline.publish.server import OutputSite, Server, bind, url_of

from .browser import CHROMIUM, DEVSET, HOST_PAGE, Page, require

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = REPO / "samples" / "lbc-ukraine-troops-page.txt"
SHORT_PAGE = DATA / "short-page.txt"
CLI = [sys.executable, "-m", "tts_pipeline"]


@pytest.fixture(scope="session")
def engine():
    from tts_pipeline.stages.engines import create_engine
    from tts_pipeline.stages.voices import get_voice

    tts = create_engine(get_voice("en-us"))
    yield tts
    tts.close()


@pytest.fixture(scope="session")
def recognizer():
    from tts_pipeline.stages.asr import create_recognizer

    return create_recognizer("faster-whisper", "tiny.en")


@pytest.fixture(scope="session")
def short_wav(engine, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("clip") / "clip.wav"
    engine.synthesize("The city council voted on Tuesday to build a new bridge across the river.", path)
    return path


@pytest.fixture(scope="session")
def narrated_short(tmp_path_factory) -> Path:
    """The short page narrated once through the real CLI; returns OUT."""
    out = tmp_path_factory.mktemp("narrated") / "out"
    result = run_cli("narrate", str(SHORT_PAGE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def interactive_sigint() -> None:
    """preexec_fn for a child that a test stops with Ctrl-C (SIGINT): a test run started in the background
    (`make test &`) ignores SIGINT, and its children inherit that, so Python in them would never see it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Run the CLI in a real process, as a user would, capturing stdout and stderr as text."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    env.pop("TTS_PIPELINE_DEBUG", None)
    proc = subprocess.run(CLI + list(args), input=stdin, capture_output=True, env=env, cwd=REPO, timeout=600)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


# ---- the player's browser tests (tests/browser.py) ----


@pytest.fixture(scope="session")
def browser():
    require(Path(CHROMIUM), "Debian chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--autoplay-policy=no-user-gesture-required", "--mute-audio"]
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """A dev-set article narrated through the CLI, its original page as a publisher's host page with our embed,
    served on 127.0.0.1; yields (base URL, OUT, id)."""
    require(DEVSET / HOST_PAGE, "the dev set (../shared/devset)")
    out = tmp_path_factory.mktemp("player") / "out"
    result = run_cli("narrate", str(DEVSET / HOST_PAGE), "-o", str(out), "--base-url", "/")
    assert result.returncode == 0, result.stderr
    sock = bind("127.0.0.1", 0)
    server = Server(OutputSite(out), sock)
    server.start()
    yield url_of(sock).rstrip("/"), out, "pcmag-com-platters"
    server.stop()


@pytest.fixture()
def page(browser):
    """A fresh page; afterwards no console errors, no failed loads of ours, and (but for a publisher's own
    page, which loads its own things) no request leaving the machine."""
    opened = Page(browser)
    opened.host_page = False
    yield opened
    assert opened.problems("" if not opened.host_page else "/pcmag-com-platters/") == []
    assert opened.problems("/_player/") == []
    assert opened.host_page or opened.external == [], "no third-party requests"
    opened.close()
