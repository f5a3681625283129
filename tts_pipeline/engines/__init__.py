"""TTS engines behind one Protocol, keyed by name (like whisper's output writers)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from ..errors import BadInput
from ..voices import Voice


class TTSEngine(Protocol):
    """Renders text to a mono 16-bit WAV file. One object per process/worker; close() when done."""

    def synthesize(self, text: str, wav_path: Path) -> None: ...

    def close(self) -> None: ...


def _pyttsx3(voice: Voice) -> TTSEngine:
    from .pyttsx3_engine import Pyttsx3Engine  # imported lazily: loads libespeak-ng

    return Pyttsx3Engine(voice.engine_voice, rate=voice.rate, volume=voice.volume, pitch=voice.pitch)


ENGINES = {"pyttsx3": _pyttsx3}


def create_engine(voice: Voice) -> TTSEngine:
    try:
        factory = ENGINES[voice.engine]
    except KeyError:
        known = ", ".join(sorted(ENGINES))
        raise BadInput(f"voice '{voice.name}' uses unknown engine '{voice.engine}' (known: {known})") from None
    return factory(voice)
