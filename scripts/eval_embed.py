"""How well the embed finds an article's paragraphs on the publisher's own page: every dev-set page
(../shared/devset/pages, read from there, never copied) with our player element pasted in, loaded in
Debian's Chromium, and the player's own count of matched paragraphs (data-tts-matched) read back.

No narration is needed: matching uses only the paragraph hashes of the read-along data. The page's own
scripts are dropped (they would reach for the network). Prints one line per page, then the total.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

from tts_pipeline.errors import BadInput
from tts_pipeline.publish import player
from tts_pipeline.publish.player.pages import player_element
from tts_pipeline.publish.player.readalong import normalise_text, text_hash
from tts_pipeline.publish.server import OutputSite, Server, bind, url_of
from tts_pipeline.stages.chrome_rules import load_rules
from tts_pipeline.stages.clean import clean_input

DEVSET = Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "pages"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def host_page(path: Path, rules) -> tuple[str, int] | None:
    """The page with its scripts dropped and our player (paragraph hashes only) before </body>."""
    raw = path.read_bytes()
    try:
        article = clean_input(raw, rules, "html")
    except BadInput:
        return None
    texts = [normalise_text(t) for t in (article.title, *article.paragraphs)]
    data = {
        "version": 1,
        "id": path.stem,
        "paragraphs": [{"index": i, "hash": text_hash(t), "text": t} for i, t in enumerate(texts)],
    }
    data |= {"sentences": [], "faults": [], "verdict": "pass", "duration": 1.0, "metadata": {}}
    html = raw.decode("utf-8", errors="replace")
    html = re.sub(r"<script\b.*?</script>", "", html, flags=re.S | re.I)
    snippet = player_element("./", path.stem, "none.mp3", None, data) + '<script src="/_player/player.js"></script>'
    html = html.replace("</body>", snippet + "</body>", 1) if "</body>" in html else html + snippet
    return html, len(texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEVSET)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rules = load_rules(())
    matched_total = paragraphs_total = 0
    with tempfile.TemporaryDirectory() as root, sync_playwright() as playwright:
        player.write_assets(Path(root))
        sock = bind("127.0.0.1", 0)
        server = Server(OutputSite(Path(root)), sock)
        server.start()
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        context = browser.new_context()
        context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.fulfill(status=204, body=""))
        for path in sorted(args.devset.glob("*.html")):
            made = host_page(path, rules)
            if made is None:
                print(f"{path.name:45s} no article")
                continue
            html, total = made
            (Path(root) / path.name).write_text(html, encoding="utf-8")
            page = context.new_page()
            page.goto(url_of(sock, f"/{path.name}"))
            page.wait_for_selector(".tts-player[data-tts-ready]", state="attached", timeout=20_000)
            matched = int(page.get_attribute(".tts-player", "data-tts-matched").split("/")[0])
            page.close()
            matched_total, paragraphs_total = matched_total + matched, paragraphs_total + total
            print(f"{path.name:45s} {matched}/{total}")
        browser.close()
        server.stop()
    share = matched_total / max(paragraphs_total, 1)
    print(f"matched {matched_total}/{paragraphs_total} paragraphs ({share:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
