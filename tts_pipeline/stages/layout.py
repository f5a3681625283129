"""Copied page text: what the article body's own layout gives away, whatever the words.

The lists the article introduces are kept even where a rule that judges lines by their shape took them
(its boxes and tables: boxes.py). A caption right above a bare photo credit, another story's headline set between
two paragraphs, and whatever is kept past the block of chrome that ends the article are marked. headline.py
calls these around finding the headline.

Decisions are (line, rule name or None when kept), as clean._decide makes them.
"""

from __future__ import annotations

import re
from collections import Counter

from tts_pipeline.stages import extract

Decisions = list[tuple[str, str | None]]

TEASER_RULE = "teaser-list"  # other stories' headlines under a label (clean._decide)
EMPTY_RULE = "no-words"  # a line of punctuation only (clean._decide)
CREDIT_RULE = "photo-credit"
CAPTION_RULE = "caption-above-credit"
CAPTION_BELOW_RULE = "caption-below-credit"
# A credit alone on its line starts with its kind; one after a caption in the same line ('Cows graze near
# Mitchelstown. Photo: …') says nothing of the line above. Measured on 13 copied-text sets: the line above
# a bare credit of up to 9 words was a caption 10 times, body never.
_BARE_CREDIT = re.compile(
    r"[(\[]?(photo(graph)?s?|pictures?|pics?|images?|credits?|courtesy|illustrations?|getty|supplied)\b", re.IGNORECASE
)
BARE_CREDIT_WORDS = 9
# A photographer's copyright between paragraphs (a footer's names a company or a year): '© Inês Varejão for …'.
COPYRIGHT_RULE = "copyright"
_NAMED_COPYRIGHT = re.compile(r"(©|\(c\)) ?[A-ZÀ-Þ][\w'’.-]+( [A-ZÀ-Þ][\w'’.-]+){1,2}( (for|/) .{2,40})?")
_PLACEHOLDER = re.compile(r"\[[^\]:]{1,20}: [^\]]*\s[^\]]*\s[^\]]*\]")  # a described picture: three words or more
_QUOTED_SPEECH = re.compile(r"[”\"],? (said|says|told|added|asked)\b")
CAPTION_WORDS = 45
CAPTION_BELOW_WORDS = 15  # a caption under its credit, as some sites print them, is a short line
TWO_SENTENCES = re.compile(r"\w[.!?] [A-Z]")
_NUMBERED = re.compile(r"\d{1,3}[.)] \S")
WHOLE_QUOTE = re.compile(r"[“\"][^“”\"]+[”\"]|‘[^‘’]+(’[a-z][^‘’]*)*’")  # '‘…’' in a British paper
PULL_QUOTE_WORDS = 4  # topic words; a shorter quote may be the article's ('“Never again.”')
PULL_QUOTE_SHARE = 0.8
CAPTION_STANDFIRST_WORDS = 25  # no caption right under a headline on sets Y-AD is this long; two standfirsts were
_CREDIT_TAIL = re.compile(r"\w[.!?] ([A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*){0,4})$")
INLINE_TEASER_RULE = "inline-teaser"  # another story's headline set between two paragraphs
# An inline teaser has at least this many words (a subheading is shorter) ...
INLINE_TEASER_WORDS = 7
# ... and at most this share of its content words occurs anywhere else in the article. Measured on eight
# copied-text sets: such lines between two paragraphs are other stories' headlines at 0-0.25 (17 lines)
# and the article's own lines above that, but for one quoted subheading (quotes exempt it).
INLINE_TEASER_MAX_SHARED = 0.25
# ... or right above or under an advert, where the paragraphs round it need not be paragraphs ('Advertisement',
# 'Athlone library to host free coding club for teens', '4. When do I apply?'); a question is a subheading.
ADVERT_RULES = ("advert", "sponsor-message")
# Boxes whose own lines sit round their pitch: a newsletter's heading and button, a plea for support.
BOX_KINDS = ("newsletter", "support", "paywall")
BOX_LINE_WORDS = 30
COMMENT_RULE = "comments"
COMMENT_RULES = (COMMENT_RULE, "comment-section")
_BARE_NUMBER = re.compile(r"[+$£€¥-]?\d[\d,.]*[%kKmM]?")  # a footnote's number, a price: no comment's likes
_SIGNED_QUOTE = re.compile(r"[“\"‘'].{5,600}[”\"’'] ?[—–-] ?\S.{0,60}")
_QUESTION_WORD = re.compile(r"(what|how|why|who|when|where|which|should|can|will|is|are|do|does)\b", re.IGNORECASE)
# ... and a line that quotes a message or a sign ('One read: "Babe I promise it's sorted …"') is the article's.
_QUOTE_AFTER_LABEL = re.compile(r"""[^"“”‘’']{1,40}: ["“‘'].+["”’']""")
LIST_ITEMS = 2
ITEM_HEADING_WORDS = 2  # a listicle's item heading over its picture: 'Data Analytics Certificate'
TRAIL_SEPARATORS = "/›>»|"  # what separates a breadcrumb trail's sections
_LIST_MARK = re.compile(r"(\d{1,2})[.)] |([–•*·-]) ")
_TABLE_CELLS = re.compile(r"\t+| \| ")  # what separates a copied table's cells
_END_NOTE = re.compile(r"\((\w+\.?)[^()]*\)$")
_CONTENT_WORD = re.compile(r"[a-z][a-z'’-]{2,}[a-z]")  # ends in a letter: 'orchard’' closes a quotation
# Words too common to show a topic (a short list by hand: a stop-word library for 45 words is not worth it).
_COMMON_WORDS = (
    "that this with from have will been were their they them what when where which while about after before "
    "over into than then there these those more most also just your would could should said says year years "
    "first last next week month today told"
)
_COMMON = frozenset(_COMMON_WORDS.split())
# Rules that judge a line by its shape alone, not its words: a fact box's lines may take that shape.
SHAPE_RULES = (TEASER_RULE, "linked-source", "show-banner")
# A list's introduction ('Shelters opening today include:'); a shorter line with a colon is a label ('Read more:')
LIST_INTRO_WORDS = 3
_ITEM_LABEL = re.compile(r"([A-Z][\w'’-]*( [\w'’-]+){0,3}): \S")  # 'Best Supporting Actor: …'
LIST_ITEM_WORDS = 12  # a list item under a short heading ('Cochrane District Secondary School')
# A fact box's line: a label and a value of up to five words each ('Expected opening: Summer 2027').
_BOX_LABEL = re.compile(r"[A-Z][^:.!?]{0,30}: \S")
FACT_LINE = re.compile(r"[A-Z][^:.!?\s]*( [^:.!?\s]+){0,4}: \S+( \S+){0,4}(?<![.!?])")
PARAGRAPH_WORDS = 8  # a line that ends like a sentence and is this long is a paragraph, not a heading
LABELLED_FIGURES = 3  # a label and this many amounts are the article's data, no teaser
NUMBER = re.compile(r"\d+")
_AMOUNT = re.compile(r"\d[\d,.]*\d|\d")  # '6,000' is one


def kept_lines(decisions: Decisions) -> list[int]:
    """The indices of the lines no rule took."""
    return [i for i, (_, rule) in enumerate(decisions) if rule is None]


def captions_marked(decisions: Decisions, title: int) -> Decisions:
    """A kept line of caption length right above a bare photo credit ('Credit: Supplied', 'Photo by Eli Tran
    for …', or a photographer's '© Inês Varejão for Wayfarer Quarterly' with the article going on under it) is
    the picture's caption, however it is worded."""
    marked, kept = list(decisions), set(kept_lines(decisions))
    for i, (line, rule) in enumerate(decisions):
        credit = rule == CREDIT_RULE and bool(_BARE_CREDIT.match(line))
        named = rule == COPYRIGHT_RULE and bool(_NAMED_COPYRIGHT.fullmatch(line)) and next_line(decisions, i) in kept
        if not (credit or named) or len(line.split()) > BARE_CREDIT_WORDS:
            continue
        if _PLACEHOLDER.fullmatch(line):
            continue  # '[Illustration: Lasko's studio, with sheets pinned to the walls]' is the caption itself
        above = next((j for j in range(i - 1, title, -1) if decisions[j][1] != EMPTY_RULE), None)
        if above is None or decisions[above][1] is not None or _QUOTED_SPEECH.search(decisions[above][0]):
            continue  # a quote is the article's, above a gallery's link ('PHOTOS: Scenes from the forum')
        words = len(decisions[above][0].split())
        if _NUMBERED.match(decisions[above][0]) or _item_heading(decisions[above][0]):
            continue  # a listicle's heading over its item's picture ('1. Visual Studio Code', 'Data Analytics
            # Certificate'), a label ('Rating:')
        if next_line(decisions, title) == above and words >= CAPTION_STANDFIRST_WORDS:
            continue  # right under the headline, a line this long is its standfirst, over the page's picture
        if TWO_SENTENCES.search(decisions[above][0]):
            continue  # a caption is one sentence; two are a paragraph over a picture with no caption
        below = next_line(decisions, i)
        if below is not None and _caption_below(decisions, above, below):
            marked[below] = (decisions[below][0], CAPTION_BELOW_RULE)  # 'Credit: Josh Tarrant', 'The cast in …'
        elif words <= CAPTION_WORDS:
            marked[above] = (decisions[above][0], CAPTION_RULE)
    return _site_credits_marked(marked, title)


def _caption_below(decisions: Decisions, above: int, below: int) -> bool:
    """The credit's caption is the line under it: that line is short, kept, has no sentence end and the
    article goes on under it, while the line above ends as a paragraph does."""
    line = decisions[below][0]
    after = next_line(decisions, below)
    return (
        decisions[below][1] is None
        and len(line.split()) <= CAPTION_BELOW_WORDS
        and not extract.ends_sentence(line, (*extract.SENTENCE_ENDS, ":"))
        and not _item_heading(line)  # 'How To Get Cashback With Flights' is a subheading
        and extract.ends_sentence(decisions[above][0])
        and after is not None
        and decisions[after][1] is None
        and paragraph(decisions[after][0])
    )


def _item_heading(line: str) -> bool:
    """A label ('Rating:') or a heading in title case ('Full-Stack Web Development Certificate'): every word of
    four letters or more capitalised, two of them at least, no sentence end. Captions are written as sentences."""
    return line.endswith(":") or (title_case(line, ITEM_HEADING_WORDS) and not extract.ends_sentence(line))


def title_case(line: str, least: int) -> bool:
    """A heading's capitals: `least` words of four letters or more, every one of them capitalised."""
    long_words = [word for word in line.split() if sum(c.isalpha() for c in word) >= 4]
    return len(long_words) >= least and all(word[0].isupper() for word in long_words)


def _site_credits_marked(decisions: Decisions, title: int) -> Decisions:
    """A caption credited to the site itself, with no 'Photo:': its last words after the sentence are a line
    of the page (the masthead): '… in Petare, Caracas. Caribe Noticias'."""
    names = {line.casefold() for line, _ in decisions}
    marked = list(decisions)
    for i in kept_lines(decisions):
        tail = None if _NUMBERED.match(decisions[i][0]) else _CREDIT_TAIL.search(decisions[i][0])
        if i > title and tail and tail.group(1).casefold() in names and len(decisions[i][0].split()) <= CAPTION_WORDS:
            marked[i] = (decisions[i][0], CAPTION_RULE)
    return marked


def introduced_lists_kept(decisions: Decisions) -> Decisions:
    """The items of a list the article introduces ('Shelters opening today include:') are the article's, up
    to the next sentence: kept again where a rule that judges lines by their shape took one ('Vieux Fort:
    Vieux Fort Secondary School (Campus A)' for a linked source)."""
    kept, in_list = list(decisions), False
    for i, (line, rule) in enumerate(decisions):
        if rule is None:
            in_list = lead_in(line) or (in_list and not extract.ends_sentence(line))
        elif in_list and (rule in SHAPE_RULES or _same_label(line, decisions, i)):
            kept[i] = (line, None)
        else:
            in_list = False
    return kept


def _same_label(line: str, decisions: Decisions, at: int) -> bool:
    """An item labelled as the kept item under it is ('Best Picture: Harbor Lights' over 'Best Director: Amara
    Obi'), whatever rule its words matched (a photo credit's 'Picture: …')."""
    below = next_line(decisions, at)
    label, other = _ITEM_LABEL.match(line), below is not None and _ITEM_LABEL.match(decisions[below][0])
    kept_below = below is not None and decisions[below][1] is None
    return bool(label and other and kept_below and label.group(1).split()[0] == other.group(1).split()[0])


def list_items_kept(decisions: Decisions) -> Decisions:
    """Lines a rule took by their shape between two kept list items are items of the same list ('Closed
    today', 'Northern Pines Public School (Timmins)' for a linked source, 'Cochrane District Secondary
    School'). On 19 copied-text sets: 3 body lines, no chrome."""
    kept = list(decisions)
    i = 0
    while i < len(decisions):
        end = i
        while end < len(decisions) and decisions[end][1] in SHAPE_RULES:
            end += 1
        if end > i and i > 0 and end < len(decisions) and _list_item(decisions[i - 1]) and _list_item(decisions[end]):
            kept[i:end] = [(line, None) for line, _ in decisions[i:end]]
        i = max(end, i + 1)
    return kept


def _list_item(decision: tuple[str, str | None]) -> bool:
    line, rule = decision
    return rule is None and len(line.split()) <= LIST_ITEM_WORDS and not extract.ends_sentence(line)


def short_label(line: str, max_words: int) -> bool:
    """Up to max_words words, ending neither as a sentence nor as an introduction: a box's or a section's
    heading ('The numbers', 'Traffic & travel'; 'In short:' introduces what follows)."""
    return len(line.split()) <= max_words and not extract.ends_sentence(line, (*extract.SENTENCE_ENDS, ":"))


def inline_teasers_marked(decisions: Decisions) -> Decisions:
    """A headline-shaped line alone between two paragraphs that shares almost no words with the article is
    another story's teaser ('Cardiff bus lane fines to double from next month' inside a story on rents)."""
    kept = kept_lines(decisions)
    words = {i: content_words(decisions[i][0]) for i in kept}
    lines_with = Counter(word for line_words in words.values() for word in line_words)
    items = Counter(filter(None, (_list_mark(decisions[i][0]) for i in kept)))
    marked = list(decisions)
    for before, at, after in zip(kept[1:], kept[2:], kept[3:]):  # noqa: B905 (shorter by design)
        line = decisions[at][0]
        if _QUESTION_WORD.match(line):
            continue  # a subheading, by an advert or between paragraphs ('How to protect yourself from …')
        listed = len(_AMOUNT.findall(line)) >= 2  # a list item: 'Route 58, Tuen Mun to Yuen Long: HK$12.80 …'
        by_advert = _next_to(decisions, at, ADVERT_RULES) and not listed
        if not (by_advert or (paragraph(decisions[before][0]) and paragraph(decisions[after][0]))):
            continue
        if len(line.split()) < INLINE_TEASER_WORDS or extract.ends_sentence(line, (*extract.SENTENCE_ENDS, ":")):
            continue
        if line[0] in "\"'“‘" or _QUOTE_AFTER_LABEL.fullmatch(line) or FACT_LINE.fullmatch(line) or not words[at]:
            continue
        if ": " in line and len(_AMOUNT.findall(line)) >= LABELLED_FIGURES:
            continue  # 'Per serving: 412 kcal, fat 12g, carbs 58g, …'
        if _list_sibling(line, items) or _parallel(line, decisions[before][0]):
            continue
        if _BOX_LABEL.match(line) and _BOX_LABEL.match(decisions[before][0]):
            continue  # a box's next entry ('Hours: …', then 'Membership: $100 per share, open to anyone')
        shared = sum(lines_with[word] > 1 for word in words[at])  # the word is in another line too
        if shared / len(words[at]) <= INLINE_TEASER_MAX_SHARED:
            marked[at] = (line, INLINE_TEASER_RULE)
    return marked


def _parallel(line: str, above: str) -> bool:
    """The next item of a list printed without bullets: the line above is no paragraph and ends in the same
    word ('Eastmere town centre – about 2,900 properties', 'Villages north of the Stour estuary – about 5,300
    properties')."""
    last = line.split()[-1].lower()
    same_end = last.isalpha() and above.split()[-1].lower() == last  # a word: 'ET)' ends datelines
    return same_end and not paragraph(above) and len(above.split()) > 1


def _list_sibling(line: str, items: Counter) -> bool:
    """An item of a list the article prints: another kept line starts with the same bullet or the number
    before or after it ('6. What the River Keeps by …'), or ends with the same kind of note ('… (dir. Ewan
    Macrae)'). `items` counts the kept lines' marks (_list_mark)."""
    mark = _list_mark(line)
    if mark is None:
        return False
    if isinstance(mark[1], int):
        return items[(mark[0], mark[1] - 1)] > 0 or items[(mark[0], mark[1] + 1)] > 0
    return items[mark] > 1  # this line and another


def bullet(line: str) -> str | None:
    """The bullet a list item starts with ('•', '-'), else None (a number is no bullet)."""
    mark = _list_mark(line)
    return mark[1] if mark is not None and mark[0] == "bullet" else None  # type: ignore[return-value]


def bulleted_list(lines: list[str]) -> bool:
    """LIST_ITEMS lines or more that start with the same bullet ('- Check your latest bill …')."""
    bullets = Counter(filter(None, map(bullet, lines)))
    return any(count >= LIST_ITEMS for count in bullets.values())


def only_list_items(lines: list[str]) -> bool:
    """LIST_ITEMS lines or more, each a bulleted or numbered item ('- Milk', '2. Preheat the oven'), or each a
    row of one table ('Ashbury<TAB>30', 'Ashbury | 30': a copied table's cells, as many on every row)."""
    marks = [_list_mark(line) for line in lines]
    if len(lines) < LIST_ITEMS:
        return False
    if all(mark is not None and mark[0] != "note" for mark in marks):
        return True
    cells = {len(_TABLE_CELLS.split(line)) for line in lines}
    return len(cells) == 1 and cells.pop() > 1


def _list_mark(line: str) -> tuple[str, str | int] | None:
    """('number', 6), ('bullet', '–') or ('note', 'dir.') for a list item's mark, else None."""
    mark = _LIST_MARK.match(line)
    if mark:
        return ("bullet", mark.group(2)) if mark.group(2) else ("number", int(mark.group(1)))
    note = _END_NOTE.search(line)
    return ("note", note.group(1)) if note else None


def box_lines_marked(decisions: Decisions, title: int) -> Decisions:
    """A kept line between two lines of one box (a newsletter's heading and its 'Sign me up' button) is the
    box's own pitch, however it is worded ('Get the biggest stories from across Down every Thursday.'); a
    signed quote under a comment's label ('TOP COMMENT', '“My grandad worked there 40 years.” — Janet R'), or a
    quotation between the label and the commenter's handle, is the reader's comment."""
    marked = list(decisions)
    for i in kept_lines(decisions):
        line = decisions[i][0]
        before, after = next_line(decisions, i, -1), next_line(decisions, i)
        if i <= title or before is None:
            continue
        kinds = {layout_kind(decisions[before][1]), layout_kind(decisions[after][1] if after is not None else None)}
        pitch = len(kinds) == 1 and kinds <= set(BOX_KINDS) and len(line.split()) <= BOX_LINE_WORDS
        # ... a quotation with the commenter's handle under it ('Margaret_R, Shropshire')
        signed_under = after is not None and decisions[after][1] == COMMENT_RULE and WHOLE_QUOTE.fullmatch(line)
        comment = decisions[before][1] == COMMENT_RULE and (_SIGNED_QUOTE.fullmatch(line) or signed_under)
        # ... or any line between a comment's handle and its likes ('Sharon_from_Stockport · 6h', …, '❤ 312')
        between = [j for j in (before, after) if j is not None and decisions[j][1] in COMMENT_RULES]
        comment = comment or (len(between) == 2 and not any(_BARE_NUMBER.fullmatch(decisions[j][0]) for j in between))
        if pitch or comment:
            marked[i] = (line, decisions[before][1])
    return marked


def layout_kind(rule: str | None) -> str | None:
    """A rule's kind: 'newsletter' for 'newsletter-pitch'."""
    return rule.split("-")[0] if rule else None


def _next_to(decisions: Decisions, at: int, rules: tuple[str, ...]) -> bool:
    """Is the line right above or under line `at` (lines of no words aside) one these rules took?"""
    return any(
        j is not None and decisions[j][1] in rules for j in (next_line(decisions, at, -1), next_line(decisions, at))
    )


def next_line(decisions: Decisions, at: int, step: int = 1) -> int | None:
    """The index of the next line with words after line `at` (step -1: before it), or None."""
    end = len(decisions) if step > 0 else -1
    return next((j for j in range(at + step, end, step) if decisions[j][1] != EMPTY_RULE), None)


def content_words(line: str) -> set[str]:
    return {w for w in _CONTENT_WORD.findall(line.lower()) if w not in _COMMON}


def paragraph(line: str) -> bool:
    return extract.ends_sentence(line) and len(line.split()) >= PARAGRAPH_WORDS


def paragraph_or_lead_in(line: str) -> bool:
    """A paragraph, or a sentence ending in a colon that introduces a list or table under it ('Obligations
    would scale with the size of the company:')."""
    return paragraph(line) or lead_in(line)


def lead_in(line: str) -> bool:
    """A sentence that introduces the list or table under it ('Shelters opening today include:')."""
    return line.endswith(":") and len(line.split()) >= LIST_INTRO_WORDS


def pull_quote(line: str, others: list[str]) -> bool:
    """A quotation alone on its line (WHOLE_QUOTE), its words (nearly) all in a longer paragraph: the layout
    shows it again, perhaps shortened ('“A good fermentation is like a ceasefire. …”')."""
    words = content_words(line)
    return len(words) >= PULL_QUOTE_WORDS and any(
        len(words & content_words(other)) >= PULL_QUOTE_SHARE * len(words) for other in others if len(other) > len(line)
    )
