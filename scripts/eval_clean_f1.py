"""Body F1 of the cleaner against human-marked article bodies, beside trafilatura alone (same run).

The metric is the article-extraction benchmark's own (scrapinghub/article-extraction-benchmark,
evaluate.py): word 4-gram ("shingle") multisets of the extracted body and the marked body, case kept;
each page's true/false positives and false negatives normalised to sum to one; precision averaged over
the pages where something was extracted, recall over the pages with a marked body; F1 from the two means.
Our body is the cleaned paragraphs (the headline is left out, as the marked bodies leave it). trafilatura
runs with `include_comments=False`, as our cleaner does and as issue #15's table measured it.

`--bootstrap N` resamples the pages N times and gives our F1 minus each library setting's, paired on the
same pages, with its standard deviation: a gap inside that spread is the sample's noise, not a result.

The data is read from a folder given on the command line (third-party data is never committed), in either
of two layouts:
  DIR/ground-truth.json {key: {"articleBody", "url"}} and DIR/html/KEY.html.gz  (a clone of the
      article-extraction benchmark: 181 news pages)
  DIR/ground-truth/NNNN.json {"url", "ground_truth": {"main_content": ...}, "_internal": {"page_type": ...}}
      and DIR/html/NNNN.html[.gz]  (the web-content-extraction-benchmark's release)
`--half tune|held-out` splits the pages by number (odd: tune, even: held-out; the article benchmark's pages
are numbered in key order), so rules are tuned on one half and scored on the other.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
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
Counts = tuple[float, float, float]  # one page's true positives, false positives, false negatives (sum 1)


def shingles(text: str) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens)


def page_counts(expected: str, got: str) -> Counts:
    """One page's shingle matches, normalised so that a long page weighs no more than a short one."""
    want, have = shingles(expected), shingles(got)
    true = sum((want & have).values())
    false_pos, false_neg = sum((have - want).values()), sum((want - have).values())
    total = true + false_pos + false_neg
    return (true / total, false_pos / total, false_neg / total) if total else (0.0, 0.0, 0.0)


def scores(pages: list[Counts]) -> tuple[float, float, float]:
    """(F1, precision, recall) over pages, as the benchmark's evaluate.py computes them."""
    precisions = [1.0 if fp == fn == 0 else tp / (tp + fp) for tp, fp, fn in pages if tp + fp > 0]
    recalls = [1.0 if fp == fn == 0 else tp / (tp + fn) for tp, fp, fn in pages if tp + fn > 0]
    precision = sum(precisions) / max(1, len(precisions))
    recall = sum(recalls) / max(1, len(recalls))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def paired_difference(ours: list[Counts], theirs: list[Counts], rounds: int, seed: int = 15) -> tuple[float, float]:
    """Mean and standard deviation of F1(ours) - F1(theirs) over `rounds` resamplings of the same pages."""
    draw = random.Random(seed)
    diffs = []
    for _ in range(rounds):
        picked = [draw.randrange(len(ours)) for _ in ours]
        diffs.append(scores([ours[i] for i in picked])[0] - scores([theirs[i] for i in picked])[0])
    mean = sum(diffs) / len(diffs)
    spread = (sum((d - mean) ** 2 for d in diffs) / max(1, len(diffs) - 1)) ** 0.5
    return mean, spread


def _in_half(number: int, half: str) -> bool:
    return half == "all" or (number % 2 == 1) == (half == "tune")


def marked(dataset: Path, half: str, kinds: set[str]) -> Iterator[tuple[str, dict, bytes]]:
    """(file id, marks, html bytes) for the web-content-extraction benchmark's pages of the chosen half and
    page kinds that have their html."""
    for truth_file in sorted((dataset / "ground-truth").glob("*.json")):
        number = int(truth_file.stem) if truth_file.stem.isdigit() else 0
        if not _in_half(number, half):
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


def _article_benchmark(dataset: Path, half: str) -> Iterator[tuple[str, str, str]]:
    truths = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))
    for number, key in enumerate(sorted(truths), 1):
        html_file = dataset / "html" / f"{key}.html.gz"
        if _in_half(number, half) and html_file.exists():
            html = gzip.decompress(html_file.read_bytes()).decode("utf-8", "replace")
            yield key, html, truths[key].get("articleBody", "")


def pages(dataset: Path, half: str, kinds: set[str]) -> list[tuple[str, str, str]]:
    """(page id, html, marked body) for the pages of the chosen half (and page kinds, where marked)."""
    if (dataset / "ground-truth.json").is_file():
        return list(_article_benchmark(dataset, half))
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
    return lambda html: trafilatura.extract(html, include_comments=False, **options) or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--half", choices=("tune", "held-out", "all"), default="held-out")
    parser.add_argument("--kind", action="append", default=[], help="page kinds to score (default: article, blog)")
    parser.add_argument("--worst", type=int, default=0, help="list our N worst pages by F1")
    parser.add_argument("--rules", type=Path, action="append", default=[], help="extra rules file")
    parser.add_argument("--bootstrap", type=int, default=1000, help="resamplings for the paired difference (0: none)")
    args = parser.parse_args(argv)
    if not (args.dataset / "ground-truth").is_dir() and not (args.dataset / "ground-truth.json").is_file():
        print(f"error: no ground-truth folder or ground-truth.json in {args.dataset}", file=sys.stderr)
        return 2
    chosen = pages(args.dataset, args.half, set(args.kind or ("article", "blog")))
    if not chosen:
        print(f"error: no marked pages with their html in {args.dataset} ({args.half})", file=sys.stderr)
        return 2
    systems = {
        "trafilatura default": library(),
        "trafilatura favor_precision": library(favor_precision=True),
        "tts-pipeline clean": ours(load_rules(args.rules)),
    }
    print(f"{len(chosen)} pages ({args.half})")
    counted = {}
    for name, system in systems.items():
        counted[name] = [page_counts(truth, system(html)) for _, html, truth in chosen]
        f1, precision, recall = scores(counted[name])
        print(f"{name:34} F1 {f1:.3f}  precision {precision:.3f}  recall {recall:.3f}")
    mine = counted.pop("tts-pipeline clean")
    for name, theirs in counted.items() if args.bootstrap > 0 else ():
        mean, spread = paired_difference(mine, theirs, args.bootstrap)
        print(f"ours - {name:27} F1 {mean:+.3f} ± {spread:.3f} (paired bootstrap, {args.bootstrap} resamplings)")
    by_f1 = sorted(zip((page for page, _, _ in chosen), mine, strict=True), key=lambda pc: scores([pc[1]])[0])
    for page_id, counts in by_f1[: args.worst]:
        f1, precision, recall = scores([counts])
        print(f"  {page_id}: F1 {f1:.3f} precision {precision:.3f} recall {recall:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
