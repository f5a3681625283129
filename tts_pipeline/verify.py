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
from .article import Transcript, Verification
from .asr import Recognizer
from .errors import BadInput
from .textnorm import normalise

__all__ = ["DEFAULT_WER_THRESHOLD", "check_audio", "normalise", "verify_text", "verify_transcript"]

# Raw round-trip WER of espeak speech read back by tiny.en is 0.12-0.16 on clean audio (mostly names);
# the faults list catches localised damage well below this global bound.
DEFAULT_WER_THRESHOLD = 0.25
# Second look: at most this many candidate faults are re-checked (more means the audio is broken), on
# clips of at most this many seconds, with this margin around the neighbouring sentences.
SECOND_LOOK_MAX_FAULTS = 6
SECOND_LOOK_MAX_SECONDS = 90.0
SECOND_LOOK_MARGIN_S = 0.3
ASR_SAMPLE_RATE = 16000


def verify_text(reference: str, transcript: Transcript | str, threshold: float = DEFAULT_WER_THRESHOLD) -> Verification:
    """Word error rate of the transcript against the reference text; verdict pass when under threshold."""
    hypothesis = transcript.text if isinstance(transcript, Transcript) else transcript
    ref, hyp = normalise(reference), normalise(hypothesis)
    if not ref:
        raise ValueError("reference text has no words")
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

    With `second_look`, each candidate fault is re-transcribed on its own short clip and kept only if
    the fault shows again: Whisper drops or repeats text at its 30 s window seams on perfect audio.
    """
    totals = verify_text(text, transcript, threshold)
    sentences = align.reference_sentences(align.text_paragraphs(text))
    checks, sites = align.check_alignment(sentences, align.timed_tokens(transcript.words), transcript.audio_seconds)
    if sites and second_look is not None and len(sites) <= SECOND_LOOK_MAX_FAULTS:
        sites = [site for site in sites if second_look.confirms(site, sentences, checks, transcript.audio_seconds)]
        faulty = {i for site in sites for i in site.sentences}
        checks = [
            c if i in faulty or c.status in ("ok", "noise") else replace(c, status="noise")
            for i, c in enumerate(checks)
        ]
    faults = tuple(site.fault for site in sites)
    return Verification(
        verdict="fail" if faults or totals.wer > threshold else "pass",
        wer=totals.wer,
        threshold=threshold,
        reference_words=totals.reference_words,
        hypothesis_words=totals.hypothesis_words,
        substitutions=totals.substitutions,
        deletions=totals.deletions,
        insertions=totals.insertions,
        sentences=tuple(checks),
        faults=faults,
    )


class SecondLook:
    """Re-transcribes the audio around a candidate fault, with its neighbouring sentences, as one clip."""

    def __init__(self, recognizer: Recognizer, audio_path: Path) -> None:
        self.recognizer = recognizer
        self.audio_path = audio_path
        self._samples = None

    def _clip(self, start: float, end: float, path: Path) -> None:
        if self._samples is None:
            from faster_whisper.audio import decode_audio  # PyAV: MP3 without ffprobe

            self._samples = decode_audio(str(self.audio_path), sampling_rate=ASR_SAMPLE_RATE)
        piece = self._samples[int(start * ASR_SAMPLE_RATE) : int(end * ASR_SAMPLE_RATE)]
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(ASR_SAMPLE_RATE)
            out.writeframes((np.clip(piece, -1, 1) * 32767).astype("<i2").tobytes())

    def confirms(self, site: align.FaultSite, sentences, checks, audio_seconds: float) -> bool:
        first = max(site.sentences.start - 1, 0)
        last = min(site.sentences.stop + 1, len(sentences))
        start = min([t for t in (checks[first].start, site.fault.start) if t is not None]) - SECOND_LOOK_MARGIN_S
        end = max([t for t in (checks[last - 1].end, site.fault.end) if t is not None]) + SECOND_LOOK_MARGIN_S
        start, end = max(start, 0.0), min(end, audio_seconds)
        if end - start > SECOND_LOOK_MAX_SECONDS:
            return True  # too long to be a recognition slip
        with tempfile.TemporaryDirectory(prefix="tts-second-look-") as folder:
            clip = Path(folder) / "clip.wav"
            self._clip(start, end, clip)
            again = self.recognizer.transcribe(clip)
        _, local_sites = align.check_alignment(sentences[first:last], align.timed_tokens(again.words), end - start)
        return bool(local_sites)


def check_audio(
    audio_path: Path,
    text_location: str,
    backend: str = "faster-whisper",
    model: str | None = None,
    beam_size: int = 1,
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
