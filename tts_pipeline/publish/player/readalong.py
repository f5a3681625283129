"""The read-along sidecar (readalong.json): each sentence's and word's time in the published audio, placed
by character offsets in its paragraph's text, and each paragraph's text hash.

The player highlights text on any page (our player.html or the publisher's own article) by finding the
paragraph elements whose normalised text has the same hash, then turning offsets into DOM ranges. So the
normalisation and the hash here must be the ones player.js computes, character for character, and offsets
are in UTF-16 code units (JavaScript string indices), not Python's code points.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from itertools import accumulate

from tts_pipeline.article import Article, Verification, Word
from tts_pipeline.publish.captions import build_cues
from tts_pipeline.stages import align
from tts_pipeline.stages.textnorm import normalise

FORMAT_VERSION = 1
FILE_NAME = "readalong.json"

# Typography that differs between a CMS and our cleaned text but says the same thing: one character each
# way, so offsets survive. player.js holds the same table (normaliseText).
_SAME_CHARACTER = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u2013\u2014\u2012\u2015\u2212", "-"),
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", None),
    }
)
_SPACE_RUN = re.compile(r"\s+")
_SURFACE_WORD = re.compile(r"\S+")


def normalise_text(text: str) -> str:
    """The text as both sides compare it: NFC, ASCII quotes and dashes, no invisible characters, single spaces."""
    return _SPACE_RUN.sub(" ", unicodedata.normalize("NFC", text).translate(_SAME_CHARACTER)).strip()


def text_hash(normalised: str) -> str:
    """FNV-1a 32-bit over UTF-16 code units, as 8 hex digits. Written by hand (not hashlib) because the
    browser side must compute it too, and crypto.subtle is missing on plain-http pages and file://."""
    value = 0x811C9DC5
    data = normalised.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value ^= data[i] | (data[i + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return f"{value:08x}"


def _utf16_offsets(text: str) -> list[int]:
    """offsets[i] = the UTF-16 index of code point i (one extra entry for the end)."""
    offsets, position = [0], 0
    for ch in text:
        position += 2 if ord(ch) > 0xFFFF else 1
        offsets.append(position)
    return offsets


@dataclass(frozen=True)
class TimedWord:
    start: float
    end: float
    first: int  # UTF-16 offsets into the paragraph's normalised text
    last: int


@dataclass(frozen=True)
class ReadAlongSentence:
    id: str  # "p3s1": its cue id in captions.vtt
    paragraph: int
    sentence: int
    start: float
    end: float
    first: int
    last: int
    status: str
    words: tuple[TimedWord, ...]

    def to_dict(self) -> dict:
        data = asdict(self)
        data["from"], data["to"] = data.pop("first"), data.pop("last")
        data["words"] = [[w.start, w.end, w.first, w.last] for w in self.words]
        return data


def _surface_words(sentence: str, tokens: Sequence[str]) -> list[tuple[int, int, list[int]]]:
    """The sentence's written words (code point spans) with the indexes of the normaliser's tokens each says.

    A word can say several tokens ("£5bn") or none ("-"). Normalised alone, the words usually give the
    sentence's token count; where context changes it (rare), tokens are shared out by position instead."""
    spans = [(m.start(), m.end()) for m in _SURFACE_WORD.finditer(sentence)]
    counts = [len(normalise(sentence[a:b]).split()) for a, b in spans]
    if sum(counts) == len(tokens):
        firsts = accumulate(counts, initial=0)  # one more than counts: zip stops at the last word
        owned = [list(range(first, first + count)) for first, count in zip(firsts, counts)]  # noqa: B905
    else:
        owner = [min(len(spans) - 1, i * len(spans) // max(len(tokens), 1)) for i in range(len(tokens))]
        owned = [[t for t, o in enumerate(owner) if o == i] for i in range(len(spans))]
    # A word that says nothing ("-", a lone quote) gets no time of its own.
    return [(a, b, own) for (a, b), own, count in zip(spans, owned, counts, strict=True) if own or count]


def _word_times(
    token_times: Sequence[tuple[float, float] | None], start: float, end: float
) -> list[tuple[float, float]]:
    """One (start, end) per word: heard words keep their time, unheard ones share the gap between heard
    neighbours evenly, and every time stays inside the sentence and in order."""
    times: list[tuple[float, float] | None] = list(token_times)
    i = 0
    while i < len(times):
        if times[i] is not None:
            i += 1
            continue
        j = i
        while j < len(times) and times[j] is None:
            j += 1
        gap_from = times[i - 1][1] if i > 0 else start
        gap_to = times[j][0] if j < len(times) else end
        step = max(gap_to - gap_from, 0.0) / (j - i)
        for k in range(i, j):
            times[k] = (gap_from + step * (k - i), gap_from + step * (k - i + 1))
        i = j
    placed, floor = [], start
    for a, b in times:  # type: ignore[misc]
        a = min(max(a, floor), end)
        b = min(max(b, a), end)
        placed.append((round(a, 3), round(b, 3)))
        floor = a
    return placed


def build_readalong(
    ident: str, article: Article, verification: Verification, words: Sequence[Word], duration: float
) -> dict:
    """The readalong.json document for a narration of `article` whose transcript has these timed words."""
    paragraphs = article.spoken_paragraphs
    reference = align.reference_sentences(paragraphs)
    checks = verification.sentences
    if len(checks) != len(reference):  # verification of another text: times only, no words
        reference = []
    hyp = align.timed_tokens(words)
    alignment = align.align_tokens([t for s in reference for t in s.tokens], [h.text for h in hyp])
    cues = build_cues(checks, duration)
    shown = [normalise_text(p) for p in paragraphs]
    utf16 = [_utf16_offsets(p) for p in shown]
    sentences, cursor, token = [], [0] * len(shown), 0
    for n, (check, cue) in enumerate(zip(checks, cues, strict=True)):
        p = check.paragraph
        text = normalise_text(check.text)
        at = shown[p].find(text, cursor[p]) if p < len(shown) else -1
        timed: list[TimedWord] = []
        if at >= 0:
            cursor[p] = at + len(text)
            ref = reference[n] if reference else None
            surface = _surface_words(text, ref.tokens) if ref else []
            token_times = []
            for _, _, owned in surface:
                heard = [hyp[h] for t in owned if (h := alignment.ref_to_hyp[token + t]) is not None]
                token_times.append((min(w.start for w in heard), max(w.end for w in heard)) if heard else None)
            for (a, b, _), (start, end) in zip(surface, _word_times(token_times, cue.start, cue.end), strict=True):
                timed.append(TimedWord(start, end, utf16[p][at + a], utf16[p][at + b]))
            first, last = utf16[p][at], utf16[p][at + len(text)]
        else:
            first = last = 0
        token += len(reference[n].tokens) if reference else 0
        sentences.append(
            ReadAlongSentence(cue.id, p, check.index, cue.start, cue.end, first, last, check.status, tuple(timed))
        )
    return {
        "version": FORMAT_VERSION,
        "id": ident,
        "title": article.title,
        "verdict": verification.verdict,
        "wer": verification.wer,
        "duration": duration,
        "metadata": {k: article.metadata[k] for k in ("byline", "date", "site", "url")},
        "paragraphs": [{"index": i, "hash": text_hash(t), "text": t} for i, t in enumerate(shown)],
        "sentences": [s.to_dict() for s in sentences],
        "faults": [_fault_dict(f, sentences) for f in verification.faults],
    }


def _fault_dict(fault, sentences: Sequence[ReadAlongSentence]) -> dict:
    """A fault with the ids of the sentences it marks (those given its kind, in its paragraph or its time)."""
    touched = [
        s.id
        for s in sentences
        if s.status == fault.kind and (s.paragraph == fault.paragraph or (s.start < fault.end and s.end > fault.start))
    ]
    return {**asdict(fault), "sentences": touched}
