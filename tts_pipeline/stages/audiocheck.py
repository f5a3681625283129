"""Audio faults that are not words: what a listener hears at once though the transcript still matches.

Run over the published MP3, decoded as the recogniser hears it (16 kHz mono). Each finding is a Fault of
its own kind with its time; the verifier places it between paragraphs (place_faults).

What is measured, per 20 ms frame unless said (thresholds measured on clean narrations of six shipped
voices and on injected faults: `make bench-verify`, README "The verdict"):
- clipping: samples at full scale. The master keeps true peaks under -1.5 dBFS, so any run of them is damage.
- dc-offset: the mean of a second of audio far from zero (speech and silence both average to ~0).
- long-silence: a pause longer than any the voices make (between paragraphs included).
- noise-burst: a stretch of loud, spectrally flat sound (white-ish noise); speech is flat only in short
  fricatives ('s', 'sh'), so the stretch must outlast them.
- level: a paragraph whose speech level is far from the narration's (one stretch far off -16 LUFS).
The frame maths is numpy; no library offers these checks on a buffer (ffmpeg's silencedetect/astats would
need one subprocess and one decode per check).

Not found, and not findable from the audio alone (README "The verdict" has the figures): clicks inside
loud speech (after a 64 kbps MP3 round trip a 0.8 full-scale click stands out less than clean speech's
own plosive bursts, by sample differences or by 4-8 kHz energy) and 300 ms dropouts (the voices pause
as long where the text has no punctuation, and espeak-ng stops and starts as abruptly as a cut).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tts_pipeline.article import Fault, FaultKind, SentenceCheck

FRAME_S = 0.02
SPEECH_DB = -45.0  # frame RMS above this is sound (speech or noise)
SILENT_DB = -60.0  # frame RMS below this is a pause
CLIP_LEVEL = 0.97  # |sample| at or above: clipped (the master's ceiling is 0.84)
CLIP_RUN = 3  # consecutive clipped samples that make a fault
DC_LIMIT = 0.02  # |mean| of a 1 s window above this: DC offset
LONG_SILENCE_S = 3.0  # a pause longer than this (the voices' longest pause is well under it)
FLATNESS_NOISE = 0.3  # spectral flatness above this in a loud frame: noise-like
NOISE_MIN_S = 0.3  # ... for at least this long (fricatives last under ~0.2 s)
FLATNESS_BLOCK = 2048  # frames transformed at a time
LEVEL_LIMIT_DB = 8.0  # a paragraph's median speech level this far from the narration's median


@dataclass(frozen=True)
class AudioFinding:
    kind: FaultKind
    start: float
    end: float
    detail: str


def find_audio_faults(samples: np.ndarray, rate: int, spans: Sequence[tuple[float, float]] = ()) -> list[AudioFinding]:
    """Every audio fault in mono float samples; `spans` (paragraph start, end in seconds) enable the level check."""
    samples = np.asarray(samples, dtype=np.float32)
    if len(samples) < rate // 2:
        return []
    frames = _frames(samples, rate)
    level = _frame_db(frames)
    findings = [
        *_clipping(samples, rate),
        *_dc_offset(samples, rate),
        *_long_silences(level),
        *_noise_bursts(frames, level),
        *_level_jumps(level, spans),
    ]
    return sorted(findings, key=lambda f: f.start)


def _frames(samples: np.ndarray, rate: int) -> np.ndarray:
    size = int(rate * FRAME_S)
    count = len(samples) // size
    return samples[: count * size].reshape(count, size)


def _frame_db(frames: np.ndarray) -> np.ndarray:
    rms = np.sqrt(np.mean(np.square(frames, dtype=np.float64), axis=1))
    return 20 * np.log10(np.maximum(rms, 1e-7))


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(first, last + 1) of every run of True."""
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True))


def _clipping(samples: np.ndarray, rate: int) -> list[AudioFinding]:
    found = []
    for first, stop in _runs(np.abs(samples) >= CLIP_LEVEL):
        if stop - first >= CLIP_RUN:
            detail = f"{stop - first} samples at full scale"
            found.append(AudioFinding(FaultKind.CLIPPING, first / rate, stop / rate, detail))
    return _merge(found, gap_s=0.5)


def _dc_offset(samples: np.ndarray, rate: int) -> list[AudioFinding]:
    count = len(samples) // rate
    means = samples[: count * rate].reshape(count, rate).mean(axis=1) if count else np.array([])
    found = [
        AudioFinding(FaultKind.DC_OFFSET, i, i + 1.0, f"mean {means[i]:+.3f} of full scale")
        for i in np.flatnonzero(np.abs(means) > DC_LIMIT)
    ]
    return _merge(found, gap_s=1.0)


def _long_silences(level: np.ndarray) -> list[AudioFinding]:
    """Pauses longer than any a voice makes, between paragraphs included (not the master's lead-in and tail)."""
    speech = np.flatnonzero(level > SPEECH_DB)
    if not len(speech):
        return []
    inner = np.zeros(len(level), dtype=bool)
    inner[speech[0] : speech[-1] + 1] = True
    found = []
    for first, stop in _runs((level < SILENT_DB) & inner):
        seconds = (stop - first) * FRAME_S
        if seconds > LONG_SILENCE_S:
            detail = f"{seconds:.1f} s of silence"
            found.append(AudioFinding(FaultKind.LONG_SILENCE, first * FRAME_S, stop * FRAME_S, detail))
    return found


def _flatness(frames: np.ndarray) -> np.ndarray:
    """Spectral flatness per frame, a block of frames at a time (an hour of audio stays a few MB at once)."""
    window = np.hanning(frames.shape[1]).astype(np.float32)
    flatness = np.empty(len(frames), dtype=np.float32)
    for start in range(0, len(frames), FLATNESS_BLOCK):
        block = frames[start : start + FLATNESS_BLOCK]
        spectrum = np.abs(np.fft.rfft(block * window, axis=1)) ** 2 + 1e-12
        # 100 Hz to 4 kHz: hum and DC are other checks' business, and a low-bitrate MP3 empties the top band
        spectrum = spectrum[:, 2 : spectrum.shape[1] // 2]
        flatness[start : start + len(block)] = np.exp(np.mean(np.log(spectrum), axis=1)) / np.mean(spectrum, axis=1)
    return flatness


def _noise_bursts(frames: np.ndarray, level: np.ndarray) -> list[AudioFinding]:
    noisy = (_flatness(frames) > FLATNESS_NOISE) & (level > SPEECH_DB)
    found = []
    for first, stop in _runs(noisy):
        seconds = (stop - first) * FRAME_S
        if seconds >= NOISE_MIN_S:
            detail = f"{seconds:.1f} s of noise at {level[first:stop].mean():.0f} dBFS"
            found.append(AudioFinding(FaultKind.NOISE_BURST, first * FRAME_S, stop * FRAME_S, detail))
    return _merge(found, gap_s=0.2)


def _level_jumps(level: np.ndarray, spans: Sequence[tuple[float, float]]) -> list[AudioFinding]:
    loud = level > SPEECH_DB
    if len(spans) < 3 or not loud.any():
        return []
    overall = float(np.median(level[loud]))
    found = []
    for start, end in spans:
        part = level[int(start / FRAME_S) : int(end / FRAME_S)]
        part = part[part > SPEECH_DB]
        if len(part) >= int(1.0 / FRAME_S) and abs(float(np.median(part)) - overall) > LEVEL_LIMIT_DB:
            detail = f"speech at {np.median(part) - overall:+.0f} dB from the rest"
            found.append(AudioFinding(FaultKind.LEVEL, start, end, detail))
    return found


def _merge(found: list[AudioFinding], gap_s: float) -> list[AudioFinding]:
    """One finding for a cluster (a burst of clipped samples is one fault, not hundreds)."""
    merged: list[AudioFinding] = []
    for finding in found:
        if merged and finding.start - merged[-1].end <= gap_s:
            last = merged[-1]
            merged[-1] = AudioFinding(last.kind, last.start, max(last.end, finding.end), last.detail)
        else:
            merged.append(finding)
    return merged


def paragraph_spans(sentences: Sequence[SentenceCheck]) -> dict[int, tuple[float, float]]:
    """Where each paragraph (0: the headline) was heard: from its first heard sentence to its last."""
    spans: dict[int, tuple[float, float]] = {}
    for sentence in sentences:
        if sentence.start is None or sentence.end is None:
            continue
        start, end = spans.get(sentence.paragraph, (sentence.start, sentence.end))
        spans[sentence.paragraph] = (min(start, sentence.start), max(end, sentence.end))
    return dict(sorted(spans.items()))


def place_faults(findings: Sequence[AudioFinding], spans: dict[int, tuple[float, float]]) -> list[Fault]:
    """Each finding as a Fault of the paragraph it lies in, or of the one before it when it lies between two
    (self-repair renders that paragraph again); the detail names the paragraphs on either side."""
    faults = []
    for finding in findings:
        inside = next((p for p, (start, end) in spans.items() if start <= finding.start <= end), None)
        before = max((p for p, (start, _) in spans.items() if start <= finding.start), default=0)
        after = min((p for p, (start, _) in spans.items() if start > finding.start), default=None)
        if inside is not None:
            where = f"in paragraph {inside}"
        elif after is None:
            where = f"after paragraph {before}"
        else:
            where = f"between paragraphs {before} and {after}"
        paragraph = inside if inside is not None else before
        start, end = round(float(finding.start), 2), round(float(finding.end), 2)
        faults.append(Fault(finding.kind, paragraph, start, end, f"{finding.detail}, {where}"))
    return faults
