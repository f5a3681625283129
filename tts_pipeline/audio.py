"""Audio stage: join per-segment WAVs with pauses (pydub) and export the MP3.

ffmpeg is the system's when on PATH, else imageio-ffmpeg's bundled binary. We never read MP3 back
through pydub: that needs ffprobe, which imageio-ffmpeg does not ship (the ASR decodes with PyAV).
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Sequence
from pathlib import Path

from .article import SegmentSpan
from .voices import Pauses

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
    audio.export(str(path), format="mp3", bitrate=MP3_BITRATE, tags=tags or {})
