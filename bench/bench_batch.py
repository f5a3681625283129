"""Batch benchmark: minutes of verified audio per wall minute, CPU per verified minute and each worker's idle
share, peak RSS per worker, and the re-run time.

Articles of 300-700 words are made from the dev set's HTML pages in ../shared/devset/pages (read from
there, never copied into the repo): each page is cleaned, and its paragraphs are kept up to 700 words.
They go into a JSONL file in a temporary folder and through `batch.run_batch`, as `tts-pipeline batch` does.

With a Kokoro voice it also times the raw tool on the same text: kokoro-onnx alone (its own session on every
core, its own phonemiser and splitting), synthesis only, nothing mastered or verified. Our verified audio per
wall minute over that is the ratio the benchmark reports.

    python bench/bench_batch.py [--articles 12] [--workers 2] [--voice en-us] [--max-words 700] [--devset ...]
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
from tts_pipeline.pipeline.batch import run_batch, threads_per_worker
from tts_pipeline.pipeline.options import NarrateOptions
from tts_pipeline.stages.clean import clean_input
from tts_pipeline.stages.voices import get_voice

REPO = Path(__file__).resolve().parent.parent
MIN_WORDS, MAX_WORDS = 300, 700


def make_articles(devset: Path, count: int, max_words: int = MAX_WORDS) -> list[dict]:
    """Title + paragraphs of dev-set pages, cut at a paragraph boundary to at most max_words words."""
    records = []
    for page in sorted((devset / "pages").glob("*.html")):
        try:
            article = clean_input(page.read_bytes().decode("utf-8", "replace"), kind="html")
        except BadInput:
            continue
        kept, words = [], len(article.title.split())
        for paragraph in article.paragraphs:
            n = len(paragraph.split())
            if words + n > max_words:
                break
            kept.append(paragraph)
            words += n
        if words >= min(MIN_WORDS, max_words // 2):
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


def raw_kokoro(records: list[dict], voice_name: str) -> tuple[float, float]:
    """Seconds of audio and of wall time for kokoro-onnx alone on the articles' text (after a warm-up)."""
    import numpy as np
    from kokoro_onnx import Kokoro

    from tts_pipeline.stages.engines.kokoro_engine import STYLE_SHAPE, _style_npy, model_file, style_path

    voice = get_voice(voice_name)
    path = style_path(voice)
    style = np.fromfile(path, dtype="<f4").reshape(STYLE_SHAPE)
    kokoro = Kokoro(str(model_file()), str(_style_npy(path, style)))
    kokoro.create("Warm up.", style, lang=voice.settings.lang)
    began, audio_s = time.perf_counter(), 0.0
    for record in records:
        samples, rate = kokoro.create(record["text"], style, lang=voice.settings.lang)
        audio_s += len(samples) / rate
    return audio_s, time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=12)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--devset", type=Path, default=REPO.parent / "shared" / "devset")
    parser.add_argument("--voice", default=NarrateOptions().voice)
    parser.add_argument("--max-words", type=int, default=MAX_WORDS, help="words per article at most")
    args = parser.parse_args()
    if not (args.devset / "pages").is_dir():
        print(f"error: no dev set at {args.devset}", file=sys.stderr)
        return 2
    try:
        engine = get_voice(args.voice).engine
    except BadInput as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    options = NarrateOptions(voice=args.voice)
    records = make_articles(args.devset, args.articles, args.max_words)
    words = sum(r.pop("words") for r in records)
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        jsonl = Path(tmp) / "articles.jsonl"
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in records))
        out = Path(tmp) / "out"
        results: list = []
        first = run_batch(jsonl, out, options, workers=args.workers, on_result=results.append)
        began = time.perf_counter()
        again = run_batch(jsonl, out, options, workers=args.workers)
        rerun_s = time.perf_counter() - began
    rss = [r.rss_mb for r in results]
    verified = sum(r.audio_seconds or 0 for r in first.rows if r.passed)
    passed = sum(r.passed for r in first.rows)
    print(
        f"articles: {len(records)} ({words} words, {words // max(len(records), 1)} per article), "
        f"workers: {args.workers}, cores: {os.cpu_count()}, voice: {args.voice}"
    )
    print(f"passed: {passed}/{len(records)}; verified audio: {verified / 60:.1f} min in {first.wall_s:.1f} s wall")
    bars = engine == "pyttsx3"  # the targets were set for the espeak-ng voices
    print(
        f"throughput: {verified / first.wall_s:.1f} min of verified audio per wall minute"
        + (" (target >= 20, goal >= 30)" if bars else "")
    )
    print(
        f"peak RSS per worker: {max(rss, default=0):.0f} MB (max), {min(rss, default=0):.0f} MB (min)"
        + (" (<= 600)" if bars else "")
    )
    busy: dict[int, float] = {}
    for r in results:
        busy[r.worker] = busy.get(r.worker, 0.0) + r.cpu_s
    threads = threads_per_worker(len(busy))  # the workers batch started (no more than the articles)
    idle = [1 - b / (threads * first.wall_s) for b in busy.values()]
    print(
        f"CPU: {sum(busy.values()) / max(verified / 60, 1e-9):.1f} s per minute of verified audio; per-worker idle "
        f"share of its {threads} core(s) over the wall time: {', '.join(f'{i:.0%}' for i in sorted(idle))}"
    )
    print(f"re-run: {rerun_s:.2f} s, {again.skipped} of {again.total} skipped as unchanged")
    if engine == "kokoro":
        raw_audio, raw_wall = raw_kokoro(records, args.voice)
        ours = verified / first.wall_s
        print(
            f"raw kokoro-onnx (synthesis only, one process on every core): {raw_audio / 60:.1f} min of audio in "
            f"{raw_wall:.1f} s = {raw_audio / raw_wall:.2f} min per wall minute; "
            f"ours verified / raw synthesised: {ours / (raw_audio / raw_wall):.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
