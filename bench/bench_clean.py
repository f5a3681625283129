"""Cleaner speed over the dev set: our clean_input beside trafilatura alone, in the same run.

For every page in ../shared/devset/pages: the median CPU time of REPEATS runs of
  trafilatura  - trafilatura.bare_extraction on the page bytes, with metadata, our extraction options;
  cleaner      - tts_pipeline.stages.clean.clean_input on the same bytes (decode, detect HTML, html_rules,
                 trafilatura, headline/standfirst, audio rules).
Prints median and p95 ms/page for each and our overhead as a share of trafilatura's time (target <= 10%);
then the speech stage (speech rules and lexicon over the cleaned article) in ms/page, and on the worst
inputs we know: 4,000 numbers in one paragraph (over 5,000 words is refused), a page of only a table of figures;
and the copied-text cleaner on 16,000 lines (paragraphs between headline-shaped lines, then a fact box).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import trafilatura

from tts_pipeline.article import Article
from tts_pipeline.stages.chrome_rules import load_rules
from tts_pipeline.stages.clean import clean_input, clean_text
from tts_pipeline.stages.speech import build_script

DEVSET = Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "pages"
REPEATS = 5


def cpu_ms(func) -> float:
    """CPU time of one call: steadier than wall time on a machine shared with other work."""
    began = time.process_time()
    func()
    return (time.process_time() - began) * 1000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEVSET)
    parser.add_argument("--repeats", type=int, default=REPEATS)
    args = parser.parse_args(argv)
    pages = sorted(args.pages.glob("*.html"))
    if not pages:
        print(f"error: no pages in {args.pages}", file=sys.stderr)
        return 2
    rules = load_rules()
    options = {"with_metadata": True, "include_comments": False, "include_tables": False}
    alone, ours, speech = [], [], []
    for page in pages:
        data = page.read_bytes()
        article = clean_input(data, rules)
        speech.append(statistics.median(cpu_ms(lambda a=article: build_script(a)) for _ in range(args.repeats)))
        runs: dict[str, list[float]] = {"alone": [], "ours": []}
        for repeat in range(args.repeats):  # alternate the order so neither side always warms caches for the other
            order = ("alone", "ours") if repeat % 2 == 0 else ("ours", "alone")
            for side in order:
                if side == "alone":
                    runs[side].append(cpu_ms(lambda data=data: trafilatura.bare_extraction(data, **options)))
                else:
                    runs[side].append(cpu_ms(lambda data=data: clean_input(data, rules)))
        alone.append(statistics.median(runs["alone"]))
        ours.append(statistics.median(runs["ours"]))
    rows = [("trafilatura alone", alone), ("cleaner (ours)", ours)]
    print(f"{len(pages)} pages, median CPU time of {args.repeats} runs each (order alternated)")
    for label, values in rows:
        median, p95 = statistics.median(values), percentile(values, 0.95)
        print(f"{label:<18} median {median:7.1f} ms/page   p95 {p95:7.1f} ms/page")
    overhead = (sum(ours) - sum(alone)) / sum(alone)
    median_overhead = statistics.median((o - a) / a for o, a in zip(ours, alone, strict=True))
    print(f"overhead over trafilatura: {overhead:+.1%} of its total time, per-page median {median_overhead:+.1%}")
    median, p95 = statistics.median(speech), percentile(speech, 0.95)
    print(f"{'speech stage':<18} median {median:7.1f} ms/page   p95 {p95:7.1f} ms/page")
    numbers = " ".join(f"{n:,}.{n % 100:02d}" for n in range(1000, 5000))  # 4,000 numbers (5,000 words refused)
    table = "\n".join(f"{n} | {n * 3.5:.1f}% | £{n * 12:,} | {n % 28 + 1}/0{n % 9 + 1}/2024" for n in range(400))
    for label, text in (("4,000 numbers", numbers), ("400-row table", table)):
        article = Article(title="Figures", paragraphs=tuple(text.split("\n")))
        print(f"{'speech: ' + label:<18} {cpu_ms(lambda a=article: build_script(a)):9.1f} ms")
    print(f"{'clean: 16,000 lines':<18} {cpu_ms(lambda: clean_text(long_copied_page())):9.1f} ms")
    return 0


def long_copied_page() -> str:
    """Copied text whose every line the headline and teaser checks look at (they were quadratic once)."""
    paragraph = "The council said the new plan would cost more than expected, officials said."
    lines = [f"Other story number {i} makes news somewhere else" if i % 2 else paragraph for i in range(8000)]
    return "\n".join(["Council budget plan", *lines, "Key facts", *(f"Item {i}: value {i}" for i in range(8000))])


if __name__ == "__main__":
    sys.exit(main())
