"""Audio files -> 16 kHz mono float32 samples, decoded one way for every backend and the verifier."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tts_pipeline.errors import BadInput, EngineError

SAMPLE_RATE = 16000  # what Whisper models take


def decode_audio(path: Path | str, sampling_rate: int = SAMPLE_RATE) -> np.ndarray:
    """The file's samples, mono float32 in [-1, 1] at sampling_rate; any format PyAV reads (MP3 without ffprobe).

    BadInput when PyAV cannot decode the file, EngineError for any other failure.
    """
    # faster-whisper's decoder (PyAV, installed with it) rather than a copy: the default backend decodes
    # the same way, so every backend and the verifier hear the same samples.
    from faster_whisper.audio import decode_audio as pyav_decode

    try:
        return pyav_decode(str(path), sampling_rate=sampling_rate).astype(np.float32, copy=False)
    except Exception as exc:  # PyAV raises many types for undecodable input
        if type(exc).__module__.startswith("av"):
            raise BadInput(f"cannot decode audio {path}: {exc}") from None
        raise EngineError(f"cannot read audio {path}: {exc}") from exc
