"""Audio faults injected into a real narration, as a listener would hear them (used by tests and
bench/bench_audio_check.py). Each takes 16 kHz mono float samples and returns (damaged copy, where)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from tts_pipeline.stages import audio, audiocheck
from tts_pipeline.stages.asr.audio import SAMPLE_RATE, decode_audio
from tts_pipeline.stages.audio import AudioSegment

RATE = SAMPLE_RATE


def loudest_spot(samples: np.ndarray, after_s: float = 0.0) -> int:
    """A sample index in the middle of loud speech (a vowel), after `after_s` seconds."""
    level = audiocheck._frame_db(audiocheck._frames(samples, RATE))
    first = int(after_s / audiocheck.FRAME_S)
    frame = first + int(np.argmax(level[first:]))
    return int((frame + 0.5) * audiocheck.FRAME_S * RATE)


def pause_between_paragraphs(samples: np.ndarray, near_s: float) -> int:
    """The middle of the first pause of 0.5 s or more after near_s (a gap between paragraphs)."""
    level = audiocheck._frame_db(audiocheck._frames(samples, RATE))
    for first, stop in audiocheck._runs(level < audiocheck.SILENT_DB):
        if first * audiocheck.FRAME_S >= near_s and (stop - first) * audiocheck.FRAME_S >= 0.5:
            return int((first + stop) / 2 * audiocheck.FRAME_S * RATE)
    raise ValueError("no paragraph pause found")


def noise_burst(samples, at: int, seconds: float, dbfs: float, seed: int = 1):
    rng = np.random.default_rng(seed)
    noise = rng.standard_normal(int(seconds * RATE)).astype(np.float32) * np.float32(10 ** (dbfs / 20))
    return np.concatenate([samples[:at], noise, samples[at:]]), at / RATE


def silence(samples, at: int, seconds: float = 4.0):
    return np.concatenate([samples[:at], np.zeros(int(seconds * RATE), np.float32), samples[at:]]), at / RATE


def clipping(samples, at: int, seconds: float = 1.0, gain_db: float = 12.0):
    damaged = samples.copy()
    part = slice(at, at + int(seconds * RATE))
    damaged[part] = np.clip(damaged[part] * np.float32(10 ** (gain_db / 20)), -1.0, 1.0)
    return damaged, at / RATE


def dc_offset(samples, offset: float = 0.05):
    return samples + np.float32(offset), 0.0


def as_mp3(samples: np.ndarray, folder: Path) -> Path:
    """Encode with the pipeline's own exporter (64 kbps MP3) at a voice's rate (24 kHz), so the check hears
    what a listener would."""
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()
    segment = AudioSegment(pcm, frame_rate=RATE, sample_width=2, channels=1).set_frame_rate(24000)
    mp3 = folder / "damaged.mp3"
    audio.export_mp3(segment, mp3)
    return mp3


def heard(samples: np.ndarray, spans=()) -> list[audiocheck.AudioFinding]:
    """The audio check over the damaged audio after an MP3 round trip (spans: paragraphs' start, end)."""
    with tempfile.TemporaryDirectory() as folder:
        return audiocheck.find_audio_faults(decode_audio(as_mp3(samples, Path(folder))), RATE, spans)
