"""OUT/feed.xml: an RSS 2.0 podcast feed (feedgen + its podcast extension: iTunes tags) of every passed article.

Enclosure URLs are base_url + <id>/narration.mp3; base_url is where OUT is published (default: OUT as a
file:// URL, for a local podcast app). Written to a hidden temporary file and renamed into place.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from feedgen.feed import FeedGenerator

from tts_pipeline.files import write_atomically
from tts_pipeline.publish.reportfile import ReportFile

FEED_NAME = "feed.xml"
DEFAULT_TITLE = "Narrated articles"


def _published(date: str | None, fallback: float) -> datetime:
    if date:
        try:
            parsed = datetime.fromisoformat(date)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        except ValueError:
            pass
    return datetime.fromtimestamp(fallback, UTC)


def _duration(seconds: float | None) -> str:
    total = round(seconds or 0)
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"


def build_feed(
    out: Path,
    reports: list[ReportFile],
    base_url: str | None = None,
    title: str | None = None,
    author: str | None = None,
) -> FeedGenerator:
    """The feed of these narrations (passed, audio in place: publish.published_reports), oldest first."""
    base = (base_url or out.resolve().as_uri()).rstrip("/") + "/"
    feed = FeedGenerator()
    feed.load_extension("podcast")
    entries = [(r, r.data, r.data.get("metadata") or {}) for r in reports]
    sites = sorted({meta["site"] for _, _, meta in entries if meta.get("site")})
    name = title or (sites[0] if len(sites) == 1 else DEFAULT_TITLE)
    feed.title(name)
    feed.link(href=base, rel="alternate")
    feed.description(f"{name}: articles read aloud, each checked by speech recognition against the text.")
    feed.language("en")
    feed.podcast.itunes_author(author or name)
    feed.podcast.itunes_category("News")
    feed.podcast.itunes_explicit("no")
    feed.podcast.itunes_summary(f"{name}, narrated.")
    for found, report, meta in sorted(entries, key=lambda e: (e[2].get("date") or "", e[0].mtime)):
        entry = feed.add_entry()
        audio_path = found.folder / report["files"]["audio"]
        audio_url = base + audio_path.relative_to(out).as_posix()
        entry.id(meta.get("url") or audio_url)
        entry.guid(audio_url, permalink=False)
        entry.title(report.get("title") or report["id"])
        if meta.get("url"):
            entry.link(href=meta["url"])
        entry.description(report.get("title") or report["id"])
        entry.published(_published(meta.get("date"), found.mtime))
        entry.enclosure(audio_url, str(audio_path.stat().st_size), "audio/mpeg")
        entry.podcast.itunes_duration(_duration(report.get("audio_seconds")))
        if meta.get("byline"):
            entry.podcast.itunes_author(meta["byline"])
    return feed


def write_feed(
    out: Path,
    reports: list[ReportFile],
    base_url: str | None = None,
    title: str | None = None,
    author: str | None = None,
) -> Path:
    """Write OUT/feed.xml atomically; returns its path."""
    feed = build_feed(out, reports, base_url, title, author)
    write_atomically(out / FEED_NAME, feed.rss_str(pretty=True))
    return out / FEED_NAME
