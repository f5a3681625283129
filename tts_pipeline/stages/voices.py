"""Voices as data: one TOML file per voice in voices/ (engine, engine voice or model, rate, pitch, pauses).

The common keys are read here; the keys one engine reads (word_gap_ms, model, ...) are parsed and checked
by that engine's settings_type (engines/), and land in Voice.settings.

A voice may name its own lexicon files (`lexicon = ["voice-lexicon.toml"]`, relative to the voice
file), used after the publisher's and before the default lexicon.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.engines import ENGINES, engine_alphabet, engine_class
from tts_pipeline.tomlfile import check_keys, read_toml

DEFAULT_VOICE = "en-us"
# voices/ sits at the top of the repository (the user's design card). The package reaches it through the
# link tts_pipeline/voice_files -> ../voices, which a wheel build copies in as files, so an installed
# package (pip install ., a wheel, pipx) has its voices too. TTS_PIPELINE_VOICES points elsewhere.
VOICES_DIR = Path(os.environ.get("TTS_PIPELINE_VOICES", Path(__file__).resolve().parents[1] / "voice_files"))


@dataclass(frozen=True)
class Pauses:
    after_title_ms: int = 900
    between_paragraphs_ms: int = 550
    leading_ms: int = 250
    trailing_ms: int = 500
    sentence_ms: int = 0  # extra silence at each sentence end, inside a paragraph


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
    lexicon: tuple[Path, ...] = ()
    origin: str = ""
    # The engine's own settings, parsed by its settings_type (e.g. Pyttsx3Settings, PiperSettings); None (a
    # Voice built in code, or an unknown engine) means the engine's defaults.
    settings: object | None = None

    @property
    def alphabet(self) -> str | None:
        """The phoneme alphabet the engine takes inside [[...]]: espeak mnemonics or IPA."""
        return engine_alphabet(self.engine)

    def engine_defaults(self) -> Voice:
        """The same engine voice at the engine's own rate and settings: a plain-reading baseline."""
        cls = engine_class(self.engine)
        if cls is None:
            known = ", ".join(sorted(ENGINES))
            raise BadInput(f"voice '{self.name}' uses unknown engine '{self.engine}' (known: {known})")
        settings = self.settings if self.settings is not None else cls.settings_type()
        return replace(self, rate=cls.default_rate, settings=settings.engine_defaults())


COMMON_KEYS = ("name", "engine", "voice", "rate", "volume", "pitch", "pauses", "description", "lexicon")


def _settings_types() -> dict[str, type]:
    """Each known engine's settings dataclass (imports the engine modules, not their libraries)."""
    found = {}
    for name in ENGINES:
        cls = engine_class(name)
        if cls is not None:
            found[name] = cls.settings_type
    return found


def _parse(data: dict, origin: str) -> Voice:
    settings_types = _settings_types()
    # Any engine's keys are accepted in any voice file, as before engines owned them; only the voice's own
    # engine reads (and checks) its keys.
    check_keys(data, {*COMMON_KEYS, *(key for t in settings_types.values() for key in t.KEYS)}, f"voice file {origin}")
    base = Path(origin).parent
    lexicon = data.get("lexicon", [])
    lexicon = [lexicon] if isinstance(lexicon, str) else lexicon
    if not isinstance(lexicon, list) or not all(isinstance(item, str) for item in lexicon):
        raise BadInput(f"voice file {origin}: lexicon must be a file name or a list of them")
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
            lexicon=tuple(base / item for item in lexicon),
            origin=origin,
        )
    except KeyError as exc:
        raise BadInput(f"voice file {origin} is missing {exc.args[0]!r}") from None
    except (TypeError, ValueError) as exc:
        raise BadInput(f"voice file {origin} has a bad value: {exc}") from None
    settings_type = settings_types.get(voice.engine)
    if settings_type is not None:  # an unknown engine is reported when the voice is checked or used
        voice = replace(voice, settings=settings_type.parse(data, f"voice file {origin}"))
    if not 80 <= voice.rate <= 450:
        raise BadInput(f"voice file {origin}: rate {voice.rate} is outside 80-450 words per minute")
    if voice.pitch is not None and not 0 <= voice.pitch <= 100:
        raise BadInput(f"voice file {origin}: pitch {voice.pitch} is outside 0-100")
    for key, value in vars(pauses).items():
        if not isinstance(value, int) or not 0 <= value <= 10_000:
            raise BadInput(f"voice file {origin}: pauses.{key} must be a whole number of milliseconds, 0-10000")
    return voice


def load_voice_file(path: Path) -> Voice:
    return _parse(read_toml(Path(path), "voice file"), str(path))


def available_voices(directory: Path = VOICES_DIR) -> dict[str, Voice]:
    voices = {}
    for path in sorted(Path(directory).glob("*.toml")):
        voice = load_voice_file(path)
        voices[voice.name] = voice
    return voices


def scan_voices(directory: Path = VOICES_DIR) -> list[tuple[Path, Voice | None, str]]:
    """Every voice file in directory: (path, voice, "") or (path, None, the reason it cannot be read)."""
    found: list[tuple[Path, Voice | None, str]] = []
    for path in sorted(Path(directory).glob("*.toml")):
        try:
            found.append((path, load_voice_file(path), ""))
        except BadInput as exc:
            found.append((path, None, str(exc)))
    return found


def get_voice(name: str = DEFAULT_VOICE, directory: Path = VOICES_DIR) -> Voice:
    """A voice by name from voices/, or from a TOML file when name is a path to one."""
    if name.endswith(".toml"):
        return load_voice_file(Path(name))
    voices = available_voices(directory)
    if name not in voices:
        known = ", ".join(voices) or "none"
        raise BadInput(f"unknown voice '{name}' (available: {known})")
    return voices[name]
