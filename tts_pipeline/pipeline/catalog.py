"""The batch catalog: OUT/catalog.sqlite, one row per article (stdlib sqlite3, WAL journal).

A row is written only after the article's folder is in place, so a row marked done always has its files.
The batch decides from it what a re-run may skip: same source hash, same settings hash, done and passed.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path

CATALOG_NAME = "catalog.sqlite"
DONE, FAILED, ERROR = "done", "failed", "error"  # failed: narrated but not verified; error: not narrated

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    source_hash TEXT,
    settings_hash TEXT NOT NULL,
    status TEXT NOT NULL,
    verdict TEXT,
    wer REAL,
    audio_seconds REAL,
    title TEXT,
    audio_path TEXT,
    report_path TEXT,
    error TEXT,
    started_at REAL,
    finished_at REAL NOT NULL
)
"""


@dataclass(frozen=True)
class Row:
    id: str
    source: str  # where the article came from: a file, a URL, or "INPUT line N"
    source_hash: str | None  # sha256 of the page text; None when it could not be read
    settings_hash: str
    status: str  # done | failed | error
    verdict: str | None = None
    wer: float | None = None
    audio_seconds: float | None = None
    title: str | None = None
    audio_path: str | None = None  # relative to OUT
    report_path: str | None = None
    error: str | None = None  # one line
    started_at: float | None = None
    finished_at: float = 0.0

    @property
    def passed(self) -> bool:
        return self.status == DONE and self.verdict == "pass"


_COLUMNS = [f.name for f in fields(Row)]


class SeenIds:
    """A set of strings in a TEMP table: membership tests for a stream of 100,000 ids at flat memory."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS seen_ids (id TEXT PRIMARY KEY)")
        db.execute("DELETE FROM temp.seen_ids")

    def __contains__(self, ident: object) -> bool:
        return self._db.execute("SELECT 1 FROM temp.seen_ids WHERE id = ?", (ident,)).fetchone() is not None

    def add(self, ident: str) -> None:
        self._db.execute("INSERT OR IGNORE INTO temp.seen_ids (id) VALUES (?)", (ident,))


class Catalog:
    """OUT/catalog.sqlite. Only the batch's main process writes it (workers may be on other machines)."""

    def __init__(self, out: Path) -> None:
        self.path = out / CATALOG_NAME
        self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")  # a row that says done survives a power cut too
        self._db.execute(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, ident: str) -> Row | None:
        cursor = self._db.execute(f"SELECT {', '.join(_COLUMNS)} FROM articles WHERE id = ?", (ident,))
        found = cursor.fetchone()
        return Row(*found) if found else None

    def rows(self) -> Iterator[Row]:
        """Every row, by id, read as iterated (a catalog may hold 100,000 articles)."""
        cursor = self._db.execute(f"SELECT {', '.join(_COLUMNS)} FROM articles ORDER BY id")
        return (Row(*found) for found in cursor)

    def newest_passed(self, limit: int) -> list[Row]:
        """The `limit` most recently finished rows that passed, newest first (the feed, the site index)."""
        cursor = self._db.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM articles WHERE status = ? AND verdict = 'pass' "
            "ORDER BY finished_at DESC LIMIT ?",
            (DONE, limit),
        )
        return [Row(*found) for found in cursor]

    def id_set(self) -> SeenIds:
        """An empty set of ids kept in SQLite's temporary storage, not in Python memory (a batch's ids)."""
        return SeenIds(self._db)

    def put(self, row: Row) -> None:
        if not row.finished_at:
            row = Row(**{**asdict(row), "finished_at": time.time()})
        values = asdict(row)
        marks = ", ".join("?" for _ in _COLUMNS)
        self._db.execute(
            f"INSERT OR REPLACE INTO articles ({', '.join(_COLUMNS)}) VALUES ({marks})",
            [values[c] for c in _COLUMNS],
        )
