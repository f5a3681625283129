"""Copied text: the headline by its shape and its topic, where no byline or dateline points at it.

A headline is a line of 5 to 40 words that does not end with a full stop and is no ticker; above the first
sentence, the first such line that shares topic words with the paragraphs under it is the article's (a long
menu and a government site's banner have lines of that shape too). headline.py finds the headline by its
byline first and comes here when there is none.
"""

from __future__ import annotations

from tts_pipeline.stages import extract
from tts_pipeline.stages.layout import (
    EMPTY_RULE,
    TRAIL_SEPARATORS,
    Decisions,
    bullet,
    content_words,
    next_line,
    paragraph,
    title_case,
)

ITEM_DOTS = "·•●"  # what separates a widget's items on one line, with " | "
TICKER_NUMBERS = 5  # words with digits; no headline in 13 copied-text sets and 3 multi-site ones has more than 4
# The byline under the headline is looked for before the first kept line that ends like a sentence and has
# this many words: a shorter one ('Sunny. Light winds.', a weather widget) is no paragraph yet.
FIRST_SENTENCE_WORDS = 5
# A standfirst next to its headline that does not end as a sentence: this long, and this many times the
# headline's words (above it), or STANDFIRST_UNDER_RATIO times (under it).
STANDFIRST_ABOVE_WORDS = 12
# A headline's capitals, full stops or not ('I Made $71,000 Driving and Delivering Last Year. I Kept Less Than
# Half.'): this many long words, all capitalised (layout.title_case); no paragraph is written so.
TITLE_CASE_WORDS = 4
STANDFIRST_OVER_RATIO = 2
STANDFIRST_UNDER_RATIO = 1.5
TOPIC_WORDS = 2  # a headline shares this many topic words with its article


def headline_by_topic(decisions: Decisions, kept: list[int], first_sentence: int) -> int | None:
    """The headline of a page with no byline: the first headline-shaped line above the first sentence on the
    article's topic (else the first headline-shaped one, else one on the topic above the first paragraph, else
    the first line). A headline has kept text under it: the last line kept is none ('A', '0 0 0 0 :')."""
    candidates = [i for i in kept[:-1] if i < first_sentence and headline_shaped(decisions[i][0])]
    pair = candidates[:2] if len(candidates) > 1 else None
    if pair and next_line(decisions, pair[0]) == pair[1] and standfirst_over(*(decisions[i][0] for i in pair)):
        candidates.pop(0)  # a standfirst printed above its headline
    candidates = _first_on_topic(decisions, candidates, kept) or _on_topic_candidates(decisions, kept)
    return candidates[0] if candidates else _first_line_headline(decisions, kept)


def standfirst_over(
    line: str, headline: str, ratio: float = STANDFIRST_OVER_RATIO, least: int = STANDFIRST_ABOVE_WORDS
) -> bool:
    """A line next to the headline that is a standfirst though it does not end as a sentence: `least` words or
    more, and `ratio` times the headline's ('Europe wrote the world's first … law on AI. Now comes the hard
    part: …' over 'The rulebook nobody can read yet')."""
    words = len(line.split())
    return words >= least and words >= ratio * len(headline.split())


def _on_topic_candidates(decisions: Decisions, kept: list[int]) -> list[int]:
    """With no headline-shaped line above the first sentence (a sign-in box's 'Forgot password?' ends like
    one): those above the first paragraph that share TOPIC_WORDS topic words with the paragraphs under them."""
    first = next((i for i in kept if paragraph(decisions[i][0])), len(decisions))
    body = set().union(*(content_words(decisions[i][0]) for i in kept if i >= first))
    return [
        i
        for i in kept
        if i < first and headline_shaped(decisions[i][0]) and len(content_words(decisions[i][0]) & body) >= TOPIC_WORDS
    ]


def _first_on_topic(decisions: Decisions, candidates: list[int], kept: list[int]) -> list[int]:
    """The candidates from the first that shares TOPIC_WORDS topic words with the paragraphs under it (or from the
    headline right over it, when that one is a standfirst); all of them when none does: a long menu has lines
    of headline shape ('Manage alerts for this article', 'Link to External Link Policy')."""
    if candidates and next_line(decisions, -1) == candidates[0]:
        return candidates  # the page's first line: nothing above it is a menu (the cleaner's own output)
    # Every candidate is above the first sentence, so every paragraph is under every candidate.
    body = set().union(*(content_words(decisions[j][0]) for j in kept if paragraph(decisions[j][0])))
    for n, i in enumerate(candidates):
        if len(content_words(decisions[i][0]) & body) >= TOPIC_WORDS:
            above = candidates[n - 1] if n else None
            under_headline = above is not None and next_line(decisions, above) == i
            if under_headline and standfirst_over(decisions[i][0], decisions[above][0], STANDFIRST_UNDER_RATIO):
                return candidates[n - 1 :]  # the standfirst names the topic; the headline over it is shorter
            return candidates[n:]
    return candidates


def _first_line_headline(decisions: Decisions, kept: list[int]) -> int | None:
    """With no headline-shaped line kept before the first sentence: a headline-shaped first line with kept
    text right under it even where a rule took it (the cleaner's own output, cleaned again, keeps the
    headline a rule took but its byline gave back), else the first kept line."""
    lines = [i for i, (_, rule) in enumerate(decisions) if rule != EMPTY_RULE]
    if len(lines) > 1 and lines[1] in kept and headline_shaped(decisions[lines[0]][0]):
        return lines[0]
    return kept[0] if kept else None


def headline_shaped(line: str) -> bool:
    """5 to 40 words, no full stop at the end, no list item's bullet, and not a ticker, a bar of items ('KEL 4
    PGN 3 | VIC 2 KAM 5', 'Live results: Montevideo 97.8% counted | Canelones 99.1% counted | …', 'Amber (rain)
    Cumbria · Yellow (wind) …'; one headline in 300 has a bar) or a trail ('Home / Savings / Best easy-access …')."""
    low, high = extract.HEADLINE_WORDS
    numbers = sum(any(c.isdigit() for c in word) for word in line.split())
    bar = any(line.count(f" {mark} ") >= 2 for mark in TRAIL_SEPARATORS)  # 'KEL 4 | …', 'Home / Savings / …'
    ticker = numbers >= TICKER_NUMBERS or bar or any(f" {mark} " in line for mark in ITEM_DOTS)
    stop = line.endswith(".") and not title_case(line, TITLE_CASE_WORDS)
    return low + 2 <= len(line.split()) <= high and not stop and not ticker and not bullet(line)


def sentence_line(line: str) -> bool:
    """Ends like a sentence, is long enough, and is no bar of items ('High tide 11:42 a.m. · Low tide 5:58 p.m.')
    nor a headline in title case."""
    bar = any(f" {mark} " in line for mark in (*ITEM_DOTS, "|"))
    return (
        extract.ends_sentence(line)
        and len(line.split()) >= FIRST_SENTENCE_WORDS
        and not bar
        and not title_case(line, TITLE_CASE_WORDS)
    )
