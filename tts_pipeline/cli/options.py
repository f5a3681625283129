"""The command line's shared pieces: exit codes, the error wrapper, and the options several commands take
(defaults read from the library's NarrateOptions, never retyped)."""

from __future__ import annotations

import json
import os
import sys
from functools import wraps
from pathlib import Path

import click

from tts_pipeline.errors import BadInput, EngineError
from tts_pipeline.pipeline.options import NarrateOptions
from tts_pipeline.stages.asr.base import DEFAULT_MODEL
from tts_pipeline.stages.voices import DEFAULT_VOICE

DEFAULTS = NarrateOptions()  # the library's defaults, shown in --help

EXIT_FAIL, EXIT_BAD_INPUT, EXIT_INTERNAL = 1, 2, 3


def one_line(message: object) -> str:
    return " ".join(str(message).split())


def friendly_errors(command):
    """Turn our errors into one line on stderr and an exit status; never show a traceback."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except BadInput as exc:
            click.echo(f"error: {one_line(exc)}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except EngineError as exc:
            click.echo(f"error: {one_line(exc)}", err=True)
            sys.exit(EXIT_INTERNAL)
        except KeyboardInterrupt:
            click.echo("error: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:
            if os.environ.get("TTS_PIPELINE_DEBUG"):
                raise
            click.echo(f"error: internal error ({type(exc).__name__}): {one_line(exc)}", err=True)
            sys.exit(EXIT_INTERNAL)

    return wrapper


def emit_json(data: dict) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


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


def rules_option(command):
    """--rules FILE (repeatable) and --site-rules DIR: the publisher's chrome rules and the learnt site templates."""
    command = click.option(
        "--site-rules",
        "site_rules_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder of site templates (a batch's OUT/_sites): the page's site's recurring lines are removed.",
    )(command)
    return click.option(
        "--rules",
        "rules_files",
        multiple=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="Extra chrome rules (TOML) from the publisher; may be repeated.",
    )(command)


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
    site_rules_dir=None,
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
        site_rules_dir=site_rules_dir,
    )


def narration_options(command):
    """--voice, --asr, --model, --beam-size, --threshold, --rules, --lexicon and --repairs, gathered into one
    NarrateOptions handed to the command as `options` (narrate, batch, preview: the commands that narrate).
    A command's own --base-url, when it has one, goes into the options too and stays its own argument."""

    @wraps(command)
    def gather(*args, voice, asr_backend, asr_model, beam_size, threshold, rules_files, lexicon_files, **kwargs):
        repair_attempts, site_rules_dir = kwargs.pop("repair_attempts"), kwargs.pop("site_rules_dir")
        options = narrate_options(
            voice, asr_backend, asr_model, beam_size, threshold, rules_files, lexicon_files,
            kwargs.get("base_url"), repair_attempts, site_rules_dir,
        )  # fmt: skip
        return command(*args, options=options, **kwargs)

    for option in (repairs_option, lexicon_option, rules_option, asr_options, voice_option):
        gather = option(gather)
    return gather
