"""Clean stage: copied page text or an HTML page -> Article (headline + body paragraphs + metadata).

HTML goes through trafilatura first (extract.py); then the same named chrome rules (chrome_rules.py) run
over its blocks. Copied text has no markup, so the layout of its lines decides the rest (headline.py).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from lxml import etree
from lxml.html import HtmlElement

from tts_pipeline.article import Article, RemovedLine
from tts_pipeline.errors import BadInput
from tts_pipeline.stages import extract, source
from tts_pipeline.stages.article_end import past_end_marked, tail_marked
from tts_pipeline.stages.chrome_rules import HtmlRule, Rule, SiteRules, default_rules, first_match
from tts_pipeline.stages.headline import DUPLICATE_MIN_WORDS, DUPLICATE_RULE, TEASER_RULE, mark_header
from tts_pipeline.stages.layout import (
    EMPTY_RULE,
    TRAIL_SEPARATORS,
    TWO_SENTENCES,
    Decisions,
    bullet,
    bulleted_list,
    content_words,
    only_list_items,
    paragraph,
    paragraph_or_lead_in,
    short_label,
)

# A bare label of other stories ('More stories', 'Most read') is followed by their headlines: lines of up to
# TEASER_WORDS words with no sentence end, removed as "teaser-list" until a line ends like a sentence.
TEASER_LABEL_RULES = ("cross-link", "other-stories", "tags", "on-air", "poll")
# A sports site's widget ('MATCH STATS', 'Championship table', 'Drivers' standings') is followed by its rows:
# removed as STATS_RULE, a name no rule that keeps an article's tables takes back. On 21 copied-text sets
# every such label and its rows were chrome (an article's 'Key stats' is no such label).
STATS_RULE = "stats-widget"
WIDGET_LABEL_RULES = (STATS_RULE, "score-widget")
TEASER_LABEL_WORDS = 6
TEASER_WORDS = 20
# ... but the last of them is the article's own subheading when it is this short (other stories' headlines
# run longer) and a paragraph (layout.PARAGRAPH_WORDS words or more) follows it
SUBHEADING_WORDS = (2, 5)
QUESTION_SUBHEADING_EXTRA_WORDS = 2  # ... or up to seven words as a question
# A linked headline and its source in brackets: copied text only. In HTML the extractor has judged the
# page's link lists by their markup, and what such lines are there is the article's own subheadings and
# table cells ('Whole-Home Remodel (Budget)', 'Liraglutide (Saxenda)'): on the benchmark's 452 pages the
# rule took 99 body lines and 8 chrome lines.
SOURCE_RULES = ("linked-source",)
RECALL_RETRY_SHARE = 0.7  # a reading after our rules keeping under this share of the page's words may be short
TRAIL_RULE = "breadcrumb"
_ABBREVIATION = re.compile(r" \(([A-Za-z]{2,8})\)$")
_SMALL_WORDS = frozenset(["a", "an", "and", "as", "for", "in", "of", "on", "the", "to"])
OFF_TOPIC_WORDS = 3  # a short line with this many topic words, none of them the article's, is off its topic
SENTENCES_TEASER_WORDS = 12
LONE_SUBHEADING_WORDS = 6  # a longer line alone under a label is another story's headline
# A widget's short question that a rule removed ('Was this article helpful?') is followed by its answer
# buttons: up to ANSWERS lines of up to ANSWER_WORDS words ('Yes', 'No', 'Not really').
QUESTION_WORDS, ANSWERS, ANSWER_WORDS = 10, 3, 2
LINK_RULES = ("cross-link",)  # 'Read next: Is sober curious a trend?' links another story; no buttons follow
CONTAINERS = ("html", "body", "main", "article")  # an html_rule never cuts these
NOT_ARTICLE_RULE = "not-article"  # left out by the extractor (trafilatura), shown in --diff only


def _top(element: HtmlElement) -> HtmlElement:
    top = element
    for top in element.iterancestors():  # noqa: B007 -- we want the last ancestor
        pass
    return top


def _prune(tree: HtmlElement, rules: Sequence[Rule]) -> list[RemovedLine]:
    """Cut what each [[html_rule]] selects out of the page (in place), reporting its text by rule name."""
    removed = []
    for rule in rules:
        if not isinstance(rule, HtmlRule):
            continue
        try:
            selected = rule.xpath(tree)
        except etree.XPathError as exc:
            raise BadInput(f"html_rule '{rule.name}' failed on this page: {exc}") from None
        for element in selected if isinstance(selected, list) else ():
            if not isinstance(element, HtmlElement) or element.tag in CONTAINERS or _top(element) is not tree:
                continue  # never the whole page; nothing inside something already cut
            text = extract.squash(element.text_content())
            if rule.max_chars is not None and len(text) > rule.max_chars:
                continue
            element.drop_tree()
            if text:
                removed.append(RemovedLine(text, rule.name))
    return removed


def _decide(
    lines: Iterable[str], rules: Sequence[Rule], title: str | None, copied: bool
) -> list[tuple[str, str | None]]:
    """(line, rule name or None when kept) for every non-blank stripped line, in order.

    With no title given, the first kept line is the title. Teaser headlines under a label are found in
    copied text only: in HTML the extractor has already judged the page's link lists by their markup.
    """
    decisions: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    teasers = False  # under a bare 'More stories' label: the headline-like lines after it are other stories
    first_under_label = False  # ... and the first of them may be a headline written as two short sentences
    widget = False  # ... under a sports widget's label ('MATCH STATS', 'Championship table') they are its rows
    question, answers = None, 0  # the rule that removed a widget's question right above, and its buttons
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not any(ch.isalnum() for ch in line):
            decisions.append((line, EMPTY_RULE))
            continue
        rule = first_match(line, rules)
        if rule in SOURCE_RULES and (not copied or _defines_abbreviation(line)):
            # 'Advanced Cardiac Life Support (ACLS)' names no source; in HTML, see SOURCE_RULES. Another rule
            # may still know the line ('Sponsored: … (Advertiser)' is a sponsor message).
            rule = first_match(line, [other for other in rules if other.name not in SOURCE_RULES])
        if rule is None and _repeats_layout(line, title, seen):
            rule = DUPLICATE_RULE
        if (
            rule is None
            and teasers
            and copied
            and (_headline_like(line) or (first_under_label and _sentences_teaser(line)))
        ):
            rule = STATS_RULE if widget else TEASER_RULE  # a widget's rows: no table of the article's
        elif widget and teasers and " | " in line:
            rule = STATS_RULE  # a row a rule took by its shape ('Pos | Team | P | Pts' for a breadcrumb)
        if rule is None and question and answers < ANSWERS and len(line.split()) <= ANSWER_WORDS:
            rule, answers = question, answers + 1  # 'Was this article helpful?' 'Yes' 'No': buttons go with it
        elif rule not in (None, *LINK_RULES) and line.endswith("?") and len(line.split()) <= QUESTION_WORDS:
            question, answers = rule, 0
        elif rule != question:
            question = None
        widget_label = rule in WIDGET_LABEL_RULES and not any(ch.isdigit() for ch in line)  # no score line
        first_under_label = (rule in TEASER_LABEL_RULES or widget_label) and _bare_label(line)
        teasers = first_under_label or (teasers and rule is not None)
        widget = widget_label if first_under_label else widget and teasers
        if rule is None:
            seen.add(line)
            title = line if title is None else title
        decisions.append((line, rule))
    return _trails_marked(_lone_teasers_kept(decisions))


def _trails_marked(decisions: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """A line that is a path ending in the next line is the breadcrumb over the headline, however its
    sections are named: 'Home/Blog/AI in Education: …' over 'AI in Education: …'."""
    marked = list(decisions)
    for i, ((line, rule), (after, _)) in enumerate(itertools.pairwise(decisions)):
        path = line[: -len(after)].rstrip()
        if rule is None and line.endswith(after) and path[-1:] in TRAIL_SEPARATORS and len(path) > 1:
            marked[i] = (line, TRAIL_RULE)
    return marked


def _lone_teasers_kept(decisions: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """A label's list of other stories has two headlines or more (other chrome, an advert, may sit between
    them); one short headline-like line after a label and before a sentence is the article's own subheading
    (one of headline length is the one story the label links to: 'Also read', 'Coffee prices dip at …').
    So is the last line of a longer list when a paragraph follows it at once: the article resumes under
    its own subheading ('Related stories', two teasers, 'Smoke warning for residents', a paragraph). A short
    line that names nothing the article's paragraphs name is the linked story after all ('Related Article',
    'Why doctors are now prescribing gardening' in a study of walking)."""
    kept, run = list(decisions), []
    article = set().union(*(content_words(line) for line, rule in decisions if rule is None and paragraph(line)))
    for i, (line, rule) in enumerate([*decisions, ("", None)]):
        if rule is not None:
            run.append(i)
            continue
        teasers = [j for j in run if decisions[j][1] == TEASER_RULE]
        alone = len(teasers) == 1 and len(decisions[teasers[0]][0].split()) <= LONE_SUBHEADING_WORDS
        if alone and not _off_topic(decisions[teasers[0]][0], article):
            kept[teasers[0]] = (decisions[teasers[0]][0], None)
        elif teasers and teasers[-1] == i - 1 and paragraph_or_lead_in(line):
            own = _list_under_teasers(decisions, teasers) or ([i - 1] if _subheading(decisions[i - 1][0]) else [])
            for j in own:
                kept[j] = (decisions[j][0], None)
        run = []
    return kept


def _list_under_teasers(decisions: list[tuple[str, str | None]], teasers: list[int]) -> list[int]:
    """The article's bulleted list and its heading closing a run of other stories' headlines right before
    a paragraph: the headlines had no bullets, so the article resumed ('Further reading', two headlines,
    'What the researchers want', '• Flood-triggered sampling …', '• Sediment cores …', then a paragraph)."""
    items: list[int] = []
    for j in reversed(teasers):
        if bullet(decisions[j][0]) is None or (items and j != items[0] - 1):
            break
        items.insert(0, j)
    heading = items[0] - 1 if items else -1
    headlines = [j for j in teasers if j < heading]
    if not (bulleted_list([decisions[j][0] for j in items]) and heading in teasers and headlines):
        return []
    if any(bullet(decisions[j][0]) for j in headlines) or not short_label(decisions[heading][0], LONE_SUBHEADING_WORDS):
        return []
    return [heading, *items]


def _defines_abbreviation(line: str) -> bool:
    """Does the line end with an abbreviation of the words before it in brackets ('Basic Life Support (BLS)',
    'Platform as a service (PaaS)')? A linked headline's source in brackets ('… (The Guardian)', '… (AP)') is
    not made of its initials."""
    found = _ABBREVIATION.search(line)
    if not found:
        return False
    capitals = "".join(c for c in found.group(1) if c.isupper())
    initials = "".join(word[0].upper() for word in line[: found.start()].split() if word.lower() not in _SMALL_WORDS)
    return len(capitals) >= 2 and initials.endswith(capitals)


def _off_topic(line: str, article: set[str]) -> bool:
    words = content_words(line)
    return len(words) >= OFF_TOPIC_WORDS and not words & article


def _subheading(line: str) -> bool:
    low, high = SUBHEADING_WORDS
    question = line.endswith("?")  # 'What does it mean for households?'
    return low <= len(line.split()) <= (high + QUESTION_SUBHEADING_EXTRA_WORDS if question else high)


def _sentences_teaser(line: str) -> bool:
    """Another story's headline written as two short sentences: 'Beekeepers say drift is killing hives. No one
    is counting.' Right under a bare 'Read next' label, a line this short is the story it links to."""
    return len(line.split()) <= SENTENCES_TEASER_WORDS and bool(TWO_SENTENCES.search(line))


def _bare_label(line: str) -> bool:
    return len(line.split()) <= TEASER_LABEL_WORDS and not re.search(r"[:|>»›→]\s*\w", line)


def _headline_like(line: str) -> bool:
    """Up to TEASER_WORDS words, ending as a headline does: with no full stop, or as a question of five
    words or more ('Why are Sydney's trains running late again?'; 'Should I fix?' may be a subheading)."""
    words = len(line.split())
    question = line.rstrip("\"'”’)").endswith("?") and words >= extract.HEADLINE_WORDS[0] + 2
    if question and TWO_SENTENCES.search(line):
        return False  # an interviewer's question: 'You still write first drafts by hand. Why?'
    return words <= TEASER_WORDS and (question or not extract.ends_sentence(line, (*extract.SENTENCE_ENDS, ":")))


def _repeats_layout(line: str, title: str | None, seen: set[str]) -> bool:
    """A headline or a pull quote the page layout shows twice. A short line that recurs (a heading
    such as 'Pros', a list item, a table cell) is the article's own and stays."""
    return line == title or (line in seen and len(line.split()) >= DUPLICATE_MIN_WORDS)


def _no_article(kept: Sequence[str], removed: Sequence[RemovedLine]) -> BadInput:
    what = "no article text" if not kept else "only a headline and no body text"
    return BadInput(f"{what} left after cleaning ({len(removed)} chrome lines removed)")


def clean_text(text: str, rules: Sequence[Rule] | None = None) -> Article:
    """Split copied page text into lines, drop chrome, keep the headline and body paragraphs verbatim.

    The headline is found by position (headline.mark_header): lines above it and a bare author name under it go.
    Raises BadInput when no body paragraph is left.
    """
    rules = default_rules() if rules is None else rules
    decisions = mark_header(_decide(text.splitlines(), rules, None, copied=True))
    kept = [line for line, rule in decisions if rule is None]
    removed = tuple(RemovedLine(line, rule) for line, rule in decisions if rule is not None)
    if len(kept) < 2:
        # A paste of nothing but a list or a table (key points, a recipe's steps, with or without a heading): the
        # rules take short items after the last sentence as chrome, but here the list is all there is to say.
        lines = [(line, rule) for line, rule in decisions if rule != EMPTY_RULE]
        top = next((at for at, (_, rule) in enumerate(lines) if rule is None), 0)  # lines above the headline go
        items = [line for line, _ in lines[top + 1 :]]
        if only_list_items(items):  # also False for a page of no lines
            above = tuple(RemovedLine(line, rule) for line, rule in lines[:top] if rule)
            blank = tuple(line for line in removed if line.rule == EMPTY_RULE)
            return Article(title=lines[top][0], paragraphs=tuple(items), removed=(*blank, *above))
        raise _no_article(kept, removed)
    return Article(title=kept[0], paragraphs=tuple(kept[1:]), removed=removed)


def clean_html(
    html: str | bytes, rules: Sequence[Rule] | None = None, url: str | None = None, sites: SiteRules | None = None
) -> Article:
    """Extract the article from an HTML page (trafilatura), then drop chrome from its blocks by our rules
    and, with `sites`, by the template of the page's site (found from its canonical URL, else `url`).

    The headline is the page's headline (see extract.choose_title), else the first block kept.
    """
    rules = default_rules() if rules is None else rules
    tree = html if isinstance(html, HtmlElement) else extract.parse_html(html)
    pruned = _prune(tree, rules)
    page = extract.extract(tree, url)
    title = page.title if page.title and first_match(page.title, rules) is None else None
    if sites is not None:  # after the title's check: other stories of the site list this one's headline
        rules = [*rules, *sites.for_url(page.url or url)]
    decisions = _fuller_reading(tree, url, rules, title, _decide(page.blocks, rules, title, copied=False))
    # where the article ends, as in copied text: the extractor's reading runs on into bios, reference lists,
    # calls to act and other posts (1,212 lines after the last marked one on the benchmark's 452 pages)
    decisions = tail_marked(past_end_marked(decisions), credits_kept=True)
    kept = [line for line, rule in decisions if rule is None]
    removed = (*pruned, *(RemovedLine(line, rule) for line, rule in decisions if rule is not None))
    if title is None and page.title and len(kept) == 1 and len(kept[0].split()) > extract.HEADLINE_WORDS[1]:
        title = page.title  # a rule struck the page's title, but the one block left is too long for a headline
    if title is None:
        if len(kept) < 2:
            raise _no_article(kept, removed)
        title, kept = kept[0], kept[1:]
    if not kept:
        raise _no_article([title], removed)
    return Article(
        title=title,
        paragraphs=tuple(kept),
        removed=removed,
        byline=page.byline,
        date=page.date,
        site=page.site,
        url=page.url,
        language=page.language,
    )


def _fuller_reading(
    tree: HtmlElement, url: str | None, rules: Sequence[Rule], title: str | None, decisions: Decisions
) -> Decisions:
    """The decisions on trafilatura's favor_recall reading of the page when they keep more words than
    the default reading's, which keeps under RECALL_RETRY_SHARE of the page's words. Why: on some pages
    the default cuts the article short (it drops a list inside a CMS 'widget' wrapper, a third of one
    article) and favor_recall keeps it; on others favor_recall keeps a tenth. After our rules the reading
    that keeps more is the better one (held-out F1 0.931 -> 0.937); the chrome favor_recall adds is what
    our rules remove. The share spares the second reading where the first kept most of the page's
    visible words (166 of the benchmark's first 300 pages; 10 of the dev set's 30, news pages heavy with
    chrome)."""
    if _kept_words(decisions) >= RECALL_RETRY_SHARE * sum(len(line.split()) for line in extract.page_lines(tree)):
        return decisions
    try:
        fuller = _decide(extract.extract(tree, url, favor_recall=True).blocks, rules, title, copied=False)
    except BadInput:
        return decisions
    return fuller if _kept_words(fuller) > _kept_words(decisions) else decisions


def _kept_words(decisions: Decisions) -> int:
    return sum(len(line.split()) for line, rule in decisions if rule is None)


def clean_input(
    data: str | bytes,
    rules: Sequence[Rule] | None = None,
    kind: str = "auto",
    url: str | None = None,
    sites: SiteRules | None = None,
) -> Article:
    """Clean an HTML page or copied page text; kind "auto" detects which (source.looks_like_html)."""
    text = data if isinstance(data, str) else source.decode_text(data, "input")
    if kind == "auto":
        kind = "html" if source.looks_like_html(text) else "text"
    if kind == "html":
        return clean_html(text, rules, url, sites)
    if sites is not None:
        rules = [*(default_rules() if rules is None else rules), *sites.for_url(url)]
    article = clean_text(text, rules)
    return replace(article, url=url) if url else article


def clean_source(src: source.Source, rules: Sequence[Rule] | None = None, sites: SiteRules | None = None) -> Article:
    return clean_input(src.text, rules, src.kind, src.url, sites)


def explain(src: source.Source, article: Article) -> list[tuple[str, str | None]]:
    """Every input line, in order, with the rule that struck it (None: kept), for the editor's --diff.

    For HTML the lines are the page's visible lines; those trafilatura left out are struck as "not-article".
    """
    if src.kind != "html":
        return _replay(src.text.splitlines(), article)
    removed = {r.text: r.rule for r in article.removed}
    kept = [article.title, *article.paragraphs]
    kept_set = set(kept)
    lines = []
    for line in extract.page_lines(extract.parse_html(src.text)):
        if line in kept_set or any(line in paragraph for paragraph in kept if len(line) > 20):
            lines.append((line, None))
        else:
            lines.append((line, removed.get(line, NOT_ARTICLE_RULE)))
    return lines


def _replay(lines: Iterable[str], article: Article) -> list[tuple[str, str | None]]:
    """Walk the input lines beside the kept and removed lists (both in input order)."""
    kept, removed = [article.title, *article.paragraphs], list(article.removed)
    decisions: list[tuple[str, str | None]] = []
    k = r = 0
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if k < len(kept) and kept[k] == line:
            decisions.append((line, None))
            k += 1
        elif r < len(removed) and removed[r].text == line:
            decisions.append((line, removed[r].rule))
            r += 1
        else:
            decisions.append((line, None))
    return decisions
