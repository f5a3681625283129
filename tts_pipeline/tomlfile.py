"""One reader for the TOML data files (voices, lexicons, clean and speech rules), so they fail alike.

Every problem is a BadInput with a one-line message naming the kind of file and the file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from tts_pipeline.errors import BadInput


def _one_line(exc: Exception) -> str:
    # The CLI prints a BadInput as one line on stderr.
    return " ".join(str(exc).split())


def read_toml(source: Path | str, what: str, origin: str | None = None, *, verb: str = "is") -> dict[str, Any]:
    """The top-level table of a TOML file (a Path) or of TOML text (a str).

    what names the kind of file in messages ("voice file", "lexicon"); origin names the file (default:
    the path); verb agrees with what ("speech rules ... are not valid TOML").
    """
    if isinstance(source, Path):
        origin = origin or str(source)
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BadInput(f"cannot read {what} {source}: {_one_line(exc)}") from None
    else:
        text = source
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"{what} {origin or '<text>'} {verb} not valid TOML: {_one_line(exc)}") from None


def check_keys(
    table: Mapping[str, object], known: Iterable[str], where: str, *, label: str = "keys", hint: str = ""
) -> None:
    """BadInput "<where> has unknown keys: a, b" when table has keys outside known (a typo would be ignored)."""
    unknown = set(table) - set(known)
    if unknown:
        raise BadInput(f"{where} has unknown {label}: {', '.join(sorted(unknown))}{hint}")
