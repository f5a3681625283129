"""Round-trip check: the transcript against the article text, both through Whisper's English normaliser.

Raw round-trip WER on espeak speech is about 0.12-0.16, mostly ASR spelling of names; a missing or
truncated half of the audio is far above that. DEFAULT_WER_THRESHOLD sits between the two.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jiwer

from .article import Transcript, Verification
from .errors import BadInput

DEFAULT_WER_THRESHOLD = 0.25


@lru_cache(maxsize=1)
def _normaliser():
    from whisper_normalizer.english import EnglishTextNormalizer

    return EnglishTextNormalizer()


# Whisper writes ASCII apostrophes; its normaliser expands "we're" but splits "we’re" into "we re".
# Mapping typographic quotes first makes both sides compare alike (applied to reference and transcript).
_TYPOGRAPHIC_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'"})


def normalise(text: str) -> str:
    tokens = _normaliser()(text.translate(_TYPOGRAPHIC_QUOTES)).split()
    return " ".join(t for t in tokens if any(ch.isalnum() for ch in t))  # a stray "." is not a word


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
    result = verify_text(text, transcript, DEFAULT_WER_THRESHOLD if threshold is None else threshold)
    return {
        **result.to_dict(),
        "audio_seconds": transcript.audio_seconds,
        "asr": describe_recognizer(recognizer),
        "transcript": transcript.text,
    }
