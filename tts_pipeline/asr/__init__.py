"""ASR backends behind one Protocol, keyed by name."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..article import Transcript
from ..errors import BadInput

DEFAULT_BACKEND = "faster-whisper"
# Greedy decoding. Beam 5 (faster-whisper's own default) hears a little better, measured with espeak-ng en-us
# and tiny.en: mean WER 0.102 against 0.111-0.119 on 15 dev-set pages, 0.090 against 0.110 on the seed. But
# it costs the sample page 48 % more ASR time (10.5 s -> 15.6 s), taking a narration to 1.42x the raw
# espeak-ng + Whisper floor, and the verdicts were the same. --beam-size 5 buys it where time is cheap.
DEFAULT_BEAM_SIZE = 1


class Recognizer(Protocol):
    """Transcribes an audio file (any format PyAV decodes). Load the model once; reuse the object."""

    backend: str
    model: str

    def transcribe(self, audio_path: Path) -> Transcript: ...


def _faster_whisper(model: str | None, beam_size: int) -> Recognizer:
    from .faster_whisper import FasterWhisperRecognizer  # lazy: imports ctranslate2

    return FasterWhisperRecognizer(model or "tiny.en", beam_size=beam_size)


def _openai_whisper(model: str | None, beam_size: int) -> Recognizer:
    from .openai_whisper import OpenAIWhisperRecognizer  # lazy: imports torch

    return OpenAIWhisperRecognizer(model or "tiny.en", beam_size=beam_size)


# Both run the same bundled weights (tiny.en, base); openai-whisper's copy is converted once and cached.
BACKENDS = {"faster-whisper": _faster_whisper, "openai-whisper": _openai_whisper}


def create_recognizer(
    backend: str = DEFAULT_BACKEND, model: str | None = None, beam_size: int = DEFAULT_BEAM_SIZE
) -> Recognizer:
    try:
        factory = BACKENDS[backend]
    except KeyError:
        known = ", ".join(sorted(BACKENDS))
        raise BadInput(f"unknown ASR backend '{backend}' (known: {known})") from None
    return factory(model, beam_size)


def describe_recognizer(recognizer: Recognizer) -> dict:
    """What report.json records under "asr"."""
    beam_size = getattr(recognizer, "beam_size", None)
    return {"backend": recognizer.backend, "model": recognizer.model, "beam_size": beam_size}
