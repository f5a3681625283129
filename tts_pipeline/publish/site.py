"""The batch's last step: what OUT publishes as a whole (feed.xml, index.html), from the catalog's rows.

Only the newest PUBLISHED_MAX passed articles are listed (the batch reads them from the catalog by one
query), so the step costs the same for a catalog of 100 articles or of 100,000.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from tts_pipeline.errors import BadInput
from tts_pipeline.publish import player
from tts_pipeline.publish.podcast import write_feed
from tts_pipeline.publish.reportfile import ReportFile, read_report


class PublishedRow(Protocol):
    """What this step needs of a catalog row (pipeline.catalog.Row): where the article's files are."""

    audio_path: str | None
    report_path: str | None


# Podcast apps and feed validators slow down on feeds of thousands of items; hosts cap them at a few hundred.
PUBLISHED_MAX = 500


def published_reports(out: Path, rows: Sequence[PublishedRow]) -> list[ReportFile]:
    """The report.json of these passed articles whose files are in place, in the rows' order."""
    found = []
    for row in rows:
        if not (row.audio_path and row.report_path and (out / row.audio_path).is_file()):
            continue
        try:
            found.append(read_report(out / row.report_path))
        except BadInput:  # unreadable, or from another version: left out
            continue
    return found


def publish_site(
    out: Path, rows: Sequence[PublishedRow], base_url: str | None = None, title: str | None = None
) -> Path:
    """Write OUT/feed.xml and OUT/index.html (each atomically) for these rows (the catalog's newest passed,
    newest first); returns the feed's path."""
    reports = published_reports(out, rows)
    feed = write_feed(out, reports, base_url, title)
    player.write_index(out, title, feed.name, reports)
    return feed
