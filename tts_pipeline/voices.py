"""Voices as data: one TOML file per voice in voices/ (engine, engine voice or model, rate, pitch, pauses).

A voice may name its own lexicon files (`lexicon = ["voice-lexicon.toml"]`, relative to the voice
file), used after the publisher's and before the default lexicon.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import BadInput

DEFAULT_VOICE = "en-us"
# voices/ sits at the top of the repository (the user's design card). The package reaches it through the
# link tts_pipeline/voice_files -> ../voices, which a wheel build copies in as files, so an installed
# package (pip install ., a wheel, pipx) has its voices too. TTS_PIPELINE_VOICES points elsewhere.
VOICES_DIR = Path(os.environ.get("TTS_PIPELINE_VOICES", Path(__file__).resolve().parent / "voice_files"))


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
    word_gap_ms: int = 0  # espeak voices: extra silence between words (10 ms steps); clearer for ASR
    pauses: Pauses = Pauses()
    description: str = ""
    model: str = ""  # engines with model files (piper): a path, relative to the voice file
    package: str = ""  # or the Python package whose data/ folder holds <voice>.onnx
    lexicon: tuple[Path, ...] = ()
    origin: str = ""
    # Piper voices: the model's sampling noise (VITS noise_scale) and duration noise (noise_w); None keeps the
    # model's own (joe: 0.667 and 0.8). Lower is steadier; only at 0 is every render of a text the same.
    noise_scale: float | None = None
    noise_w: float | None = None

    @property
    def alphabet(self) -> str | None:
        """The phoneme alphabet the engine takes inside [[...]]: espeak mnemonics or IPA."""
        return {"pyttsx3": "espeak", "piper": "ipa"}.get(self.engine)


KNOWN_KEYS = {"name", "engine", "voice", "rate", "volume", "pitch", "pauses", "description", "model", "package"}
KNOWN_KEYS |= {"lexicon", "word_gap_ms", "noise_scale", "noise_w"}


def _parse(data: dict, origin: str) -> Voice:
    unknown = set(data) - KNOWN_KEYS
    if unknown:
        raise BadInput(f"voice file {origin} has unknown keys: {', '.join(sorted(unknown))}")
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
            word_gap_ms=int(data.get("word_gap_ms", 0)),
            pauses=pauses,
            description=str(data.get("description", "")),
            model=str(data.get("model", "")),
            package=str(data.get("package", "")),
            lexicon=tuple(base / item for item in lexicon),
            origin=origin,
            noise_scale=None if data.get("noise_scale") is None else float(data["noise_scale"]),
            noise_w=None if data.get("noise_w") is None else float(data["noise_w"]),
        )
    except KeyError as exc:
        raise BadInput(f"voice file {origin} is missing {exc.args[0]!r}") from None
    except (TypeError, ValueError) as exc:
        raise BadInput(f"voice file {origin} has a bad value: {exc}") from None
    if not 80 <= voice.rate <= 450:
        raise BadInput(f"voice file {origin}: rate {voice.rate} is outside 80-450 words per minute")
    if voice.pitch is not None and not 0 <= voice.pitch <= 100:
        raise BadInput(f"voice file {origin}: pitch {voice.pitch} is outside 0-100")
    for key in ("noise_scale", "noise_w"):
        value = getattr(voice, key)
        if value is not None and not 0.0 <= value <= 2.0:
            raise BadInput(f"voice file {origin}: {key} {value} is outside 0-2")
    if not 0 <= voice.word_gap_ms <= 500:
        raise BadInput(f"voice file {origin}: word_gap_ms {voice.word_gap_ms} is outside 0-500")
    for key, value in vars(pauses).items():
        if not isinstance(value, int) or not 0 <= value <= 10_000:
            raise BadInput(f"voice file {origin}: pauses.{key} must be a whole number of milliseconds, 0-10000")
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
