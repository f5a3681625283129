"""The editor preview: narrate one page, and serve its player on loopback as soon as the audio exists.

The page is served from the article's staging folder while recognition runs (a draft player.html with no
read-along data); the player fetches readalong.json once verification has written it, then shows the
highlights and the trust mark. The server stops on Ctrl-C.
"""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tts_pipeline.article import Article, Report
from tts_pipeline.pipeline.narrator import Narrator, prepare_out_dir
from tts_pipeline.pipeline.options import NarrateOptions
from tts_pipeline.pipeline.process import set_up_process
from tts_pipeline.publish import player
from tts_pipeline.publish.server import OutputSite, Server, bind, url_of
from tts_pipeline.stages.source import Source


def run_preview(
    src: Source,
    options: NarrateOptions,
    out: Path,
    host: str,
    port: int,
    on_page: Callable[[str, float], None],
    on_report: Callable[[Report, float], None],
    stop: threading.Event | None = None,
) -> Report:
    """Narrate src into OUT while serving OUT; call on_page(url, seconds) when the page plays and
    on_report(report, seconds) when it is verified; then serve until Ctrl-C (or `stop` is set)."""
    began = time.perf_counter()
    # The mastering step's imports (scipy.signal under pyloudnorm, ~2.5 s cold) load while the server starts
    # and the page is cleaned and spoken, not after: the page plays that much sooner.
    threading.Thread(target=importlib.import_module, args=("pyloudnorm",), daemon=True).start()
    sock = bind(host, port)  # a port in use fails before any work
    staged: dict[str, Path] = {}
    server: Server | None = None
    try:
        prepare_out_dir(out)
        player.write_assets(out)
        server = Server(OutputSite(out, staged), sock)
        server.start()
        set_up_process()
        narrator = Narrator(options)

        def playable(staging: Path, ident: str, article: Article) -> None:
            player.write_draft_page(staging, ident, article)
            staged[ident] = staging
            on_page(url_of(sock, f"/{ident}/{player.PLAYER_PAGE}"), time.perf_counter() - began)

        try:
            report = narrator.narrate(src.text, out, src.name, url=src.url, kind=src.kind, on_playable=playable)
        finally:
            narrator.close()
        on_report(report, time.perf_counter() - began)
        (stop or threading.Event()).wait()
        return report
    finally:
        if server is not None:
            server.stop()
        sock.close()
