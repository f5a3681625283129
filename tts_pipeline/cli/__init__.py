"""Command line: parse options, call the library, print. No pipeline logic lives here.

Exit status: 0 pass, 1 verified and failed, 2 bad input, 3 internal error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tts_pipeline import __version__
from tts_pipeline.cli.options import (
    EXIT_BAD_INPUT,
    EXIT_FAIL,
    asr_options,
    emit_json,
    format_option,
    friendly_errors,
    lexicon_option,
    narrate_options,
    narration_options,
    one_line,
    out_option,
    rules_option,
    voice_option,
)
from tts_pipeline.cli.web import preview_command, serve_command
from tts_pipeline.errors import BadInput


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tts-pipeline")
def cli() -> None:
    """Narrate news articles and verify the audio by speech recognition."""


def main(args: list[str] | None = None, prog_name: str = "tts-pipeline") -> None:
    """Console entry point: click's own usage errors become one line on stderr too."""
    try:
        code = cli.main(args=args, prog_name=prog_name, standalone_mode=False)
    except click.ClickException as exc:
        click.echo(f"error: {one_line(exc.format_message())}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except click.exceptions.Abort:
        click.echo("error: aborted", err=True)
        sys.exit(EXIT_BAD_INPUT)
    sys.exit(code if isinstance(code, int) else 0)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@out_option("Output folder; each article lands in OUT/<id>/.")
@narration_options
@click.option("--base-url", default=None, help="Where OUT will be published, for embed.html (default: /audio/).")
@friendly_errors
def narrate(inputs, out_dir, base_url, options) -> None:
    """Narrate pages (HTML or copied text: a file, an http(s) URL, or - for stdin) into OUT/<id>/, verified,
    with the read-along player (player.html, embed.html) beside each."""
    from tts_pipeline.cli.views import narration_line
    from tts_pipeline.pipeline.narrator import Narrator
    from tts_pipeline.pipeline.process import set_up_process
    from tts_pipeline.stages.source import read_source

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
@click.option(
    "--learn-sites/--no-learn-sites",
    default=True,
    show_default=True,
    help="First learn each site's recurring lines (its template) from INPUT's pages into OUT/_sites "
    "(or --site-rules DIR), and leave them out of every narration.",
)
@narration_options
@friendly_errors
def batch_command(input_path, out_dir, workers, dask_address, base_url, feed_title, learn_sites, options) -> None:
    """Narrate every article of INPUT (a folder of pages, a JSONL file or a file of URLs), resumably.

    Exit 0 when every article passed, 1 when some failed or errored, 2 when INPUT itself is unusable."""
    from tts_pipeline.cli.views import BatchView
    from tts_pipeline.pipeline.batch import run_batch

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
            learn_sites,
            view.learnt_page,
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
def clean_command(input_location, as_json, as_diff, kind, rules_files, site_rules_dir) -> None:
    """Print the article the cleaner keeps from INPUT (HTML or copied text: a file, a URL, or - for stdin)."""
    from tts_pipeline.stages.chrome_rules import SiteRules, load_rules
    from tts_pipeline.stages.clean import clean_source, explain
    from tts_pipeline.stages.source import read_source

    rules = load_rules(rules_files)  # a bad rules file fails before any download
    src = read_source(input_location, kind)
    article = clean_source(src, rules, SiteRules(site_rules_dir) if site_rules_dir else None)
    if as_json:
        emit_json(article.to_dict())
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
def script_command(input_location, as_json, kind, voice, rules_files, site_rules_dir, lexicon_files) -> None:
    """Dry run: the speech text for INPUT with every change and the rule that made it; renders nothing."""
    from tts_pipeline.cli.views import script_text
    from tts_pipeline.pipeline.narrator import Narrator
    from tts_pipeline.stages.source import read_source
    from tts_pipeline.stages.speech import script_to_dict

    options = narrate_options(
        voice, rules_files=rules_files, lexicon_files=lexicon_files, site_rules_dir=site_rules_dir
    )
    narrator = Narrator(options)
    src = read_source(input_location, kind)
    script = narrator.script(narrator.clean(src.text, src.kind, src.url))  # cleaned exactly as narrate cleans
    if as_json:
        emit_json({"voice": narrator.voice.name, **script_to_dict(script)})
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
        emit_json({"directory": str(VOICES_DIR), "voices": rows})
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
        emit_json(check.to_dict())
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


cli.add_command(serve_command)
cli.add_command(preview_command)


if __name__ == "__main__":
    main()
