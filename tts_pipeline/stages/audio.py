"""Audio stage: join per-segment WAVs with pauses (pydub) and export the MP3.

ffmpeg is the system's when on PATH, else imageio-ffmpeg's bundled binary. We never read MP3 back
through pydub: that needs ffprobe, which imageio-ffmpeg does not ship (the ASR decodes with PyAV).
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from tts_pipeline.article import Article, SegmentSpan
from tts_pipeline.stages.voices import Pauses

with warnings.catch_warnings():
    # pydub warns at import when ffmpeg is not on PATH; we point it at one below.
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment

MP3_BITRATE = "64k"


def ffmpeg_binary() -> str:
    system = shutil.which("ffmpeg")
    if system:
        return system
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


@cache
def _use_our_ffmpeg() -> None:
    """Point pydub at ffmpeg_binary() on first export, not at import (no side effect of importing us)."""
    AudioSegment.converter = ffmpeg_binary()


def assemble(wav_paths: Sequence[Path], kinds: Sequence[str], pauses: Pauses) -> tuple[AudioSegment, list[SegmentSpan]]:
    """Concatenate segment WAVs: a longer pause after the headline, a shorter one between paragraphs."""
    if not wav_paths:
        raise ValueError("no audio segments to assemble")
    first = AudioSegment.from_wav(wav_paths[0])
    rate = first.frame_rate
    audio = AudioSegment.silent(duration=pauses.leading_ms, frame_rate=rate)
    spans: list[SegmentSpan] = []
    for index, (path, kind) in enumerate(zip(wav_paths, kinds, strict=True)):
        segment = first if index == 0 else AudioSegment.from_wav(path)
        if index:
            gap = pauses.after_title_ms if kinds[index - 1] == "title" else pauses.between_paragraphs_ms
            audio += AudioSegment.silent(duration=gap, frame_rate=rate)
        start = len(audio) / 1000
        audio += segment
        spans.append(SegmentSpan(kind, round(start, 3), round(len(audio) / 1000, 3)))
    audio += AudioSegment.silent(duration=pauses.trailing_ms, frame_rate=rate)
    return audio, spans


def export_mp3(audio: AudioSegment, path: Path, tags: dict[str, str] | None = None) -> None:
    _use_our_ffmpeg()
    audio.export(str(path), format="mp3", bitrate=MP3_BITRATE, tags=tags or {})


# Podcast loudness: -16 LUFS integrated (the Apple/Spotify spoken-word target), true peak under -1 dBTP.
TARGET_LUFS = -16.0
# The ceiling sits below -1 dBFS so MP3 encoding (which adds a little overshoot) keeps the peak under -1 dBTP.
PEAK_CEILING_DBFS = -1.5
OVERSAMPLE = 4  # true peak ~ the sample peak after 4x oversampling (ITU-R BS.1770-4 annex 2)
# The limiter holds a reduced gain 20 ms either side of a peak and glides over 20 ms: slow enough that it
# does not distort the voice (fast gain changes smear the consonants the recogniser needs).
LIMITER_WINDOW_S = 0.02


PEAK_BLOCK = 4096  # samples oversampled at a time: a 5-minute narration must not cost 4x its size at once
PEAK_OVERLAP = 16  # beyond the interpolation filter's reach, so block edges are exact
SILENCE_FLOOR = 0.002  # -54 dBFS: blocks this quiet keep their sample peaks (no gain lifts them to -1 dB)
PEAK_TAPS = 49  # 12 per phase, as the BS.1770-4 annex 2 true-peak filter; scipy's default 81 is slower


def oversampled_peaks(samples, floor: float = 0.0):
    """Per input sample, the largest magnitude among its 4x-oversampled points (float32), block by block.

    A block whose samples all stay under half of floor (and of the loudest sample) keeps its sample
    magnitudes: 4x oversampling adds far less than 6 dB to a band-limited signal, so such a block can hold
    neither the true peak nor a peak over floor. Quiet passages and pauses thus cost nothing."""
    import numpy as np
    from scipy.signal import firwin, resample_poly

    peaks = np.abs(samples).astype(np.float32)
    if not len(samples):
        return peaks
    skip_under = min(floor or np.inf, float(peaks.max())) / 2
    taps = firwin(PEAK_TAPS, 1 / OVERSAMPLE, window=("kaiser", 5.0))  # resample_poly scales it by 4
    for start in range(0, len(samples), PEAK_BLOCK):
        stop = min(len(samples), start + PEAK_BLOCK)
        if peaks[start:stop].max() < skip_under:
            continue
        low, high = max(0, start - PEAK_OVERLAP), min(len(samples), stop + PEAK_OVERLAP)
        over = np.abs(resample_poly(samples[low:high], OVERSAMPLE, 1, window=taps)).reshape(high - low, OVERSAMPLE)
        peaks[start:stop] = over.max(axis=1)[start - low : stop - low]
    return peaks


def true_peak(samples) -> float:
    """Peak magnitude (linear, 1.0 = full scale) of mono float samples after 4x oversampling."""
    return float(oversampled_peaks(samples).max()) if len(samples) else 0.0


def _limit(samples, rate: int, ceiling: float, peaks=None):
    """A look-ahead peak limiter: per-sample gain so no 4x-oversampled peak exceeds ceiling, smoothed.

    `peaks` may be given: oversampled peaks scale with gain, so they are measured once per narration.
    pyloudnorm measures and sets loudness but has no limiter; scipy gives the oversampling and filters.
    """
    import numpy as np
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    peaks = oversampled_peaks(samples, ceiling) if peaks is None else peaks
    gain = np.minimum(np.float32(1.0), np.float32(ceiling) / np.maximum(peaks, 1e-9))
    width = max(1, int(rate * LIMITER_WINDOW_S))
    gain = minimum_filter1d(gain, size=2 * width + 1)  # reach the reduced gain before the peak...
    # ...and glide in and out of it; every value averaged here already allows for the peak at its centre
    gain = uniform_filter1d(gain, size=width)
    return (samples * gain).astype(np.float32)


def normalise_loudness(audio: AudioSegment, target_lufs: float = TARGET_LUFS) -> AudioSegment:
    """Gain to target_lufs integrated (pyloudnorm, BS.1770), then limit true peaks under PEAK_CEILING_DBFS."""
    import numpy as np
    import pyloudnorm

    audio = audio.set_channels(1).set_sample_width(2)
    rate = audio.frame_rate
    samples = np.array(audio.get_array_of_samples(), dtype=np.float32) / np.float32(32768.0)
    if len(samples) < int(0.5 * rate) or not np.any(samples):
        return audio  # too short for a loudness measure (400 ms blocks), or silence
    meter = pyloudnorm.Meter(rate)
    ceiling = 10 ** (PEAK_CEILING_DBFS / 20)
    original, gain_db, slope, previous, original_peaks = samples, 0.0, 1.0, None, None
    # Limiting eats part of each gain step (about half on espeak speech): gain and limit the original again,
    # stepping by the secant of loudness over gain measured so far.
    for _ in range(4):
        loudness = meter.integrated_loudness(samples)
        if not np.isfinite(loudness) or abs(loudness - target_lufs) < 0.5:
            break
        if previous is not None and gain_db != previous[0]:
            slope = min(1.0, max(0.2, (loudness - previous[1]) / (gain_db - previous[0])))
        previous = (gain_db, loudness)
        gain_db += (target_lufs - loudness) / slope
        scale = np.float32(10 ** (gain_db / 20))
        if original_peaks is None:  # exact everywhere but near-silence: any gain may follow
            original_peaks = oversampled_peaks(original, floor=SILENCE_FLOOR)
        samples = _limit(original * scale, rate, ceiling, original_peaks * scale)
    pcm = np.clip(np.round(samples * 32767.0), -32768, 32767).astype("<i2")
    return audio._spawn(pcm.tobytes())


def article_tags(article: Article, url: str | None = None) -> dict[str, str]:
    """The ID3 fields we write from an Article: title, byline, site, date, url and the text as lyrics."""
    tags = {
        "title": article.title,
        "artist": article.byline or "",
        "album": article.site or "",
        "date": article.date or "",
        "url": url or article.url or "",
        "lyrics": article.text,
    }
    return {key: value for key, value in tags.items() if value}


MAX_LYRICS_CHARS = 100_000  # USLT is a single frame; a whole book would bloat every MP3 header


def write_tags(path: Path, tags: dict[str, str]) -> None:
    """ID3v2.4 tags with mutagen: TIT2 title, TPE1 artist, TALB album, TDRC date, WOAS + WXXX url, USLT lyrics."""
    from mutagen.id3 import ID3, TALB, TDRC, TIT2, TPE1, USLT, WOAS, WXXX, ID3NoHeaderError

    try:
        id3 = ID3(str(path))
    except ID3NoHeaderError:
        id3 = ID3()
    frames = {"title": TIT2, "artist": TPE1, "album": TALB, "date": TDRC}
    for key, frame in frames.items():
        if tags.get(key):
            id3.add(frame(encoding=3, text=[tags[key]]))
    if tags.get("url"):
        id3.add(WOAS(url=tags["url"]))
        id3.add(WXXX(encoding=3, desc="source", url=tags["url"]))
    lyrics = tags.get("lyrics", "")
    if lyrics and len(lyrics) <= MAX_LYRICS_CHARS:
        id3.add(USLT(encoding=3, lang="eng", desc="", text=lyrics))
    id3.save(str(path), v2_version=4)
