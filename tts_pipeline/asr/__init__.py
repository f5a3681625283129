"""ASR backends behind one Protocol, keyed by name."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from ..article import Transcript
from ..errors import BadInput

DEFAULT_BACKEND = "faster-whisper"
# Beam 3. Measured with espeak-ng en-us and tiny.en (scripts/eval_wer.py): seed page WER 0.106 greedy,
# 0.075 at beam 2, 0.071 at beam 3 and at beam 5; 31 pages mean 0.123 greedy, 0.104 at beam 3; beam 5
# heard no more than beam 3 on the 15 tune pages (0.094 vs 0.093). Beam 3 costs 25-45 % more ASR
# time than greedy (sample page, bench_e2e medians: 10.1-12.0 s -> 14.6-14.9 s); --beam-size 1 buys
# speed back where the check may hear less.
DEFAULT_BEAM_SIZE = 3


class Recognizer(Protocol):
    """Transcribes an audio file (any format PyAV decodes). Load the model once; reuse the object."""

    backend: str
    model: str

    def transcribe(self, audio_path: Path) -> Transcript: ...


def default_threads() -> int:
    """CPU threads for one model when nobody says: the cores, at most 4 (more buys tiny.en nothing)."""
    return min(os.cpu_count() or 1, 4)


def _faster_whisper(model: str | None, beam_size: int, threads: int) -> Recognizer:
    from .faster_whisper import FasterWhisperRecognizer  # lazy: imports ctranslate2

    return FasterWhisperRecognizer(model or "tiny.en", beam_size=beam_size, cpu_threads=threads)


def _openai_whisper(model: str | None, beam_size: int, threads: int) -> Recognizer:
    from .openai_whisper import OpenAIWhisperRecognizer  # lazy: imports torch

    return OpenAIWhisperRecognizer(model or "tiny.en", beam_size=beam_size, cpu_threads=threads)


# Both run the same bundled weights (tiny.en, base); openai-whisper's copy is converted once and cached.
BACKENDS = {"faster-whisper": _faster_whisper, "openai-whisper": _openai_whisper}


def create_recognizer(
    backend: str = DEFAULT_BACKEND, model: str | None = None, beam_size: int = DEFAULT_BEAM_SIZE, threads: int = 0
) -> Recognizer:
    """A loaded model. threads: CPU threads for it (0: default_threads()); batch workers share the cores."""
    try:
        factory = BACKENDS[backend]
    except KeyError:
        known = ", ".join(sorted(BACKENDS))
        raise BadInput(f"unknown ASR backend '{backend}' (known: {known})") from None
    return factory(model, beam_size, threads or default_threads())


def describe_recognizer(recognizer: Recognizer) -> dict:
    """What report.json records under "asr"."""
    beam_size = getattr(recognizer, "beam_size", None)
    threads = getattr(recognizer, "cpu_threads", None)
    return {"backend": recognizer.backend, "model": recognizer.model, "beam_size": beam_size, "threads": threads}
