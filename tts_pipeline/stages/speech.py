"""Speech-text stage: Article -> Script, the exact text each engine call is given.

Rules are data (tts_pipeline/rules/speech.toml): each has a name, a pattern and either a replacement
template or the name of a formatter (speechwords.py), so the script records which rule changed what.
The publisher lexicon (lexicon.py) runs after the punctuation rules and before the number and acronym
rules, so its entries win. Phoneme blocks ``[[...]]`` written by the lexicon are never touched by later
rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tts_pipeline.article import Article, Script, ScriptSegment, SpeechChange
from tts_pipeline.errors import BadInput
from tts_pipeline.stages import speechmarks, speechweb, speechwords
from tts_pipeline.stages.lexicon import Lexicon, apply_lexicon, default_lexicon
from tts_pipeline.tomlfile import read_toml

SPEECH_RULES = Path(__file__).resolve().parents[1] / "rules" / "speech.toml"
# A paragraph longer than this is not an article paragraph (and would be hours of audio).
MAX_SEGMENT_WORDS = 5000
PHONEME_BLOCK = re.compile(r"(\[\[.*?\]\])")
STAGES = ("before-lexicon", "after-lexicon")
FORMATTERS = {**speechwords.FORMATTERS, **speechweb.FORMATTERS, **speechmarks.FORMATTERS}


@dataclass(frozen=True)
class SpeechRule:
    name: str
    pattern: re.Pattern[str]
    replacement: str = ""
    say: str = ""
    stage: str = "after-lexicon"
    description: str = ""

    def render(self, match: re.Match[str]) -> str:
        if self.say:
            return FORMATTERS[self.say](match)
        return match.expand(self.replacement)


# --- loading and applying rules -------------------------------------------------------------------


def parse_speech_rules(text: str, origin: str) -> list[SpeechRule]:
    data = read_toml(text, "speech rules", origin, verb="are")
    rules = []
    for index, item in enumerate(data.get("rule", []), 1):
        where = f"speech rule {index} in {origin}"
        try:
            name, pattern = str(item["name"]), re.compile(item["pattern"])
        except KeyError as exc:
            raise BadInput(f"{where} is missing {exc.args[0]!r}") from None
        except (re.error, TypeError) as exc:
            raise BadInput(f"{where} has a bad pattern: {exc}") from None
        say, stage = str(item.get("say", "")), str(item.get("stage", "after-lexicon"))
        if say and say not in FORMATTERS:
            raise BadInput(f"{where}: unknown formatter say = {say!r} (known: {', '.join(FORMATTERS)})")
        if stage not in STAGES:
            raise BadInput(f"{where}: stage must be one of {', '.join(STAGES)}")
        replacement = str(item.get("replace", ""))
        rules.append(SpeechRule(name, pattern, replacement, say, stage, str(item.get("description", ""))))
    return rules


_default_rules: tuple[SpeechRule, ...] | None = None


def default_rules() -> tuple[SpeechRule, ...]:
    global _default_rules
    if _default_rules is None:
        _default_rules = tuple(parse_speech_rules(SPEECH_RULES.read_text(encoding="utf-8"), str(SPEECH_RULES)))
    return _default_rules


def apply_rules(text: str, rules: Sequence[SpeechRule]) -> tuple[str, tuple[SpeechChange, ...]]:
    """Apply each rule in turn over the whole text, leaving [[...]] phoneme blocks untouched."""
    changes: list[SpeechChange] = []
    for rule in rules:
        blocks = [m.span() for m in PHONEME_BLOCK.finditer(text)]

        def replace(match: re.Match[str], rule: SpeechRule = rule, blocks=blocks) -> str:
            start, end = match.span()
            if any(s < end and start < e for s, e in blocks):  # overlaps a phoneme block
                return match.group(0)
            after = rule.render(match)
            if after != match.group(0):
                changes.append(SpeechChange(rule.name, match.group(0), after))
            return after

        text = rule.pattern.sub(replace, text)
    return text, tuple(changes)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",\s*([,.;:!?])", r"\1", text)  # ', .' left by a pause rule before punctuation
    return re.sub(r"^[,;:\s]+", "", text).strip()


def to_speech(
    text: str,
    lexicon: Lexicon | None = None,
    alphabet: str | None = "espeak",
    rules: Sequence[SpeechRule] | None = None,
) -> tuple[str, tuple[SpeechChange, ...]]:
    """The speech text for one piece of article text, and each change with the rule that made it.

    lexicon None means the default lexicon; pass Lexicon() for none.
    """
    rules = default_rules() if rules is None else rules
    lexicon = default_lexicon() if lexicon is None else lexicon
    text, changes = apply_rules(text, [r for r in rules if r.stage == "before-lexicon"])
    text, found = apply_lexicon(text, lexicon, alphabet)
    lexicon_changes = [SpeechChange(*change) for change in found]
    text, later = apply_rules(text, [r for r in rules if r.stage != "before-lexicon"])
    return _tidy(text), (*changes, *lexicon_changes, *later)


def build_script(
    article: Article,
    rules: Sequence[SpeechRule] | None = None,
    lexicon: Lexicon | None = None,
    alphabet: str | None = "espeak",
) -> Script:
    """Speech text for the headline and each paragraph. BadInput for a segment no narration can carry."""
    segments = []
    for kind, source in [("title", article.title), *(("paragraph", p) for p in article.paragraphs)]:
        words = len(source.split())
        if words > MAX_SEGMENT_WORDS:
            raise BadInput(
                f"a {kind} has {words} words; the longest narrated is {MAX_SEGMENT_WORDS} (is it one run-on line?)"
            )
        speech, changes = to_speech(source, lexicon, alphabet, rules)
        if not any(ch.isalnum() for ch in PHONEME_BLOCK.sub("x", speech)):
            raise BadInput(f"nothing sayable is left of the {kind} {source[:60]!r}")
        segments.append(ScriptSegment(kind, source, speech, changes))
    return Script(tuple(segments))


def script_to_dict(script: Script) -> dict:
    """JSON-ready script: each segment's source, speech text and changes with their rules."""
    return {
        "segments": [
            {
                "kind": s.kind,
                "source": s.source,
                "speech": s.speech,
                "changes": [{"rule": c.rule, "before": c.before, "after": c.after} for c in s.changes],
            }
            for s in script.segments
        ]
    }
