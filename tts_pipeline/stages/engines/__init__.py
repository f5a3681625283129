"""TTS engines behind one Protocol, keyed by name (like whisper's output writers).

Adding an engine: one class (see base.EngineClass: name, alphabet, settings_type, from_voice, problem)
and one ENGINES entry. Engine modules are imported only when asked for, and import their libraries
(libespeak-ng, onnxruntime) only when an engine is created or a voice is checked.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.engines.base import (
    MAX_CHUNK_CHARS,
    EngineClass,
    TTSEngine,
    render_sentences,
    retake,
    split_sentences,
    write_joined_wav,
)

if TYPE_CHECKING:
    from tts_pipeline.stages.voices import Voice

__all__ = [
    "ENGINES",
    "MAX_CHUNK_CHARS",
    "TTSEngine",
    "create_engine",
    "engine_alphabet",
    "engine_class",
    "render_sentences",
    "retake",
    "split_sentences",
    "voice_problem",
    "write_joined_wav",
]

# Engine name (a voice file's `engine`) -> "module:Class", the module relative to this package.
ENGINES: dict[str, str] = {
    "pyttsx3": ".pyttsx3_engine:Pyttsx3Engine",
    "piper": ".piper_engine:PiperEngine",
    "kokoro": ".kokoro_engine:KokoroEngine",
}


def engine_class(name: str) -> EngineClass | None:
    """The class of the engine called name, its module imported now; None for an unknown engine."""
    target = ENGINES.get(name)
    if target is None:
        return None
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module, __name__), attribute)


def engine_alphabet(name: str) -> str | None:
    """The phoneme alphabet the engine takes inside [[...]] ("espeak", "ipa"); None when unknown."""
    cls = engine_class(name)
    return cls.alphabet if cls else None


def create_engine(voice: Voice, threads: int = 0) -> TTSEngine:
    """The voice's engine, loaded; threads: CPU threads for a neural model (0: one per core)."""
    cls = engine_class(voice.engine)
    if cls is None:
        known = ", ".join(sorted(ENGINES))
        raise BadInput(f"voice '{voice.name}' uses unknown engine '{voice.engine}' (known: {known})")
    return cls.from_voice(voice, threads)


def voice_problem(voice: Voice) -> str:
    """Why the voice cannot be used on this machine ("" when it can), without loading a model."""
    cls = engine_class(voice.engine)
    if cls is None:
        return f"unknown engine '{voice.engine}'"
    try:
        return cls.problem(voice)
    except BadInput as exc:
        return str(exc)
