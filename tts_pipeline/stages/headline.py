"""Copied page text: where the headline is, and the page furniture its place gives away.

A person's copy of a page has no markup, so the headline is found by where it sits: after the masthead,
menu and section labels, and just before the byline or dateline (a standfirst may sit between them).
What comes before the headline, a bare author name under it, and the short lines after the article's
last sentence (tags, teasers, footers) are furniture however they are worded.

Decisions are (line, rule name or None when kept), as clean._decide makes them.
"""

from __future__ import annotations

import re
from collections import Counter

from tts_pipeline.stages import extract

Decisions = list[tuple[str, str | None]]

TEASER_RULE = "teaser-list"  # other stories' headlines under a label (clean._decide)
# Rules that take a line for another story's headline by its shape or kicker ('HOLIDAY HELL Brits stranded
# ...'): right above the byline such a line is the article's own headline (or standfirst) after all.
# So is a site's other stories' headline learnt from its 'Most read' lists (sitetemplate.py).
TEASER_RULES = (TEASER_RULE, "kicker-teaser", "site-template")
ABOVE_HEADLINE_RULE = "above-headline"
EMPTY_RULE = "no-words"  # as clean.py names a line of punctuation only
DUPLICATE_RULE = "duplicate-line"  # a line the layout shows twice: the headline again, a pull quote
DUPLICATE_MIN_WORDS = 15  # a repeated line this long is a pull quote; a shorter one may be a heading
AFTER_ARTICLE_RULE = "after-article"  # short lines after the article's last sentence
CREDIT_RULE = "photo-credit"
CAPTION_RULE = "caption-above-credit"
# A credit alone on its line starts with its kind; one after a caption in the same line ('Cows graze near
# Mitchelstown. Photo: …') says nothing of the line above. Measured on 13 copied-text sets: the line above
# a bare credit of up to 9 words was a caption 10 times, body never.
_BARE_CREDIT = re.compile(
    r"[(\[]?(photo(graph)?s?|pictures?|pics?|images?|credits?|courtesy|illustrations?|getty|supplied)\b", re.IGNORECASE
)
BARE_CREDIT_WORDS = 9
CAPTION_WORDS = 45
# Kept lines after a block of chrome that ends the article: a donation pitch, an author's bio, comments.
PAST_END_RULE = "past-article-end"
# The block has this many removed lines or more, and what is kept after it this share of the kept words or
# less. Measured on 13 copied-text sets (11 single-page, 2 multi-site; 13,000 lines): gaps of 4+ with 15 %
# took 79 chrome lines and no body; a gap of 3 took a body paragraph after a 3-line advert, a share of 0.3
# 11 body lines (a match report's line-ups after its stats widget).
END_GAP_LINES = 4
END_SHARE = 0.15
# Kinds of line that only end an article. On 16 copied-text sets (13 single-page, 3 multi-site; 15,000
# lines) none sat between two body lines, against 222 copyright lines, 77 tags, 74 cookie notices and 65
# author bios after the last one. After one, kept text of at most END_MARKER_SHARE of the kept words is
# furniture: 62 chrome lines and no body, the same at shares from 0.2 to 0.5 (the share keeps a key-points
# box above the byline's tags).
ENDING_RULES = (
    "copyright",
    "tags",
    "cookie-consent",
    "author-bio",
    "company-footer",
    "app-prompt",
    "disclaimer",
    "press-standards",
    "weather-widget",
    "republish",
    "acknowledgement-of-country",
    "review-notice",
)
END_MARKER_SHARE = 0.3
INLINE_TEASER_RULE = "inline-teaser"  # another story's headline set between two paragraphs
# An inline teaser has at least this many words (a subheading is shorter) ...
INLINE_TEASER_WORDS = 7
# ... and at most this share of its content words occurs anywhere else in the article. Measured on eight
# copied-text sets: such lines between two paragraphs are other stories' headlines at 0-0.25 (17 lines)
# and the article's own lines above that, but for one quoted subheading (quotes exempt it).
INLINE_TEASER_MAX_SHARED = 0.25
_SIGNED = re.compile(r"(.+)\s+[—–-]\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}")
# ... and a line that quotes a message or a sign ('One read: "Babe I promise it's sorted …"') is the article's.
_QUOTE_AFTER_LABEL = re.compile(r"""[^"“”‘’']{1,40}: ["“‘'].+["”’']""")
_CONTENT_WORD = re.compile(r"[a-z][a-z'’-]{3,}")
# Words too common to show a topic (a short list by hand: a stop-word library for 45 words is not worth it).
_COMMON_WORDS = (
    "that this with from have will been were their they them what when where which while about after before "
    "over into than then there these those more most also just your would could should said says year years "
    "first last next week month today told"
)
_COMMON = frozenset(_COMMON_WORDS.split())
BYLINE_RULE = "byline"  # the chrome rule of that name finds bylines by their words; mark_header by their place
# Lines that follow a headline on a page: who wrote it and when (the chrome rules' names).
ANCHOR_RULES = ("byline", "dateline", "relative-time", "reading-time")
# Rules that judge a line by its shape alone, not its words: a fact box's lines may take that shape.
SHAPE_RULES = (TEASER_RULE, "linked-source", "show-banner")
FACT_BOX_HEADING_WORDS = 5  # 'The numbers', 'Match details'
# A list's introduction ('Shelters opening today include:'); a shorter line with a colon is a label ('Read more:')
LIST_INTRO_WORDS = 3
# A fact box's line: a label and a value of up to five words each ('Expected opening: Summer 2027').
_FACT_LINE = re.compile(r"[A-Z][^:.!?\s]*( [^:.!?\s]+){0,4}: \S+( \S+){0,4}(?<![.!?])")
# A results line has this many numbers or more ('Murrumbilla Colts 9-190 (B Kinnane 64, J Pirie 16no)').
RESULT_NUMBERS = 3
_NUMBER = re.compile(r"\d+")
# A bare name of two to four capitalised words (Irish and other accented names too): 'Síle Ní Fhlaithearta'.
_NAME_PART = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|Ní|Nic|Mac|Ó|Ua|de|van|von|da|di|la|le|bin|al-\w+)"
_PERSON_NAME = re.compile(f"{_NAME_PART}(?: {_NAME_PART}){{1,3}}")
# ... perhaps with where they wrote from: 'Camille Durand in Paris', 'Nathan Ferris at the Quayside Stadium'.
_PERSON_AT = re.compile(f"{_PERSON_NAME.pattern}(?: (?:in|at)(?: the)? [A-Z][\\w.-]+(?: [A-Z][\\w.-]+)?)?")
# The byline under the headline is looked for before the first kept line that ends like a sentence and has
# this many words: a shorter one ('Sunny. Light winds.', a weather widget) is no paragraph yet.
FIRST_SENTENCE_WORDS = 5
SENTENCE_HEADLINE_WORDS = 25  # a headline written as a sentence or two is no longer
# The ways of finding the headline by its byline, in order: right above it, right under the byline block,
# above it with a section label between, and the lenient pass (a sentence headline, or one a rule took).
HEADLINE_PASSES = ("strict", "below", "label", "lenient")
SECTION_LABEL_WORDS = 3
STANDFIRST_WORDS = 22  # no headline in 13 copied-text sets (and sites-a, -b) has more than 20 words
SECTION_LABEL_RULE = "section-label"
# A label over the story's summary; under the headline it tells the standfirst from the headline.
_SUMMARY_LABEL = re.compile(
    r"(summary|key points|(story )?highlights|in brief|at a glance|key takeaways)", re.IGNORECASE
)
TICKER_NUMBERS = 5  # words with digits; no headline in 13 copied-text sets and 3 multi-site ones has more than 4


def mark_header(decisions: Decisions) -> Decisions:
    """The decisions with the furniture around the headline marked, and a headline (and its standfirst)
    that a label above them had taken for other stories' teasers kept again."""
    decisions = _introduced_lists_kept(_fact_boxes_kept(decisions))
    kept = [i for i, (_, rule) in enumerate(decisions) if rule is None]
    first_sentence = next((i for i in kept if extract.ends_sentence(decisions[i][0])), len(decisions))
    anchored = next(filter(None, (_anchored_headline(decisions, how) for how in HEADLINE_PASSES)), None)
    if anchored is not None:
        title, anchor = anchored
        for i in range(title, anchor):
            if decisions[i][1] in TEASER_RULES or i == title:
                decisions[i] = (decisions[i][0], None)
        kept = [i for i, (_, rule) in enumerate(decisions) if rule is None]
        byline_end = max(first_sentence, anchor + 1)  # the byline found under a standfirst sentence too
    else:
        candidates = [i for i in kept if i < first_sentence and _headline_shaped(decisions[i][0])]
        title = candidates[0] if candidates else _first_line_headline(decisions, kept)
        if title is not None and decisions[title][1] is not None:
            decisions = _headline_restored(decisions, title, kept)
            kept = [i for i, (_, rule) in enumerate(decisions) if rule is None]
        byline_end, anchor = first_sentence, None
    if title is None:
        return decisions
    marked = _inline_teasers_marked(_furniture_marked(decisions, kept, title, byline_end))
    return _past_end_marked(_labels_marked(_captions_marked(marked, title), title, anchor))


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


def _first_line_headline(decisions: Decisions, kept: list[int]) -> int | None:
    """With no headline-shaped line kept before the first sentence: a headline-shaped first line right
    over it even where a rule took it (the cleaner's own output, cleaned again, keeps the headline a
    rule took but its byline gave back), else the first kept line."""
    lines = [i for i, (_, rule) in enumerate(decisions) if rule != EMPTY_RULE]
    if len(lines) > 1 and lines[1] in kept and _headline_shaped(decisions[lines[0]][0]):
        return lines[0] if _sentence(decisions[lines[1]][0]) else (kept[0] if kept else None)
    return kept[0] if kept else None


def _furniture_marked(decisions: Decisions, kept: list[int], title: int, byline_end: int) -> Decisions:
    """Above the headline, a bare name under it (before byline_end), and short lines after the last sentence."""
    last_sentence = max(
        (i for i in kept if _ends_sentence(decisions[i][0]) or decisions[i][0].endswith(":")),
        default=len(decisions),
    )  # fmt: skip
    if decisions[last_sentence:][:1] and decisions[last_sentence][0].endswith(":"):
        last_sentence = len(decisions)  # the article ends with a list its last sentence introduces
    marked = list(decisions)
    fact_box = _fact_box(decisions, [i for i in kept if i > last_sentence])
    for i in kept:
        if i < title:
            marked[i] = (decisions[i][0], ABOVE_HEADLINE_RULE)
        elif i > title and decisions[i][0] == decisions[title][0]:
            marked[i] = (decisions[i][0], DUPLICATE_RULE)  # the headline again, in a list or a share box
        elif title < i < byline_end and _bare_byline(decisions[i][0]):
            marked[i] = (decisions[i][0], BYLINE_RULE)
        elif i > last_sentence and not _ends_sentence(decisions[i][0]) and i not in fact_box:
            marked[i] = (decisions[i][0], AFTER_ARTICLE_RULE)
    return marked


def _bare_byline(line: str) -> bool:
    """A name, perhaps with a place ('Camille Durand in Paris'); 'Key Takeaways' only looks like one."""
    return bool(_PERSON_AT.fullmatch(line)) and not _SUMMARY_LABEL.fullmatch(line)


def _ends_sentence(line: str) -> bool:
    """Ends like a sentence, perhaps signed: 'Stay warm, and stay off the roads if you can. — Lena'."""
    signed = _SIGNED.fullmatch(line)
    return extract.ends_sentence(signed.group(1) if signed else line)


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


def _captions_marked(decisions: Decisions, title: int) -> Decisions:
    """A kept line of caption length right above a bare photo credit ('Credit: Supplied', 'Photo by Eli Tran
    for …') is the picture's caption, however it is worded."""
    marked = list(decisions)
    for i, (line, rule) in enumerate(decisions):
        if rule != CREDIT_RULE or len(line.split()) > BARE_CREDIT_WORDS or not _BARE_CREDIT.match(line):
            continue
        above = next((j for j in range(i - 1, title, -1) if decisions[j][1] != EMPTY_RULE), None)
        if above is not None and decisions[above][1] is None and len(decisions[above][0].split()) <= CAPTION_WORDS:
            marked[above] = (decisions[above][0], CAPTION_RULE)
    return marked


def _past_end_marked(decisions: Decisions) -> Decisions:
    """Everything kept after the first block of END_GAP_LINES removed lines that leaves at most END_SHARE of
    the kept words after it, or after a line of a kind that only ends articles (a copyright line, tags, an
    author's bio) that leaves at most END_MARKER_SHARE: the article ended before it, and what follows is
    furniture however it is worded. The headline and one stretch of text come first."""
    runs: list[list[int]] = [[]]  # stretches of kept lines, split by removed ones (lines of no words aside)
    gaps = [0]  # removed lines before each stretch
    ends = [False]  # whether a line of a kind that ends articles is among them
    for i, (_, rule) in enumerate(decisions):
        if rule is None:
            runs[-1].append(i)
        elif rule != EMPTY_RULE and runs[-1]:
            runs.append([])
            gaps.append(0)
            ends.append(False)
        if rule not in (None, EMPTY_RULE):
            gaps[-1] += 1
            ends[-1] = ends[-1] or rule in ENDING_RULES
    words = [sum(len(decisions[i][0].split()) for i in run) for run in runs]
    marked = list(decisions)
    for k in range(2, len(runs)):
        after = sum(words[k:])
        gap_ends = gaps[k] >= END_GAP_LINES and after <= END_SHARE * sum(words)
        if gap_ends or (ends[k] and after <= END_MARKER_SHARE * sum(words)):
            for i in (i for run in runs[k:] for i in run):
                marked[i] = (decisions[i][0], PAST_END_RULE)
            break
    return marked


def _fact_boxes_kept(decisions: Decisions) -> Decisions:
    """Two or more `Label: value` lines in a row are the article's fact box ('Venue: Croke Park', 'Referee:
    Colm Healy (Galway)'), with its short heading above: kept again where a rule that judges lines by their
    shape (a teaser list, a linked source, a show's time slot) took them."""
    fact = [bool(_FACT_LINE.fullmatch(line)) for line, _ in decisions] + [False]
    kept = list(decisions)
    for i, (line, rule) in enumerate(decisions):
        if not _in_run(fact, i):
            continue
        if rule in SHAPE_RULES:
            kept[i] = (line, None)
        starts_box = i == 0 or not fact[i - 1]
        if starts_box and i > 0 and decisions[i - 1][1] == TEASER_RULE and _box_heading(decisions[i - 1][0]):
            kept[i - 1] = (decisions[i - 1][0], None)
    return kept


def _introduced_lists_kept(decisions: Decisions) -> Decisions:
    """The items of a list the article introduces ('Shelters opening today include:') are the article's, up
    to the next sentence: kept again where a rule that judges lines by their shape took one ('Vieux Fort:
    Vieux Fort Secondary School (Campus A)' for a linked source)."""
    kept, in_list = list(decisions), False
    for i, (line, rule) in enumerate(decisions):
        if rule is None:
            introduces = line.endswith(":") and len(line.split()) >= LIST_INTRO_WORDS
            in_list = introduces or (in_list and not extract.ends_sentence(line))
        elif in_list and rule in SHAPE_RULES:
            kept[i] = (line, None)
        else:
            in_list = False
    return kept


def _box_heading(line: str) -> bool:
    short = len(line.split()) <= FACT_BOX_HEADING_WORDS
    return short and not extract.ends_sentence(line, (*extract.SENTENCE_ENDS, ":"))


def _fact_box(decisions: Decisions, lines: list[int]) -> set[int]:
    """Of these kept lines, those of a fact box or a results table that ends the article ('Funding: €3.2
    million', 'Tullabong 188 (J Hoey 58, B Clarke 31)'; two such lines or more in a row) and the box's
    heading above them. One such line alone may be a teaser."""
    fact = [_data_line(decisions[i][0]) for i in lines] + [False, False]
    found = set()
    for n, i in enumerate(lines):
        if _in_run(fact, n) or (fact[n + 1] and fact[n + 2]):
            found.add(i)
    return found


def _in_run(flags: list[bool], n: int) -> bool:
    """Is line n flagged and next to another flagged line? (`flags` ends with a False beyond the last.)"""
    return flags[n] and ((n > 0 and flags[n - 1]) or flags[n + 1])


def _data_line(line: str) -> bool:
    return bool(_FACT_LINE.fullmatch(line)) or len(_NUMBER.findall(line)) >= RESULT_NUMBERS


def _anchored_headline(decisions: Decisions, how: str = "strict") -> tuple[int, int] | None:
    """(headline, byline) where a byline or dateline sits right under the headline, a standfirst perhaps
    between them: of the (at most two, adjacent) headline-shaped lines above it, the first (the second is
    the standfirst). Bylines found by a rule come first, then bare names (a menu's 'South Africa' looks
    like one). None when no byline before the first sentence (or right under it: a standfirst that ends
    like a sentence) has a headline right above it.

    The lenient pass, for when that finds none, lets the headline be a sentence over a standfirst ('Kansas
    regulators knew for years. They told almost no one.') or a line a rule took ('Merino ram sells for
    record $41,000' for a deal). The passes between them: the headline right under the byline block
    ('By …', 'June 3, 2024', '2 Comments', then the headline and its standfirst), and a headline with a
    short section label between it and the byline ('… for bridge repairs', 'Traffic & travel', 'Sam Okafor')."""
    lenient = how == "lenient"
    kept = [i for i, (_, rule) in enumerate(decisions) if rule is None]
    sentences = [i for i in kept if _sentence(decisions[i][0])][int(lenient) :]
    if lenient and not sentences:
        return None  # no standfirst or paragraph under a sentence headline
    first_sentence = sentences[0] if sentences else len(decisions)
    under_it = next((i for i in kept if i > first_sentence and not _anchor(decisions[i])), len(decisions))
    by_rule = [i for i in range(under_it) if decisions[i][1] in ANCHOR_RULES]
    by_name = [i for i in range(under_it) if _bare_name(decisions[i])]
    for anchor in [*reversed(by_rule), *reversed(by_name)]:
        if how == "below":
            below = _headline_below(decisions, anchor)
            if below is not None:
                return below, anchor
            continue
        block = _headline_block(decisions, anchor, how)
        if block:
            return block[-1], anchor
    return None


def _headline_below(decisions: Decisions, anchor: int) -> int | None:
    """The first kept line under the byline block when it is headline-shaped and a sentence follows it."""
    for i in range(anchor + 1, len(decisions)):
        if decisions[i][1] is not None or _anchor(decisions[i]):
            continue  # the rest of the byline block: dates, comment counts, share buttons
        following = next((j for j in range(i + 1, len(decisions)) if decisions[j][1] is None), None)
        if _headline_shaped(decisions[i][0]) and following is not None and _sentence(decisions[following][0]):
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
        shaped = _headline_shaped(line) or as_sentence
        allowed = rule in (None, *TEASER_RULES) or (lenient and not block and not _anchor(decisions[i]))
        long_line = len(line.split()) >= STANDFIRST_WORDS
        reporter_at = not block and _anchor(decisions[i])  # 'Nathan Ferris at the Quayside Stadium' is no headline
        if (
            allowed
            and shaped
            and not reporter_at
            and not (long_line and not block)
            and (not block or block[-1] == i + 1)
        ):
            block.append(i)
            if len(block) == 2 or as_sentence or standfirst:
                break  # over a standfirst, the line above the headline is a kicker ('Part 2 of an investigation')
        elif not block and _anchor(decisions[i]):
            continue
        elif allowed and not block and not standfirst and (_sentence(line) or long_line):
            standfirst, label = True, label or how == "strict"
        elif rule is None and _SUMMARY_LABEL.fullmatch(line) and len(block) == 1 and not standfirst:
            block, standfirst = [], True  # 'Summary' over it: the line found was the standfirst
        elif label and rule is None and not block and _section_label(line):
            label = False  # one section label between the headline and the byline ('Traffic & travel')
        elif rule is None:
            break  # a kept line of another shape: the header is not here
    return block


def _section_label(line: str) -> bool:
    """Up to three words, ending neither as a sentence nor as an introduction ('In short:' heads key points)."""
    return len(line.split()) <= SECTION_LABEL_WORDS and not extract.ends_sentence(line, (*extract.SENTENCE_ENDS, ":"))


def _anchor(decision: tuple[str, str | None]) -> bool:
    return decision[1] in ANCHOR_RULES or _bare_name(decision)


def _bare_name(decision: tuple[str, str | None]) -> bool:
    line, rule = decision
    return rule in (None, TEASER_RULE) and bool(_PERSON_AT.fullmatch(line))


def _headline_shaped(line: str) -> bool:
    """5 to 40 words, no full stop at the end, and not a scores ticker."""
    low, high = extract.HEADLINE_WORDS
    ticker = sum(any(c.isdigit() for c in word) for word in line.split()) >= TICKER_NUMBERS  # 'KEL 4 PGN 3 | VIC 2 …'
    return low + 2 <= len(line.split()) <= high and not line.endswith(".") and not ticker


def _sentence_headline(line: str) -> bool:
    return _sentence(line) and len(line.split()) <= SENTENCE_HEADLINE_WORDS


def _sentence(line: str) -> bool:
    return extract.ends_sentence(line) and len(line.split()) >= FIRST_SENTENCE_WORDS


def _inline_teasers_marked(decisions: Decisions) -> Decisions:
    """A headline-shaped line alone between two paragraphs that shares almost no words with the article is
    another story's teaser ('Cardiff bus lane fines to double from next month' inside a story on rents)."""
    kept = [i for i, (_, rule) in enumerate(decisions) if rule is None]
    words = {i: _content_words(decisions[i][0]) for i in kept}
    lines_with = Counter(word for line_words in words.values() for word in line_words)
    marked = list(decisions)
    for before, at, after in zip(kept[1:], kept[2:], kept[3:]):  # noqa: B905 (shorter by design)
        line = decisions[at][0]
        if not (_paragraph(decisions[before][0]) and _paragraph(decisions[after][0])):
            continue
        if len(line.split()) < INLINE_TEASER_WORDS or extract.ends_sentence(line, (*extract.SENTENCE_ENDS, ":")):
            continue
        if line[0] in "\"'“‘" or _QUOTE_AFTER_LABEL.fullmatch(line) or _FACT_LINE.fullmatch(line) or not words[at]:
            continue
        shared = sum(lines_with[word] > 1 for word in words[at])  # the word is in another line too
        if shared / len(words[at]) <= INLINE_TEASER_MAX_SHARED:
            marked[at] = (line, INLINE_TEASER_RULE)
    return marked


def _content_words(line: str) -> set[str]:
    return {w for w in _CONTENT_WORD.findall(line.lower()) if w not in _COMMON}


def _paragraph(line: str) -> bool:
    return extract.ends_sentence(line) and len(line.split()) >= 8
