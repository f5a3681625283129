"""Copied page text: the share of chrome lines the cleaner removes and of body lines it keeps.

Reads a TSV (header `page<TAB>label<TAB>line`, optionally with a `url` column after `page`; label title,
body or chrome, or `disputed` where two annotators disagree (scripts/label_agreement.py), which is not
scored; lines in page order), joins each page's lines as a person's copy of the page would, cleans it, and
counts per line. With URLs, it scores twice: each page alone, then as `batch` cleans it, with the site
templates learnt from every page of the set (stages/sitetemplate.py). Third-party or held-out data is
passed on the command line, never committed. `--show` lists every line scored wrong.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from tts_pipeline.errors import BadInput
from tts_pipeline.pipeline.sitelearn import learn_from_pages
from tts_pipeline.stages.chrome_rules import Rule, SiteRules, load_rules
from tts_pipeline.stages.clean import clean_input

LABELS = ("chrome", "body", "title")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=Path, required=True)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    if not args.lines.is_file():
        print(f"error: no such file {args.lines}", file=sys.stderr)
        return 2
    pages, urls = read_pages(args.lines)
    rules = load_rules()
    if not any(urls.values()):
        report(score(pages, urls, rules, None, args.show))
        return 0
    print("each page alone:")
    report(score(pages, urls, rules, None, False))
    with tempfile.TemporaryDirectory() as folder:
        learn(pages, urls, rules, Path(folder))
        print("with the site templates learnt from the set (as batch):")
        report(score(pages, urls, rules, SiteRules(Path(folder)), args.show))
    return 0


def read_pages(path: Path) -> tuple[dict[str, list[tuple[str, str]]], dict[str, str | None]]:
    pages: dict[str, list[tuple[str, str]]] = defaultdict(list)
    urls: dict[str, str | None] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            pages[row["page"]].append((row["label"], " ".join(row["line"].split())))
            urls[row["page"]] = row.get("url") or None
    return pages, urls


def _clean(lines: list[tuple[str, str]], rules: list[Rule], url: str | None, sites: SiteRules | None):
    try:
        return clean_input(_text(lines), rules, "text", url, sites)
    except BadInput:
        return None


def learn(pages: dict, urls: dict, rules: list[Rule], folder: Path) -> None:
    learn_from_pages(((_text(lines), "text", urls[page]) for page, lines in pages.items()), rules, folder)


def _text(lines: list[tuple[str, str]]) -> str:
    return "\n".join(line for _, line in lines)


def score(pages: dict, urls: dict, rules: list[Rule], sites: SiteRules | None, show: bool) -> dict:
    counts = {label: [0, 0] for label in LABELS}  # [right, total]
    for page, lines in pages.items():
        article = _clean(lines, rules, urls[page], sites)
        kept = Counter([article.title, *article.paragraphs]) if article else Counter()
        title = article.title if article else None
        # A chrome line worded as a kept line (the headline again under 'Most read') leaked only when the
        # text is kept more often than the page's title and body lines hold it.
        extra = kept - Counter(line for label, line in lines if label != "chrome")
        for label, line in lines:
            if label not in counts:
                continue  # 'disputed': two annotators labelled the line differently (scripts/label_agreement.py)
            if label == "chrome":
                right = extra[line] <= 0
                extra[line] -= 1
            else:
                right = line == title if label == "title" else kept[line] > 0
            counts[label][0] += right
            counts[label][1] += 1
            if show and not right:
                print(f"page {page} {label} {'leaked' if label == 'chrome' else 'lost'}: {line}")
    return counts


def report(counts: dict) -> None:
    for label, (right, total) in counts.items():
        verb = "removed" if label == "chrome" else "kept"
        print(f"{label}: {right}/{total} {verb} ({100 * right / max(1, total):.1f} %)")


if __name__ == "__main__":
    sys.exit(main())
