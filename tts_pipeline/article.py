"""Typed records passed between the pipeline's stages.

Article -> Script -> Narration -> Transcript -> Report. Each is a frozen dataclass with
``to_dict()`` giving the JSON we write, so other tools can read our outputs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path

# report.json's layout; readers (serve, the site index) refuse other versions. 1: the player's files.
REPORT_VERSION = 1


class Verdict(StrEnum):
    PASS = "pass"
    FAIL = "fail"


class FaultKind(StrEnum):
    """Content faults verification finds (align.py), and audio faults that are not words (audiocheck.py)."""

    MISSING = "missing"
    TRUNCATED = "truncated"
    REPEATED = "repeated"
    EXTRA = "extra"
    GARBLED = "garbled"
    NOISE_BURST = "noise-burst"
    LONG_SILENCE = "long-silence"
    CLIPPING = "clipping"
    DC_OFFSET = "dc-offset"
    LEVEL = "level"


class SentenceStatus(StrEnum):
    """How one article sentence was heard: ok, recognition noise (not a fault), or the fault it carries."""

    OK = "ok"
    NOISE = "noise"
    MISSING = "missing"
    TRUNCATED = "truncated"
    REPEATED = "repeated"
    EXTRA = "extra"
    GARBLED = "garbled"


@dataclass(frozen=True)
class RemovedLine:
    text: str
    rule: str


@dataclass(frozen=True)
class Article:
    title: str
    paragraphs: tuple[str, ...]
    removed: tuple[RemovedLine, ...] = ()
    byline: str | None = None
    date: str | None = None  # ISO date (YYYY-MM-DD) when the page gives one
    site: str | None = None
    url: str | None = None
    language: str | None = None

    @property
    def metadata(self) -> dict[str, str | None]:
        """What the page says about itself (carried into report.json and the MP3 tags)."""
        return {"byline": self.byline, "date": self.date, "site": self.site, "url": self.url, "language": self.language}

    @property
    def text(self) -> str:
        """The cleaned article as we write it to article.txt: headline first, then paragraphs."""
        return "\n\n".join((self.title, *self.paragraphs)) + "\n"

    @property
    def spoken_paragraphs(self) -> tuple[str, ...]:
        """What the narration says, in order: the headline, then each paragraph (spaces collapsed). Sentence
        alignment, captions and the read-along number paragraphs by this (0: the headline)."""
        return tuple(" ".join(p.split()) for p in (self.title, *self.paragraphs) if p.strip())

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            **self.metadata,
            "paragraphs": list(self.paragraphs),
            "removed": [asdict(r) for r in self.removed],
        }


@dataclass(frozen=True)
class SpeechChange:
    rule: str
    before: str
    after: str


@dataclass(frozen=True)
class ScriptSegment:
    """One unit the engine renders: the headline or one paragraph."""

    kind: str  # "title" | "paragraph"
    source: str  # the article text
    speech: str  # the text the engine is given
    changes: tuple[SpeechChange, ...] = ()


@dataclass(frozen=True)
class Script:
    segments: tuple[ScriptSegment, ...]


@dataclass(frozen=True)
class SegmentSpan:
    """Where one script segment lies in the narration, in seconds."""

    kind: str
    start: float
    end: float


@dataclass(frozen=True)
class Narration:
    path: Path
    seconds: float
    voice: str
    spans: tuple[SegmentSpan, ...]


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Transcript:
    text: str
    words: tuple[Word, ...]
    backend: str
    model: str
    audio_seconds: float


@dataclass(frozen=True)
class RecognizerInfo:
    """Which recogniser heard the audio (report.json "asr")."""

    backend: str
    model: str
    beam_size: int | None
    threads: int | None


@dataclass(frozen=True)
class SentenceCheck:
    """One article sentence located in the audio. paragraph 0 is the headline, 1.. the body paragraphs."""

    paragraph: int
    index: int  # sentence number within its paragraph, from 0
    text: str
    start: float | None  # seconds in the audio; None when nothing of it was heard
    end: float | None
    status: SentenceStatus
    error_rate: float
    words: int


@dataclass(frozen=True)
class Fault:
    """A content fault, placed by time and by paragraph (0: the headline)."""

    kind: FaultKind
    paragraph: int
    start: float
    end: float
    detail: str = ""


@dataclass(frozen=True)
class Verification:
    verdict: Verdict
    wer: float
    threshold: float
    reference_words: int
    hypothesis_words: int
    substitutions: int
    deletions: int
    insertions: int
    sentences: tuple[SentenceCheck, ...] = ()
    faults: tuple[Fault, ...] = ()

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Repair:
    """One paragraph re-rendered by self-repair: the fault that sent it back, and what the retake gave."""

    paragraph: int  # 0: the headline
    fault: FaultKind
    attempt: int  # 1, 2, ...
    result: str  # "fixed" | "faulty" (the paragraph still carries a fault after this attempt)


@dataclass(frozen=True)
class AudioCheck:
    """An audio file verified against a text (the verify command): the verification and what was heard."""

    verification: Verification
    audio_seconds: float
    asr: RecognizerInfo
    transcript: str

    def to_dict(self) -> dict:
        extra = {"audio_seconds": self.audio_seconds, "asr": asdict(self.asr), "transcript": self.transcript}
        return {**self.verification.to_dict(), **extra}


@dataclass(frozen=True)
class Report:
    id: str
    title: str
    verdict: Verdict
    wer: float
    threshold: float
    audio_seconds: float
    voice: str
    asr: RecognizerInfo
    removed: tuple[RemovedLine, ...]
    timings: dict[str, float]
    verification: Verification
    transcript: str
    files: dict[str, str] = field(default_factory=dict)
    metadata: dict[str, str | None] = field(default_factory=dict)  # byline, date, site, url, language
    repairs: tuple[Repair, ...] = ()  # self-repair, in order; the verdict is the final audio's

    def to_dict(self) -> dict:
        data = {"report_version": REPORT_VERSION, **asdict(self)}
        data["removed"] = [asdict(r) for r in self.removed]
        # Sentences and faults sit at the top level, where tools look for them.
        data["sentences"] = data["verification"].pop("sentences")
        data["faults"] = data["verification"].pop("faults")
        return data
