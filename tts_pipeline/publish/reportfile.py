"""Reading report.json back (serve, the site index): one loader that checks the file is ours and current."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tts_pipeline.article import REPORT_VERSION
from tts_pipeline.errors import BadInput

REQUIRED = ("id", "title", "verdict", "audio_seconds", "metadata", "files")


@dataclass(frozen=True)
class ReportFile:
    path: Path
    data: dict
    mtime: float

    @property
    def folder(self) -> Path:
        return self.path.parent


def read_report(path: Path) -> ReportFile:
    """A report.json as a dict, or BadInput naming the file and what is wrong with it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BadInput(f"{path} is not a readable report.json ({' '.join(str(exc).split())})") from None
    if not isinstance(data, dict):
        raise BadInput(f"{path} is not a readable report.json (not a JSON object)")
    version = data.get("report_version")
    if version != REPORT_VERSION:
        raise BadInput(
            f"{path} was written by another version of tts-pipeline (report_version {version}, "
            f"this one reads {REPORT_VERSION}); narrate the article again"
        )
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        raise BadInput(f"{path} is not a readable report.json (missing {', '.join(missing)})")
    return ReportFile(path, data, path.stat().st_mtime)


def find_reports(out: Path, strict: bool = True) -> list[ReportFile]:
    """Every OUT/<id>/report.json (hidden staging folders excluded). strict: a bad one is BadInput; else skipped."""
    found = []
    for path in sorted(out.glob("[!.]*/report.json")):
        try:
            found.append(read_report(path))
        except BadInput:
            if strict:
                raise
    return found
