"""Caption writers keyed by format (like whisper's utils.get_writer): one cue per sentence.

Cue times come from the sentence alignment. A sentence the recogniser did not place (possible on audio
that still passed, after a second look) gets the time between its placed neighbours, so the track has
no holes and never runs backwards.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tts_pipeline.article import SentenceCheck


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str
    id: str = ""  # "p3s1": paragraph 3, sentence 1, the numbers report.json uses (the player's join key)


def build_cues(sentences: Sequence[SentenceCheck], audio_seconds: float) -> list[Cue]:
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    for i in range(len(sentences)):
        if starts[i] is None:
            starts[i] = next((e for e in reversed(ends[:i]) if e is not None), 0.0)
        if ends[i] is None:
            ends[i] = next((s for s in starts[i + 1 :] if s is not None), audio_seconds)
    cues, previous_end = [], 0.0
    for sentence, start, end in zip(sentences, starts, ends, strict=True):
        start = max(start, previous_end)
        end = min(max(end, start + 0.01), audio_seconds) if audio_seconds > start else start + 0.01
        cues.append(Cue(round(start, 3), round(end, 3), sentence.text, f"p{sentence.paragraph}s{sentence.index}"))
        previous_end = end
    return cues


def _timestamp(seconds: float, decimal: str) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{decimal}{millis:03d}"


def _cue_text(text: str) -> str:
    # WebVTT and SRT forbid blank lines in a cue and treat "-->" as a timing line.
    return " ".join(text.split()).replace("-->", "->")


def format_vtt(cues: Sequence[Cue]) -> str:
    blocks = ["WEBVTT\n"]
    for n, cue in enumerate(cues, 1):
        blocks.append(
            f"{cue.id or n}\n{_timestamp(cue.start, '.')} --> {_timestamp(cue.end, '.')}\n{_cue_text(cue.text)}\n"
        )
    return "\n".join(blocks)


def format_srt(cues: Sequence[Cue]) -> str:
    blocks = []
    for n, cue in enumerate(cues, 1):
        blocks.append(f"{n}\n{_timestamp(cue.start, ',')} --> {_timestamp(cue.end, ',')}\n{_cue_text(cue.text)}\n")
    return "\n".join(blocks)


WRITERS: dict[str, Callable[[Sequence[Cue]], str]] = {"vtt": format_vtt, "srt": format_srt}


def write_captions(path: Path, sentences: Sequence[SentenceCheck], audio_seconds: float, fmt: str = "vtt") -> None:
    Path(path).write_text(WRITERS[fmt](build_cues(sentences, audio_seconds)), encoding="utf-8")
