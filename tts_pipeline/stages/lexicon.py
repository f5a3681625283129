"""Publisher lexicons: how to say particular words, as data a publisher can read and edit.

A lexicon is a TOML file of ``[[entry]]`` tables, each with a ``match`` (a word or phrase, or a list
of them, matched as whole words; case-sensitive unless ``ignore_case = true``) and a ``kind``:

- ``substitute``: say ``say`` instead (an alias in ordinary spelling: "Kyiv" -> "Keev").
- ``letters``: spell it out letter by letter ("BBC" -> "B B C").
- ``word``: read it as a word, not letters ("NATO" -> "Nato").
- ``phonemes``: ``espeak = "..."`` (espeak-ng phoneme mnemonics, used by espeak voices) and/or
  ``ipa = "..."`` (IPA, used by Piper voices); both are sent to the engine inside ``[[...]]``.
  A voice whose alphabet the entry lacks falls back to ``say`` when given, else leaves the word.

Entries from earlier files win: the publisher's ``--lexicon`` files, then the voice's own, then the
default lexicon shipped in tts_pipeline/lexicons/default.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from num2words import num2words

from tts_pipeline.errors import BadInput
from tts_pipeline.tomlfile import check_keys, read_toml

KINDS = ("substitute", "letters", "word", "phonemes")
ALPHABETS = ("espeak", "ipa")
DEFAULT_LEXICON = Path(__file__).resolve().parents[1] / "lexicons" / "default.toml"
# Phoneme strings go to the engine verbatim inside [[...]]: refuse what would end the block early.
_BAD_PHONEME_CHARS = re.compile(r"[\[\]\n\r\t]")


@dataclass(frozen=True)
class LexiconEntry:
    match: str
    kind: str
    say: str = ""
    espeak: str = ""
    ipa: str = ""
    ignore_case: bool = False
    source: str = "default"

    @property
    def rule_name(self) -> str:
        return f"lexicon:{self.source}:{self.kind}"

    def speech(self, text: str, alphabet: str | None) -> str | None:
        """What to send the engine for `text` (the matched words), or None to leave it as it is."""
        if self.kind == "substitute":
            return self.say
        if self.kind == "letters":
            return spell_letters(text)
        if self.kind == "word":
            return self.say or text.capitalize()
        phonemes = {"espeak": self.espeak, "ipa": self.ipa}.get(alphabet or "", "")
        if phonemes:
            return f"[[{phonemes}]]"
        return self.say or None


def spell_letters(text: str, final_dot: bool = True) -> str:
    """'BBC' -> 'B.B.C.', 'usa' -> 'U.S.A.'; a code with digits: 'G7' -> 'G seven', 'BA123' -> 'B.A one
    twenty-three', 'A380' -> 'A. three eighty' (its letters, then its number as such codes are read).

    Dotted capitals are what espeak-ng (and Piper's espeak phonemiser) read as letter names, and what
    Whisper writes back as the acronym: spaced letters ('U S A') are read as words ('a' as the article).
    """
    if any(ch.isdigit() for ch in text):
        return " ".join(_code_part(part) for part in re.findall(r"[A-Za-z]+|\d+", text))
    out = "".join(ch.upper() + "." for ch in text if ch.isalpha())
    return out if final_dot else out.rstrip(".")


def _code_part(part: str) -> str:
    if part.isalpha():  # one letter stays bare (G, M) but A and I, which would be read as words
        return part.upper() + "." if part.upper() in ("A", "I") else ".".join(part.upper())
    return say_code_number(part)


def say_code_number(digits: str) -> str:
    """The number in a code: '7' -> 'seven', '25' -> 'twenty-five', '380' -> 'three eighty', '202' -> 'two oh
    two', '300' -> 'three hundred', '2024' -> 'twenty twenty-four', '4090' and longer -> digit by digit."""
    if len(digits) <= 2 and not (len(digits) == 2 and digits[0] == "0"):
        return num2words(int(digits))
    if len(digits) == 3 and digits[0] != "0":
        head, tail = num2words(int(digits[0])), digits[1:]
        if tail == "00":
            return f"{head} hundred"
        return f"{head} oh {num2words(int(tail[1]))}" if tail[0] == "0" else f"{head} {num2words(int(tail))}"
    if re.fullmatch(r"19\d\d|20\d\d", digits):  # '#Euro2024': a year
        return num2words(int(digits), to="year")
    return say_digits(digits)


def say_digits(digits: str) -> str:
    """'0800' -> 'oh eight oh oh': each digit, as phone numbers, codes and postcodes are read."""
    return " ".join("oh" if d == "0" else num2words(int(d)) for d in digits)


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[LexiconEntry, ...] = ()

    def __add__(self, other: Lexicon) -> Lexicon:
        return Lexicon(self.entries + other.entries)

    def words(self, kind: str) -> set[str]:
        return {e.match for e in self.entries if e.kind == kind}

    def pattern(self) -> re.Pattern[str] | None:
        """One alternation over every entry, longest first so 'Le Monde' beats 'Le'."""
        if not self.entries:
            return None
        alternatives = sorted({e.match for e in self.entries}, key=len, reverse=True)
        body = "|".join(re.escape(a) for a in alternatives)
        return re.compile(rf"(?<![\w\[])(?:{body})(?![\w\]])", re.IGNORECASE)

    def lookup(self, text: str) -> LexiconEntry | None:
        """The first entry (earliest file wins) matching `text` exactly, or ignoring case when it allows."""
        for entry in self.entries:
            if entry.match == text or (entry.ignore_case and entry.match.lower() == text.lower()):
                return entry
        return None


def _entry(data: object, origin: str, source: str, index: int) -> list[LexiconEntry]:
    where = f"lexicon {origin}, entry {index}"
    if not isinstance(data, dict):
        raise BadInput(f"{where} is not a table")
    check_keys(data, ("match", "kind", "say", "espeak", "ipa", "ignore_case", "note"), where)
    matches = data.get("match")
    if isinstance(matches, str):
        matches = [matches]
    if not matches or not all(isinstance(m, str) and m.strip() for m in matches):
        raise BadInput(f"{where} needs 'match': a word or a list of words")
    kind = data.get("kind")
    if kind not in KINDS:
        raise BadInput(f"{where} has kind {kind!r}; use one of {', '.join(KINDS)}")
    values = {key: data.get(key, "") for key in ("say", "espeak", "ipa")}
    if not all(isinstance(v, str) for v in values.values()):
        raise BadInput(f"{where}: say, espeak and ipa must be strings")
    if kind == "substitute" and not values["say"].strip():
        raise BadInput(f"{where}: a substitute entry needs 'say'")
    if kind == "phonemes" and not (values["espeak"] or values["ipa"]):
        raise BadInput(f"{where}: a phonemes entry needs 'espeak' and/or 'ipa'")
    for key in ("espeak", "ipa"):
        if _BAD_PHONEME_CHARS.search(values[key]):
            raise BadInput(f"{where}: {key} phonemes may not contain brackets or line breaks")
    ignore_case = data.get("ignore_case", False)
    if not isinstance(ignore_case, bool):
        raise BadInput(f"{where}: ignore_case must be true or false")
    return [LexiconEntry(m.strip(), kind, **values, ignore_case=ignore_case, source=source) for m in matches]


def parse_lexicon(text: str, origin: str, source: str | None = None) -> Lexicon:
    return _lexicon(read_toml(text, "lexicon", origin), origin, source)


def _lexicon(data: dict, origin: str, source: str | None) -> Lexicon:
    where = f"lexicon {origin}"
    check_keys(data, ("entry", "name", "description"), where, label="top-level keys", hint=" (use [[entry]])")
    raw = data.get("entry", [])
    if not isinstance(raw, list):
        raise BadInput(f"lexicon {origin}: 'entry' must be an array of tables ([[entry]])")
    source = source or str(data.get("name") or Path(origin).stem)
    entries = [e for index, item in enumerate(raw, 1) for e in _entry(item, origin, source, index)]
    return Lexicon(tuple(entries))


def load_lexicon_file(path: Path, source: str | None = None) -> Lexicon:
    return _lexicon(read_toml(Path(path), "lexicon"), str(path), source)


def load_lexicons(files: Iterable[Path] = (), include_default: bool = True) -> Lexicon:
    """The given files in order (earlier wins), then the default lexicon."""
    lexicon = Lexicon()
    for path in files:
        lexicon += load_lexicon_file(Path(path))
    if include_default:
        lexicon += default_lexicon()
    return lexicon


_default: Lexicon | None = None


def default_lexicon() -> Lexicon:
    global _default
    if _default is None:
        _default = load_lexicon_file(DEFAULT_LEXICON, "default")
    return _default


def apply_lexicon(text: str, lexicon: Lexicon, alphabet: str | None) -> tuple[str, list[tuple[str, str, str]]]:
    """Replace lexicon words in text; return the new text and (rule, before, after) for each change."""
    pattern = lexicon.pattern()
    if pattern is None:
        return text, []
    changes: list[tuple[str, str, str]] = []

    def replace(match: re.Match[str]) -> str:
        before = match.group(0)
        entry = lexicon.lookup(before)
        after = entry.speech(before, alphabet) if entry else None
        if entry is None or after is None or after == before:
            return before
        changes.append((entry.rule_name, before, after))
        return after

    return pattern.sub(replace, text), changes
