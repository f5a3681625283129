"""A test engine: the real espeak-ng engine, except that the first render of the paragraph holding TARGET is
spoiled (cut short, partly repeated, or half noise), as neural TTS sometimes spoils a render. Registered
under the name "corrupting" by the repair test; its voice file says which damage (`damage = "cut"`), and
`always = true` spoils every render of it, retakes too (a repair that can never converge)."""

from __future__ import annotations

import wave
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np

from tts_pipeline.stages.engines.pyttsx3_engine import Pyttsx3Engine

TARGET = "forty thousand homes"


@dataclass(frozen=True)
class CorruptingSettings:
    damage: str = "cut"
    always: bool = False
    KEYS: ClassVar[tuple[str, ...]] = ("damage", "always")

    @classmethod
    def parse(cls, data: Mapping[str, object], where: str) -> CorruptingSettings:
        return cls(str(data.get("damage", "cut")), bool(data.get("always", False)))

    def engine_defaults(self) -> CorruptingSettings:
        return self


class CorruptingEngine:
    name = "corrupting"
    alphabet = "espeak"
    default_rate = 175
    settings_type = CorruptingSettings

    def __init__(self, damage: str, rate: int, always: bool = False) -> None:
        self.inner = Pyttsx3Engine("en-us", rate=rate, word_gap_ms=10)
        self.damage = damage
        self.always = always
        self.spoiled = 0

    @classmethod
    def from_voice(cls, voice, threads: int = 0) -> CorruptingEngine:
        return cls(voice.settings.damage, voice.rate, voice.settings.always)

    @staticmethod
    def problem(voice) -> str:
        return ""

    def synthesize(self, text: str, wav_path: Path) -> None:
        self.inner.synthesize(text, wav_path)
        self._maybe_spoil(text, wav_path)

    def retake(self, text: str, wav_path: Path, attempt: int) -> None:
        self.inner.retake(text, wav_path, attempt)
        self._maybe_spoil(text, wav_path)

    def _maybe_spoil(self, text: str, wav_path: Path) -> None:
        if TARGET in text and (self.always or not self.spoiled):
            self.spoiled += 1
            spoil(Path(wav_path), self.damage)

    def close(self) -> None:
        self.inner.close()


def spoil(path: Path, damage: str) -> None:
    with wave.open(str(path)) as wav:
        rate, samples = wav.getframerate(), np.frombuffer(wav.readframes(wav.getnframes()), "<i2")
    half = len(samples) // 2
    if damage == "cut":  # the second half of the paragraph never said
        samples = samples[:half]
    elif damage == "repeat":  # the first half said twice
        samples = np.concatenate([samples[:half], samples])
    elif damage == "noise":  # the middle third drowned in loud noise
        third = len(samples) // 3
        noise = np.random.default_rng(7).normal(0, 8000, third).clip(-32767, 32767).astype("<i2")
        samples = np.concatenate([samples[:third], noise, samples[2 * third :]])
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(samples.astype("<i2").tobytes())
