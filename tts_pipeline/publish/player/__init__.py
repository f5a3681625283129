"""What we publish for listeners: the read-along player beside every narration, and a site index.

- OUT/<id>/readalong.json, player.html, embed.html (write_article_pages, once the narration is verified)
- OUT/_player/player.js, player.css: one copy per OUT (write_assets), MIT, no third-party requests
- OUT/index.html: the audio edition of a batch (write_index)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

from tts_pipeline.article import Article, Verification, Word
from tts_pipeline.files import write_atomically
from tts_pipeline.publish.player.pages import (
    ASSETS_DIR_NAME,
    IndexEntry,
    PageArticle,
    embed_snippet,
    index_page,
    player_page,
)
from tts_pipeline.publish.player.readalong import FILE_NAME as READALONG_NAME
from tts_pipeline.publish.player.readalong import build_readalong
from tts_pipeline.publish.reportfile import ReportFile, find_reports

__all__ = [
    "ASSETS",
    "EMBED_PAGE",
    "PLAYER_PAGE",
    "READALONG_NAME",
    "index_html",
    "write_article_pages",
    "write_assets",
    "write_draft_page",
    "write_index",
]

ASSETS = ("player.js", "player.css")
PLAYER_PAGE, EMBED_PAGE, INDEX_PAGE = "player.html", "embed.html", "index.html"


def write_assets(out: Path) -> Path:
    """OUT/_player/: the player's script and style, rewritten only when they differ from this version's."""
    folder = out / ASSETS_DIR_NAME
    folder.mkdir(exist_ok=True)
    for name in ASSETS:
        data = files(__package__).joinpath("assets", name).read_bytes()
        target = folder / name
        if not target.is_file() or target.read_bytes() != data:
            write_atomically(target, data)
    return folder


def _page_article(ident: str, article: Article, verdict: str | None = None, faults: Sequence[dict] = ()) -> PageArticle:
    return PageArticle(ident, article.title, article.paragraphs, article.metadata, verdict, faults)


def write_article_pages(
    folder: Path,
    ident: str,
    article: Article,
    verification: Verification,
    words: Sequence[Word],
    audio_seconds: float,
    base_url: str | None = None,
) -> dict:
    """readalong.json, player.html and embed.html for a verified narration in folder; returns the read-along."""
    data = build_readalong(ident, article, verification, words, audio_seconds)
    # Atomic even in the staging folder: the preview serves it from there as soon as it exists.
    write_atomically(folder / READALONG_NAME, json.dumps(data, ensure_ascii=False) + "\n")
    page = _page_article(ident, article, verification.verdict, data["faults"])
    (folder / PLAYER_PAGE).write_text(player_page(page, data), encoding="utf-8")
    (folder / EMBED_PAGE).write_text(embed_snippet(ident, base_url), encoding="utf-8")
    return data


def write_draft_page(folder: Path, ident: str, article: Article) -> Path:
    """A playable player.html before verification ends (the editor preview): it fetches readalong.json when
    that appears and then shows the highlights and the trust mark."""
    path = folder / PLAYER_PAGE
    write_atomically(path, player_page(_page_article(ident, article), None, has_captions=False))
    return path


def index_html(
    out: Path, title: str | None = None, feed: str | None = "feed.xml", reports: Sequence[ReportFile] | None = None
) -> str:
    """The site index: the passed narrations (`reports`, else every one in OUT) with their players, newest
    first (date, then time narrated)."""
    reports = [
        r for r in (find_reports(out, strict=False) if reports is None else reports) if r.data["verdict"] == "pass"
    ]
    reports.sort(key=lambda r: ((r.data["metadata"] or {}).get("date") or "", r.mtime), reverse=True)
    entries = [
        IndexEntry(r.data["id"], r.data["title"], r.data["audio_seconds"], r.data["metadata"] or {}) for r in reports
    ]
    sites = sorted({e.metadata["site"] for e in entries if e.metadata.get("site")})
    name = title or (sites[0] if len(sites) == 1 else "Narrated articles")
    return index_page(entries, name, feed if feed and (out / feed).is_file() else None)


def write_index(
    out: Path, title: str | None = None, feed: str | None = "feed.xml", reports: Sequence[ReportFile] | None = None
) -> Path:
    """OUT/index.html (index_html), the audio edition of a batch."""
    return write_atomically(out / INDEX_PAGE, index_html(out, title, feed, reports))
