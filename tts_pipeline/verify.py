"""Round-trip check: is the audio what the article says?

Two measures, both on the *article text* (never the speech text), through Whisper's English normaliser:
- WER over the whole text (jiwer), a global bound: DEFAULT_WER_THRESHOLD.
- Sentence alignment (align.py), which finds and locates content faults: missing, truncated,
  repeated, extra, garbled. ASR noise (misspelt names, number forms) is scattered and tolerated.
Verdict: fail when any fault is found or the WER is over the threshold, pass otherwise.
"""

from __future__ import annotations

import tempfile
import wave
from dataclasses import replace
from pathlib import Path

import jiwer
import numpy as np

from . import align
from .article import Transcript, Verification, Word
from .asr import DEFAULT_BEAM_SIZE, Recognizer
from .errors import BadInput
from .textnorm import normalise, spell_compounds_as_reference

__all__ = ["DEFAULT_WER_THRESHOLD", "check_audio", "normalise", "verify_text", "verify_transcript"]

# A backstop, not the main check: the faults list catches localised damage at any WER. Clean espeak
# narrations read back by tiny.en score 0.06-0.18 on news pages (names, numbers), and up to 0.25 on
# jargon-heavy tech pages (measured over ../shared/devset), so the bound sits above that.
DEFAULT_WER_THRESHOLD = 0.35
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


def verify_text(reference: str, transcript: Transcript | str, threshold: float = DEFAULT_WER_THRESHOLD) -> Verification:
    """Word error rate of the transcript against the reference text; verdict pass when under threshold."""
    hypothesis = transcript.text if isinstance(transcript, Transcript) else transcript
    ref, hyp = normalise(reference), normalise(hypothesis)
    if not ref:
        raise ValueError("reference text has no words")
    hyp = " ".join(spell_compounds_as_reference(ref.split(), hyp.split()))
    if hyp:
        out = jiwer.process_words(ref, hyp)
        wer, subs, dels, ins = out.wer, out.substitutions, out.deletions, out.insertions
    else:  # jiwer refuses an empty hypothesis: every reference word is deleted
        wer, subs, dels, ins = 1.0, 0, len(ref.split()), 0
    return Verification(
        verdict="pass" if wer <= threshold else "fail",
        wer=round(wer, 4),
        threshold=threshold,
        reference_words=len(ref.split()),
        hypothesis_words=len(hyp.split()),
        substitutions=subs,
        deletions=dels,
        insertions=ins,
    )


def verify_transcript(
    text: str, transcript: Transcript, threshold: float = DEFAULT_WER_THRESHOLD, second_look: SecondLook | None = None
) -> Verification:
    """WER plus sentence alignment and faults for a narration of `text` (article.txt layout).

    With `second_look`, the audio around each candidate fault is transcribed again (SecondLook.review) and
    the fault kept only if it shows again: Whisper drops or repeats text at its 30 s window seams on
    perfect audio.
    """
    totals = verify_text(text, transcript, threshold)
    sentences = align.reference_sentences(align.text_paragraphs(text))
    checks, sites = align.check_alignment(sentences, align.timed_tokens(transcript.words), transcript.audio_seconds)
    if sites and second_look is not None:
        sites = second_look.review(sites, sentences, checks, transcript.audio_seconds)
        faulty = {i for site in sites for i in site.sentences}
        checks = [
            c if i in faulty or c.status in ("ok", "noise") else replace(c, status="noise")
            for i, c in enumerate(checks)
        ]
    faults = tuple(site.fault for site in sites)
    verdict = "fail" if faults or totals.wer > threshold else "pass"
    return replace(totals, verdict=verdict, sentences=tuple(checks), faults=faults)


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

    def _write_clip(self, start: float, end: float, path: Path) -> None:
        if self._samples is None:
            from faster_whisper.audio import decode_audio  # PyAV: MP3 without ffprobe

            self._samples = decode_audio(str(self.audio_path), sampling_rate=ASR_SAMPLE_RATE)
        piece = self._samples[int(start * ASR_SAMPLE_RATE) : int(end * ASR_SAMPLE_RATE)]
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

    def review(self, sites: list[align.FaultSite], sentences, checks, audio_seconds: float) -> list[align.FaultSite]:
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
    return check.start is not None and check.status in ("ok", "noise") and check.error_rate < 0.5


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
    reach = 1 if "repeated" in (site.fault.kind, other.fault.kind) else 0
    mine = range(site.sentences.start - reach, site.sentences.stop + reach)
    return any(first + i in mine for i in other.sentences)


def check_audio(
    audio_path: Path,
    text_location: str,
    backend: str = "faster-whisper",
    model: str | None = None,
    beam_size: int = DEFAULT_BEAM_SIZE,
    threshold: float | None = None,
) -> dict:
    """Transcribe an audio file and verify it against a text file (e.g. article.txt); JSON-ready result."""
    from .asr import create_recognizer, describe_recognizer
    from .source import read_input

    text, _ = read_input(text_location)
    if not normalise(text):
        raise BadInput(f"{text_location} has no words to verify against")
    if not audio_path.is_file():
        raise BadInput(f"audio file not found: {audio_path}")
    if audio_path.stat().st_size == 0:
        raise BadInput(f"audio file is empty: {audio_path}")
    recognizer = create_recognizer(backend, model, beam_size)
    transcript = recognizer.transcribe(audio_path)
    if transcript.audio_seconds <= 0:
        raise BadInput(f"audio file has no sound: {audio_path}")
    result = verify_transcript(
        text, transcript, DEFAULT_WER_THRESHOLD if threshold is None else threshold, SecondLook(recognizer, audio_path)
    )
    return {
        **result.to_dict(),
        "audio_seconds": transcript.audio_seconds,
        "asr": describe_recognizer(recognizer),
        "transcript": transcript.text,
    }
