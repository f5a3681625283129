"""Copied page text: where the headline is, and the page furniture its place gives away.

A person's copy of a page has no markup, so the headline is found by where it sits: after the masthead,
menu and section labels, and just before the byline or dateline (a standfirst may sit between them), or
right under the byline block. What comes before the headline, a bare author name or a section label under
it, and the short lines after the article's last sentence (tags, teasers, footers) are furniture however
they are worded. What the body's own layout gives away (fact boxes, captions, the chrome that ends the
article) is layout.py's.

Decisions are (line, rule name or None when kept), as clean._decide makes them.
"""

from __future__ import annotations

import re
from collections import Counter

from tts_pipeline.stages import bylines, extract
from tts_pipeline.stages.article_end import AFTER_ARTICLE_RULE, PAST_END_RULE, past_end_marked, tail_marked
from tts_pipeline.stages.boxes import fact_boxes_kept, late_box_kept, tables_kept
from tts_pipeline.stages.bylines import ANCHOR_RULES, BYLINE_RULE
from tts_pipeline.stages.headline_topic import (
    FIRST_SENTENCE_WORDS,
    TOPIC_WORDS,
    headline_by_topic,
    headline_shaped,
    sentence_line,
    standfirst_over,
)
from tts_pipeline.stages.layout import (
    ADVERT_RULES,
    PARAGRAPH_WORDS,
    TEASER_RULE,
    WHOLE_QUOTE,
    Decisions,
    box_lines_marked,
    bullet,
    captions_marked,
    content_words,
    inline_teasers_marked,
    introduced_lists_kept,
    kept_lines,
    list_items_kept,
    next_line,
    pull_quote,
    short_label,
)
from tts_pipeline.stages.standfirst import (
    BLOCK_STANDFIRST_RATIO,
    BLOCK_STANDFIRST_WORDS,
    standfirst_moved_under,
    standfirst_over_block,
    tag_list,
)

# Rules that take a line for another story's headline by its shape or kicker ('HOLIDAY HELL Brits stranded
# ...'): right above the byline such a line is the article's own headline (or standfirst) after all.
# So is a site's other stories' headline learnt from its 'Most read' lists (sitetemplate.py).
TEASER_RULES = (TEASER_RULE, "kicker-teaser", "site-template")
ABOVE_HEADLINE_RULE = "above-headline"
DUPLICATE_RULE = "duplicate-line"  # a line the layout shows twice: the headline again, a pull quote
DUPLICATE_MIN_WORDS = 15  # a repeated line this long is a pull quote; a shorter one may be a heading
# Lines of the byline block that a rule took and that are never the headline, even for the lenient pass.
REVIEW_RULE = "review-notice"
HEADER_FURNITURE_RULES = (REVIEW_RULE, "author-title", "author-page")
_CHECKED = re.compile(r"\b(reviewed|checked|verified)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_BY = re.compile(r"by\b", re.IGNORECASE)
MENU_RULES = ("breadcrumb", "navigation-menu")
SENTENCE_HEADLINE_WORDS = 25  # a headline written as a sentence or two is no longer
# The ways of finding the headline by its byline, in order: right above it, right under the byline block,
# above it with a section label between, and the lenient pass (a sentence headline, or one a rule took).
# All four look from bylines a rule found before any looks from a bare name: a menu's 'Real Estate' looks
# like a name, and found a line of the menu above it before the byline found the headline under it.
HEADLINE_PASSES = ("strict", "below", "label", "lenient")
SECTION_LABEL_WORDS = 3
STANDFIRST_ATOP_LABEL_WORDS = 5  # a label between a standfirst's headline and its byline: 'ESPORTS · COUNTER-STRIKE 2'
STANDFIRST_WORDS = 22  # no headline in 13 copied-text sets (and sites-a, -b) has more than 20 words
SECTION_LABEL_RULE = "section-label"
# A label over the story's summary; under the headline it tells the standfirst from the headline.
_SUMMARY_LABEL = re.compile(
    r"(summary|key points|(story |key )?highlights|in brief|at a glance|key takeaways"
    r"|what (you need |we )?(to )?know( so far| now)?)",
    re.IGNORECASE,
)
_ALERT = re.compile(r"(breaking( news)?|just in|news alert|developing( story)?)\s*[:|–—•·●-]", re.IGNORECASE)


def mark_header(decisions: Decisions) -> Decisions:
    """The decisions with the furniture around the headline marked, and a headline (and its standfirst)
    that a label above them had taken for other stories' teasers kept again."""
    decisions = introduced_lists_kept(fact_boxes_kept(tables_kept(decisions)))
    kept = kept_lines(decisions)
    first_sentence = next((i for i in kept if extract.ends_sentence(decisions[i][0])), len(decisions))
    sentences = [i for i in kept if sentence_line(decisions[i][0]) and not _standfirst_atop(decisions, i)]
    passes = ((how, names) for names in (False, True) for how in HEADLINE_PASSES)
    found = (_anchored_headline(decisions, kept, sentences, how, names) for how, names in passes)
    anchored = next(filter(None, found), None)
    if anchored is not None:
        title, anchor = anchored
        title = _on_topic_headline(decisions, title, anchor)
        for i in range(title, anchor):
            if decisions[i][1] in TEASER_RULES:
                decisions[i] = (decisions[i][0], None)
        decisions[title] = (decisions[title][0], None)  # a headline under the byline block, taken for a teaser
        byline_end = anchor + 1
        while byline_end < len(decisions) and _anchor(decisions[byline_end]):
            byline_end += 1  # the rest of a byline split over lines: 'By', 'Ana Ruiz', 'and', 'Tom Pryor'
        byline_end = max(first_sentence, byline_end)  # the byline found under a standfirst sentence too
    else:
        title = headline_by_topic(decisions, kept, first_sentence)
        if title is not None and decisions[title][1] is not None:
            decisions = _headline_restored(decisions, title, kept)
        byline_end, anchor = first_sentence, None
    if title is None:
        return decisions
    decisions, title, header_end, anchor = standfirst_moved_under(decisions, title, anchor)
    decisions = captions_marked(decisions, header_end)  # first: a caption is no last sentence
    kept = kept_lines(decisions)
    marked = box_lines_marked(inline_teasers_marked(_furniture_marked(decisions, kept, title, byline_end)), title)
    # List items last: between lines the other marks left kept ('A', a shape-struck line, 'A' was a list
    # until 'A' proved a section label, and the cleaner's output cleaned again lost the line between).
    ended = tail_marked(past_end_marked(_labels_marked(marked, title, anchor)))
    return list_items_kept(late_box_kept(ended, title, (TEASER_RULE, PAST_END_RULE, AFTER_ARTICLE_RULE)))


def _headline_restored(decisions: Decisions, title: int, kept: list[int]) -> Decisions:
    """The headline kept again, and a short line that repeated the first kept line, which clean._decide
    took for the headline, kept too."""
    restored = list(decisions)
    restored[title] = (decisions[title][0], None)
    stand_in = decisions[kept[0]][0] if kept else None
    for i, (line, rule) in enumerate(decisions):
        if rule == DUPLICATE_RULE and line == stand_in and len(line.split()) < DUPLICATE_MIN_WORDS:
            restored[i] = (line, None)
    return restored


def _furniture_marked(decisions: Decisions, kept: list[int], title: int, byline_end: int) -> Decisions:
    """Above the headline, a bare name under it (before byline_end), and what follows the last sentence."""
    marked = list(decisions)
    # A live page signs each entry: a bare name the page shows twice or more, or one beside an entry's time,
    # is a byline wherever it is.
    names = Counter(line for line, _ in decisions if _bare_byline(line))
    timed = {i for i in kept if any(bylines.time_line(decisions[j]) for j in _neighbours(decisions, i))}
    # A name shown twice signs entries, but for a title-case subheading that a listicle repeats over a
    # paragraph in each item ('Key Features and User Experience', 'React Native'), and that no time is beside.
    signing = {decisions[i][0] for i in timed}
    heading = {decisions[i][0] for i in kept if _over_paragraph(decisions, i)} - signing
    for i in kept:
        line = decisions[i][0]
        if i < title:
            marked[i] = (line, ABOVE_HEADLINE_RULE)
        elif i > title and line == decisions[title][0]:
            marked[i] = (line, DUPLICATE_RULE)  # the headline again, in a list or a share box
        elif (
            i > title
            and _bare_byline(line)
            and (i < byline_end or (names[line] > 1 and line not in heading) or i in timed)
        ):
            marked[i] = (line, BYLINE_RULE)
        elif i > title and WHOLE_QUOTE.fullmatch(line) and pull_quote(line, [decisions[j][0] for j in kept]):
            marked[i] = (line, DUPLICATE_RULE)
    return tail_marked(marked)


def _over_paragraph(decisions: Decisions, at: int) -> bool:
    """Is the line under it kept and a paragraph's length ('Pros: User-friendly, compact and light, …' too)?"""
    under = next_line(decisions, at)
    return under is not None and decisions[under][1] is None and len(decisions[under][0].split()) >= PARAGRAPH_WORDS


def _neighbours(decisions: Decisions, at: int) -> list[int]:
    return [j for j in (next_line(decisions, at, -1), next_line(decisions, at)) if j is not None]


def _bare_byline(line: str) -> bool:
    """A name, perhaps with a place ('Camille Durand in Paris'); 'Key Takeaways' only looks like one."""
    return bool(
        bylines.PERSON_AT.fullmatch(line) or bylines.PERSON_PAIR.fullmatch(line)
    ) and not _SUMMARY_LABEL.fullmatch(line)


def _labels_marked(decisions: Decisions, title: int, anchor: int | None) -> Decisions:
    """Section labels under the headline ('Traffic & travel'), up to the first kept sentence or the byline,
    whichever is lower. Found once captions are gone, so that the cleaner's own output, cleaned again,
    has none."""
    first = next(
        (i for i, (line, rule) in enumerate(decisions) if i > title and rule is None and extract.ends_sentence(line)),
        len(decisions),
    )
    marked = list(decisions)
    for i in range(title + 1, first if anchor is None else max(first, anchor + 1)):
        line = decisions[i][0]
        if decisions[i][1] is None and _section_label(line) and not _SUMMARY_LABEL.fullmatch(line):
            marked[i] = (line, SECTION_LABEL_RULE)  # 'Key takeaways' heads the article's own summary
    return marked


def _anchored_headline(
    decisions: Decisions, kept: list[int], sentences: list[int], how: str = "strict", names: bool = True
) -> tuple[int, int] | None:
    """(headline, byline) where a byline or dateline sits right under the headline, a standfirst perhaps
    between them: of the (at most two, adjacent) headline-shaped lines above it, the first (the second is
    the standfirst). Bylines found by a rule come first, then bare names (a menu's 'South Africa' looks
    like one). None when no byline before the first sentence (or right under it: a standfirst that ends
    like a sentence) has a headline right above it.

    The lenient pass, for when that finds none, lets the headline be a sentence over a standfirst ('Kansas
    regulators knew for years. They told almost no one.') or a line a rule took ('Merino ram sells for
    record $41,000' for a deal). The passes between them: the headline right under the byline block
    ('By …', 'June 3, 2024', '2 Comments', then the headline and its standfirst), and a headline with a
    short section label between it and the byline ('… for bridge repairs', 'Traffic & travel', 'Sam Okafor').
    `kept` are the lines no rule took, `sentences` those of them that end like a sentence, a standfirst over
    its headline aside (_standfirst_atop): the same for every pass, so mark_header finds them once."""
    lenient = how == "lenient"
    sentences = sentences[int(lenient) :]
    if lenient and not sentences:
        return None  # no standfirst or paragraph under a sentence headline
    first_sentence = sentences[0] if sentences else len(decisions)
    # ... right under it: past bylines, and a section label between ('Home & Garden', 'Words by …')
    under_it = next(
        (i for i in kept if i > first_sentence and not _anchor(decisions[i]) and not _section_label(decisions[i][0])),
        len(decisions),
    )
    by_rule = [i for i in range(under_it) if _anchor_by_rule(decisions[i])]
    # Two names are a byline's only before the first sentence (after it, a title-case subheading).
    by_name = [i for i in range(under_it) if names and _bare_name(decisions[i], pair=i < first_sentence)]
    bylines = [i for i in by_rule if decisions[i][1] == BYLINE_RULE]
    others = [i for i in by_rule if decisions[i][1] != BYLINE_RULE]
    for anchor in [*reversed(bylines), *reversed(others), *reversed(by_name)]:
        if how == "below":
            below = _headline_below(decisions, anchor)
            if below is not None:
                return below, anchor
            continue
        block = _headline_block(decisions, anchor, how)
        if block:
            return block[-1], anchor
    for anchor in reversed(bylines) if lenient else ():
        # A sentence headline under the byline, where only short lines (a menu) are kept above it:
        # 'By …', a date, 'Measles is back. Here's how it spreads, and how worried you should be.'
        above = any(len(decisions[i][0].split()) >= FIRST_SENTENCE_WORDS for i in kept if i < anchor)
        below = None if above else _headline_below(decisions, anchor, sentence=True)
        if below is not None:
            return below, anchor
    return None


def _on_topic_headline(decisions: Decisions, title: int, anchor: int) -> int:
    """The headline found above the byline, or the one under it when that is on the article's topic and the
    one above is not: 'Last checked for accuracy: June 2024', 'By …', '48 hours in Kanazawa: gardens, …'."""
    below = _headline_below(decisions, anchor)
    if below is None or below == title:
        return title
    body = set().union(*(content_words(decisions[i][0]) for i in kept_lines(decisions) if i > below))
    above_shares, below_shares = (len(content_words(decisions[i][0]) & body) for i in (title, below))
    return below if above_shares < TOPIC_WORDS <= below_shares else title


def _standfirst_atop(decisions: Decisions, i: int) -> bool:
    """Is the sentence at i a standfirst printed over its headline, with a byline under that ('Sales of flat
    shoes are outpacing heels …', 'The ballet flat is back …', 'Carla Menendez-Wright'), perhaps below lines a
    rule took ('Listen', '7 min') and one section label? It is no first sentence of the article."""
    headline = next_line(decisions, i, 1)
    if headline is None:
        return False
    line, rule = decisions[headline]
    if rule is not None or not headline_shaped(line) or extract.ends_sentence(line) or _BY.match(line):
        return False  # a button ('… save on shipping!') or a byline over a bare name is no headline
    labels = 0  # one section label may sit between ('ESPORTS · COUNTER-STRIKE 2')
    for j in range(headline + 1, len(decisions)):
        if _anchor(decisions[j]):
            return True
        if decisions[j][1] is None:
            labels += 1
            if labels > 1 or not short_label(decisions[j][0], STANDFIRST_ATOP_LABEL_WORDS):
                return False
    return False


def _headline_below(decisions: Decisions, anchor: int, sentence: bool = False) -> int | None:
    """The first kept line under the byline block when it is headline-shaped (or, with `sentence`, a short
    sentence or two) and a standfirst follows it: a sentence, a line longer than any headline, one without its
    full stop well longer than the line over it (set AX), or a 'Summary' label."""
    for i in range(anchor + 1, len(decisions)):
        furniture = _anchor(decisions[i]) or bylines.PLACE_AGENCY.fullmatch(decisions[i][0])
        if decisions[i][1] not in (None, *TEASER_RULES) or furniture:
            continue  # the rest of the byline block: dates, comment counts, share buttons, 'Nandipur, DSNS'
        following = next((decisions[j][0] for j in range(i + 1, len(decisions)) if decisions[j][1] is None), "")
        standfirst = (
            sentence_line(following)
            or len(following.split()) >= STANDFIRST_WORDS
            or standfirst_over(following, decisions[i][0], BLOCK_STANDFIRST_RATIO, BLOCK_STANDFIRST_WORDS)
        )
        shaped = headline_shaped(decisions[i][0]) or (sentence and _sentence_headline(decisions[i][0]))
        if shaped and (standfirst or _SUMMARY_LABEL.fullmatch(following)):
            return i
        return None
    return None


def _headline_block(decisions: Decisions, anchor: int, how: str = "strict") -> list[int]:
    """The headline-shaped lines right above the byline: up to two, the second adjacent to the first.
    Other bylines and datelines are passed over, and so is one standfirst: a sentence, or a line longer
    than any headline ('Banking stocks led the gains, …; the rupee strengthened …'), perhaps under a
    section label, or a line under a 'Summary' label."""
    block: list[int] = []
    standfirst = False
    lenient, label = how == "lenient", how == "label"
    for i in range(anchor - 1, -1, -1):
        line, rule = decisions[i]
        as_sentence = lenient and standfirst and rule is None and _sentence_headline(line)
        shaped = headline_shaped(line) or as_sentence
        taken = lenient and not block and not _anchor(decisions[i]) and rule not in HEADER_FURNITURE_RULES
        allowed = rule in (None, *TEASER_RULES) or taken
        long_line = len(line.split()) >= STANDFIRST_WORDS
        # Under the headline: a reporter by place ('Nathan Ferris at the Quayside Stadium'), a long standfirst.
        under = not block and (_anchor(decisions[i]) or long_line)
        if block and _ALERT.match(line):
            break  # 'BREAKING: Signal No. 3 raised over Catanduanes' above the headline is a banner
        if not block and rule in MENU_RULES and not _anchor_by_rule(decisions[i]):
            break  # a menu above the byline: the headline is under it ('Sport › Football', 'By …', headline)
        over = next_line(decisions, i, -1)
        # The advert's own line, unless the line found is its standfirst ('Advertisement', the headline, a
        # two-sentence standfirst, a photo credit, 'By …')
        found = decisions[block[0]][0] if block else ""
        over_standfirst = standfirst_over(found, line, BLOCK_STANDFIRST_RATIO, BLOCK_STANDFIRST_WORDS)
        advert = bool(block) and over is not None and decisions[over][1] in ADVERT_RULES and not over_standfirst
        if allowed and shaped and not under and not advert and (not block or block[-1] == i + 1):
            block.append(i)
            upper, lower = decisions[i][0], decisions[block[0]][0]
            if len(block) == 2 and (standfirst_over_block(upper, lower) or (tag_list(upper) and not tag_list(lower))):
                return block[:1]  # the line above is far longer (a standfirst printed above its headline) or tags
            if len(block) == 2 or as_sentence or standfirst:
                break  # over a standfirst, the line above the headline is a kicker ('Part 2 of an investigation')
        elif not block and _anchor(decisions[i]):
            continue
        elif allowed and not block and bullet(line):
            standfirst = True  # key points under the headline ('• Ashford have made an opening approach …')
        elif allowed and not block and not standfirst and (sentence_line(line) or long_line):
            standfirst, label = True, label or how == "strict"
        elif rule is None and _SUMMARY_LABEL.fullmatch(line) and len(block) == 1 and not standfirst:
            block, standfirst = [], True  # 'Summary' over it: the line found was the standfirst
        elif label and rule is None and not block and _section_label(line):
            label = False  # one section label between the headline and the byline ('Traffic & travel')
        elif rule is None:
            break  # a kept line of another shape: the header is not here
    return block


def _section_label(line: str) -> bool:
    return short_label(line, SECTION_LABEL_WORDS)  # 'In short:' heads key points


def _anchor(decision: tuple[str, str | None]) -> bool:
    return _anchor_by_rule(decision) or _bare_name(decision, pair=True)


def _anchor_by_rule(decision: tuple[str, str | None]) -> bool:
    """A line a rule took that sits under a headline: a byline, a date, 'Fact-checked by …', or a trail with the
    date in it ('Faculty of Education | Research | 27 February 2025')."""
    line, rule = decision
    checked = rule == REVIEW_RULE and bool(_CHECKED.search(line))
    dated = rule in MENU_RULES and bool(_YEAR.search(line))
    return rule in ANCHOR_RULES or checked or dated


def _bare_name(decision: tuple[str, str | None], pair: bool = False) -> bool:
    line, rule = decision
    names = bylines.PERSON_AT.fullmatch(line) or (pair and bylines.PERSON_PAIR.fullmatch(line))
    return rule in (None, TEASER_RULE) and bool(names)


def _sentence_headline(line: str) -> bool:
    return sentence_line(line) and len(line.split()) <= SENTENCE_HEADLINE_WORDS
