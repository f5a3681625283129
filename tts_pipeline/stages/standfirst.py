"""Copied page text: a standfirst printed over its headline, found by its length and its topic, and moved under
the headline, where the article's text is read.

Decisions are (line, rule name or None when kept), as clean._decide makes them.
"""

from __future__ import annotations

from tts_pipeline.stages.bylines import ANCHOR_RULES
from tts_pipeline.stages.headline_topic import STANDFIRST_ABOVE_WORDS, sentence_line, standfirst_over
from tts_pipeline.stages.layout import Decisions, content_words, kept_lines, next_line

# Right above the headline, a line that does not end as a sentence is its standfirst when it has this many
# words and this many times the headline's (AI: 16 words over 9, 17 over 13; a 12-word headline sits over a
# 9-word credit line on AB).
BLOCK_STANDFIRST_WORDS = 15
BLOCK_STANDFIRST_RATIO = 1.25
TAG_LIST_COMMAS = 3
# A standfirst above the headline (a sentence of STANDFIRST_ABOVE_WORDS) shares this many topic words with the article.
STANDFIRST_SHARED_WORDS = 2
STEM_LETTERS = 5


def standfirst_moved_under(
    decisions: Decisions, title: int, anchor: int | None
) -> tuple[Decisions, int, int, int | None]:
    """(decisions, headline, the standfirst's place or the headline's, the byline's) with a standfirst printed
    above the headline (a byline or dateline may sit between) moved under it, where the article's text is
    read: a long sentence on the article's topic, or a line twice the headline's length, with no sentence
    above it (a run of sentences above a headline is a cookie notice or other stories' summaries)."""
    unchanged = decisions, title, title, anchor
    above = next_line(decisions, title, -1)
    while above is not None and decisions[above][1] in ANCHOR_RULES:
        above = next_line(decisions, above, -1)  # 'Exporters say …', 'By Sana Rizvi | Karachi', the headline
    if above is None or decisions[above][1] is not None:
        return unchanged
    line = decisions[above][0]
    higher = next_line(decisions, above, -1)
    if not (
        (sentence_line(line) and len(line.split()) >= STANDFIRST_ABOVE_WORDS)
        or standfirst_over_block(line, decisions[title][0])
    ):
        return unchanged
    if higher is not None and decisions[higher][1] is None and sentence_line(decisions[higher][0]):
        return unchanged
    below = set().union(*(stems(decisions[i][0]) for i in kept_lines(decisions) if i >= title))
    if len(stems(line) & below) < STANDFIRST_SHARED_WORDS:
        return unchanged
    moved = [*decisions[:above], *decisions[above + 1 : title + 1], decisions[above], *decisions[title + 1 :]]
    if anchor is not None and above < anchor < title:
        anchor -= 1  # the byline between them moved up with the headline
    return moved, title - 1, title, anchor


def stems(line: str) -> set[str]:
    """Topic words cut to their first letters, so a standfirst's 'projectionist' meets the article's 'projection'."""
    return {word[:STEM_LETTERS] for word in content_words(line)}


def standfirst_over_block(upper: str, headline: str) -> bool:
    """A standfirst right above its headline; a list of tags as long is none ('Gratitude, Hope in adversity, …')."""
    near = not tag_list(upper) and standfirst_over(upper, headline, BLOCK_STANDFIRST_RATIO, BLOCK_STANDFIRST_WORDS)
    return near or standfirst_over(upper, headline)


def tag_list(line: str) -> bool:
    return line.count(",") >= TAG_LIST_COMMAS
