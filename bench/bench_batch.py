"""Batch benchmark: minutes of verified audio per wall minute, peak RSS per worker, and the re-run time.

Articles of 300-700 words are made from the dev set's HTML pages in ../shared/devset/pages (read from
there, never copied into the repo): each page is cleaned, and its paragraphs are kept up to 700 words.
They go into a JSONL file in a temporary folder and through `batch.run_batch`, as `tts-pipeline batch` does.

    python bench/bench_batch.py [--articles 12] [--workers 2] [--devset ../shared/devset]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from tts_pipeline.errors import BadInput
from tts_pipeline.pipeline.batch import run_batch
from tts_pipeline.stages.clean import clean_input

REPO = Path(__file__).resolve().parent.parent
MIN_WORDS, MAX_WORDS = 300, 700


def make_articles(devset: Path, count: int) -> list[dict]:
    """Title + paragraphs of dev-set pages, cut at a paragraph boundary to at most MAX_WORDS words."""
    records = []
    for page in sorted((devset / "pages").glob("*.html")):
        try:
            article = clean_input(page.read_bytes().decode("utf-8", "replace"), kind="html")
        except BadInput:
            continue
        kept, words = [], len(article.title.split())
        for paragraph in article.paragraphs:
            n = len(paragraph.split())
            if words + n > MAX_WORDS:
                break
            kept.append(paragraph)
            words += n
        if words >= MIN_WORDS:
            text = "\n\n".join([article.title, *kept]) + "\n"
            records.append(
                {
                    "id": page.stem,
                    "text": text,
                    "title": article.title,
                    "site": article.site,
                    "byline": article.byline,
                    "date": article.date,
                    "words": words,
                }
            )
        if len(records) == count:
            break
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=12)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--devset", type=Path, default=REPO.parent / "shared" / "devset")
    args = parser.parse_args()
    if not (args.devset / "pages").is_dir():
        print(f"error: no dev set at {args.devset}", file=sys.stderr)
        return 2
    records = make_articles(args.devset, args.articles)
    words = sum(r.pop("words") for r in records)
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        jsonl = Path(tmp) / "articles.jsonl"
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in records))
        out = Path(tmp) / "out"
        rss: list[float] = []
        first = run_batch(jsonl, out, workers=args.workers, on_result=lambda r: rss.append(r.rss_mb))
        began = time.perf_counter()
        again = run_batch(jsonl, out, workers=args.workers)
        rerun_s = time.perf_counter() - began
    verified = sum(r.audio_seconds or 0 for r in first.rows if r.passed)
    passed = sum(r.passed for r in first.rows)
    print(
        f"articles: {len(records)} ({words} words, {words // max(len(records), 1)} per article), "
        f"workers: {args.workers}, cores: {os.cpu_count()}"
    )
    print(f"passed: {passed}/{len(records)}; verified audio: {verified / 60:.1f} min in {first.wall_s:.1f} s wall")
    print(f"throughput: {verified / first.wall_s:.1f} min of verified audio per wall minute (target >= 20, goal >= 30)")
    print(f"peak RSS per worker: {max(rss, default=0):.0f} MB (max), {min(rss, default=0):.0f} MB (min) (<= 600)")
    print(f"re-run: {rerun_s:.2f} s, {again.skipped} of {again.total} skipped as unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
