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

from tts_pipeline import __version__
from tts_pipeline.errors import BadInput, EngineError
from tts_pipeline.pipeline.options import NarrateOptions
from tts_pipeline.stages.asr.base import DEFAULT_MODEL
from tts_pipeline.stages.voices import DEFAULT_VOICE

DEFAULTS = NarrateOptions()  # the library's defaults, shown in --help, never retyped here

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
            default=DEFAULTS.asr_backend,
            show_default=True,
            help="ASR backend: faster-whisper or openai-whisper.",
        ),
        click.option("--model", "asr_model", default=None, help=f"ASR model: {DEFAULT_MODEL} (default) or base."),
        click.option("--beam-size", default=DEFAULTS.beam_size, show_default=True, type=click.IntRange(1, 10)),
        click.option(
            "--threshold",
            default=DEFAULTS.threshold,
            show_default=True,
            type=click.FloatRange(0.0, 1.0),
            help="Highest WER that passes; any fault fails whatever the WER.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


repairs_option = click.option(
    "--repairs",
    "repair_attempts",
    default=DEFAULTS.repair_attempts,
    show_default=True,
    type=click.IntRange(0, 5),
    help="Self-repair: re-render a paragraph with a fault and verify again, up to this many times.",
)
lexicon_option = click.option(
    "--lexicon",
    "lexicon_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Publisher lexicon (TOML): how to say names and words; may be repeated, earlier wins.",
)
voice_option = click.option(
    "--voice",
    default=DEFAULT_VOICE,
    show_default=True,
    help="Voice name (see `tts-pipeline voices`) or a voice TOML file.",
)


def narrate_options(
    voice=DEFAULTS.voice,
    asr_backend=DEFAULTS.asr_backend,
    asr_model=None,
    beam_size=DEFAULTS.beam_size,
    threshold=DEFAULTS.threshold,
    rules_files=(),
    lexicon_files=(),
    base_url=None,
    repair_attempts=DEFAULTS.repair_attempts,
) -> NarrateOptions:
    """NarrateOptions from the command-line options (narrate, batch, script, verify, preview)."""
    return NarrateOptions(
        voice=voice,
        asr_backend=asr_backend,
        asr_model=asr_model,
        beam_size=beam_size,
        threshold=threshold,
        rules_files=tuple(rules_files),
        lexicon_files=tuple(lexicon_files),
        base_url=base_url,
        repair_attempts=repair_attempts,
    )


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@out_option("Output folder; each article lands in OUT/<id>/.")
@voice_option
@asr_options
@rules_option
@lexicon_option
@repairs_option
@click.option("--base-url", default=None, help="Where OUT will be published, for embed.html (default: /audio/).")
@friendly_errors
def narrate(
    inputs,
    out_dir,
    voice,
    asr_backend,
    asr_model,
    beam_size,
    threshold,
    rules_files,
    lexicon_files,
    repair_attempts,
    base_url,
) -> None:
    """Narrate pages (HTML or copied text: a file, an http(s) URL, or - for stdin) into OUT/<id>/, verified,
    with the read-along player (player.html, embed.html) beside each."""
    from tts_pipeline.cli.views import narration_line
    from tts_pipeline.pipeline.narrator import Narrator
    from tts_pipeline.pipeline.process import set_up_process
    from tts_pipeline.stages.source import read_source

    args = (voice, asr_backend, asr_model, beam_size, threshold, rules_files, lexicon_files, base_url)
    options = narrate_options(*args, repair_attempts=repair_attempts)
    sources = [read_source(location) for location in inputs]  # all inputs checked (and fetched) before any work
    set_up_process()
    narrator = Narrator(options)
    failed = False
    try:
        for src in sources:
            report = narrator.narrate(src.text, out_dir, src.name, url=src.url, kind=src.kind)
            failed |= report.verdict != "pass"
            click.echo(narration_line(report, out_dir))
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
@repairs_option
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
    repair_attempts,
) -> None:
    """Narrate every article of INPUT (a folder of pages, a JSONL file or a file of URLs), resumably.

    Exit 0 when every article passed, 1 when some failed or errored, 2 when INPUT itself is unusable."""
    from tts_pipeline.cli.views import BatchView
    from tts_pipeline.pipeline.batch import run_batch

    args = (voice, asr_backend, asr_model, beam_size, threshold, rules_files, lexicon_files, base_url)
    options = narrate_options(*args, repair_attempts=repair_attempts)  # base_url: feed enclosures, embed.html
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
    from tts_pipeline.stages.clean import clean_source, explain, load_rules
    from tts_pipeline.stages.source import read_source

    rules = load_rules(rules_files)  # a bad rules file fails before any download
    src = read_source(input_location, kind)
    article = clean_source(src, rules)
    if as_json:
        _emit_json(article.to_dict())
    elif as_diff:
        from tts_pipeline.cli.views import print_clean_diff

        print_clean_diff(explain(src, article))
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
    from tts_pipeline.cli.views import script_text
    from tts_pipeline.pipeline.narrator import Narrator
    from tts_pipeline.stages.source import read_source
    from tts_pipeline.stages.speech import script_to_dict

    narrator = Narrator(narrate_options(voice, rules_files=rules_files, lexicon_files=lexicon_files))
    src = read_source(input_location, kind)
    script = narrator.script(narrator.clean(src.text, src.kind, src.url))  # cleaned exactly as narrate cleans
    if as_json:
        _emit_json({"voice": narrator.voice.name, **script_to_dict(script)})
    else:
        click.echo(script_text(script), nl=False)


@cli.command(name="voices")
@click.option("--json", "as_json", is_flag=True, help="Print the voices as JSON.")
@friendly_errors
def voices_command(as_json) -> None:
    """List the voices in voices/ and whether each is installed and usable here."""
    from tts_pipeline.stages.engines import voice_problem
    from tts_pipeline.stages.voices import VOICES_DIR, scan_voices

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
    from tts_pipeline.cli.views import voices_lines

    click.echo("\n".join(voices_lines(rows)))


@cli.command(name="verify")
@click.argument("audio_path", metavar="AUDIO")
@click.argument("text_location", metavar="TEXT")
@click.option("--json", "as_json", is_flag=True, help="Print the verification as JSON.")
@asr_options
@friendly_errors
def verify_command(audio_path, text_location, as_json, asr_backend, asr_model, beam_size, threshold) -> None:
    """Check that AUDIO says what TEXT (an article.txt) says. Exit 0 pass, 1 fail."""
    from tts_pipeline.cli.views import check_line, print_faults
    from tts_pipeline.pipeline.narrator import Narrator
    from tts_pipeline.stages.source import read_input

    options = narrate_options(asr_backend=asr_backend, asr_model=asr_model, beam_size=beam_size, threshold=threshold)
    text, _ = read_input(text_location)
    check = Narrator(options).check_audio(Path(audio_path), text, text_location)
    if as_json:
        _emit_json(check.to_dict())
    else:
        click.echo(check_line(check))
        if check.verification.faults:
            print_faults(check.verification.faults, check.verification.sentences)
    sys.exit(0 if check.verification.verdict == "pass" else EXIT_FAIL)


@cli.command()
@click.argument("out_dir", type=click.Path(path_type=Path))
@friendly_errors
def summary(out_dir: Path) -> None:
    """Print a table of every report.json under OUT_DIR."""
    from tts_pipeline.cli.views import print_summary
    from tts_pipeline.publish.reportfile import read_report

    reports = sorted(out_dir.glob("*/report.json"))
    if not reports:
        raise BadInput(f"no report.json found under {out_dir}")
    rows = []
    for path in reports:
        try:
            data = read_report(path).data
            rows.append(
                (data["id"], data, "")
                if _summary_fields(data)
                else (path.parent.name, None, "no wer, removed or timings")
            )
        except BadInput as exc:
            rows.append((path.parent.name, None, str(exc)))
    print_summary(out_dir, rows)


def _summary_fields(data: dict) -> bool:
    return all(key in data for key in ("wer", "removed", "timings")) and "total" in (data.get("timings") or {})


def _register_web_commands() -> None:
    from tts_pipeline.cli.web import preview_command, serve_command  # they use this module's options

    cli.add_command(serve_command)
    cli.add_command(preview_command)


_register_web_commands()


if __name__ == "__main__":
    main()
