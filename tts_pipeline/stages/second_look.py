"""Second look: candidate faults are heard again before they stand.

Whisper drops or repeats text at its 30 s window seams on perfect audio, so the audio around each
candidate fault (with its neighbouring sentences) is transcribed once more, in pieces shorter than the
window, and the fault kept only if it shows again. Calls go one way: verify -> second_look -> align.
"""

from __future__ import annotations

import tempfile
import wave
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from tts_pipeline.article import FaultKind, SentenceCheck, SentenceStatus, Word
from tts_pipeline.stages import align
from tts_pipeline.stages.asr import Recognizer
from tts_pipeline.stages.asr.audio import decode_audio

# Second look: candidate faults are re-checked on clips of at most SECOND_LOOK_MAX_SECONDS, with a margin
# around the neighbouring sentences, until the clips add up to the budget: a share of the audio (at least
# SECOND_LOOK_MIN_BUDGET_S). Past the budget candidates stand: that much trouble is not a slip.
SECOND_LOOK_MAX_SECONDS = 90.0
SECOND_LOOK_BUDGET_SHARE = 0.5
SECOND_LOOK_MIN_BUDGET_S = 60.0
SECOND_LOOK_MARGIN_S = 0.3
SECOND_LOOK_PIECE_S = 24.0
SECOND_LOOK_OVERLAP_S = 6.0
ASR_SAMPLE_RATE = 16000


class SecondLook:
    """Re-transcribes the audio around a candidate fault, with its neighbouring sentences.

    The stretch is cut into overlapping pieces shorter than Whisper's 30 s window, because the slips
    being ruled out happen at window seams; each heard word is kept from the piece whose core holds it.
    """

    def __init__(self, recognizer: Recognizer, audio_path: Path) -> None:
        self.recognizer = recognizer
        self.audio_path = audio_path
        self._samples = None
        self.seconds_used = 0.0

    @property
    def samples(self):
        """The audio at ASR_SAMPLE_RATE, decoded once on first use (the verifier's audio check reads it too)."""
        if self._samples is None:
            self._samples = decode_audio(str(self.audio_path), sampling_rate=ASR_SAMPLE_RATE)
        return self._samples

    def _write_clip(self, start: float, end: float, path: Path) -> None:
        piece = self.samples[int(start * ASR_SAMPLE_RATE) : int(end * ASR_SAMPLE_RATE)]
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(ASR_SAMPLE_RATE)
            out.writeframes((np.clip(piece, -1, 1) * 32767).astype("<i2").tobytes())

    def transcribe_stretch(self, start: float, end: float) -> list[Word]:
        """Words heard between start and end (seconds), timed from start, read in overlapping pieces."""
        step = SECOND_LOOK_PIECE_S - SECOND_LOOK_OVERLAP_S
        piece_starts = [start]
        while piece_starts[-1] + SECOND_LOOK_PIECE_S < end:
            piece_starts.append(piece_starts[-1] + step)
        words: list[Word] = []
        with tempfile.TemporaryDirectory(prefix="tts-second-look-") as folder:
            for n, piece_start in enumerate(piece_starts):
                piece_end = min(piece_start + SECOND_LOOK_PIECE_S, end)
                core_from = start if n == 0 else piece_start + SECOND_LOOK_OVERLAP_S / 2
                core_to = end if n == len(piece_starts) - 1 else piece_end - SECOND_LOOK_OVERLAP_S / 2
                clip = Path(folder) / f"piece{n}.wav"
                self._write_clip(piece_start, piece_end, clip)
                for word in self.recognizer.transcribe(clip).words:
                    at = piece_start + (word.start + word.end) / 2
                    if core_from <= at < core_to:
                        offset = piece_start - start
                        words.append(Word(word.text, word.start + offset, word.end + offset))
        return words

    def review(
        self,
        sites: list[align.FaultSite],
        sentences: Sequence[align.RefSentence],
        checks: Sequence[SentenceCheck],
        audio_seconds: float,
    ) -> list[align.FaultSite]:
        """The candidate faults that show again when their stretch of audio is heard once more.

        Overlapping stretches are heard once, together. Past the budget (a share of the audio) the
        remaining candidates stand: that much trouble is not a slip.
        """
        budget = max(SECOND_LOOK_MIN_BUDGET_S, SECOND_LOOK_BUDGET_SHARE * audio_seconds)
        groups: list[tuple[int, int, float, float, list[align.FaultSite]]] = []
        for site in sorted(sites, key=lambda s: s.sentences.start):
            first, last = max(site.sentences.start - 1, 0), min(site.sentences.stop + 1, len(sentences))
            # From the end of the last well-placed sentence before to the start of the first after: near a
            # recognition slip the first pass's own times can be far off.
            start = max(min(_anchor_before(checks, first), site.fault.start) - SECOND_LOOK_MARGIN_S, 0.0)
            end = min(
                max(_anchor_after(checks, last, audio_seconds), site.fault.end) + SECOND_LOOK_MARGIN_S, audio_seconds
            )
            members = [site]
            if groups and first < groups[-1][1]:  # overlaps the previous stretch: hear them together
                g_first, g_last, g_start, g_end, g_members = groups.pop()
                first, last, start, end = g_first, max(last, g_last), min(start, g_start), max(end, g_end)
                members = [*g_members, site]
            groups.append((first, last, start, end, members))
        kept = []
        for first, last, start, end, members in groups:
            if end - start > SECOND_LOOK_MAX_SECONDS or self.seconds_used + end - start > budget:
                kept += members
                continue
            self.seconds_used += end - start
            heard = align.timed_tokens(self.transcribe_stretch(start, end))
            _, again = align.check_alignment(sentences[first:last], heard, end - start)
            kept += [site for site in members if any(_same_fault(site, first, other) for other in again)]
        return kept


def _well_placed(check) -> bool:
    return (
        check.start is not None and check.status in (SentenceStatus.OK, SentenceStatus.NOISE) and check.error_rate < 0.5
    )


def _anchor_before(checks, index: int) -> float:
    """End of the last well-placed sentence before `index` (0.0 when none)."""
    return next((c.end for c in reversed(checks[:index]) if _well_placed(c)), 0.0)


def _anchor_after(checks, index: int, audio_seconds: float) -> float:
    """Start of the first well-placed sentence from `index` on (the audio's end when none)."""
    return next((c.start for c in checks[index:] if _well_placed(c)), audio_seconds)


def _same_fault(site: align.FaultSite, first: int, other: align.FaultSite) -> bool:
    """Whether a fault found again in a stretch (its sentences counted from `first`) is this one.

    A repeat is placed by its best-matching sentence, which between two similar neighbours can differ
    by one from pass to pass; the other kinds must touch the same sentences."""
    reach = 1 if FaultKind.REPEATED in (site.fault.kind, other.fault.kind) else 0
    mine = range(site.sentences.start - reach, site.sentences.stop + reach)
    return any(first + i in mine for i in other.sentences)
