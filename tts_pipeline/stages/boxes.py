"""Copied page text: the article's boxes and tables, kept whatever rule took their lines.

A fact box ('Venue: Croke Park', 'Referee: Colm Healy (Galway)'), a results table, a table printed with
pipes and a fact-check's box under upper-case labels are the article's even where a rule that judges lines
by their shape (a teaser list, a breadcrumb trail, a widget) took them. headline.py keeps them before it
looks for the headline; article_end.py keeps them after the last sentence.

Decisions are (line, rule name or None when kept), as clean._decide makes them.
"""

from __future__ import annotations

import re

from tts_pipeline.stages.layout import (
    FACT_LINE,
    NUMBER,
    SHAPE_RULES,
    TEASER_RULE,
    Decisions,
    content_words,
    kept_lines,
    next_line,
    short_label,
)

LINK_RULES = ("cross-link",)
_LABEL_VALUE = re.compile(r"[^:]{1,40}: \S")
_LOWER_VALUE = re.compile(r"[^:]{1,40}: [a-z]")  # 'Don’t miss: the thermal pools …'; a linked headline is capitalised
_UPPER_LABEL = re.compile(r"[A-Z][A-Z '’&/-]{1,30}: \S")
LABELLED_BOX_LINES = 3
PROMO_LABEL_RULE = "promo-label"
DATA_RULES = ("weather-widget", "market-data", "score-widget")  # widgets' lines, shaped like a box's facts
# A late box's entries: a short label and a short value ('Starring: Gérard Baptiste, Lina Okafor, Théo Marsan').
_BOX_ENTRY = re.compile(r"[A-Z][\w'’-]*( [\w'’-]+){0,2}: .+")  # a value may be sentences: 'Tip: sit on the right.'
LATE_BOX_ENTRIES = 4
BOX_HEADING_ENTRIES = 2  # an upper-case heading over this many kept entries is the box's
LATE_BOX_SHARED = 2
LATE_BOX_LINE_WORDS = 10
TABLE_ROWS = 3  # a heading row and two rows, or three rows
WORD_TABLE_ROWS = 4
WORD_TABLE_CELL_WORDS = 6  # sets AR, AS: tables of 5-word cells ("Coastal line via Selby Point")
TABLE_SHAPE_RULES = (*SHAPE_RULES, "breadcrumb", "dateline")  # a timetable's rows: '07:05 | 07:17 | 07:31'
FACT_BOX_HEADING_WORDS = 5  # 'The numbers', 'Match details'
# A results line has this many numbers or more ('Murrumbilla Colts 9-190 (B Kinnane 64, J Pirie 16no)').
RESULT_NUMBERS = 3
# A review's score ends the article as its own line (two writers and two annotators of four keep it).
_SCORE = re.compile(
    r"((our )?(score|rating|verdict)\s*:?\s*)?\d+(\.\d+)?\s*(/|out of)\s*(5|10|100)( stars)?|[★☆✩✭]{3,}[\d/ .]*",
    re.IGNORECASE,
)


def fact_boxes_kept(decisions: Decisions) -> Decisions:
    """Two or more `Label: value` lines in a row are the article's fact box ('Venue: Croke Park', 'Referee:
    Colm Healy (Galway)'), with its short heading above: kept again where a rule that judges lines by their
    shape (a teaser list, a linked source, a show's time slot) took them."""
    fact = [bool(FACT_LINE.fullmatch(line)) for line, _ in decisions] + [False]
    runs = _runs(fact)
    kept = list(decisions)
    for i, (line, rule) in enumerate(decisions):
        if not _in_run(fact, i):
            continue
        # A data rule's line in a box whose other lines no rule took: 'Highest heat index recorded: 54°C'.
        in_kept_box = rule in DATA_RULES and sum(decisions[j][1] is None for j in runs[i]) >= 2
        starts_box = i == 0 or not fact[i - 1]
        # An upper-case heading over the box's kept entries: 'FACTS: Norway's glaciers', 'AT A GLANCE: TYPHOON X'.
        under = decisions[i + 1 : i + 1 + BOX_HEADING_ENTRIES]
        entries = len(under) == BOX_HEADING_ENTRIES and all(r is None and _BOX_ENTRY.fullmatch(x) for x, r in under)
        heading = rule == PROMO_LABEL_RULE and starts_box and bool(_UPPER_LABEL.match(line)) and entries
        if rule in SHAPE_RULES or in_kept_box or heading:
            kept[i] = (line, None)
        if (
            starts_box
            and i > 0
            and decisions[i - 1][1] == TEASER_RULE
            and short_label(decisions[i - 1][0], FACT_BOX_HEADING_WORDS)
        ):
            kept[i - 1] = (decisions[i - 1][0], None)
    return _box_tips_kept(_labelled_boxes_kept(kept))


def _box_tips_kept(decisions: Decisions) -> Decisions:
    """A box's `Label: value` line whose value is a phrase, not a headline, under another kept `Label: value`
    line: the box's tip ('Where to stay: a quinta …', 'Don’t miss: the thermal pools at Caldeira Velha'), kept
    again where the rule for a link to another story ('Don't miss: Why …') took it."""
    kept = list(decisions)
    for i, (line, rule) in enumerate(decisions):
        above = next_line(decisions, i, -1)
        tip = rule in LINK_RULES and _LOWER_VALUE.match(line)
        if tip and above is not None and decisions[above][1] is None and _LABEL_VALUE.match(decisions[above][0]):
            kept[i] = (line, None)
    return kept


def _labelled_boxes_kept(decisions: Decisions) -> Decisions:
    """LABELLED_BOX_LINES lines or more in a row under upper-case labels, one of them kept, are the article's
    box ('CLAIM: “…”', 'CLAIMED BY: Mayor Denise Tillman, in a campaign video …', 'OUR RATING: Misleading'):
    kept again where the rule for a promotion's label ('LOOK-UP TOOL: Check cases') took its lines."""
    upper = [bool(_UPPER_LABEL.match(line)) for line, _ in decisions]
    kept = list(decisions)
    for run in set(_runs(upper).values()):
        if len(run) >= LABELLED_BOX_LINES and any(decisions[i][1] is None for i in run):
            for i in run:
                if decisions[i][1] == PROMO_LABEL_RULE:
                    kept[i] = (decisions[i][0], None)
    return kept


def late_box_kept(decisions: Decisions, title: int, struck_by: tuple[str, ...]) -> Decisions:
    """A box of LATE_BOX_ENTRIES `Label: value` lines or more with labels of their own ('Director: Ana Folau',
    'Starring: …', 'Running time: 118 minutes', 'Certificate: 12A'), LATE_BOX_SHARED of them naming what the
    article names, is the article's even below a list of other stories: a review's details printed after
    'Related'. Kept again with its title (a short line above it on the headline's words: 'The Salt Orchard')
    and a line between its entries ('In cinemas from 19 September'); a list of other stories under labels
    ('Opinion: …', 'Analysis: …') repeats its labels."""
    article = set().union(*(content_words(decisions[i][0]) for i in kept_lines(decisions)))
    entries = [
        i for i, (line, rule) in enumerate(decisions) if rule in (None, *struck_by) and _BOX_ENTRY.fullmatch(line)
    ]
    kept = list(decisions)
    for run in _entry_runs(entries):
        labels = {decisions[i][0].split(":")[0].casefold() for i in run}
        shared = sum(bool(content_words(decisions[i][0].split(":", 1)[1]) & article) for i in run)
        if len(labels) < LATE_BOX_ENTRIES or len(labels) < len(run) or shared < LATE_BOX_SHARED:
            continue
        between = [i for i in range(run[0], run[-1]) if i not in run]
        above = next_line(decisions, run[0], -1)
        if above is not None and (
            content_words(decisions[above][0]) & content_words(decisions[title][0])
            or short_label(decisions[above][0], FACT_BOX_HEADING_WORDS)
        ):
            between.append(above)  # its title: 'The Salt Orchard', 'Recall details'
        for i in run + [i for i in between if short_label(decisions[i][0], LATE_BOX_LINE_WORDS)]:
            if decisions[i][1] in struck_by:
                kept[i] = (decisions[i][0], None)
    return kept


def _entry_runs(entries: list[int]) -> list[list[int]]:
    """The entries in runs, one other line at most between two entries of a run."""
    runs: list[list[int]] = []
    for i in entries:
        if runs and i - runs[-1][-1] <= 2:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def tables_kept(decisions: Decisions) -> Decisions:
    """A table the article prints ('Line | Slow zones | Added time', 'D Line | 7 | 9 min', table_rows) is
    kept again where a rule that judges lines by their shape (a breadcrumb trail: 'Home | News | Local') took it."""
    kept = list(decisions)
    rows = table_rows(decisions)
    for i in rows:
        if decisions[i][1] in TABLE_SHAPE_RULES:
            kept[i] = (decisions[i][0], None)
        above = next_line(decisions, i, -1)
        heading = above is not None and above not in rows and decisions[above][1] == TEASER_RULE
        if heading and short_label(decisions[above][0], FACT_BOX_HEADING_WORDS):
            kept[above] = (decisions[above][0], None)  # its heading, under a label: 'Sponsored', 'How much is invested'
    return kept


def table_rows(decisions: Decisions) -> set[int]:
    """TABLE_ROWS lines or more in a row with the same number of ' | ' cells, numbers in half of them or more."""
    cells = [line.count("|") + 1 if " | " in line else 0 for line, _ in decisions]
    rows: set[int] = set()
    start = 0
    for end in range(1, len(decisions) + 1):
        if end < len(decisions) and cells[end] == cells[start]:
            continue
        run = range(start, end)
        numbered = sum(bool(NUMBER.search(decisions[i][0])) for i in run)
        # Without numbers, a table has more rows and short cells ('Monday | Very high'); a footer of links
        # printed with pipes has a line or two.
        words = (len(cell.split()) for i in run for cell in decisions[i][0].split("|"))
        wordy = len(run) >= WORD_TABLE_ROWS and max(words) <= WORD_TABLE_CELL_WORDS
        if cells[start] and len(run) >= TABLE_ROWS and (2 * numbered >= len(run) or wordy):
            rows.update(run)
        start = end
    return rows


def fact_box(decisions: Decisions, lines: list[int]) -> set[int]:
    """Of these kept lines, those of a fact box or a results table that ends the article ('Funding: €3.2
    million', 'Tullabong 188 (J Hoey 58, B Clarke 31)'; two such lines or more in a row) and the box's
    heading above them. One such line alone may be a teaser, but not a review's score ('Score: 7.5/10')."""
    fact = [_data_line(decisions[i][0]) for i in lines] + [False, False]
    found = set()
    for n, i in enumerate(lines):
        if _in_run(fact, n) or (fact[n + 1] and fact[n + 2]) or _SCORE.fullmatch(decisions[i][0]):
            found.add(i)
    return found


def _runs(flags: list[bool]) -> dict[int, range]:
    """Each flagged index with the run of flagged indices it is in."""
    runs: dict[int, range] = {}
    start = None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            runs.update(dict.fromkeys(range(start, i), range(start, i)))
            start = None
    return runs


def _in_run(flags: list[bool], n: int) -> bool:
    """Is line n flagged and next to another flagged line? (`flags` ends with a False beyond the last.)"""
    return flags[n] and ((n > 0 and flags[n - 1]) or flags[n + 1])


def _data_line(line: str) -> bool:
    return bool(FACT_LINE.fullmatch(line)) or len(NUMBER.findall(line)) >= RESULT_NUMBERS
