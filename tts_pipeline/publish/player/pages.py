"""The HTML we publish beside each narration: player.html (standalone page), embed.html (the publisher's
snippet) and the site index. Small fixed templates filled with escaped values (html.escape); a template
engine would add a dependency for three pages.

Every page works without JavaScript (a plain <audio controls>); player.js, when it runs, turns the same
markup into the read-along player. The read-along data is inlined in player.html because a page opened
from file:// cannot fetch its sidecar.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

ASSETS_DIR_NAME = "_player"
AUDIO, CAPTIONS = "narration.mp3", "captions.vtt"


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}:{secs:02d}"


def _json_for_script(data: dict) -> str:
    # Inside <script>, "</" would end the element early; "\u003c" is the same JSON string.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _meta_line(metadata: dict) -> str:
    parts = [metadata.get(key) for key in ("byline", "date", "site")]
    shown = " · ".join(escape(p) for p in parts if p)
    return f'<p class="tts-meta">{shown}</p>\n' if shown else ""


def player_element(
    src: str, ident: str, audio_url: str, captions_url: str | None, data: dict | None = None, pending: bool = False
) -> str:
    """The player markup: an <audio controls> that works alone, the metadata track, the inline data."""
    track = f'\n    <track kind="metadata" src="{escape(captions_url)}">' if captions_url else ""
    inline = f'\n  <script type="application/json" class="tts-data">{_json_for_script(data)}</script>' if data else ""
    return (
        f'<div class="tts-player" data-tts-src="{escape(src)}" data-tts-id="{escape(ident)}"'
        f"{' data-tts-pending' if pending else ''}>\n"
        f'  <audio controls preload="metadata" src="{escape(audio_url)}">{track}\n'
        f'    <a href="{escape(audio_url)}">Download the narration (MP3)</a>\n'
        f"  </audio>{inline}\n</div>\n"
    )


@dataclass(frozen=True)
class PageArticle:
    """What a page shows of one narration."""

    id: str
    title: str
    paragraphs: Sequence[str]  # the body, as in article.txt (the headline is separate)
    metadata: dict
    verdict: str | None = None  # None while verification still runs (the editor preview)
    faults: Sequence[dict] = ()


def _faults_section(faults: Sequence[dict]) -> str:
    if not faults:
        return ""
    items = "".join(
        f"<li><strong>{escape(f['kind'])}</strong>, paragraph {f['paragraph']}, "
        f"{_clock(f['start'])}–{_clock(f['end'])}: {escape(f.get('detail') or '')} "
        f'<button type="button" data-tts-seek="{f["start"]}">Play from {_clock(f["start"])}</button></li>'
        for f in faults
    )
    return (
        '<section class="tts-faults" aria-labelledby="tts-faults-heading">\n'
        '<h2 id="tts-faults-heading">Faults found by verification</h2>\n'
        f"<ol>{items}</ol>\n</section>\n"
    )


def _page(title: str, body: str, assets: str, lang: str = "en") -> str:
    return (
        f'<!doctype html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        '<link rel="icon" href="data:,">\n'  # no favicon request: nothing but our files is fetched
        f'<link rel="stylesheet" href="{escape(assets)}/player.css">\n</head>\n'
        f'<body class="tts-page">\n<main>\n{body}</main>\n'
        f'<script src="{escape(assets)}/player.js" defer></script>\n</body>\n</html>\n'
    )


def player_page(article: PageArticle, data: dict | None, has_captions: bool = True) -> str:
    """OUT/<id>/player.html: headline, byline/date/site, the player, faults (if any), the article text.

    Without data (the preview while verification runs) the player fetches readalong.json when it appears."""
    body = (
        f'<h1 data-tts-paragraph="0">{escape(article.title)}</h1>\n'
        + _meta_line(article.metadata)
        + player_element("./", article.id, AUDIO, CAPTIONS if has_captions else None, data, pending=data is None)
        + _faults_section(article.faults)
        + '<article class="tts-article">\n'
        + "".join(f'<p data-tts-paragraph="{n}">{escape(p)}</p>\n' for n, p in enumerate(article.paragraphs, 1))
        + "</article>\n"
    )
    return _page(article.title, body, f"../{ASSETS_DIR_NAME}", article.metadata.get("language") or "en")


def embed_snippet(ident: str, base_url: str | None) -> str:
    """OUT/<id>/embed.html: one element and one script tag for the publisher's article template."""
    base = base_url.rstrip("/") + "/" if base_url else "/audio/"
    folder = f"{base}{ident}/"
    return (
        "<!-- tts-pipeline: paste into the article template where the player should appear. The player finds\n"
        f"     the article's paragraphs on the page by their text. Served from {base} (batch --base-url); a page\n"
        "     on another origin needs CORS on that host (Access-Control-Allow-Origin) for readalong.json. -->\n"
        + player_element(folder, ident, f"{folder}{AUDIO}", f"{folder}{CAPTIONS}")
        + f'<script src="{base}{ASSETS_DIR_NAME}/player.js" defer></script>\n'
    )


@dataclass(frozen=True)
class IndexEntry:
    id: str
    title: str
    seconds: float
    metadata: dict


def index_page(entries: Sequence[IndexEntry], title: str, feed: str | None) -> str:
    """OUT/index.html: every passed narration, newest first, each with a plain player and its page."""
    items = []
    for e in entries:
        meta = " · ".join(escape(v) for v in (e.metadata.get("date"), e.metadata.get("site")) if v)
        items.append(
            f'<li class="tts-index-item">\n<h2><a href="{escape(e.id)}/player.html">{escape(e.title)}</a></h2>\n'
            f'<p class="tts-meta">{meta + " · " if meta else ""}{_clock(e.seconds)} · ✓ checked against the text</p>\n'
            f'<div class="tts-player" data-tts-id="{escape(e.id)}">\n'
            f'  <audio controls preload="none" src="{escape(e.id)}/{AUDIO}"></audio>\n</div>\n</li>\n'
        )
    feed_link = f'<p><a href="{escape(feed)}">Podcast feed (RSS)</a></p>\n' if feed else ""
    listing = f'<ol class="tts-index">\n{"".join(items)}</ol>\n' if items else "<p>No narrations have passed yet.</p>\n"
    return _page(title, f"<h1>{escape(title)}</h1>\n{feed_link}{listing}", ASSETS_DIR_NAME)
