"""Text normalisation shared by the WER and the alignment: Whisper's English normaliser."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _normaliser():
    from whisper_normalizer.english import EnglishTextNormalizer

    return EnglishTextNormalizer()


# Whisper writes ASCII apostrophes; its normaliser expands "we're" but splits "we’re" into "we re".
# Mapping typographic quotes first makes both sides compare alike (applied to reference and transcript).
_TYPOGRAPHIC_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'"})


# Whisper's normaliser deletes text in brackets (transcript annotations such as "(laughs)"); in an article
# that text is read out, so brackets become spaces first, on both sides.
_BRACKETS = str.maketrans({"(": " ", ")": " ", "[": " ", "]": " ", "{": " ", "}": " ", "<": " ", ">": " "})


def normalise(text: str) -> str:
    tokens = _normaliser()(text.translate(_TYPOGRAPHIC_QUOTES).translate(_BRACKETS)).split()
    return " ".join(t for t in tokens if any(ch.isalnum() for ch in t))  # a stray "." is not a word
