"""Body F1 of the cleaner against human-marked article bodies, beside trafilatura alone (same run).

The metric is the article-extraction benchmarks' one: word 4-gram ("shingle") multisets of the
extracted body and the marked body, precision and recall per page, averaged over pages; F1 from the
two means. Our body is the cleaned paragraphs (the headline is left out, as the marked bodies leave it).

The data is read from a folder given on the command line (third-party data is never committed):
  DIR/ground-truth/NNNN.json  {"url", "ground_truth": {"main_content": ...}, "_internal": {"page_type": ...}}
  DIR/html/NNNN.html[.gz]
(the layout of the web-content-extraction-benchmark's release). `--half tune|held-out` splits the pages
by file number (odd: tune, even: held-out), so rules are tuned on one half and scored on the other.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import trafilatura

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.chrome_rules import load_rules
from tts_pipeline.stages.clean import clean_html

SHINGLE = 4
_TOKEN = re.compile(r"\w+")


def shingles(text: str) -> Counter:
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)))


def precision_recall(expected: str, got: str) -> tuple[float, float]:
    want, have = shingles(expected), shingles(got)
    if not got.strip():
        return (0.0, 0.0) if expected.strip() else (1.0, 1.0)
    overlap = sum((want & have).values())
    return overlap / max(1, sum(have.values())), overlap / max(1, sum(want.values()))


def marked(dataset: Path, half: str, kinds: set[str]) -> Iterator[tuple[str, dict, bytes]]:
    """(file id, marks, html bytes) for the pages of the chosen half and page kinds that have their html."""
    for truth_file in sorted((dataset / "ground-truth").glob("*.json")):
        number = int(truth_file.stem) if truth_file.stem.isdigit() else 0
        if (half == "tune" and number % 2 == 0) or (half == "held-out" and number % 2 == 1):
            continue
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        kind = truth.get("_internal", {}).get("page_type", {}).get("primary", "article")
        if kinds and kind not in kinds:
            continue
        html_file = dataset / "html" / f"{truth_file.stem}.html.gz"
        raw = gzip.decompress(html_file.read_bytes()) if html_file.exists() else None
        if raw is None:
            plain = dataset / "html" / f"{truth_file.stem}.html"
            if not plain.exists():
                continue
            raw = plain.read_bytes()
        yield truth_file.stem, truth["ground_truth"], raw


def pages(dataset: Path, half: str, kinds: set[str]) -> list[tuple[str, str, str]]:
    """(file id, html, marked body) for the pages of the chosen half and page kinds."""
    return [
        (page, raw.decode("utf-8", "replace"), marks["main_content"])
        for page, marks, raw in marked(dataset, half, kinds)
    ]


def ours(rules) -> Callable[[str], str]:
    def run(html: str) -> str:
        try:
            return "\n".join(clean_html(html, rules).paragraphs)
        except BadInput:
            return ""

    return run


def library(**options) -> Callable[[str], str]:
    return lambda html: trafilatura.extract(html, **options) or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--half", choices=("tune", "held-out", "all"), default="held-out")
    parser.add_argument("--kind", action="append", default=[], help="page kinds to score (default: article, blog)")
    parser.add_argument("--worst", type=int, default=0, help="list our N worst pages by F1")
    parser.add_argument("--rules", type=Path, action="append", default=[], help="extra rules file")
    args = parser.parse_args(argv)
    if not (args.dataset / "ground-truth").is_dir():
        print(f"error: no ground-truth folder in {args.dataset}", file=sys.stderr)
        return 2
    chosen = pages(args.dataset, args.half, set(args.kind or ("article", "blog")))
    systems = {
        "trafilatura default": library(),
        "trafilatura favor_precision": library(favor_precision=True),
        "tts-pipeline clean": ours(load_rules(args.rules)),
    }
    print(f"{len(chosen)} pages ({args.half})")
    for name, system in systems.items():
        scores = {page_id: precision_recall(truth, system(html)) for page_id, html, truth in chosen}
        precision = sum(p for p, _ in scores.values()) / len(scores)
        recall = sum(r for _, r in scores.values()) / len(scores)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{name:30} F1 {f1:.3f}  precision {precision:.3f}  recall {recall:.3f}")
        if name == "tts-pipeline clean" and args.worst:
            by_f1 = sorted(scores.items(), key=lambda kv: 2 * kv[1][0] * kv[1][1] / max(1e-9, sum(kv[1])))
            for page_id, (p, r) in by_f1[: args.worst]:
                print(f"  {page_id}: precision {p:.3f} recall {r:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
