"""Read the user's input (a path, '-' for stdin, or an http(s) URL) into text, refusing what is not text.

Whether the text is an HTML page or copied page text is detected here (``looks_like_html``), never
asked of the user; ``kind`` overrides the detection. Bytes that are not UTF-8 are decoded by the
charset the page declares, else by charset-normalizer's guess.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.fetch import fetch, is_url

MAX_INPUT_BYTES = 20 * 1024 * 1024
# Share of control characters (other than whitespace) above which we call the data binary.
BINARY_CONTROL_SHARE = 0.05
DETECT_SAMPLE_BYTES = 64 * 1024
# charset-normalizer cannot tell the Western single-byte code pages apart on short text; news in
# English is overwhelmingly cp1252, so among near-equal guesses we prefer it.
WESTERN = ("cp1252", "latin_1", "iso8859_15")
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"))
BOMS += ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
KINDS = ("auto", "html", "text")

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|article|div)\b", re.I | re.S)
_HTML_TAG = re.compile(r"</?(p|div|span|a|br|h[1-6]|article|section|li|ul|script|meta|link|body|head)\b[^>]*>", re.I)
HTML_MIN_TAGS = 5
_NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # control characters other than \t \n \v \f \r


@dataclass(frozen=True)
class Source:
    """One input, decoded. kind is "html" or "text"; url is where it was fetched from (after redirects)."""

    text: str
    name: str  # the file stem; '' for stdin and URLs (the article id then comes from the headline)
    kind: str
    url: str | None = None


def read_source(location: str, kind: str = "auto") -> Source:
    """Read a path, '-' (stdin) or an http(s) URL. kind: "auto" (detect), "html" or "text"."""
    if kind not in KINDS:
        raise BadInput(f"unknown input kind {kind!r} (expected one of {', '.join(KINDS)})")
    url = None
    charset = None
    if is_url(location):
        fetched = fetch(location, max_bytes=MAX_INPUT_BYTES)
        data, name, label, url, charset = fetched.data, "", location, fetched.url, fetched.charset
    elif location == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        name, label = "", "standard input"
    else:
        data, name, label = _read_file(location), Path(location).stem, location
    text = decode_text(data, label, charset)
    if kind == "auto":
        kind = "html" if looks_like_html(text) else "text"
    return Source(text, name, kind, url)


def read_input(location: str) -> tuple[str, str]:
    """Return (text, name) for a path, '-' (stdin) or URL. name is the file stem, or '' for stdin/URLs."""
    source = read_source(location)
    return source.text, source.name


def _read_file(location: str) -> bytes:
    path = Path(location)
    if not path.exists():
        raise BadInput(f"input file not found: {location}")
    if path.is_dir():
        raise BadInput(f"input is a directory, not a file: {location}")
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise BadInput(f"cannot read {location}: {exc.strerror or exc}") from None


def looks_like_html(text: str) -> bool:
    """An HTML document starts with a tag like <!doctype html>/<html>, or carries several HTML tags."""
    if _HTML_START.match(text[:4096]):
        return True
    return len(_HTML_TAG.findall(text[:DETECT_SAMPLE_BYTES], 0)) >= HTML_MIN_TAGS


def decode_text(data: bytes, label: str, charset: str | None = None) -> str:
    """Decode bytes as text: a BOM, then UTF-8, then the declared charset, then a detected one."""
    if len(data) > MAX_INPUT_BYTES:
        raise BadInput(f"{label} is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    if not data or data.isspace():
        raise BadInput(f"{label} is empty")
    text = _decode_bom(data)
    if text is None:
        if b"\x00" in data:
            raise BadInput(f"{label} is binary data, not text")
        text = _decode_guess(data, label, charset)
    if not text or text.isspace():
        raise BadInput(f"{label} is empty")
    sample = text[:DETECT_SAMPLE_BYTES]  # binary data shows at once; no need to scan 20 MB
    if len(_CONTROL.findall(sample)) > BINARY_CONTROL_SHARE * len(sample):
        raise BadInput(f"{label} is binary data, not text")
    return text


def _decode_bom(data: bytes) -> str | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_guess(data: bytes, label: str, charset: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:DETECT_SAMPLE_BYTES].decode("utf-8", errors="replace")
    if len(_NON_ASCII.findall(sample)) > 2 * sample.count("\ufffd"):
        return data.decode("utf-8", errors="replace")  # UTF-8 with a few damaged bytes, not another charset
    declared = [charset] if charset else []
    meta = _META_CHARSET.search(data[:DETECT_SAMPLE_BYTES])
    if meta:
        declared.append(meta.group(1).decode("ascii"))
    for encoding in declared:
        try:
            if codecs.lookup(encoding).name != "utf-8":
                return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    guess = _guess_encoding(data[:DETECT_SAMPLE_BYTES])
    if guess is None:
        raise BadInput(f"{label} is not text in any encoding we recognise (not UTF-8, no charset found)")
    return data.decode(guess, errors="replace")


def _guess_encoding(sample: bytes) -> str | None:
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.encoding in WESTERN and match.chaos <= best.chaos + 0.05:
            return match.encoding
    return best.encoding
