"""E-mail and web addresses, hashtags and handles, and phone numbers said as a reader says them: 'press at
example dot com', 'B.B.C. dot co dot U.K. slash news', 'hashtag Me Too', phone digits one by one in their
groups ('oh eight oh oh, one two three'). Formatters named by `say = "..."` in rules/speech.toml, beside
speechwords.py's."""

from __future__ import annotations

import re
from collections.abc import Callable

from tts_pipeline.stages.lexicon import say_code_number, say_digits, spell_letters
from tts_pipeline.stages.speechwords import said_as_word

SEPARATORS = {".": "dot", "@": "at", "/": "slash", "-": "dash", "_": "underscore", ":": "colon", "?": "question mark"}
SEPARATORS |= {"=": "equals", "&": "and", "#": "hash", "~": "tilde", "+": "plus", "%": "percent"}
# Parts of addresses said as words though their shape says letters ('co' in co.uk) or that no reader spells.
ADDRESS_WORDS = {"com", "co", "org", "net", "gov", "edu", "info", "news", "mail", "gmail", "app", "blog", "web"}
_PIECES = re.compile(r"[A-Za-z]+|\d+|[^A-Za-z\d]")
_SCHEME = re.compile(r"^https?://", re.IGNORECASE)


def _looks_like_word(piece: str) -> bool:
    return len(piece) >= 4 and any(ch in "aeiouy" for ch in piece)


def _say_piece(piece: str) -> str:
    if piece.isdigit():
        return say_digits(piece)
    if piece.isalpha():  # a word unless it is short or has no vowel (bbc, rte, uk); capitals by their shape
        lower = piece.lower()
        if lower in ADDRESS_WORDS or (said_as_word(piece) if piece.isupper() else _looks_like_word(lower)):
            return lower
        return spell_letters(piece)
    return SEPARATORS.get(piece, "")


def say_address(text: str) -> str:
    """An e-mail or web address, piece by piece; the scheme (https://) is not said, as readers leave it out."""
    spoken = (_say_piece(piece) for piece in _PIECES.findall(_SCHEME.sub("", text)))
    return " ".join(word for word in spoken if word)


_NAME_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def _hashtag(m: re.Match[str]) -> str:
    """'#MeToo' -> 'hashtag Me Too', '@BBCBreaking' -> 'at B.B.C. Breaking', '#COP28' -> 'hashtag Cop twenty-eight'."""
    words = []
    for word in _NAME_WORDS.findall(m["name"]):
        if word.isdigit():
            words.append(say_code_number(word))
        elif word.isupper() and len(word) > 1 and not said_as_word(word):
            words.append(spell_letters(word))
        else:
            words.append(word if not word.isupper() or len(word) == 1 else word.capitalize())
    return ("hashtag " if m["mark"] == "#" else "at ") + " ".join(words)


def _phone(m: re.Match[str]) -> str:
    number = m.group(0)
    groups = [say_digits(group) for group in re.findall(r"\d+", number)]
    return ("plus " if number.startswith("+") else "") + ", ".join(groups)


FORMATTERS: dict[str, Callable[[re.Match[str]], str]] = {
    "address": lambda m: say_address(m.group(0)),
    "phone": _phone,
    "hashtag": _hashtag,
}
