"""Copied page text: the share of chrome lines the cleaner removes and of body lines it keeps.

Reads a TSV (header `page<TAB>label<TAB>line`; label title, body or chrome; lines in page order), joins each
page's lines as a person's copy of the page would, cleans it, and counts per line. Third-party or held-out
data is passed on the command line, never committed. `--show` lists every line scored wrong.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.clean import clean_text, load_rules


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=Path, required=True)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    if not args.lines.is_file():
        print(f"error: no such file {args.lines}", file=sys.stderr)
        return 2
    pages: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with args.lines.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            pages[row["page"]].append((row["label"], " ".join(row["line"].split())))
    rules = load_rules()
    counts = {"chrome": [0, 0], "body": [0, 0], "title": [0, 0]}  # [right, total]
    for page, lines in pages.items():
        try:
            article = clean_text("\n".join(line for _, line in lines), rules)
            kept = {article.title, *article.paragraphs}
            title = article.title
        except BadInput:
            kept, title = set(), None
        for label, line in lines:
            right = (line not in kept) if label == "chrome" else (line == title if label == "title" else line in kept)
            counts[label][0] += right
            counts[label][1] += 1
            if args.show and not right:
                print(f"page {page} {label} {'leaked' if label == 'chrome' else 'lost'}: {line}")
    for label, (right, total) in counts.items():
        verb = "removed" if label == "chrome" else "kept"
        print(f"{label}: {right}/{total} {verb} ({100 * right / max(1, total):.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
