"""Read the user's input (a path or '-' for stdin) into text, refusing what is not text."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import BadInput

MAX_INPUT_BYTES = 20 * 1024 * 1024
# Share of control characters (other than whitespace) above which we call the data binary.
BINARY_CONTROL_SHARE = 0.05


def read_input(location: str) -> tuple[str, str]:
    """Return (text, name) for a path or '-' (stdin). name is the file stem, or '' for stdin."""
    if location == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        name, label = "", "standard input"
    else:
        path = Path(location)
        if not path.exists():
            raise BadInput(f"input file not found: {location}")
        if path.is_dir():
            raise BadInput(f"input is a directory, not a file: {location}")
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise BadInput(f"cannot read {location}: {exc.strerror or exc}") from None
        name, label = path.stem, location
    return decode_text(data, label), name


def decode_text(data: bytes, label: str) -> str:
    if len(data) > MAX_INPUT_BYTES:
        raise BadInput(f"{label} is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise BadInput(f"{label} is empty")
    if b"\x00" in data:
        raise BadInput(f"{label} is binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{label} is not valid UTF-8 text (bad byte at offset {exc.start})") from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > BINARY_CONTROL_SHARE * len(text):
        raise BadInput(f"{label} is binary data, not text")
    return text
