"""Clean stage: copied page text -> Article (headline + body paragraphs), chrome removed by named rules.

Rules are data (``rules/chrome.toml``; a publisher adds its own file). Each rule fully matches one
stripped line; the first matching rule names the removal so the report can say what went and why.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .article import Article, RemovedLine
from .errors import BadInput

DUPLICATE_RULE = "duplicate-line"
EMPTY_RULE = "no-words"


@dataclass(frozen=True)
class ChromeRule:
    name: str
    pattern: re.Pattern[str]
    max_words: int | None = None
    description: str = ""

    def matches(self, line: str) -> bool:
        if self.max_words is not None and len(line.split()) > self.max_words:
            return False
        return self.pattern.fullmatch(line) is not None


def parse_rules(toml_text: str, origin: str) -> list[ChromeRule]:
    """Parse a rules file; any problem is a BadInput naming the file and the rule."""
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"rules file {origin} is not valid TOML: {exc}") from None
    entries = data.get("rule")
    if not isinstance(entries, list) or not entries:
        raise BadInput(f"rules file {origin} has no [[rule]] entries")
    rules = []
    for position, entry in enumerate(entries, 1):
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
        rules.append(ChromeRule(name, compiled, max_words, str(entry.get("description", ""))))
    return rules


def default_rules() -> list[ChromeRule]:
    text = resources.files("tts_pipeline").joinpath("rules/chrome.toml").read_text(encoding="utf-8")
    return parse_rules(text, "chrome.toml")


def load_rules(extra_files: Iterable[Path] = ()) -> list[ChromeRule]:
    """The built-in rules followed by each publisher file's rules."""
    rules = default_rules()
    for path in extra_files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BadInput(f"cannot read rules file {path}: {exc}") from None
        rules.extend(parse_rules(text, str(path)))
    return rules


def _first_match(line: str, rules: Sequence[ChromeRule]) -> str | None:
    for rule in rules:
        if rule.matches(line):
            return rule.name
    return None


def clean_text(text: str, rules: Sequence[ChromeRule] | None = None) -> Article:
    """Split copied page text into lines, drop chrome, keep the headline and body paragraphs verbatim.

    The headline is the first line no rule removed. Raises BadInput when no body paragraph is left.
    """
    rules = default_rules() if rules is None else rules
    kept: list[str] = []
    removed: list[RemovedLine] = []
    seen: set[str] = set()
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not any(ch.isalnum() for ch in line):
            removed.append(RemovedLine(line, EMPTY_RULE))
            continue
        rule = _first_match(line, rules)
        if rule is None and line in seen:
            rule = DUPLICATE_RULE  # a headline or pull quote repeated by the page layout
        if rule is not None:
            removed.append(RemovedLine(line, rule))
            continue
        seen.add(line)
        kept.append(line)
    if len(kept) < 2:
        what = "no article text" if not kept else "only a headline and no body text"
        raise BadInput(f"{what} left after cleaning ({len(removed)} chrome lines removed)")
    return Article(title=kept[0], paragraphs=tuple(kept[1:]), removed=tuple(removed))
