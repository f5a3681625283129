"""How far two annotators of the same copied pages agree, and the lines they agree on.

Reads two TSVs of the same rows (header `page<TAB>label<TAB>line`, labels title, body or chrome, as
scripts/eval_clean_copied.py reads them), prints how many of the first annotator's chrome lines the second
also calls chrome, and the same for body, and with `--consensus FILE` writes the rows again with
`disputed` for every line they label differently, for eval_clean_copied.py to leave unscored. A bar on
the cleaner is only as sharp as the people who label its pages agree.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

COLUMNS = ("page", "label", "line")


def read(path: Path) -> list[dict[str, str]]:
    """The file's rows; ValueError when it is not a page/label/line TSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if not set(COLUMNS) <= set(reader.fieldnames or ()):
            raise ValueError(f"{path} has no page, label and line columns")
        return list(reader)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--consensus", type=Path)
    args = parser.parse_args(argv)
    for path in (args.first, args.second):
        if not path.is_file():
            print(f"error: no such file {path}", file=sys.stderr)
            return 2
    try:
        first, second = read(args.first), read(args.second)
    except (ValueError, UnicodeDecodeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if [row["line"] for row in first] != [row["line"] for row in second]:
        print("error: the two files do not hold the same lines in the same order", file=sys.stderr)
        return 2
    pairs = Counter((a["label"], b["label"]) for a, b in zip(first, second, strict=True))
    for label in ("chrome", "body", "title"):
        total = sum(count for (a, _), count in pairs.items() if a == label)
        same = pairs[(label, label)]
        print(f"{label}: {same}/{total} labelled alike ({100 * same / max(1, total):.1f} %)")
    if args.consensus:
        rows = [
            f"{a['page']}\t{a['label'] if a['label'] == b['label'] else 'disputed'}\t{a['line']}\n"
            for a, b in zip(first, second, strict=True)
        ]
        partial = args.consensus.with_name(args.consensus.name + ".part")
        partial.write_text("page\tlabel\tline\n" + "".join(rows), encoding="utf-8")
        partial.replace(args.consensus)  # whole or not at all
    return 0


if __name__ == "__main__":
    sys.exit(main())
