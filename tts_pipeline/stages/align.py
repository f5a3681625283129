"""Align the transcript's timed words to the article's sentences and locate content faults.

jiwer gives the word-level alignment (Levenshtein over normalised tokens). What no library does —
mapping alignment chunks back to sentences, paragraphs and audio times, and telling content faults
from recognition noise — is written here. The idea: ASR noise is scattered (a misspelt name costs one
or two words in a sentence); content faults are runs (a whole sentence without audio, a passage heard
twice, a stretch of audio that matches no text). Thresholds are the named constants below.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import jiwer
from rapidfuzz import fuzz
from sentencex import segment

from tts_pipeline.article import Fault, FaultKind, SentenceCheck, SentenceStatus, Word
from tts_pipeline.stages.textnorm import normalise

# A sentence is a fault candidate when at least this share of its words is wrong ...
BAD_SENTENCE_ERROR_RATE = 0.5
# ... and at least this many words are wrong (a misspelt two-word name in a short sentence is noise).
MIN_FAULT_WORDS = 4
# Heard words that match no text: a cluster this long that repeats nearby text is "repeated" ...
MIN_REPEATED_RUN = 5
# ... and one this long that does not is "extra" (a sentence of other speech; numbers read back as
# words, "one thousand six hundred", make shorter clusters on perfect audio).
MIN_EXTRA_RUN = 8
# ... counting words as one cluster when at most this many matched words fall between them.
INSERTED_CLUSTER_GAP = 2
# Such a cluster is a repeat when this share of its words occurs in the article text around it.
REPEAT_SHARED_WORDS = 0.8
# Missing words whose neighbours sit closer in time than this share of their expected duration were
# never said (missing/truncated); otherwise there is audio there that was not understood.
SPOKEN_GAP_SHARE = 0.35
# ... with at least this many seconds of room to call it audio rather than a pause.
MIN_AUDIO_GAP_S = 1.5
# A run of this many text words with no time for them in the audio is missing even inside a sentence that
# is mostly heard (a paragraph cut short after its first half). Words the recogniser merely failed to
# write down leave the time they took.
MIN_UNSAID_RUN = 5
# Heard-but-wrong audio is "extra" (other speech) when it is heard as fluent speech (narration runs at
# 2-3 words a second) and resembles the text this little; otherwise "garbled" (noise, glitches, silence).
EXTRA_WORDS_PER_SECOND = 1.2
EXTRA_MAX_SIMILARITY = 50
# Heard words that resemble the text at least this much (rapidfuzz ratio, 0-100) are recognition noise:
# short sentences full of names or numbers ("Of the 281 beds 243 are taken") cross the bad-sentence bar.
NOISE_MIN_SIMILARITY = 60
# Silence inside a sentence longer than this is a glitch. Pauses we make ourselves stay under it: espeak at
# commas and dashes (well under 1 s), and an ellipsis plus the voice's sentence pause where the TTS splits
# sentences the reference does not ("Granger.... more": 1.7 s measured).
MAX_SILENCE_IN_SENTENCE_S = 2.0


@dataclass(frozen=True)
class RefSentence:
    paragraph: int
    index: int
    text: str
    tokens: tuple[str, ...]


@dataclass
class Alignment:
    """Per reference token: the aligned heard token (None if deleted) and whether it matched."""

    ref_to_hyp: list[int | None]
    ref_ok: list[bool]
    # Heard tokens aligned to no reference token, each with the reference position it precedes.
    inserted: list[tuple[int, int]] = field(default_factory=list)


def text_paragraphs(text: str) -> list[str]:
    """Paragraphs of an article text: blocks separated by blank lines (article.txt), else lines."""
    blocks = [" ".join(b.split()) for b in text.replace("\r\n", "\n").split("\n\n")]
    blocks = [b for b in blocks if b]
    if len(blocks) == 1 and "\n" in text.strip():
        blocks = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return blocks


def reference_sentences(paragraphs: Sequence[str]) -> list[RefSentence]:
    sentences = []
    for p_index, paragraph in enumerate(paragraphs):
        parts = [s.strip() for s in segment("en", paragraph) if s.strip()] or [paragraph]
        for s_index, sentence in enumerate(parts):
            sentences.append(RefSentence(p_index, s_index, sentence, tuple(normalise(sentence).split())))
    return sentences


def timed_tokens(words: Sequence[Word]) -> list[Word]:
    """Normalise each heard word on its own so every token (a Word) keeps the time of the word it came from."""
    tokens = []
    for word in words:
        for text in normalise(word.text).split():
            tokens.append(Word(text, float(word.start), float(word.end)))
    return tokens


def align_tokens(ref: Sequence[str], hyp: Sequence[str]) -> Alignment:
    alignment = Alignment([None] * len(ref), [False] * len(ref))
    if not ref or not hyp:
        alignment.inserted = [(h, 0) for h in range(len(hyp))]
        return alignment
    output = jiwer.process_words(" ".join(ref), " ".join(hyp))
    for chunk in output.alignments[0]:
        if chunk.type in ("equal", "substitute"):
            for offset in range(chunk.ref_end_idx - chunk.ref_start_idx):
                alignment.ref_to_hyp[chunk.ref_start_idx + offset] = chunk.hyp_start_idx + offset
                alignment.ref_ok[chunk.ref_start_idx + offset] = chunk.type == "equal"
        elif chunk.type == "insert":
            alignment.inserted.extend((h, chunk.ref_start_idx) for h in range(chunk.hyp_start_idx, chunk.hyp_end_idx))
    return alignment


@dataclass
class _Span:
    """A reference sentence's token range and what the alignment says about it."""

    sentence: RefSentence
    first: int  # first reference token index
    last: int  # one past the last
    missed: int = 0  # its words not heard as written (substituted or deleted)
    inserted: int = 0  # heard words inside it that match none of its words
    start: float | None = None
    end: float | None = None

    @property
    def bad(self) -> bool:
        words = self.last - self.first
        return words > 0 and self.missed >= MIN_FAULT_WORDS and self.missed / words >= BAD_SENTENCE_ERROR_RATE


@dataclass(frozen=True)
class FaultSite:
    """A fault and the range of sentence indexes (into the reference sentences) it covers."""

    fault: Fault
    sentences: range


def check_alignment(
    sentences: Sequence[RefSentence], hyp: Sequence[Word], audio_seconds: float
) -> tuple[list[SentenceCheck], list[FaultSite]]:
    """Sentence statuses with times, and the content faults found, for one narration."""
    ref = [t for s in sentences for t in s.tokens]
    alignment = align_tokens(ref, [t.text for t in hyp])
    spans, position = [], 0
    for sentence in sentences:
        spans.append(_Span(sentence, position, position + len(sentence.tokens)))
        position += len(sentence.tokens)
    span_of_ref = [i for i, s in enumerate(spans) for _ in range(s.last - s.first)]
    for _, before in alignment.inserted:
        if 0 < before < len(ref) and span_of_ref[before - 1] == span_of_ref[before]:
            spans[span_of_ref[before]].inserted += 1
    for span in spans:
        heard = [alignment.ref_to_hyp[r] for r in range(span.first, span.last) if alignment.ref_to_hyp[r] is not None]
        span.missed = sum(not alignment.ref_ok[r] for r in range(span.first, span.last))
        if heard:
            span.start, span.end = hyp[min(heard)].start, hyp[max(heard)].end

    located = _region_faults(spans, alignment, hyp, audio_seconds, len(ref))
    region_faults = [fault for fault, _ in located]
    covered = {i for _, indexes in located for i in indexes}
    located += _unsaid_runs(spans, alignment, hyp, audio_seconds, span_of_ref, covered)
    located += _inserted_faults(spans, alignment, hyp, region_faults, span_of_ref, ref)
    located += _silence_faults(spans, alignment, hyp)
    located.sort(key=lambda item: (item[0].start, item[0].paragraph))
    status_of = {}
    for fault, span_indexes in located:
        for i in span_indexes:
            status_of.setdefault(i, SentenceStatus(fault.kind))
    checks = []
    for i, span in enumerate(spans):
        words = span.last - span.first
        errors = span.missed + span.inserted
        status = status_of.get(i) or (SentenceStatus.OK if errors == 0 else SentenceStatus.NOISE)
        checks.append(
            SentenceCheck(
                span.sentence.paragraph,
                span.sentence.index,
                span.sentence.text,
                span.start,
                span.end,
                status,
                round(errors / max(words, 1), 3),
                words,
            )
        )
    return checks, [FaultSite(fault, covered) for fault, covered in located]


def _ok_time_before(alignment: Alignment, hyp: Sequence[Word], ref_index: int) -> float:
    for r in range(ref_index - 1, -1, -1):
        if alignment.ref_ok[r]:
            return hyp[alignment.ref_to_hyp[r]].end
    return 0.0


def _ok_time_after(alignment: Alignment, hyp: Sequence[Word], ref_index: int) -> float | None:
    for r in range(ref_index, len(alignment.ref_ok)):
        if alignment.ref_ok[r]:
            return hyp[alignment.ref_to_hyp[r]].start
    return None


def _region_faults(
    spans: list[_Span], alignment: Alignment, hyp: Sequence[Word], audio_seconds: float, ref_words: int
) -> list[tuple[Fault, range]]:
    """Runs of bad sentences: missing / truncated when no audio stands for them, else extra / garbled."""
    words_per_second = ref_words / max(audio_seconds, 1.0)
    faults, i = [], 0
    while i < len(spans):
        if not spans[i].bad:
            i += 1
            continue
        j = i
        while j + 1 < len(spans) and spans[j + 1].bad:
            j += 1
        first, last = spans[i].first, spans[j].last
        before = _ok_time_before(alignment, hyp, first)
        after = _ok_time_after(alignment, hyp, last)
        gap_end = audio_seconds if after is None else after
        expected = (last - first) / words_per_second
        paragraph = spans[i].sentence.paragraph
        if gap_end - before < max(MIN_AUDIO_GAP_S, SPOKEN_GAP_SHARE * expected):
            kind = FaultKind.TRUNCATED if after is None else FaultKind.MISSING
            end = audio_seconds if after is None else after
            if after is None and hyp:  # the audio stops: the fault starts where the last heard word ends
                before = max(before, hyp[-1].end)
            detail = f"{last - first} words not in the audio"
        else:
            heard = [t.text for t in hyp if before <= t.start and t.end <= gap_end]
            said = " ".join(t for s in spans[i : j + 1] for t in s.sentence.tokens)
            similarity = fuzz.ratio(" ".join(heard), said)
            if similarity >= NOISE_MIN_SIMILARITY:
                i = j + 1
                continue  # the audio says the text; the recogniser spelt it differently
            fluent = len(heard) >= EXTRA_WORDS_PER_SECOND * (gap_end - before)
            other_speech = fluent and similarity <= EXTRA_MAX_SIMILARITY
            kind = FaultKind.EXTRA if other_speech else FaultKind.GARBLED
            end = gap_end
            detail = f"{len(heard)} words heard for {last - first} in the text (similarity {similarity:.0f})"
        faults.append((Fault(kind, paragraph, round(before, 2), round(end, 2), detail), range(i, j + 1)))
        i = j + 1
    return faults


def _unsaid_runs(
    spans: list[_Span],
    alignment: Alignment,
    hyp: Sequence[Word],
    audio_seconds: float,
    span_of_ref: list[int],
    covered: set[int],
) -> list[tuple[Fault, range]]:
    """Runs of at least MIN_UNSAID_RUN text words that nothing was heard for, in sentences not already
    faulted: missing (truncated at the end of the audio) when there is no time for them between the words
    heard either side; garbled when there is time and no word at all was heard in it (noise, a dropout)."""
    words_per_second = len(alignment.ref_ok) / max(audio_seconds, 1.0)
    faults, r, count = [], 0, len(alignment.ref_ok)
    while r < count:
        end = r
        while end < count and alignment.ref_to_hyp[end] is None:
            end += 1
        if end - r < MIN_UNSAID_RUN:
            r = end + 1
            continue
        indexes = range(span_of_ref[r], span_of_ref[end - 1] + 1)
        before, after = _ok_time_before(alignment, hyp, r), _ok_time_after(alignment, hyp, end)
        gap_end = audio_seconds if after is None else after
        run, r = end - r, end
        expected = run / words_per_second
        if covered.intersection(indexes):
            continue
        if gap_end - before < max(MIN_AUDIO_GAP_S, SPOKEN_GAP_SHARE * expected):
            kind = FaultKind.TRUNCATED if after is None else FaultKind.MISSING
            detail = f"{run} words not in the audio"
        elif not any(before <= word.start and word.end <= gap_end for word in hyp):
            kind, detail = FaultKind.GARBLED, f"{run} words: there is audio, and nothing in it was heard"
        else:
            continue
        paragraph = spans[indexes.start].sentence.paragraph
        faults.append((Fault(kind, paragraph, round(before, 2), round(gap_end, 2), detail), indexes))
    return faults


def _inserted_faults(
    spans, alignment: Alignment, hyp: Sequence[Word], found: list[Fault], span_of_ref, ref: Sequence[str]
) -> list[tuple[Fault, range]]:
    """Clusters of heard words that align to no text: a passage said twice (repeated) or other speech (extra).

    A repeat often aligns interleaved (some words matched in each copy), so inserted words are grouped
    into clusters allowing small gaps rather than strict runs.
    """
    clusters: list[list[tuple[int, int]]] = []
    for h, before in alignment.inserted:
        if clusters and h - clusters[-1][-1][0] <= INSERTED_CLUSTER_GAP + 1:
            clusters[-1].append((h, before))
        else:
            clusters.append([(h, before)])
    faults = []
    for cluster in clusters:
        if len(cluster) < MIN_REPEATED_RUN:
            continue
        start, end = hyp[cluster[0][0]].start, hyp[cluster[-1][0]].end
        if any(f.start - 0.5 <= start and end <= f.end + 0.5 for f in found):
            continue  # part of a region already reported
        words = [hyp[h].text for h, _ in cluster]
        before, reach = cluster[0][1], 2 * len(words) + 10
        # A repeat's words occur in the text nearby, and, misspelt alike, in the other copy heard nearby.
        inside = {h for h, _ in cluster}
        heard_nearby = range(max(cluster[0][0] - reach, 0), min(cluster[-1][0] + reach, len(hyp)))
        nearby = set(ref[max(before - reach, 0) : before + reach]) | {
            hyp[h].text for h in heard_nearby if h not in inside
        }
        shared = sum(w in nearby for w in words) / len(words)
        where = span_of_ref[min(max(before - 1, 0), len(ref) - 1)]
        if shared >= REPEAT_SHARED_WORDS:
            where = _best_matching_span(spans, words, before, reach)
            kind = FaultKind.REPEATED
            detail = f"{len(words)} words heard again ({shared:.0%} of them in the text nearby)"
        elif len(words) >= MIN_EXTRA_RUN:
            kind = FaultKind.EXTRA
            detail = f"{len(words)} words not in the text ({shared:.0%} of them in the text nearby)"
        else:
            continue
        paragraph = spans[where].sentence.paragraph
        faults.append((Fault(kind, paragraph, round(start, 2), round(end, 2), detail), range(where, where + 1)))
    return faults


def _best_matching_span(spans: Sequence[_Span], words: Sequence[str], before: int, reach: int) -> int:
    """The sentence near reference position `before` that shares the most words with `words`."""
    heard = Counter(words)
    best, best_shared = 0, -1
    for index, span in enumerate(spans):
        if span.last < before - reach or span.first > before + reach:
            continue
        shared = sum((heard & Counter(span.sentence.tokens)).values())
        if shared > best_shared:
            best, best_shared = index, shared
    return best


def _silence_faults(spans: list[_Span], alignment: Alignment, hyp: Sequence[Word]) -> list[tuple[Fault, range]]:
    """A long silence between two heard words of one sentence: a glitch in the audio."""
    faults = []
    for index, span in enumerate(spans):
        if span.bad:
            continue
        heard = sorted({alignment.ref_to_hyp[r] for r in range(span.first, span.last)} - {None})
        for a, b in itertools.pairwise(heard):
            if b == a + 1 and hyp[b].start - hyp[a].end > MAX_SILENCE_IN_SENTENCE_S:  # nothing heard between
                gap = hyp[b].start - hyp[a].end
                fault = Fault(
                    FaultKind.GARBLED,
                    span.sentence.paragraph,
                    round(hyp[a].end, 2),
                    round(hyp[b].start, 2),
                    f"{gap:.1f} s of silence inside a sentence",
                )
                faults.append((fault, range(index, index + 1)))
    return faults
