"""Reading a batch's INPUT into jobs: a folder of pages, a JSONL file or a file of URLs.

INPUT that cannot be used at all is BadInput; a single bad article (unreadable file, broken JSONL line,
duplicate id, a line that is no URL) becomes a Job with an error, recorded as failed, never run.
Ids are article_id slugs, so no id can name a folder outside OUT.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Protocol
from urllib.parse import urlparse

from tts_pipeline.errors import BadInput
from tts_pipeline.pipeline.narrator import article_id
from tts_pipeline.stages.fetch import is_url
from tts_pipeline.stages.source import MAX_INPUT_BYTES, decode_text

JSONL_SUFFIXES = (".jsonl", ".ndjson")
META_KEYS = ("byline", "date", "site")
SAMPLE_BYTES = 1 << 20  # enough to tell a JSONL file from a URL list, and text from binary


@dataclass(frozen=True)
class Job:
    """One article to narrate. error: known bad before any work (broken line, duplicate id): recorded, not run."""

    id: str
    source: str  # for people: the file, the URL, or "INPUT line N"
    text: str | None = None  # the page, when INPUT carried it
    location: str | None = None  # else a path or URL the worker reads
    kind: str = "auto"
    url: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    source_hash: str | None = None  # known before work for files and JSONL text; URLs are hashed after fetching
    error: str | None = None
    skip_if_hash: str | None = None  # a URL whose page still hashes to this is unchanged: nothing to do


def sha(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


class IdSet(Protocol):
    def __contains__(self, ident: object) -> bool: ...

    def add(self, ident: str) -> None: ...


@dataclass(frozen=True)
class BatchInput:
    """A usable INPUT, checked by open_input; its jobs are read as iterated, never held all at once."""

    location: Path
    kind: str  # folder | jsonl | urls

    def jobs(self, seen: IdSet | None = None) -> Iterator[Job]:
        """The articles, in order. `seen` holds the ids handed out so far (a batch passes one kept on disk)."""
        seen = set() if seen is None else seen
        if self.kind == "folder":
            return _unique(_folder_jobs(_folder_entries(self.location)), seen)
        if self.kind == "jsonl":
            return _unique(_jsonl_jobs(_file_lines(self.location), self.location.name), seen)
        return _unique(_url_jobs(_file_lines(self.location), self.location.name), seen, derived=True)

    def count(self) -> int:
        """About how many articles (files, or non-blank lines), counted without parsing: a progress bar's total."""
        if self.kind == "folder":
            return sum(1 for p in _folder_entries(self.location) if not p.is_dir())
        with self.location.open("rb") as handle:
            return sum(line is None or bool(line.strip()) for line in _capped_lines(handle))


def open_input(location: Path) -> BatchInput:
    """INPUT checked before any work: BadInput when it is unusable as a whole (bad articles become error jobs).

    A JSONL file or a URL list is read line by line: the 20 MB cap of a page holds per line (one article),
    not for the whole archive."""
    if location.is_dir():
        if not _folder_entries(location):
            raise BadInput(f"batch input folder {location} has no files")
        return BatchInput(location, "folder")
    if not location.is_file():
        raise BadInput(f"batch input not found: {location}")
    try:
        with location.open("rb") as handle:
            sample = decode_text(handle.read(SAMPLE_BYTES), str(location)).splitlines()  # empty, binary: BadInput
    except OSError as exc:
        raise BadInput(f"cannot read {location}: {exc.strerror or exc}") from None
    first = next((line.strip() for line in sample if line.strip()), "")
    if location.suffix.lower() in JSONL_SUFFIXES or first.startswith("{"):
        return BatchInput(location, "jsonl")
    if not any(is_url(line.strip()) for line in sample):
        raise BadInput(f"{location} is neither a folder of pages, a JSONL file nor a list of URLs")
    return BatchInput(location, "urls")


def read_jobs(location: Path) -> list[Job]:
    """Every article of INPUT as a list; for small inputs and tests (a batch streams BatchInput.jobs)."""
    return list(open_input(location).jobs())


def _folder_entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def _file_lines(location: Path) -> Iterator[tuple[int, str | None, str]]:
    try:
        with location.open("rb") as handle:
            yield from _lines(handle)
    except OSError as exc:
        raise BadInput(f"cannot read {location}: {exc.strerror or exc}") from None


def _lines(handle: BinaryIO) -> Iterator[tuple[int, str | None, str]]:
    """(number, text, problem) per line of a UTF-8 file (JSON Lines are UTF-8), split at newlines only: a
    JSON string may hold U+2028, which str.splitlines() would cut. text is None when the line is unusable."""
    for number, raw in enumerate(_capped_lines(handle), 1):
        if raw is None:
            yield number, None, f"longer than {MAX_INPUT_BYTES // (1024 * 1024)} MB"
            continue
        try:
            yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n"), ""
        except UnicodeDecodeError:
            yield number, None, "not UTF-8 text"


def _capped_lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """The file's lines as bytes, None for a line over MAX_INPUT_BYTES (read past, never held whole)."""
    while True:
        line = handle.readline(MAX_INPUT_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_INPUT_BYTES and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _folder_jobs(entries: list[Path]) -> Iterator[Job]:
    for path in entries:
        if path.is_dir():
            continue
        ident = article_id(path.stem, "")
        try:
            with path.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError as exc:
            yield Job(ident, str(path), error=f"cannot read {path.name}: {exc.strerror or exc}")
            continue
        yield Job(ident, str(path), location=str(path), source_hash=digest)


def _jsonl_jobs(lines: Iterator[tuple[int, str | None, str]], label: str) -> Iterator[Job]:
    for number, line, problem in lines:
        where = f"{label} line {number}"
        fallback = f"@line{number}"  # '@' never appears in an article id, so this names no folder
        if line is None:
            yield Job(fallback, where, error=f"line {number}: {problem}")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield Job(fallback, where, error=f"line {number}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield Job(fallback, where, error=f"line {number}: not a JSON object")
            continue
        url = record.get("url") if isinstance(record.get("url"), str) else None
        given = record.get("id")
        name = str(given) if isinstance(given, str | int) and str(given).strip() else ""
        if not name:
            name = _url_name(url) if url else str(record.get("title") or f"line-{number}")
        ident = article_id(name, "")
        metadata = {k: str(record[k]) for k in META_KEYS if record.get(k)}
        metadata |= {"byline": str(record["author"])} if record.get("author") and "byline" not in metadata else {}
        if url:
            metadata["url"] = url
        text, kind = record.get("text"), "text"
        if record.get("html"):
            text, kind = record.get("html"), "html"
        if text is not None and not isinstance(text, str):
            yield Job(ident, where, error=f"line {number}: text/html is not a string")
        elif text and text.strip():
            title = record.get("title")
            if kind == "text" and isinstance(title, str) and title.strip() and not text.lstrip().startswith(title):
                text = f"{title.strip()}\n\n{text}"  # a CMS export keeps the headline apart from the body
            yield Job(
                ident,
                where,
                text=text,
                kind=kind,
                url=url,
                metadata=metadata,
                source_hash=sha(text, json.dumps(metadata, sort_keys=True)),
            )
        elif url and is_url(url):
            yield Job(ident, url, location=url, url=url, metadata=metadata)
        else:
            yield Job(ident, where, error=f"line {number}: no text, html or http(s) url")


def _url_name(url: str) -> str:
    parsed = urlparse(url)
    last = parsed.path.rstrip("/").rsplit("/", 1)[-1]
    return Path(last).stem or parsed.netloc


def _url_jobs(lines: Iterator[tuple[int, str | None, str]], label: str) -> Iterator[Job]:
    for number, line, problem in lines:
        if line is None:
            yield Job(f"@line{number}", f"{label} line {number}", error=f"line {number}: {problem}")
            continue
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if not is_url(url):
            yield Job(f"@line{number}", f"{label} line {number}", error=f"line {number}: not an http(s) URL")
            continue
        yield Job(article_id(_url_name(url), ""), url, location=url, url=url)


def _unique(jobs: Iterator[Job], seen: IdSet, derived: bool = False) -> Iterator[Job]:
    """Ids must be unique: a repeated given id is an error; a repeated id we derived (from a URL) gets -2, -3."""
    for number, job in enumerate(jobs, 1):
        ident = job.id
        if ident in seen and derived and not job.error:
            ident = next(f"{job.id}-{n}" for n in range(2, 10**6) if f"{job.id}-{n}" not in seen)
        elif ident in seen:
            ident = f"{job.id}@{number}"
            job = replace(job, error=job.error or f"duplicate id {job.id!r} ({job.source})")
        seen.add(ident)
        yield replace(job, id=ident)
