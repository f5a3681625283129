"""Voices as data: one TOML file per voice in voices/ (engine, engine voice, rate, pauses)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import BadInput

DEFAULT_VOICE = "en-us"
# voices/ sits at the top of the repository, beside the package (the user's design card);
# TTS_PIPELINE_VOICES points elsewhere for an installed copy or a publisher's own voices.
VOICES_DIR = Path(os.environ.get("TTS_PIPELINE_VOICES", Path(__file__).resolve().parent.parent / "voices"))


@dataclass(frozen=True)
class Pauses:
    after_title_ms: int = 900
    between_paragraphs_ms: int = 550
    leading_ms: int = 250
    trailing_ms: int = 500


@dataclass(frozen=True)
class Voice:
    name: str
    engine: str
    engine_voice: str
    rate: int = 175
    volume: float = 1.0
    pitch: int | None = None
    pauses: Pauses = Pauses()
    description: str = ""


def _parse(data: dict, origin: str) -> Voice:
    try:
        pauses = Pauses(**data.get("pauses", {}))
        voice = Voice(
            name=str(data["name"]),
            engine=str(data["engine"]),
            engine_voice=str(data["voice"]),
            rate=int(data.get("rate", 175)),
            volume=float(data.get("volume", 1.0)),
            pitch=None if data.get("pitch") is None else int(data["pitch"]),
            pauses=pauses,
            description=str(data.get("description", "")),
        )
    except KeyError as exc:
        raise BadInput(f"voice file {origin} is missing {exc.args[0]!r}") from None
    except (TypeError, ValueError) as exc:
        raise BadInput(f"voice file {origin} has a bad value: {exc}") from None
    if not 80 <= voice.rate <= 450:
        raise BadInput(f"voice file {origin}: rate {voice.rate} is outside 80-450 words per minute")
    return voice


def load_voice_file(path: Path) -> Voice:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read voice file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"voice file {path} is not valid TOML: {exc}") from None
    return _parse(data, str(path))


def available_voices(directory: Path = VOICES_DIR) -> dict[str, Voice]:
    voices = {}
    for path in sorted(Path(directory).glob("*.toml")):
        voice = load_voice_file(path)
        voices[voice.name] = voice
    return voices


def get_voice(name: str = DEFAULT_VOICE, directory: Path = VOICES_DIR) -> Voice:
    """A voice by name from voices/, or from a TOML file when name is a path to one."""
    if name.endswith(".toml"):
        return load_voice_file(Path(name))
    voices = available_voices(directory)
    if name not in voices:
        known = ", ".join(voices) or "none"
        raise BadInput(f"unknown voice '{name}' (available: {known})")
    return voices[name]
