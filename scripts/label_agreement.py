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


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


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
    first, second = read(args.first), read(args.second)
    if [row["line"] for row in first] != [row["line"] for row in second]:
        print("error: the two files do not hold the same lines in the same order", file=sys.stderr)
        return 2
    pairs = Counter((a["label"], b["label"]) for a, b in zip(first, second, strict=True))
    for label in ("chrome", "body", "title"):
        total = sum(count for (a, _), count in pairs.items() if a == label)
        same = pairs[(label, label)]
        print(f"{label}: {same}/{total} labelled alike ({100 * same / max(1, total):.1f} %)")
    if args.consensus:
        with args.consensus.open("w", encoding="utf-8") as out:
            out.write("page\tlabel\tline\n")
            for a, b in zip(first, second, strict=True):
                label = a["label"] if a["label"] == b["label"] else "disputed"
                out.write(f"{a['page']}\t{label}\t{a['line']}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
