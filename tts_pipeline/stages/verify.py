"""Round-trip check: is the audio what the article says?

Two measures, both on the *article text* (never the speech text), through Whisper's English normaliser:
- WER over the whole text (jiwer), a global bound: the options' threshold (verdict.DEFAULT_WER_THRESHOLD).
- Sentence alignment (align.py), which finds and locates content faults: missing, truncated,
  repeated, extra, garbled. ASR noise (misspelt names, number forms) is scattered and tolerated.
- Audio faults that are not words (audiocheck.py): noise bursts, long silences, clipping, DC offset, a
  paragraph far off the narration's level; placed between the paragraphs the alignment heard.
Verdict, decided once (verdict.decide): fail when any fault is found or the WER is over the threshold.

Calls go one way: verify -> second_look -> align; verify -> align.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import jiwer

from tts_pipeline.article import SentenceStatus, Transcript, Verification
from tts_pipeline.stages import align, audiocheck
from tts_pipeline.stages.second_look import SecondLook
from tts_pipeline.stages.textnorm import normalise, spell_compounds_as_reference
from tts_pipeline.stages.verdict import DEFAULT_WER_THRESHOLD, decide

__all__ = [
    "DEFAULT_WER_THRESHOLD",
    "WordErrors",
    "decide",
    "measure_wer",
    "normalise",
    "verify_text",
    "verify_transcript",
    "with_audio_faults",
]


@dataclass(frozen=True)
class WordErrors:
    """The transcript's word errors against the reference, after normalising both."""

    wer: float
    reference_words: int
    hypothesis_words: int
    substitutions: int
    deletions: int
    insertions: int


def measure_wer(reference: str, transcript: Transcript | str) -> WordErrors:
    """Word error rate of the transcript against the reference text. ValueError when the reference has no words."""
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
    return WordErrors(round(wer, 4), len(ref.split()), len(hyp.split()), subs, dels, ins)


def verify_text(reference: str, transcript: Transcript | str, threshold: float = DEFAULT_WER_THRESHOLD) -> Verification:
    """WER only (no alignment, no faults): pass when under threshold. For text-to-text checks."""
    errors = measure_wer(reference, transcript)
    return Verification(verdict=decide(errors.wer, threshold), threshold=threshold, **vars(errors))


def verify_transcript(
    paragraphs: Sequence[str], transcript: Transcript, threshold: float, second_look: SecondLook | None = None
) -> Verification:
    """WER plus sentence alignment and faults for a narration of these paragraphs (headline first).

    With `second_look`, the audio around each candidate fault is transcribed again and the fault kept only
    if it shows again.
    """
    errors = measure_wer("\n\n".join(paragraphs), transcript)
    sentences = align.reference_sentences(paragraphs)
    checks, sites = align.check_alignment(sentences, align.timed_tokens(transcript.words), transcript.audio_seconds)
    if sites and second_look is not None:
        sites = second_look.review(sites, sentences, checks, transcript.audio_seconds)
        faulty = {i for site in sites for i in site.sentences}
        quiet = (SentenceStatus.OK, SentenceStatus.NOISE)
        checks = [
            c if i in faulty or c.status in quiet else replace(c, status=SentenceStatus.NOISE)
            for i, c in enumerate(checks)
        ]
    faults = tuple(site.fault for site in sites)
    return Verification(
        verdict=decide(errors.wer, threshold, faults),
        threshold=threshold,
        **vars(errors),
        sentences=tuple(checks),
        faults=faults,
    )


def with_audio_faults(verification: Verification, samples, rate: int) -> Verification:
    """The verification with the audio's own faults added (audiocheck.py), in time order, and its verdict again."""
    spans = audiocheck.paragraph_spans(verification.sentences)
    findings = audiocheck.find_audio_faults(samples, rate, list(spans.values()))
    if not findings:
        return verification
    faults = tuple(sorted((*verification.faults, *audiocheck.place_faults(findings, spans)), key=lambda f: f.start))
    return replace(verification, faults=faults, verdict=decide(verification.wer, verification.threshold, faults))
