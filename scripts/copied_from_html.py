"""Real pages as a person copies them: each marked page of an HTML benchmark as its Ctrl-A, Ctrl-C text,
its lines labelled by the benchmark's marked body, written as a copied-text set (page/label/line TSV) for
scripts/eval_clean_copied.py.

The copy is Chromium's own `document.body.innerText` (what a selection of the whole page copies), with
scripts off and no network. A line is `title` where it is the marked title (the page's first such line),
`body` where it is a whole block of the marked body, or a long line (LONG_LINE_WORDS words) inside it, and
`chrome` otherwise; a page whose title line is not found is left out. The marks are the benchmark's (an
annotation model's, checked by people), so they carry its noise: read the lost lines before believing them.

    python scripts/copied_from_html.py --dataset DIR --out lines.tsv [--half held-out]

DIR is the web-content-extraction-benchmark release's layout (ground-truth/NNNN.json, html/NNNN.html[.gz]);
pages are split by number as scripts/eval_clean_f1.py splits them, and only article and blog pages are used.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

from eval_clean_f1 import marked  # the benchmark's pages, split by number as the F1 score splits them
from playwright.sync_api import sync_playwright

LONG_LINE_WORDS = 6  # a shorter line is body only as a whole block ('Politics' is a word of many bodies)
KINDS = ("article", "blog")
CHROMIUM = os.environ.get("TTS_PIPELINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
_QUOTES = str.maketrans("‘’“”–—", "''\"\"--")


def normalised(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().translate(_QUOTES)
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s']", " ", text)).strip()


def labelled(lines: list[str], marks: dict) -> list[tuple[str, str]] | None:
    """(label, line) for each line, or None when the page's title line is not among them. A block the page
    shows more often than the marked body has it (a table of contents, a pull quote) is body only as often,
    at its places among the body's other lines."""
    body = normalised(marks["main_content"])
    blocks = Counter(normalised(block) for block in marks["main_content"].splitlines())
    del blocks[""]
    title = normalised(marks.get("title") or "")
    keys = [normalised(line) for line in lines]
    labels, found = [], False
    for key in keys:
        if not found and title and key == title:
            label, found = "title", True
        elif key in blocks or (len(key.split()) >= LONG_LINE_WORDS and f" {key} " in f" {body} "):
            label = "body"
        else:
            label = "chrome"
        labels.append(label)
    once = [i for i, label in enumerate(labels) if label == "body" and keys.count(keys[i]) == 1]
    start, end = (once[0], once[-1]) if once else (0, len(lines))
    for key, times in blocks.items():
        places = [i for i, k in enumerate(keys) if k == key and labels[i] == "body"]
        if len(places) > times:
            inside = [i for i in places if start <= i <= end] or places
            for i in set(places) - set(inside[:times]):
                labels[i] = "chrome"
    return list(zip(labels, lines, strict=True)) if found else None


def copied_text(page, raw: bytes, scratch: Path) -> list[str]:
    """The page's lines as Chromium copies them."""
    html = scratch / "page.html"
    html.write_bytes(raw)
    page.goto(html.as_uri(), wait_until="domcontentloaded", timeout=15000)
    text = page.evaluate("document.body ? document.body.innerText : ''")
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.splitlines())
    return [line.replace("\t", " ").replace('"', "“") for line in lines if line]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--half", choices=("tune", "held-out", "all"), default="held-out")
    args = parser.parse_args()
    if not (args.dataset / "ground-truth").is_dir() or not (args.dataset / "html").is_dir():
        print(f"error: {args.dataset} has no ground-truth/ and html/ folders", file=sys.stderr)
        return 2
    rows: list[tuple[str, str, str]] = []
    skipped = 0
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as scratch:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_context(java_script_enabled=False, offline=True).new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        for page_id, marks, raw in marked(args.dataset, args.half, set(KINDS)):
            if not marks.get("main_content"):
                continue
            try:
                labels = labelled(copied_text(page, raw, Path(scratch)), marks)
            except Exception:  # a page the browser cannot open is left out and counted
                labels = None
            skipped += labels is None
            rows += [(page_id, label, line) for label, line in labels or []]
        browser.close()
    partial = args.out.with_name(args.out.name + ".partial")
    partial.write_text("page\tlabel\tline\n" + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    partial.replace(args.out)  # no half-written set if interrupted
    pages = len({row[0] for row in rows})
    print(f"{pages} pages, {len(rows)} lines -> {args.out} ({skipped} left out: no title line, or unreadable)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
