"""Site templates: a line that recurs across many stories of one site is that site's chrome, whatever its words.

The chrome rules know the *kinds* of line publishers use; a site's own phrasing ('Get the Daily Brief in
your inbox', the titles in its 'Most read' box) is learnt from its pages instead. `batch` counts, per site,
the stories each kept line (numbers masked) appears on, and writes the lines that recur as a rules file per
site (OUT/_sites/<site>.toml) that a publisher can read and edit; every later clean of a page of that site,
single pages included (`--site-rules DIR`), loads it. Each learnt line is a [[rule]] named "site-template",
so `clean --diff` and report.json say why the line went.

Pages that share most of their lines are updates or copies of one story: they count once, so a story
narrated three times over a day does not turn its own paragraphs into chrome.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from tts_pipeline.stages.extract import ends_sentence
from tts_pipeline.tomlfile import read_toml

SITE_RULE = "site-template"
SITES_DIR = "_sites"  # in a batch's OUT (an article id never starts with _)
MIN_STORIES = 3  # a line on fewer different stories than this is never learnt
MIN_WORDS = 2  # nor a one-word line: the site's own section headings recur too, and the rules know 'Share'
SHORT_LINE_SHARE = 0.02  # a label, teaser or prompt: on at least this share of the site's stories too
# A line that ends like a sentence may be reused body: a running story's background paragraph or a
# help-line sentence ('The war began in ...', 'Further investigation is underway.'), on every story of a
# topic. So it is learnt only when it is on most of the site's stories, as a footer is. On 18 copied pages of
# three sites (set sites-a, a running story on 3 of each site's 5-6 stories), a share of one half took 18
# body lines for template, 0.6 took 6, 0.75 none, and 0.9 missed 5 more chrome lines than 0.75.
SENTENCE_SHARE = 0.75
SAME_STORY = 0.5  # a page sharing more than this share of its lines with an earlier one is the same story
_DIGITS = re.compile(r"\d+")
_SITE = re.compile(r"[a-z0-9.-]+")


def site_of(url: str | None) -> str | None:
    """The site a page belongs to: its URL's host without 'www.' (None without a usable URL)."""
    host = (urlparse(url).hostname or "") if url else ""
    host = host.removeprefix("www.")
    return host if "." in host and _SITE.fullmatch(host) else None


def line_key(line: str) -> str:
    """What counts as 'the same line' across pages: case and spacing ignored, every number masked."""
    return _DIGITS.sub("#", " ".join(line.lower().split()))


def line_pattern(line: str) -> str:
    """A rule pattern matching the line with any numbers in its number places ('3 hours' ~ '12 hours')."""
    return r"\d+".join(re.escape(part) for part in _DIGITS.split(" ".join(line.split())))


@dataclass
class _Site:
    stories: int = 0
    line_stories: dict[str, set[int]] = field(default_factory=dict)
    first_seen: dict[str, str] = field(default_factory=dict)  # key -> the line as first written

    def add(self, lines: Sequence[str]) -> None:
        keys = {line_key(line): line for line in lines}
        story = self._same_story(keys) or self._new_story()
        for key, line in keys.items():
            self.line_stories.setdefault(key, set()).add(story)
            self.first_seen.setdefault(key, line)

    def _same_story(self, keys: dict[str, str]) -> int | None:
        shared: dict[int, int] = {}
        for key in keys:
            for story in self.line_stories.get(key, ()):
                shared[story] = shared.get(story, 0) + 1
        best = max(shared, key=shared.__getitem__, default=None)
        return best if best is not None and shared[best] > SAME_STORY * len(keys) else None

    def _new_story(self) -> int:
        self.stories += 1
        return self.stories


@dataclass(frozen=True)
class Template:
    line: str
    stories: int  # different stories it was on
    of: int  # the site's stories


class TemplateLearner:
    """Counts kept lines per site over a batch's pages; `templates()` gives the lines that recur."""

    def __init__(self) -> None:
        self._sites: dict[str, _Site] = {}

    def add(self, site: str | None, lines: Sequence[str]) -> None:
        """One page's kept lines. A story's headline that other stories list under 'Most read' is learnt
        too: on its own page the headline is found by its place (headline.py) and stays."""
        if site and lines:
            self._sites.setdefault(site, _Site()).add(lines)

    def templates(self) -> dict[str, list[Template]]:
        learnt = {}
        for site, data in self._sites.items():
            found = [
                Template(data.first_seen[key], len(stories), data.stories)
                for key, stories in data.line_stories.items()
                if _recurs(data.first_seen[key], len(stories), data.stories)
            ]
            if found:
                learnt[site] = sorted(found, key=lambda t: (-t.stories, t.line))
        return learnt


def _recurs(line: str, stories: int, of: int) -> bool:
    if stories < MIN_STORIES or len(line.split()) < MIN_WORDS or line.endswith(":"):
        return False  # a one-word heading ('Note', 'Footnotes') or a label that introduces what follows
    return stories >= (SENTENCE_SHARE if ends_sentence(line) else SHORT_LINE_SHARE) * of


def site_rules_file(folder: Path, site: str) -> Path:
    return folder / f"{site}.toml"


def write_site_rules(folder: Path, learnt: dict[str, list[Template]]) -> list[Path]:
    """One rules file per site, written atomically. Lines listed under `keep` in an existing file (a publisher
    saying 'this is body') are kept there and never learnt again."""
    if learnt:
        folder.mkdir(parents=True, exist_ok=True)
    written = []
    for site, templates in sorted(learnt.items()):
        path = site_rules_file(folder, site)
        keep = _kept_lines(path)
        rules = [t for t in templates if line_key(t.line) not in {line_key(k) for k in keep}]
        _write_atomically(path, _rules_toml(site, rules, keep))
        written.append(path)
    return written


def _kept_lines(path: Path) -> list[str]:
    if not path.is_file():
        return []
    keep = read_toml(path, "site rules file").get("keep", [])
    return [line for line in keep if isinstance(line, str)] if isinstance(keep, list) else []


def _rules_toml(site: str, templates: Sequence[Template], keep: Sequence[str]) -> str:
    # json.dumps writes a valid TOML basic string (the same escapes), so no TOML writer is needed.
    lines = [
        f"# Site template for {site}: lines that recur across its stories, learnt by `tts-pipeline batch`.",
        "# Each is removed from every page of the site (rule 'site-template'). To keep a line, move it to `keep`:",
        "# a later batch will not learn it again.",
        f"keep = [{', '.join(json.dumps(k, ensure_ascii=False) for k in keep)}]",
        "",
    ]
    for template in templates:
        lines += [
            "[[rule]]",
            f'name = "{SITE_RULE}"',
            f'description = "on {template.stories} of {template.of} stories of {site}"',
            f"pattern = {json.dumps(line_pattern(template.line), ensure_ascii=False)}",
            "",
        ]
    return "\n".join(lines)


def _write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.tmp-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
