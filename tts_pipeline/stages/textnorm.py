"""Text normalisation shared by the WER and the alignment: Whisper's English normaliser."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise


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


# Whisper writes an initialism with or without dots ("U.K." / "UK", "a.m." / "am") as it pleases, and its
# normaliser turns the dotted form into separate letters ("u k"): one word said, two errors counted. The
# dots go first, on both sides, so either spelling compares alike.
_DOTTED_INITIALISM = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\.?(?![A-Za-z])")


def _undot(match: re.Match[str]) -> str:
    return match.group(0).replace(".", "") + (" ." if match.group(0).endswith(".") else "")


def normalise(text: str) -> str:
    text = _DOTTED_INITIALISM.sub(_undot, text.translate(_TYPOGRAPHIC_QUOTES).translate(_BRACKETS))
    tokens = _normaliser()(text).split()
    return " ".join(t for t in tokens if any(ch.isalnum() for ch in t))  # a stray "." is not a word


def spell_compounds_as_reference(reference: list[str], hypothesis: list[str]) -> list[str]:
    """The hypothesis with each compound written as the reference writes it: "long standing" becomes
    "longstanding" where the article has "longstanding", and "underway" becomes "under way" where it has
    "under way". Whisper's normaliser already counts "long-standing" as "long standing"; the closed
    spelling is the same spoken words. Only hypothesis tokens change, only to identical letters, and only
    when the other spelling is absent from the article: no reference word is dropped or rewritten."""
    ref_words = set(reference)
    ref_bigrams = set(pairwise(reference))
    ref_pairs = {a + b: (a, b) for a, b in ref_bigrams}
    out: list[str] = []
    i = 0
    while i < len(hypothesis):
        word = hypothesis[i]
        if i + 1 < len(hypothesis):
            pair = (word, hypothesis[i + 1])
            if word + pair[1] in ref_words and pair not in ref_bigrams:
                out.append(word + pair[1])
                i += 2
                continue
        if word not in ref_words and word in ref_pairs:
            out.extend(ref_pairs[word])
        else:
            out.append(word)
        i += 1
    return out
