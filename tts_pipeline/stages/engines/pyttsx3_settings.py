"""The voice-file settings only the pyttsx3 (espeak-ng) engine reads. Light: no espeak is loaded here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from tts_pipeline.errors import BadInput


@dataclass(frozen=True)
class Pyttsx3Settings:
    word_gap_ms: int = 0  # extra silence between words (10 ms steps); clearer for ASR

    KEYS: ClassVar[tuple[str, ...]] = ("word_gap_ms",)

    @classmethod
    def parse(cls, data: Mapping[str, object], where: str) -> Pyttsx3Settings:
        """The settings in a voice file's table; where ("voice file x.toml") starts each BadInput."""
        try:
            settings = cls(word_gap_ms=int(data.get("word_gap_ms", 0)))
        except (TypeError, ValueError) as exc:
            raise BadInput(f"{where} has a bad value: {exc}") from None
        if not 0 <= settings.word_gap_ms <= 500:
            raise BadInput(f"{where}: word_gap_ms {settings.word_gap_ms} is outside 0-500")
        return settings

    def engine_defaults(self) -> Pyttsx3Settings:
        """These settings left at espeak's own (no word gap)."""
        return Pyttsx3Settings()
