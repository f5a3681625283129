"""Speech-text stage: Article -> Script, the exact text each engine call is given.

Rules are named (rule name, pattern, replacement) so the script can record which rule changed
what. The default set only tidies whitespace; expansion of numbers, abbreviations and lexicons
plugs in here as further rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .article import Article, Script, ScriptSegment, SpeechChange


@dataclass(frozen=True)
class SpeechRule:
    name: str
    pattern: re.Pattern[str]
    replacement: str


DEFAULT_RULES: tuple[SpeechRule, ...] = (SpeechRule("collapse-whitespace", re.compile(r"\s{2,}"), " "),)


def apply_rules(text: str, rules: Sequence[SpeechRule]) -> tuple[str, tuple[SpeechChange, ...]]:
    changes: list[SpeechChange] = []
    for rule in rules:
        for match in rule.pattern.finditer(text):
            changes.append(SpeechChange(rule.name, match.group(0), match.expand(rule.replacement)))
        text = rule.pattern.sub(rule.replacement, text)
    return text, tuple(changes)


def build_script(article: Article, rules: Sequence[SpeechRule] = DEFAULT_RULES) -> Script:
    segments = []
    for kind, source in [("title", article.title), *(("paragraph", p) for p in article.paragraphs)]:
        speech, changes = apply_rules(source, rules)
        segments.append(ScriptSegment(kind, source, speech, changes))
    return Script(tuple(segments))
