"""The batch's last step: what OUT publishes as a whole, rebuilt from the catalog (feed.xml, index.html).

Only the newest PUBLISHED_MAX passed articles are listed, read from the catalog by one query, so the step
costs the same for a catalog of 100 articles or of 100,000.
"""

from __future__ import annotations

from pathlib import Path

from . import player
from .catalog import Catalog
from .errors import BadInput
from .podcast import write_feed
from .reportfile import ReportFile, read_report

# Podcast apps and feed validators slow down on feeds of thousands of items; hosts cap them at a few hundred.
PUBLISHED_MAX = 500


def published_reports(out: Path, limit: int = PUBLISHED_MAX) -> list[ReportFile]:
    """The report.json of the newest `limit` passed articles in OUT's catalog whose files are in place."""
    with Catalog(out) as catalog:
        rows = catalog.newest_passed(limit)
    found = []
    for row in rows:
        if not (row.audio_path and row.report_path and (out / row.audio_path).is_file()):
            continue
        try:
            found.append(read_report(out / row.report_path))
        except BadInput:  # unreadable, or from another version: left out
            continue
    return found


def publish_site(out: Path, base_url: str | None = None, title: str | None = None) -> Path:
    """Write OUT/feed.xml and OUT/index.html (each atomically) from the catalog; returns the feed's path."""
    reports = published_reports(out)
    feed = write_feed(out, reports, base_url, title)
    player.write_index(out, title, feed.name, reports)
    return feed
