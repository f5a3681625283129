"""Marks, ratings and a recipe's measures said as a reader says them: stars ('★★★★☆' -> 'four stars out of
five'), a mark out of ten ('7/10' -> 'seven out of ten'), a rate ('£5/mo' -> 'per month'), a table's up and
down arrows, '1½ tsp' ('one and a half teaspoons'). Formatters named by `say = "..."` in rules/speech.toml,
beside speechwords.py's."""

from __future__ import annotations

import re
from collections.abc import Callable

from tts_pipeline.stages.speechwords import say_number

# '£5/mo' -> 'per month': the short forms a price or a rate is written with
PER_UNITS = {"mo": "month", "yr": "year", "wk": "week", "hr": "hour", "min": "minute", "kg": "kilo", "lb": "pound"}
PER_UNITS |= {"oz": "ounce", "liter": "litre", "sqft": "square foot", "sq ft": "square foot"}


def _score(m: re.Match[str]) -> str:
    """'7/10' -> 'seven out of ten'; a top over the bottom ('12/10') is left as written."""
    if float(m["top"]) > int(m["bottom"]):
        return m.group(0)
    return f"{say_number(m['top'])} out of {say_number(m['bottom'])}"


def _stars(m: re.Match[str]) -> str:
    """'★★★★☆' -> 'four stars out of five', '★★★★½' -> 'four and a half stars', '☆☆☆☆☆' -> 'no stars out of
    five'; '5*' -> '5-star' (the number rule says it)."""
    if m["digit"]:
        return f"{m['digit']}-star"
    full = sum(ch not in " ☆✩" for ch in m["full"] or "")
    out_of = sum(ch not in " " for ch in m.group(0))
    said = f"{say_number(str(full))} and a half" if m["half"] else say_number(str(full)) if full else "no"
    noun = "star" if full == 1 and not m["half"] else "stars"
    empty = m["empty"] or m["none"]
    return f" {said} {noun} out of {say_number(str(out_of))} " if empty else f" {said} {noun} "


PARTS = {"½": "a half", "¼": "a quarter", "¾": "three quarters"}


def _spoon(m: re.Match[str]) -> str:
    """'½ tsp' -> 'teaspoon'; after 'one and a half' (the mixed-fraction rule's words) 'teaspoons'."""
    spoon = {"tsp": "teaspoon", "tbsp": "tablespoon"}[m["spoon"]]
    return (
        spoon + "s"
        if m.string[: m.start()].rstrip().endswith(tuple(f"and {part}" for part in PARTS.values()))
        else spoon
    )


FORMATTERS: dict[str, Callable[[re.Match[str]], str]] = {
    "mixed-fraction": lambda m: f"{say_number(m['whole'])} and {PARTS[m['frac']]}",
    "spoon": _spoon,
    "stars": _stars,
    "score": _score,
    "per": lambda m: f" per {PER_UNITS.get(m['unit'], m['unit'])}",
    "up-down": lambda m: f"{m.lastgroup} ",
}
