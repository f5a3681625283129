"""Browser test support: Debian's Chromium driven by Playwright (never a downloaded browser), a real HTTP
server (our `serve` app) on 127.0.0.1, and axe-core from npm."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HOST_PAGE = "pcmag.com.platters.html"  # a dev-set article, narrated for the player tests
CHROMIUM = os.environ.get("TTS_PIPELINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = REPO / ".venv" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
DEVSET = REPO.parent / "shared" / "devset" / "pages"


def require(path: Path, what: str) -> None:
    """Skip where a developer lacks a browser-side tool; in CI (which installs them) fail instead."""
    if not Path(path).exists():
        message = f"{what} not found at {path} (make test installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


class Page:
    """A Playwright page that records console errors and uncaught exceptions, and every tts:* event."""

    RECORD_EVENTS = """
      window.ttsEvents = [];
      for (const name of ['tts:play', 'tts:pause', 'tts:ended', 'tts:progress', 'tts:sentence'])
        document.addEventListener(name, (e) => window.ttsEvents.push({name, detail: e.detail}));
    """

    def __init__(self, browser) -> None:
        self.context = browser.new_context(viewport={"width": 1000, "height": 800})
        self.page = self.context.new_page()
        self.errors: list[str] = []  # console errors and uncaught exceptions
        self.failed: list[str] = []  # local responses of 400 and up
        self.external: list[str] = []  # requests that would leave this machine (answered empty here)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        self.context.route(re.compile(r"^(?!(http://127\.0\.0\.1[:/]|file:|data:)).*"), self._external)
        self.page.add_init_script(self.RECORD_EVENTS)

    def _console(self, message) -> None:
        # A failed load is reported by the response listener, with its URL.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(message.text)

    def _external(self, route) -> None:
        self.external.append(route.request.url)
        route.fulfill(status=204, body="")

    def problems(self, ours: str = "") -> list[str]:
        """Console errors, plus failed responses whose URL contains `ours` (every one when empty)."""
        return self.errors + [f for f in self.failed if ours in f]

    def open(self, url: str, player: str = ".tts-player") -> None:
        self.page.goto(url)
        self.page.wait_for_selector(f"{player}[data-tts-enhanced]", state="attached", timeout=10_000)

    def seek(self, seconds: float, player: str = ".tts-player") -> None:
        """Seek the player's audio and wait until the seek is done and the player has caught up."""
        self.page.evaluate(
            """([sel, t]) => new Promise((done, fail) => {
                 const audio = document.querySelector(sel + ' audio');
                 const caughtUp = () => requestAnimationFrame(() => requestAnimationFrame(done));
                 audio.addEventListener('seeked', caughtUp, {once: true});
                 setTimeout(() => fail(new Error('no seeked event: is the audio loaded?')), 10000);
                 audio.currentTime = t;
               })""",
            [player, seconds],
        )

    def highlight(self, name: str) -> list[str]:
        return self.page.evaluate(
            "(name) => { const h = CSS.highlights.get(name); return h ? [...h].map((r) => r.toString()) : []; }", name
        )

    def current_time(self) -> float:
        return self.page.evaluate("document.querySelector('.tts-player audio').currentTime")

    def close(self) -> None:
        self.context.close()
