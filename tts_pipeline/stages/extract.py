"""HTML page -> the article's blocks and metadata, by trafilatura (we do not hand-write an extractor).

What we add on top is small and audio-specific: the headline a listener should hear (the page's visible
<h1> when it agrees with the metadata title, since og:title is often a shorter social-media variant),
one text block per paragraph / heading / list item / quote, and the page language. The chrome rules
in clean.py then run over these blocks.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from tts_pipeline.errors import BadInput

BLOCK_TAGS = ("p", "head", "quote", "item", "cell", "code")
HEADLINE_WORDS = (3, 40)
LOOSE_TEXT_WORDS = 8  # loose text between blocks this long (or ending a sentence) is a paragraph
TABLE_CELL_WORDS = 6  # a row whose cells are all this short is said as one line
TITLE_AGREEMENT = 0.34  # share of the shorter title's words the <h1> and the metadata title must share
# Tags after which a visible line ends, for the editor's --diff view of a whole page.
PAGE_LINE_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "figcaption", "blockquote", "td", "th")
PAGE_LINE_TAGS += ("tr", "dt", "dd", "section", "article", "header", "footer", "aside", "nav", "ul", "ol", "button")
INVISIBLE = ("script", "style", "noscript", "template", "svg", "head")
_WORD = re.compile(r"\w+")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_META_LANGUAGE = etree.XPath(
    "//meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu') = 'content-language']/@content"
    " | //meta[@property = 'og:locale']/@content"
)
_SHOWN_AS_PARAGRAPH = etree.XPath("(//p|//h2|//span)[normalize-space(.) = $text][1]")


@dataclass(frozen=True)
class Extracted:
    title: str | None
    blocks: tuple[str, ...]
    byline: str | None = None
    date: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None


def squash(text: str) -> str:
    return " ".join(text.split())


SENTENCE_ENDS = (".", "!", "?", "…")
_FOOTNOTE_MARK = re.compile(r"(\[\d{1,3}\]|[¹²³⁴-⁹⁰†‡])+$")


def ends_sentence(line: str, marks: tuple[str, ...] = SENTENCE_ENDS) -> bool:
    """Does the line end like a sentence (closing quotes and brackets, footnote marks aside: '… Grandma's
    Bathtub.²', '… in 2019.[3]')? Body does, far more than chrome."""
    return _FOOTNOTE_MARK.sub("", line).rstrip("\"'”’)").endswith(marks)


def parse_html(html: str | bytes) -> HtmlElement:
    if isinstance(html, str) and "<html" not in html[:2048].lower():
        html = f"<html><body>{html}</body></html>"  # a fragment (e.g. an article's HTML copied on its own)
    tree = load_html(html)
    if tree is None or len(tree) == 0:
        raise BadInput("the input is not a usable HTML page")
    return tree


def extract(html: str | bytes | HtmlElement, url: str | None = None, favor_recall: bool = False) -> Extracted:
    """Run trafilatura on the page (`favor_recall`: its reading that keeps more when unsure); BadInput when
    it finds no article."""
    tree = html if isinstance(html, HtmlElement) else parse_html(html)
    headings = [squash(h.text_content()) for h in tree.iter("h1")]
    language = page_language(tree)
    doc = bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,  # a table in the article is body: each row is said as a line (_table_lines)
        include_images=False,
        include_formatting=False,
        include_links=False,
        favor_recall=favor_recall,
    )
    body = getattr(doc, "body", None)
    blocks = tuple(b for b in _blocks(body)) if body is not None else ()
    if not blocks:
        raise BadInput("no article found in the HTML page")
    title = choose_title(headings, squash(doc.title or ""))
    standfirst = find_standfirst(tree, squash(doc.description or ""), blocks)
    if standfirst:
        blocks = (standfirst, *blocks)
    return Extracted(
        title=title,
        blocks=blocks,
        byline=doc.author or None,
        date=doc.date or None,
        site=doc.sitename or None,
        url=doc.url or url,
        language=language or getattr(doc, "language", None),
    )


def _blocks(element: etree._Element):
    """One block per paragraph, heading, quote or list item, in page order; line breaks split blocks.
    Text standing loose between blocks (a paragraph written after a heading with no <p>) is a block too."""
    if _loose_paragraph(element.text):
        yield squash(element.text)
    for child in element:
        if child.tag == "table":
            yield from _table_lines(child)
        elif child.tag in ("list", "div"):
            yield from _blocks(child)
        elif child.tag in BLOCK_TAGS:
            for part in _text_with_breaks(child).split("\n"):
                text = squash(part)
                if text:
                    yield text
        if _loose_paragraph(child.tail):
            yield squash(child.tail)


def _loose_paragraph(text: str | None) -> bool:
    """Loose text that reads as prose (a sentence, or a run of words), not a stray link label ('Home')."""
    words = squash(text or "")
    return bool(words) and (len(words.split()) >= LOOSE_TEXT_WORDS or words[-1] in '.!?…"”')


def _table_lines(table: etree._Element):
    """A listener cannot scan rows and columns, so a row of short cells is one line ('Plan, Price, Storage.')
    and a row of longer cells (pros and cons, a sentence each) gives one line per cell."""
    for row in table.iter("row"):
        cells = [squash(_text_with_breaks(cell)) for cell in row.iterchildren("cell")]
        cells = [cell for cell in cells if cell]
        if cells and all(len(cell.split()) <= TABLE_CELL_WORDS for cell in cells) and len(cells) > 1:
            line = ", ".join(cells)
            yield line if line[-1] in ".!?…" else f"{line}."
        else:
            yield from cells


def _text_with_breaks(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag in ("lb", "list", "item"):
            parts.append("\n")
        if child.tag != "lb":
            parts.append(_text_with_breaks(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def choose_title(headings: list[str], meta_title: str) -> str | None:
    """The visible <h1> that agrees with the metadata title, else the metadata title, else the first <h1>."""
    low, high = HEADLINE_WORDS
    candidates = [h for h in headings if low <= len(h.split()) <= high]
    if not meta_title or (candidates and len(meta_title.split()) < low):
        return candidates[0] if candidates else (meta_title or None)  # e.g. a CMS name as <title>
    meta_words = _words(meta_title)
    for heading in candidates:
        if heading.lower().endswith(meta_title.lower()) and len(heading) > len(meta_title):
            return meta_title  # the <h1> glues a kicker or section label before the same headline
        shared = len(_words(heading) & meta_words) / max(1, min(len(_words(heading)), len(meta_words)))
        if shared >= TITLE_AGREEMENT:
            return heading
    return meta_title


def find_standfirst(tree: HtmlElement, description: str, blocks: tuple[str, ...]) -> str | None:
    """The page's summary line under the headline, when the extractor left it out.

    Trafilatura drops <header> content, which is where many pages show their standfirst. We take it
    back only when the meta description is shown on the page as a paragraph of its own.
    """
    if len(description.split()) < HEADLINE_WORDS[0] or any(description in block for block in blocks):
        return None
    shown = _SHOWN_AS_PARAGRAPH(tree, text=description)
    return description if shown else None


def page_language(tree: HtmlElement) -> str | None:
    """<html lang>, else a content-language or og:locale meta tag, as a BCP 47 tag ('en-GB')."""
    for values in (
        lambda: [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")],
        lambda: _META_LANGUAGE(tree),
    ):
        for value in values():
            value = (value or "").strip().replace("_", "-")
            if _LANGUAGE_TAG.fullmatch(value):
                return value
    return None


def page_lines(tree: HtmlElement) -> list[str]:
    """Every visible text line of the page, in order (for the editor's diff view, not for extraction)."""
    body = tree.find("body")
    root = deepcopy(body if body is not None else tree)  # a copy we may change
    for node in list(root.iter(*INVISIBLE)):
        if node.getparent() is not None:
            node.getparent().remove(node)
    for node in root.iter(*PAGE_LINE_TAGS):
        node.tail = "\n" + (node.tail or "")
        node.text = "\n" + (node.text or "")
    return [line for line in (squash(part) for part in "".join(root.itertext()).split("\n")) if line]
