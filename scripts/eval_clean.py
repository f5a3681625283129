"""Dev-set score for the cleaner: every page in ../shared/devset/pages against expectations.json.

A page passes when every `with` snippet is in the cleaned article text (headline + paragraphs), no
`without` snippet is, and the headline starts with the expected title (where one is given; a few
expected titles are cut short). Whitespace is collapsed on both sides. Prints one line per failing
page, then a summary line (last). Exit 0; with --strict, 1 when any page fails. The data stays in ../shared.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.chrome_rules import load_rules
from tts_pipeline.stages.clean import clean_input

DEVSET = Path(__file__).resolve().parents[1].parent / "shared" / "devset"


def squash(text: str) -> str:
    return " ".join(text.split())


def check_page(entry: dict, devset: Path, rules) -> list[str]:
    """The problems with one page; empty when it passes."""
    try:
        article = clean_input((devset / entry["page"]).read_bytes(), rules)
    except BadInput as exc:
        return [f"bad input: {exc}"]
    text = squash(article.text)
    problems = [f"missing {w!r}" for w in entry["with"] if squash(w) not in text]
    problems += [f"leaked {w!r}" for w in entry["without"] if squash(w) in text]
    title = entry.get("title")
    if title and not squash(article.title).startswith(squash(title)):
        problems.append(f"title {article.title!r} != {title!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--strict", action="store_true", help="exit 1 when any page fails")
    args = parser.parse_args(argv)
    expectations = args.devset / "expectations.json"
    if not expectations.is_file():
        print(f"error: no dev set at {args.devset}", file=sys.stderr)
        return 2
    rules = load_rules()
    entries = json.loads(expectations.read_text(encoding="utf-8"))
    failed = 0
    for entry in entries:
        problems = check_page(entry, args.devset, rules)
        if problems:
            failed += 1
            print(f"FAIL {Path(entry['page']).name}: {'; '.join(problems)}")
    print(f"dev set: {len(entries) - failed}/{len(entries)} pages pass, {failed} fail")
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
