"""Command line for the web side: `serve OUT` and `preview INPUT`. Parse, call, print (see cli.py)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

import click

from tts_pipeline.cli.options import friendly_errors, narration_options
from tts_pipeline.cli.views import narration_line

host_option = click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback unless you say otherwise)."
)


@click.command(name="serve")
@click.argument("out_dir", metavar="OUT", type=click.Path(path_type=Path))
@host_option
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: a free one).")
@friendly_errors
def serve_command(out_dir: Path, host: str, port: int) -> None:
    """Serve an output folder (narrate or batch) on HTTP, players and all, until Ctrl-C."""
    from tts_pipeline.publish.server import OutputSite, Server, bind, check_output_folder, url_of

    count = check_output_folder(out_dir)
    sock = bind(host, port)
    click.echo(f"serving {count} narration{'s' * (count != 1)} from {out_dir} at {url_of(sock)} (Ctrl-C stops)")
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is how serving ends
        Server(OutputSite(out_dir), sock).run()
    click.echo("stopped")


def _can_open_browser() -> bool:
    return sys.stdout.isatty() and (sys.platform in ("darwin", "win32") or bool(os.environ.get("DISPLAY")))


@click.command(name="preview")
@click.argument("input_location", metavar="INPUT")
@click.option(
    "-o",
    "--out",
    "out_dir",
    default=None,
    type=click.Path(path_type=Path),
    help="Keep the narration here (default: a temporary folder).",
)
@host_option
@click.option("--port", default=0, show_default=True, type=click.IntRange(0, 65535), help="Port (0: a free one).")
@click.option("--no-browser", is_flag=True, help="Only print the URL; do not open a browser.")
@narration_options
@friendly_errors
def preview_command(input_location, out_dir, host, port, no_browser, options) -> None:
    """Editor preview: narrate INPUT, serve its player on 127.0.0.1 and print the URL; Ctrl-C stops."""
    from tts_pipeline.pipeline.preview import run_preview
    from tts_pipeline.stages.source import read_source

    src = read_source(input_location)
    temporary = out_dir is None
    out = Path(tempfile.mkdtemp(prefix="tts-preview-")) if temporary else out_dir

    def page_ready(url: str, seconds: float) -> None:
        click.echo(f"preview: {url}  (playable after {seconds:.1f} s; verifying...)")
        if not no_browser and _can_open_browser():
            import webbrowser

            webbrowser.open(url)

    def verified(report, seconds: float) -> None:
        click.echo(f"{narration_line(report, out)}  ({seconds:.1f} s)")
        click.echo("serving until Ctrl-C")

    try:
        run_preview(src, options, out, host, port, page_ready, verified)
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        if temporary:
            shutil.rmtree(out, ignore_errors=True)
