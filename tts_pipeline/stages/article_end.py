"""Where the article ends, in copied text and in the extractor's reading of an HTML page. Kept lines after a
block of chrome that ends it (past_end_marked: a donation pitch, a bio, comments, unless the article goes on
under a box inside it), and kept lines after its last sentence that are no sentence, are furniture (tags,
teasers, footers) however they are worded, but for the article's own closing box, its tables and its fact
boxes.

Decisions are (line, rule name or None when kept), as clean._decide makes them.
"""

from __future__ import annotations

import re

from tts_pipeline.stages import bylines, extract
from tts_pipeline.stages.boxes import fact_box, table_rows
from tts_pipeline.stages.layout import (
    ADVERT_RULES,
    BOX_KINDS,
    COMMENT_RULES,
    EMPTY_RULE,
    NUMBER,
    SHAPE_RULES,
    TWO_SENTENCES,
    Decisions,
    bulleted_list,
    content_words,
    kept_lines,
    layout_kind,
    next_line,
    paragraph,
    short_label,
)

# Kept lines after a block of chrome that ends the article: a donation pitch, an author's bio, comments.
PAST_END_RULE = "past-article-end"
# The block has this many removed lines or more, and what is kept after it this share of the kept words or
# less. Measured on 13 copied-text sets (11 single-page, 2 multi-site; 13,000 lines): gaps of 4+ with 15 %
# took 79 chrome lines and no body; a gap of 3 took a body paragraph after a 3-line advert, a share of 0.3
# 11 body lines (a match report's line-ups after its stats widget).
END_GAP_LINES = 4
END_SHARE = 0.15
# ... of two kinds or more (a rule's kind is its name's first word: 'newsletter' and 'newsletter-pitch' are one
# box). One box of four lines (a newsletter sign-up's heading, pitch, small print and button) sits inside
# articles too: on 19 sets, one kind took 2 body paragraphs after such a box, and 1 chrome line.
END_GAP_KINDS = 2
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
    "comment-section",
    "citation",
    "press-release-end",
)
END_MARKER_SHARE = 0.3
RESUME_PARAGRAPHS = 2
_REPORTED = re.compile(r"\b(said|says|told|according to)\b")
# A top comment's box: a label, the handle, the comment, its likes, 'View all comments' (at least a label, the
# comment and a link; 'Leave a reply' over 'You must be logged in to post a comment.' is a form).
COMMENT_BOX_MIN_LINES, COMMENT_BOX_LINES = 3, 5
COMMENT_FOOT_LINES = 2  # a comment's foot: '2 days ago', 'Report'
RESUME_TOPIC_WORDS = 1  # a guard for a comment form's small print; 0 changes nothing on 17 sets
# A correction is the article's wherever the page prints it (45 of 46 on 45 sets are marked body):
# 'Correction, 18 March: An earlier version of this article said …', under other stories' links too.
_CORRECTION = re.compile(r"(correction|clarification|editor['’]s note)(,? [^:]{1,30})?: (\S+ ){6,}", re.IGNORECASE)
AFTER_ARTICLE_RULE = "after-article"  # short lines after the article's last sentence
BOX_HEADING_WORDS = 8
BIO_RULE = "author-bio"  # the chrome rules' name for a contributor's note
_BIO = re.compile(
    rf"(?!(The|A|An|This|Our|Its|Their) )({bylines.PERSON_NAME.pattern}) "
    r"((is|was|has been) (a|an|the|one of)|writes|covers|reports on|edits|teaches|lives in)\b"
)
# A wire story's credits: '(Reporting by …; Additional reporting by …; Editing by …)'.
_WIRE_CREDITS = re.compile(r"\(?(?:additional |with )?(?:reporting|writing|editing) by\b", re.IGNORECASE)
# A paragraph its writer signs: 'Stay off the roads if you can. — Lena'.
_SIGNED = re.compile(r"(.+)\s+[—–-]\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}")
# Lines of an article's closing box: 'Player of the match: Kasun Weerakkody', numbers, 'Enjoy! Georgie x'.
_LABELLED = re.compile(r"[^:]{1,40}: \S")
CLOSING_BOX_LINES = 2
_LABELLED_LIST = re.compile(r"[^:]{1,40}: [^,]+(, [^,]+){2,}$")
_LABELLED_FIGURES = re.compile(r"[^:]{1,40}: [^·]+( · [^·]+){2,}$")  # '… per serving: 412 kcal · 14g fat · …'
SIGN_OFF_WORDS = 6
_DETAILS = re.compile(r".+, [^,]+, [^,]+")
DETAILS_WORDS = 8
LABEL_WORDS = 3  # a table's label: 'How we tested'
CUT_PARAGRAPH_WORDS = 20  # longer than another story's headline (clean.TEASER_WORDS)
NAMED_LIST_ITEMS = 3
NAMED_LIST_ITEM_WORDS = 8
NAMED_LIST_SHARED = 2
_NAME_LINKS = {"&", "and", "of", "the", "de", "van", "von", "da", "al"}


def tail_marked(decisions: Decisions, credits_kept: bool = False) -> Decisions:
    """Kept lines after the last sentence that are no sentence, a fact box aside, are furniture, but for the
    article's closing box: the lines right under its last sentence when CLOSING_BOX_LINES of them are
    `Label: value` or numbers lines ('Teams', 'Galle Mariners: …', 'K Adams c Pillay b Botha 104 (118)'), or
    one is a list or a sign-off ('Key tracks: Saltmarsh, Lamplighter, Nine Bells', 'Enjoy! Georgie x').
    Run again once the article's end is struck (past_end_marked), so that the cleaner's output, cleaned
    again, loses nothing more. On 23 sets the second run took 17 body lines without the closing box.
    `credits_kept`: a wire story's credits stay ('Additional reporting by …; Editing by …'), as the dev set's
    HTML pages keep them (the copied-text sets' writers marked all 24 of theirs chrome)."""
    decisions = _bios_marked(decisions)
    kept = kept_lines(decisions)
    ends = [i for i in kept[1:] if _ends_sentence(decisions[i][0]) or decisions[i][0].endswith(":")]
    if not ends or decisions[ends[-1]][0].endswith(":"):
        return decisions  # no sentence, or the article ends with a list its last sentence introduces
    after = [i for i in kept if i > ends[-1]]
    box = fact_box(decisions, after) | _tables(decisions) | _box_goes_on(decisions, ends[-1])
    # ... and the box's heading right over it ('Today's pollen forecast for Northwick', 'Monday | Very high')
    box |= {i for i in after if next_line(decisions, i) in box and len(decisions[i][0].split()) <= BOX_HEADING_WORDS}
    closing: list[int] = []
    at = next_line(decisions, ends[-1])
    while at is not None and decisions[at][1] in ADVERT_RULES:
        at = next_line(decisions, at)  # an advert between the article's text and its box ('ADVERTISEMENT')
    while at is not None and _in_stretch(decisions[at]):  # the stretch right under the last sentence
        closing.append(at)
        at = next_line(decisions, at)
    lines = [decisions[i][0] for i in closing]
    box_shaped = sum(map(_closing_line, lines)) >= CLOSING_BOX_LINES or any(map(_closing_alone, lines))
    named_list = _named_list(lines, [decisions[i][0] for i in kept if i <= ends[-1]])
    listed = bulleted_list(lines)  # 'What to do next' and its '- Check your latest bill …' items
    if not (box_shaped or named_list or listed or _cut_by_paywall(decisions, closing, at)):
        closing = []  # one `Label: value` line alone may be another story ('SA20: Paarl Royals edge …')
    marked = list(decisions)
    for i in after:
        credits = credits_kept and bool(_WIRE_CREDITS.match(decisions[i][0]))
        if not (_ends_sentence(decisions[i][0]) or i in box or i in closing or credits):
            marked[i] = (decisions[i][0], AFTER_ARTICLE_RULE)
    for i in closing:
        marked[i] = (decisions[i][0], None)  # a box line a shape rule took ('Score: Al Safwa 3 (…) Al Rimal 1')
    return marked


def _box_goes_on(decisions: Decisions, last: int) -> set[int]:
    """The entries right under a last sentence that is itself a box's entry ('Hours: … to 5 p.m.', then
    'Membership: $100 per share, open to anyone')."""
    entries: set[int] = set()
    if not _LABELLED.match(decisions[last][0]):
        return entries
    at = next_line(decisions, last)
    while at is not None and decisions[at][1] is None and _LABELLED.match(decisions[at][0]):
        entries.add(at)
        at = next_line(decisions, at)
    return entries


def _bios_marked(decisions: Decisions) -> Decisions:
    """The last sentences of the page when each is a contributor's note on someone the article never names:
    'Elspeth Marrow is a contributing writer. Her book, …', 'Jun Ishikawa is a photographer based in Denver.'
    (a profile's last line on its subject names someone the article names)."""
    kept = kept_lines(decisions)
    sentences = [i for i in kept[1:] if _ends_sentence(decisions[i][0])]
    marked = list(decisions)
    for i in reversed(sentences[1:]):
        bio = _BIO.match(decisions[i][0])
        named = re.compile(rf"\b{re.escape(bio.group(2).split()[-1])}\b") if bio else None  # the surname
        if not named or any(named.search(decisions[j][0]) for j in kept if j != i and marked[j][1] is None):
            break
        marked[i] = (decisions[i][0], BIO_RULE)
    return marked


def _cut_by_paywall(decisions: Decisions, stretch: list[int], after: int | None) -> bool:
    """One long line under the last sentence and a paywall's or a subscription box's line right under it, or
    nothing (the cleaner's own output, cleaned again): a paragraph the paywall cut off ('The sell-off was
    compounded by …, with the Debt Management Office due to')."""
    if len(stretch) != 1 or (after is not None and layout_kind(decisions[after][1]) not in BOX_KINDS):
        return False
    return len(decisions[stretch[0]][0].split()) >= CUT_PARAGRAPH_WORDS


def _in_stretch(decision: tuple[str, str | None]) -> bool:
    line, rule = decision
    return rule is None or (rule in SHAPE_RULES and bool(_LABELLED.match(line)))


def _tables(decisions: Decisions) -> set[int]:
    """A table's rows and a short label right above it ('How we tested')."""
    rows = table_rows(decisions)
    labels = {next_line(decisions, i, -1) for i in rows if i - 1 not in rows}
    return rows | {i for i in labels if i is not None and short_label(decisions[i][0], LABEL_WORDS)}


def _closing_line(line: str) -> bool:
    return bool(_LABELLED.match(line)) or len(NUMBER.findall(line)) >= 2 or bool(TWO_SENTENCES.search(line))


def _closing_alone(line: str) -> bool:
    """A closing line even alone: a list ('Key tracks: Saltmarsh, Lamplighter, Nine Bells'), a short sign-off,
    figures ('Nutrition per serving: 412 kcal · 14g fat · …'; a bar of share buttons has none), a book's details
    ('A Field Guide to Leaving by Hana Brodsky is published by Crane & Thistle, 320pp, £20')."""
    signed = len(line.split()) <= SIGN_OFF_WORDS and bool(TWO_SENTENCES.search(line))
    figures = len(NUMBER.findall(line)) >= 2
    details = figures and len(line.split()) >= DETAILS_WORDS and bool(_DETAILS.fullmatch(line))
    return bool(_LABELLED_LIST.match(line)) or (figures and bool(_LABELLED_FIGURES.match(line))) or details or signed


def _named_list(lines: list[str], article: list[str]) -> bool:
    """A short heading over NAMED_LIST_ITEMS short items or more, NAMED_LIST_SHARED of them names that the
    article names: the article's own list ('Line-up highlights', 'Nana Kwesi Appiah & The Harbour Band',
    'Yaw Blessed', …). Other stories' headlines under a label are longer; a list of tags ('Sleep', 'Climate
    change', 'Heatwaves') has no heading and names topics, not people."""
    heading, items = (lines[0], lines[1:]) if lines else ("", [])
    if len(items) < NAMED_LIST_ITEMS or not short_label(heading, LABEL_WORDS) or _name(heading):
        return False
    if any(len(item.split()) > NAMED_LIST_ITEM_WORDS or extract.ends_sentence(item) for item in items):
        return False
    words = set().union(*map(content_words, article))
    return sum(_name(item) and bool(content_words(item) & words) for item in items) >= NAMED_LIST_SHARED


def _name(line: str) -> bool:
    """Two capitalised words or more, and no word in lower case but small ones: 'The Kwahu Brass Ensemble'."""
    words = line.split()
    capitalised = [word for word in words if word[0].isupper()]
    return len(capitalised) >= 2 and all(word[0].isupper() or word in _NAME_LINKS for word in words)


def _ends_sentence(line: str) -> bool:
    """Ends like a sentence, perhaps signed: 'Stay warm, and stay off the roads if you can. — Lena'."""
    signed = _SIGNED.fullmatch(line)
    return extract.ends_sentence(signed.group(1) if signed else line)


def past_end_marked(decisions: Decisions) -> Decisions:
    """Everything kept after the first block of END_GAP_LINES removed lines of END_GAP_KINDS kinds that leaves
    at most END_SHARE of the kept words after it, or after a line of a kind that only ends articles (a copyright
    line, tags, an author's bio) that leaves at most END_MARKER_SHARE: the article ended before it, and what
    follows is furniture however it is worded, a correction aside. The headline and one stretch of text come
    first."""
    runs: list[list[int]] = [[]]  # stretches of kept lines, split by removed ones (lines of no words aside)
    gaps: list[list[str]] = [[]]  # the rules of the removed lines before each stretch
    for i, (_, rule) in enumerate(decisions):
        if rule is None:
            runs[-1].append(i)
        elif rule != EMPTY_RULE:
            if runs[-1]:
                runs.append([])
                gaps.append([])
            gaps[-1].append(rule)
    words = [sum(len(decisions[i][0].split()) for i in run) for run in runs]
    marked = list(decisions)
    for k in range(2, len(runs)):
        after = sum(words[k:])
        kinds = {layout_kind(rule) for rule in gaps[k]}
        gap_ends = len(gaps[k]) >= END_GAP_LINES and len(kinds) >= END_GAP_KINDS and after <= END_SHARE * sum(words)
        ends = any(rule in ENDING_RULES for rule in gaps[k])
        resumes = _reporting_resumes(decisions, runs[k]) or _resumes_after_comment(
            decisions, runs[k], gaps[k - 1 : k + 2]
        )
        if (gap_ends or (ends and after <= END_MARKER_SHARE * sum(words))) and not resumes:
            for i in (i for run in runs[k:] for i in run if not _CORRECTION.match(decisions[i][0])):
                marked[i] = (decisions[i][0], PAST_END_RULE)
            break
    return marked


def _reporting_resumes(decisions: Decisions, run: list[int]) -> bool:
    """The article goes on under a box inside it (a top comment, 'Read all 203 comments'): the stretch after
    the box opens with RESUME_PARAGRAPHS paragraphs, one of them reporting what someone said. Donation pleas,
    bios, guestbooks and legal notes under an article's end report no one."""
    head = run[:RESUME_PARAGRAPHS]
    paragraphs = len(head) == RESUME_PARAGRAPHS and all(paragraph(decisions[i][0]) for i in head)
    return paragraphs and any(_REPORTED.search(decisions[i][0]) for i in run[: RESUME_PARAGRAPHS + 1])


def _resumes_after_comment(decisions: Decisions, run: list[int], gaps: list[list[str]]) -> bool:
    """One reader's comment shown inside the article ('TOP COMMENT', the comment, 'View all 23 comments') and
    the article going on under it with a paragraph on its topic. `gaps`: the removed lines before the stretch
    above the box, the box's, and those after `run`. No comment furniture in the first, and none right under
    the stretch: that is a comment section, its comments kept between 'Reply' lines or a guestbook's
    entries over 'See all entries' (the section after the article's end is no matter)."""
    if not run:
        return False
    box = gaps[1]
    # ... an interviewer's short question may come first ('And the French Open?', then the answer)
    first = next((decisions[i][0] for i in run[:2] if paragraph(decisions[i][0])), None)
    framed_by_comments = box[0] in COMMENT_RULES and box[-1] in COMMENT_RULES
    one_comment = COMMENT_BOX_MIN_LINES <= len(box) <= COMMENT_BOX_LINES and framed_by_comments
    # the stretch is a comment too: its time and 'Report' or a guestbook's 'See all entries' right under it
    framed = len(gaps) > 2 and any(rule in COMMENT_RULES for rule in gaps[2][:COMMENT_FOOT_LINES])
    more_comments = framed or any(rule in COMMENT_RULES for rule in gaps[0])
    if not one_comment or more_comments or first is None:
        return False
    above = set().union(*(content_words(line) for line, rule in decisions[: run[0]] if rule is None))
    return len(content_words(first) & above) >= RESUME_TOPIC_WORDS  # not the comment form's small print
