"""Verification benchmark: verify time per minute of audio, and its ratio to the raw transcription alone.

For each backend x model, in one process with the model loaded once, the same narration is
transcribed raw (recogniser only) and verified (transcription + sentence alignment + fault search +
second looks), alternating, `--runs` times each; medians are reported. The ratio shows what
alignment and fault finding cost on top of the ASR they cannot avoid (target <= 1.10).

    python bench/bench_verify.py samples/lbc-ukraine-troops-page.txt [--audio narration.mp3] [--runs 2]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tts_pipeline.pipeline.narrator import Narrator
from tts_pipeline.pipeline.options import NarrateOptions
from tts_pipeline.stages.align import text_paragraphs

COMBINATIONS = [("faster-whisper", "tiny.en"), ("faster-whisper", "base"), ("openai-whisper", "tiny.en")]


def narrate(page: Path, folder: Path) -> tuple[Path, str]:
    subprocess.run(
        [sys.executable, "-m", "tts_pipeline", "narrate", str(page), "-o", str(folder)], check=True, capture_output=True
    )
    article_dir = next(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    return article_dir / "narration.mp3", (article_dir / "article.txt").read_text(encoding="utf-8")


def measure(backend: str, model: str, audio: Path, text: str, runs: int) -> dict:
    began = time.perf_counter()
    narrator = Narrator(NarrateOptions(asr_backend=backend, asr_model=model, cpu_threads=1))
    _ = narrator.recognizer  # load the model now, to time it apart
    load_s = time.perf_counter() - began
    raw, full, faults = [], [], None
    for _ in range(runs):
        began = time.perf_counter()
        transcript = narrator.recognise(audio)
        raw.append(time.perf_counter() - began)
        began = time.perf_counter()
        transcript = narrator.recognise(audio)
        result = narrator.verify(text_paragraphs(text), transcript, audio)
        full.append(time.perf_counter() - began)
        faults = [f.kind for f in result.faults]
    minutes = transcript.audio_seconds / 60
    return {
        "backend": backend,
        "model": model,
        "load_s": round(load_s, 2),
        "raw_transcribe_s": round(statistics.median(raw), 2),
        "verify_s": round(statistics.median(full), 2),
        "verify_s_per_audio_minute": round(statistics.median(full) / minutes, 2),
        "ratio_verify_to_raw": round(statistics.median(v / r for v, r in zip(full, raw, strict=True)), 3),
        "verdict": result.verdict,
        "wer": result.wer,
        "faults": faults,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", type=Path)
    parser.add_argument("--audio", type=Path, help="an existing narration of the page (else one is made)")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--only", help="backend:model to run alone, e.g. faster-whisper:tiny.en")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tts-bench-verify-") as folder:
        if args.audio:
            audio, text = args.audio, (args.audio.parent / "article.txt").read_text(encoding="utf-8")
        else:
            audio, text = narrate(args.page, Path(folder))
        combos = [tuple(args.only.split(":", 1))] if args.only else COMBINATIONS
        results = [measure(backend, model, audio, text, args.runs) for backend, model in combos]
    print(json.dumps(results, indent=2))
    for r in results:
        print(
            f"{r['backend']} {r['model']}: verify {r['verify_s_per_audio_minute']} s per audio minute, "
            f"{r['ratio_verify_to_raw']}x raw transcription (target <= 1.10), verdict {r['verdict']}"
        )


if __name__ == "__main__":
    main()
