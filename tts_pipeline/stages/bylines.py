"""Copied text: who wrote the article, where and when, as the lines of a byline block show it without a
rule's words: a bare name ('Camille Durand in Paris'), two or three names, a wire story's place and agency
('Nandipur, DSNS'), a live entry's clock time ('22:55').

Decisions are (line, rule name or None when kept), as clean._decide makes them.
"""

from __future__ import annotations

import re

TIME_RULES = ("dateline", "relative-time")  # the chrome rules that find a time by its words
BYLINE_RULE = "byline"  # the chrome rule of that name finds bylines by their words; mark_header by their place
# Lines that follow a headline on a page: who wrote it and when (the chrome rules' names).
ANCHOR_RULES = (BYLINE_RULE, "dateline", "relative-time", "reading-time")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}( ?[ap]\.?m\.?)?( [A-Z]{2,4})?", re.IGNORECASE)
# A bare name of two to four capitalised words (Irish and other accented names too): 'Síle Ní Fhlaithearta'.
# A word ending in 's is a possessive, no name ('Today's Paper').
NAME_PART = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*(?<!['’]s)|Ní|Nic|Mac|Ó|Ua|de|van|von|da|di|la|le|bin|al-\w+)"
PERSON_NAME = re.compile(f"{NAME_PART}(?: {NAME_PART}){{1,3}}")
# ... perhaps with where they wrote from: 'Camille Durand in Paris', 'Nathan Ferris at the Quayside Stadium',
# 'Annika Brügger, Zurich'.
PERSON_AT = re.compile(f"{PERSON_NAME.pattern}(?:(?: (?:in|at)(?: the)?|,) [A-Z][\\w.-]+(?: [A-Z][\\w.-]+)?)?")
# Two names or three: 'Marcus Tellier and Anjali Dhar' (a title-case subheading looks the same: 'Recessed
# Lighting and Under Cabinet Lighting'; no chrome rule takes it, and after the first sentence it anchors nothing).
PERSON_PAIR = re.compile(f"{PERSON_NAME.pattern}(?:, {PERSON_NAME.pattern})* (?:and|&) {PERSON_NAME.pattern}")
# Where a wire story was filed from, and by which agency, under the reporter's name: 'Nandipur, DSNS'.
PLACE_AGENCY = re.compile(r"[A-Z][\w .'’-]{1,30}, [A-Z]{2,6}")


def time_line(decision: tuple[str, str | None]) -> bool:
    """A time line: a dateline, '3 hours ago', or a live entry's bare clock time ('22:55', which the rules
    take for an audio player's duration)."""
    return decision[1] in TIME_RULES or bool(_CLOCK.fullmatch(decision[0]))
