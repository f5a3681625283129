"""The README's picture of the player: a narration's player.html in Debian's Chromium, paused mid-sentence
so the sentence and word highlights show. Usage: screenshot_player.py OUT ID PNG [--seconds S] [--dark]."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from tts_pipeline.publish.server import OutputSite, Server, bind, url_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("ident")
    parser.add_argument("png", type=Path)
    parser.add_argument("--seconds", type=float, default=33.0)
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    sock = bind("127.0.0.1", 0)
    server = Server(OutputSite(args.out), sock)
    server.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium")
            page = browser.new_page(
                viewport={"width": 900, "height": 620},
                device_scale_factor=1,
                color_scheme="dark" if args.dark else "light",
            )
            page.goto(url_of(sock, f"/{args.ident}/player.html"))
            page.wait_for_selector(".tts-player[data-tts-ready]", state="attached")
            page.evaluate(
                """(t) => new Promise((done) => { const a = document.querySelector('.tts-player audio');
                     a.addEventListener('seeked', () => setTimeout(done, 300), {once: true}); a.currentTime = t; })""",
                args.seconds,
            )
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(args.png))
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
