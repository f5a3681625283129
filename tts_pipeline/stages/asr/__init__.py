"""ASR backends behind one Protocol, keyed by name.

Adding a backend: one class (backend, model; __init__(model, beam_size=, cpu_threads=); transcribe) and
one BACKENDS entry. A backend's module is imported only when it is created (ctranslate2, torch).
"""

from __future__ import annotations

import importlib

from tts_pipeline.article import RecognizerInfo
from tts_pipeline.errors import BadInput
from tts_pipeline.stages.asr.base import DEFAULT_BACKEND, DEFAULT_BEAM_SIZE, DEFAULT_MODEL, Recognizer, default_threads

__all__ = [
    "BACKENDS",
    "DEFAULT_BACKEND",
    "DEFAULT_BEAM_SIZE",
    "Recognizer",
    "create_recognizer",
    "default_threads",
    "describe_recognizer",
]

# Backend name (--asr) -> "module:Class", the module relative to this package. Both run the same bundled
# weights (tiny.en, base); openai-whisper's copy is converted once and cached.
BACKENDS: dict[str, str] = {
    "faster-whisper": ".faster_whisper:FasterWhisperRecognizer",
    "openai-whisper": ".openai_whisper:OpenAIWhisperRecognizer",
}


def create_recognizer(
    backend: str = DEFAULT_BACKEND, model: str | None = None, beam_size: int = DEFAULT_BEAM_SIZE, threads: int = 0
) -> Recognizer:
    """A loaded model. threads: CPU threads for it (0: default_threads()); batch workers share the cores."""
    try:
        module, _, attribute = BACKENDS[backend].partition(":")
    except KeyError:
        known = ", ".join(sorted(BACKENDS))
        raise BadInput(f"unknown ASR backend '{backend}' (known: {known})") from None
    cls = getattr(importlib.import_module(module, __name__), attribute)
    return cls(model or DEFAULT_MODEL, beam_size=beam_size, cpu_threads=threads or default_threads())


def describe_recognizer(recognizer: Recognizer) -> RecognizerInfo:
    """What report.json records under "asr"."""
    beam_size = getattr(recognizer, "beam_size", None)
    threads = getattr(recognizer, "cpu_threads", None)
    return RecognizerInfo(recognizer.backend, recognizer.model, beam_size, threads)
