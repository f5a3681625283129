"""Command line: parse options, call the library, print. No pipeline logic lives here.

Exit status: 0 pass, 1 verified and failed, 2 bad input, 3 internal error.
"""

from __future__ import annotations

import json
import os
import sys
from functools import wraps
from pathlib import Path

import click

from . import __version__
from .asr import DEFAULT_BEAM_SIZE
from .errors import BadInput, EngineError

EXIT_FAIL, EXIT_BAD_INPUT, EXIT_INTERNAL = 1, 2, 3


def _one_line(message: object) -> str:
    return " ".join(str(message).split())


def friendly_errors(command):
    """Turn our errors into one line on stderr and an exit status; never show a traceback."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except BadInput as exc:
            click.echo(f"error: {_one_line(exc)}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except EngineError as exc:
            click.echo(f"error: {_one_line(exc)}", err=True)
            sys.exit(EXIT_INTERNAL)
        except KeyboardInterrupt:
            click.echo("error: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:
            if os.environ.get("TTS_PIPELINE_DEBUG"):
                raise
            click.echo(f"error: internal error ({type(exc).__name__}): {_one_line(exc)}", err=True)
            sys.exit(EXIT_INTERNAL)

    return wrapper


def describe(report, out_dir: Path) -> str:
    """The one line narrate prints per article."""
    verified = "verified" if report.verdict == "pass" else "NOT verified"
    compare = "<=" if report.wer <= report.threshold else ">"
    faults = len(report.verification.faults)
    if faults:
        verified += f", {faults} fault{'s' * (faults != 1)}"
    return (
        f"{report.id}: {verified} ({report.verdict}): WER {report.wer:.3f} {compare} {report.threshold}, "
        f"{report.audio_seconds / 60:.1f} min audio -> {out_dir / report.id / 'narration.mp3'}, "
        f"player {out_dir / report.id / 'player.html'}"
    )


def _emit_json(data: dict) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tts-pipeline")
def cli() -> None:
    """Narrate news articles and verify the audio by speech recognition."""


def main(args: list[str] | None = None, prog_name: str = "tts-pipeline") -> None:
    """Console entry point: click's own usage errors become one line on stderr too."""
    try:
        code = cli.main(args=args, prog_name=prog_name, standalone_mode=False)
    except click.ClickException as exc:
        click.echo(f"error: {_one_line(exc.format_message())}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.exceptions.Abort:
        click.echo("error: aborted", err=True)
        sys.exit(EXIT_BAD_INPUT)
    sys.exit(code if isinstance(code, int) else 0)


def out_option(help_text: str):
    """-o/--out OUT, required; each command says what it writes there."""
    return click.option("-o", "--out", "out_dir", required=True, type=click.Path(path_type=Path), help=help_text)


format_option = click.option(
    "--format",
    "kind",
    type=click.Choice(["auto", "html", "text"]),
    default="auto",
    show_default=True,
    help="Input kind; auto detects HTML.",
)


rules_option = click.option(
    "--rules",
    "rules_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Extra chrome rules (TOML) from the publisher; may be repeated.",
)


def asr_options(command):
    """--asr, --model, --beam-size and --threshold: how the round trip is checked (narrate, batch, verify)."""
    options = [
        click.option(
            "--asr",
            "asr_backend",
            default="faster-whisper",
            show_default=True,
            help="ASR backend: faster-whisper or openai-whisper.",
        ),
        click.option("--model", "asr_model", default=None, help="ASR model: tiny.en (default) or base."),
        click.option("--beam-size", default=DEFAULT_BEAM_SIZE, show_default=True, type=click.IntRange(1, 10)),
        click.option(
            "--threshold",
            default=None,
            type=click.FloatRange(0.0, 1.0),
            help="Highest WER that passes (default 0.35); any fault fails whatever the WER.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


lexicon_option = click.option(
    "--lexicon",
    "lexicon_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Publisher lexicon (TOML): how to say names and words; may be repeated, earlier wins.",
)
voice_option = click.option(
    "--voice", default="en-us", show_default=True, help="Voice name (see `tts-pipeline voices`) or a voice TOML file."
)


def _narrate_options(voice, asr_backend, asr_model, beam_size, threshold, rules_files, lexicon_files, base_url=None):
    """NarrateOptions from the options narrate and batch share."""
    from .pipeline import NarrateOptions

    return NarrateOptions(
        voice=voice,
        asr_backend=asr_backend,
        asr_model=asr_model,
        beam_size=beam_size,
        rules_files=tuple(rules_files),
        lexicon_files=tuple(lexicon_files),
        base_url=base_url,
        **({"threshold": threshold} if threshold is not None else {}),
    )


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@out_option("Output folder; each article lands in OUT/<id>/.")
@voice_option
@asr_options
@rules_option
@lexicon_option
@click.option("--base-url", default=None, help="Where OUT will be published, for embed.html (default: /audio/).")
@friendly_errors
def narrate(
    inputs, out_dir, voice, asr_backend, asr_model, beam_size, threshold, rules_files, lexicon_files, base_url
) -> None:
    """Narrate pages (HTML or copied text: a file, an http(s) URL, or - for stdin) into OUT/<id>/, verified,
    with the read-along player (player.html, embed.html) beside each."""
    from .pipeline import Narrator
    from .process import set_up_process
    from .source import read_source

    args = (voice, asr_backend, asr_model, beam_size, threshold, rules_files, lexicon_files, base_url)
    options = _narrate_options(*args)
    sources = [read_source(location) for location in inputs]  # all inputs checked (and fetched) before any work
    set_up_process()
    narrator = Narrator(options)
    failed = False
    try:
        for src in sources:
            report = narrator.narrate(src.text, out_dir, src.name, url=src.url, kind=src.kind)
            failed |= report.verdict != "pass"
            click.echo(describe(report, out_dir))
    finally:
        narrator.close()
    sys.exit(EXIT_FAIL if failed else 0)


@cli.command(name="batch")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@out_option("Output folder: OUT/<id>/ per article, OUT/catalog.sqlite, OUT/feed.xml, OUT/index.html.")
@click.option(
    "-j",
    "--workers",
    default=None,
    type=click.IntRange(1, 256),
    help="Worker processes (default: the machine's cores).",
)
@click.option("--dask", "dask_address", default=None, help="Run on this dask.distributed scheduler instead.")
@click.option("--base-url", default=None, help="Where OUT is published, for the feed's enclosures and embed.html.")
@click.option("--feed-title", default=None, help="The podcast's title (default: the site's name).")
@voice_option
@asr_options
@rules_option
@lexicon_option
@friendly_errors
def batch_command(
    input_path,
    out_dir,
    workers,
    dask_address,
    base_url,
    feed_title,
    voice,
    asr_backend,
    asr_model,
    beam_size,
    threshold,
    rules_files,
    lexicon_files,
) -> None:
    """Narrate every article of INPUT (a folder of pages, a JSONL file or a file of URLs), resumably.

    Exit 0 when every article passed, 1 when some failed or errored, 2 when INPUT itself is unusable."""
    from .batch import run_batch
    from .batchview import BatchView

    args = (voice, asr_backend, asr_model, beam_size, threshold, rules_files, lexicon_files, base_url)
    options = _narrate_options(*args)  # base_url: the feed's enclosures and embed.html point there
    with BatchView() as view:
        result = run_batch(
            input_path,
            out_dir,
            options,
            workers,
            dask_address,
            view.start,
            view.advance,
            {"base_url": base_url, "title": feed_title},
        )
    view.summary(result, out_dir)
    sys.exit(0 if result.all_passed else EXIT_FAIL)


@cli.command(name="clean")
@click.argument("input_location", metavar="INPUT")
@click.option("--json", "as_json", is_flag=True, help="Print title, metadata, paragraphs and removed lines as JSON.")
@click.option("--diff", "as_diff", is_flag=True, help="Show every input line, kept or struck out with its rule.")
@format_option
@rules_option
@friendly_errors
def clean_command(input_location, as_json, as_diff, kind, rules_files) -> None:
    """Print the article the cleaner keeps from INPUT (HTML or copied text: a file, a URL, or - for stdin)."""
    from .clean import clean_source, explain, format_diff, load_rules
    from .source import read_source

    rules = load_rules(rules_files)  # a bad rules file fails before any download
    src = read_source(input_location, kind)
    article = clean_source(src, rules)
    if as_json:
        _emit_json(article.to_dict())
    elif as_diff:
        from rich.console import Console

        Console(soft_wrap=True, highlight=False).print(format_diff(explain(src, article)))
    else:
        click.echo(article.text, nl=False)


@cli.command(name="script")
@click.argument("input_location", metavar="INPUT")
@click.option("--json", "as_json", is_flag=True, help="Print the segments, speech text and changes as JSON.")
@format_option
@voice_option
@rules_option
@lexicon_option
@friendly_errors
def script_command(input_location, as_json, kind, voice, rules_files, lexicon_files) -> None:
    """Dry run: the speech text for INPUT with every change and the rule that made it; renders nothing."""
    from .clean import clean_source, load_rules
    from .lexicon import load_lexicons
    from .source import read_source
    from .speech import build_script, format_script, script_to_dict
    from .voices import get_voice

    chosen = get_voice(voice)
    lexicon = load_lexicons([*lexicon_files, *chosen.lexicon])
    rules = load_rules(rules_files)  # bad rules or lexicon files fail before any download
    article = clean_source(read_source(input_location, kind), rules)  # cleaned exactly as narrate cleans
    script = build_script(article, lexicon=lexicon, alphabet=chosen.alphabet)
    if as_json:
        _emit_json({"voice": chosen.name, **script_to_dict(script)})
    else:
        click.echo(format_script(script), nl=False)


@cli.command(name="voices")
@click.option("--json", "as_json", is_flag=True, help="Print the voices as JSON.")
@friendly_errors
def voices_command(as_json) -> None:
    """List the voices in voices/ and whether each is installed and usable here."""
    from .engines import voice_problem
    from .voices import VOICES_DIR, scan_voices

    rows = []
    for path, voice, error in scan_voices():
        problem = error or voice_problem(voice)
        rows.append(
            {
                "name": voice.name if voice else path.stem,
                "engine": voice.engine if voice else "",
                "voice": voice.engine_voice if voice else "",
                "usable": not problem,
                "problem": problem,
                "description": voice.description if voice else "",
            }
        )
    if as_json:
        _emit_json({"directory": str(VOICES_DIR), "voices": rows})
        return
    if not rows:
        raise BadInput(f"no voice files in {VOICES_DIR}")
    width = max(len(r["name"]) for r in rows)
    for r in rows:
        status = "ok" if r["usable"] else f"NOT USABLE: {_one_line(r['problem'])}"
        click.echo(f"{r['name']:<{width}}  {r['engine']:<8} {r['voice']:<18} {status}  {r['description']}".rstrip())


@cli.command(name="verify")
@click.argument("audio_path", metavar="AUDIO")
@click.argument("text_location", metavar="TEXT")
@click.option("--json", "as_json", is_flag=True, help="Print the verification as JSON.")
@asr_options
@friendly_errors
def verify_command(audio_path, text_location, as_json, asr_backend, asr_model, beam_size, threshold) -> None:
    """Check that AUDIO says what TEXT (an article.txt) says. Exit 0 pass, 1 fail."""
    from .verify import check_audio

    result = check_audio(Path(audio_path), text_location, asr_backend, asr_model, beam_size, threshold)
    if as_json:
        _emit_json(result)
    else:
        faults = result["faults"]
        click.echo(
            f"{result['verdict']}: {len(faults)} fault{'s' * (len(faults) != 1)}, WER {result['wer']:.3f} "
            f"(threshold {result['threshold']}), {result['audio_seconds'] / 60:.1f} min audio, "
            f"{result['asr']['backend']} {result['asr']['model']}"
        )
        if faults:
            _print_faults(faults, result["sentences"])
    sys.exit(0 if result["verdict"] == "pass" else EXIT_FAIL)


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, secs = divmod(seconds, 60)
    return f"{int(minutes)}:{secs:05.2f}"


def _print_faults(faults: list[dict], sentences: list[dict]) -> None:
    """The editor's view: each fault with its times, then the sentences it touches."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Faults (paragraph 0 is the headline)")
    for column in ("kind", "paragraph", "from", "to", "detail"):
        table.add_column(column)
    for f in faults:
        table.add_row(f["kind"], str(f["paragraph"]), _clock(f["start"]), _clock(f["end"]), f["detail"])
    faulty = Table(title="Sentences with faults")
    for column in ("paragraph", "sentence", "status", "from", "to", "text"):
        faulty.add_column(column, overflow="fold")
    for s in sentences:
        if s["status"] not in ("ok", "noise"):
            faulty.add_row(
                str(s["paragraph"]), str(s["index"]), s["status"], _clock(s["start"]), _clock(s["end"]), s["text"]
            )
    console = Console()
    console.print(table)
    if faulty.row_count:
        console.print(faulty)


@cli.command()
@click.argument("out_dir", type=click.Path(path_type=Path))
@friendly_errors
def summary(out_dir: Path) -> None:
    """Print a table of every report.json under OUT_DIR."""
    from rich.console import Console
    from rich.table import Table

    from .reportfile import read_report

    reports = sorted(out_dir.glob("*/report.json"))
    if not reports:
        raise BadInput(f"no report.json found under {out_dir}")
    table = Table(title=f"Narrations in {out_dir}")
    for column in ("id", "verdict", "WER", "audio", "removed", "total s"):
        table.add_column(column, justify="right" if column not in ("id", "verdict") else "left")
    for path in reports:
        try:
            r = read_report(path).data
            table.add_row(
                r["id"],
                r["verdict"],
                f"{r['wer']:.3f}",
                f"{r['audio_seconds'] / 60:.1f} min",
                str(len(r["removed"])),
                f"{r['timings']['total']:.1f}",
            )
        except (BadInput, KeyError, TypeError) as exc:
            table.add_row(path.parent.name, "unreadable", "", "", "", _one_line(exc))
    Console().print(table)


def _register_web_commands() -> None:
    from .cli_web import preview_command, serve_command  # they use this module's options

    cli.add_command(serve_command)
    cli.add_command(preview_command)


_register_web_commands()


if __name__ == "__main__":
    main()
