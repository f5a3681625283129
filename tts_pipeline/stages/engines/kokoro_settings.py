"""The voice-file settings only the kokoro engine reads. Light: neither onnxruntime nor numpy is imported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from tts_pipeline.errors import BadInput

LANGUAGES = ("en-us", "en-gb")  # the espeak-ng languages Kokoro's English voices were trained on


@dataclass(frozen=True)
class KokoroSettings:
    lang: str = "en-us"  # how the phonemiser reads the text: American or British English
    styles: str = "kokoro"  # the folder of style vectors (<voice>.bin), relative to the voice file

    KEYS: ClassVar[tuple[str, ...]] = ("lang", "styles")

    @classmethod
    def parse(cls, data: Mapping[str, object], where: str) -> KokoroSettings:
        """The settings in a voice file's table; where ("voice file x.toml") starts each BadInput."""
        settings = cls(lang=str(data.get("lang", "en-us")), styles=str(data.get("styles", "kokoro")))
        if settings.lang not in LANGUAGES:
            raise BadInput(f"{where}: lang {settings.lang!r} is not one of {', '.join(LANGUAGES)}")
        return settings

    def engine_defaults(self) -> KokoroSettings:
        """Kokoro has no tuning beyond its speed (the voice's rate): the same settings."""
        return self
