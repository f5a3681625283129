"""Chrome rules: the named line rules and HTML rules that say what is no part of the article.

Rules are data (``rules/chrome.toml``; a publisher adds its own file, and batch learns a site's template
into one per site). Each line rule fully matches one stripped line; the first that matches names the
removal, so that the report can say what went and why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from lxml import etree

from tts_pipeline.errors import BadInput
from tts_pipeline.stages import sitetemplate
from tts_pipeline.tomlfile import read_toml

_ICON_CATEGORIES = ("So", "Sk")  # emoji, pictographs, arrows ('📩', '▶', '🔥'); not Sc (currency) or Sm ('+44')
_ICON_JOINERS = "\ufe0f\u200d "  # an emoji's variation selector and joiner, and the space after the icon
_PLAIN_QUOTES = str.maketrans(dict.fromkeys("‘’‚‛", "'") | dict.fromkeys("“”„‟", '"'))


@dataclass(frozen=True)
class ChromeRule:
    """A [[rule]]: a regular expression that must match a whole line (paragraph)."""

    name: str
    pattern: re.Pattern[str]
    max_words: int | None = None
    description: str = ""
    keywords: tuple[str, ...] = ()  # speed guard: only lines containing one of these (lower case) are tried

    def matches(self, line: str, words: int | None = None, lower: str | None = None) -> bool:
        if self.max_words is not None and (len(line.split()) if words is None else words) > self.max_words:
            return False
        if self.keywords:
            lower = line.lower() if lower is None else lower
            if not any(keyword in lower for keyword in self.keywords):
                return False
        return self.pattern.fullmatch(line) is not None


@dataclass(frozen=True)
class HtmlRule:
    """An [[html_rule]]: an XPath selecting page elements to cut before extraction (HTML input only)."""

    name: str
    xpath: etree.XPath
    description: str = ""
    max_chars: int | None = None  # guard: an element with more text than this is left alone


Rule = ChromeRule | HtmlRule


def parse_rules(toml_text: str, origin: str) -> list[Rule]:
    """Parse a rules file; any problem is a BadInput naming the file and the rule."""
    return _rules(read_toml(toml_text, "rules file", origin), origin)


def _rules(data: dict, origin: str) -> list[Rule]:
    lines, html = data.get("rule", []), data.get("html_rule", [])
    if not isinstance(lines, list) or not isinstance(html, list) or not (lines or html):
        raise BadInput(f"rules file {origin} has no [[rule]] entries")
    rules: list[Rule] = [_line_rule(entry, position, origin) for position, entry in enumerate(lines, 1)]
    rules += [_html_rule(entry, position, origin) for position, entry in enumerate(html, 1)]
    return rules


def _line_rule(entry: object, position: int, origin: str) -> ChromeRule:
    name = entry.get("name") if isinstance(entry, dict) else None
    pattern = entry.get("pattern") if isinstance(entry, dict) else None
    if not isinstance(name, str) or not isinstance(pattern, str) or not name or not pattern:
        raise BadInput(f"rules file {origin}: rule #{position} needs a 'name' and a 'pattern'")
    flags = re.IGNORECASE if entry.get("ignore_case", True) else 0
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise BadInput(f"rules file {origin}: rule '{name}' has a bad pattern: {exc}") from None
    max_words = entry.get("max_words")
    if max_words is not None and (not isinstance(max_words, int) or max_words < 1):
        raise BadInput(f"rules file {origin}: rule '{name}' max_words must be a positive integer")
    keywords = entry.get("keywords", [])
    if not isinstance(keywords, list) or not all(isinstance(k, str) and k for k in keywords):
        raise BadInput(f"rules file {origin}: rule '{name}' keywords must be a list of strings")
    description = str(entry.get("description", ""))
    return ChromeRule(name, compiled, max_words, description, tuple(k.lower() for k in keywords))


def _html_rule(entry: object, position: int, origin: str) -> HtmlRule:
    name = entry.get("name") if isinstance(entry, dict) else None
    xpath = entry.get("xpath") if isinstance(entry, dict) else None
    if not isinstance(name, str) or not isinstance(xpath, str) or not name or not xpath:
        raise BadInput(f"rules file {origin}: html_rule #{position} needs a 'name' and an 'xpath'")
    try:
        compiled = etree.XPath(xpath)
    except etree.XPathError as exc:
        raise BadInput(f"rules file {origin}: html_rule '{name}' has a bad xpath: {exc}") from None
    max_chars = entry.get("max_chars")
    if max_chars is not None and (not isinstance(max_chars, int) or max_chars < 1):
        raise BadInput(f"rules file {origin}: html_rule '{name}' max_chars must be a positive integer")
    return HtmlRule(name, compiled, str(entry.get("description", "")), max_chars)


@cache
def _default_rules_text() -> str:
    return resources.files("tts_pipeline").joinpath("rules/chrome.toml").read_text(encoding="utf-8")


def default_rules() -> list[Rule]:
    return parse_rules(_default_rules_text(), "chrome.toml")


def load_rules(extra_files: Iterable[Path] = ()) -> list[Rule]:
    """The built-in rules followed by each publisher file's rules."""
    rules = default_rules()
    for path in extra_files:
        rules.extend(_rules(read_toml(Path(path), "rules file"), str(path)))
    return rules


class SiteRules:
    """The site templates learnt into a folder (sitetemplate.py), each site's file loaded on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._loaded: dict[str, list[Rule]] = {}

    def for_url(self, url: str | None) -> list[Rule]:
        site = sitetemplate.site_of(url)
        if site is None:
            return []
        if site not in self._loaded:
            path = sitetemplate.site_rules_file(self.folder, site)
            data = read_toml(path, "site rules file") if path.is_file() else {}
            self._loaded[site] = _rules(data, str(path)) if data.get("rule") else []
        return self._loaded[site]


def first_match(line: str, rules: Sequence[Rule]) -> str | None:
    """The first rule that takes the line, tried as written and with plain quotes: the rules are written
    with ASCII apostrophes, pages mostly use typographic ones ('You’ve read 3 of 5 free articles'). A line
    that starts with an icon ('💬 Comments', '▶ Video: …') is tried without it too."""
    bare = _without_icon(line)
    if bare != line and any(c.isalpha() for c in bare):  # '★★★★☆ 4/5' is a review's score, no counter
        return _match(line, rules) or _match(bare, rules)
    return _match(line, rules)


def _match(line: str, rules: Sequence[Rule]) -> str | None:
    plain = line.translate(_PLAIN_QUOTES)
    words, lower = len(line.split()), plain.lower()
    for rule in rules:
        if isinstance(rule, ChromeRule) and (
            rule.matches(line, words, lower) or (plain != line and rule.matches(plain, words, lower))
        ):
            return rule.name
    return None


def _without_icon(line: str) -> str:
    """The line without the pictographs and arrows it starts with ('📩 ', '▶ '); a bullet, a dash or a
    currency sign stays: they are list items, sign-offs and prices."""
    start = 0
    while start < len(line) and (unicodedata.category(line[start]) in _ICON_CATEGORIES or line[start] in _ICON_JOINERS):
        start += 1
    return line[start:].lstrip() if start else line
