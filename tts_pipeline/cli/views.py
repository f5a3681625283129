"""What the command line shows: every terminal view (rich) in one place, so library modules only return
records. Styles show on a terminal; piped output stays plain text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from tts_pipeline.article import AudioCheck, Fault, Report, Script, SentenceCheck, SentenceStatus

if TYPE_CHECKING:  # batch loads the whole pipeline; the views only read its records
    from tts_pipeline.pipeline.batch import BatchResult, Result


def one_line(message: object) -> str:
    return " ".join(str(message).split())


def clock(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, secs = divmod(seconds, 60)
    return f"{int(minutes)}:{secs:05.2f}"


def narration_line(report: Report, out_dir: Path) -> str:
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


def clean_diff(lines: Iterable[tuple[str, str | None]]) -> Text:
    """The editor's view of `clean --diff`: kept lines as they are, struck lines marked '- ' with the rule."""
    view = Text()
    for line, rule in lines:
        if rule is None:
            view.append(f"  {line}\n")
        else:
            view.append("- ", style="red")
            view.append(line, style="strike red")
            view.append(f"  [{rule}]\n", style="bold yellow")
    view.rstrip()
    return view


def print_clean_diff(lines: Iterable[tuple[str, str | None]]) -> None:
    Console(soft_wrap=True, highlight=False).print(clean_diff(lines))


def script_text(script: Script) -> str:
    """The dry run an editor reads: each segment's speech text, then every change and its rule."""
    blocks = []
    for index, segment in enumerate(script.segments):
        label = "headline" if segment.kind == "title" else f"paragraph {index}"
        lines = [f"[{label}] {segment.speech}"]
        lines += [f"    {c.before.strip()!r} -> {c.after.strip()!r}  ({c.rule})" for c in segment.changes]
        blocks.append("\n".join(lines))
    changed = sum(len(s.changes) for s in script.segments)
    blocks.append(f"{len(script.segments)} segments, {changed} changes")
    return "\n\n".join(blocks) + "\n"


def check_line(check: AudioCheck) -> str:
    """The verify command's first line."""
    v = check.verification
    faults = len(v.faults)
    return (
        f"{v.verdict}: {faults} fault{'s' * (faults != 1)}, WER {v.wer:.3f} (threshold {v.threshold}), "
        f"{check.audio_seconds / 60:.1f} min audio, {check.asr.backend} {check.asr.model}"
    )


def print_faults(faults: Sequence[Fault], sentences: Sequence[SentenceCheck]) -> None:
    """The editor's view: each fault with its times, then the sentences it touches."""
    table = Table(title="Faults (paragraph 0 is the headline)")
    for column in ("kind", "paragraph", "from", "to", "detail"):
        table.add_column(column)
    for f in faults:
        table.add_row(str(f.kind), str(f.paragraph), clock(f.start), clock(f.end), f.detail)
    faulty = Table(title="Sentences with faults")
    for column in ("paragraph", "sentence", "status", "from", "to", "text"):
        faulty.add_column(column, overflow="fold")
    for s in sentences:
        if s.status not in (SentenceStatus.OK, SentenceStatus.NOISE):
            faulty.add_row(str(s.paragraph), str(s.index), str(s.status), clock(s.start), clock(s.end), s.text)
    console = Console()
    console.print(table)
    if faulty.row_count:
        console.print(faulty)


def print_summary(out_dir: Path, rows: Iterable[tuple[str, dict | None, str]]) -> None:
    """`summary`: one line per report (id, report data or None, the reason it is unreadable)."""
    table = Table(title=f"Narrations in {out_dir}")
    for column in ("id", "verdict", "WER", "audio", "removed", "total s"):
        table.add_column(column, justify="right" if column not in ("id", "verdict") else "left")
    for ident, r, problem in rows:
        if r is None:
            table.add_row(ident, "unreadable", "", "", "", one_line(problem))
            continue
        table.add_row(
            r["id"],
            r["verdict"],
            f"{r['wer']:.3f}",
            f"{r['audio_seconds'] / 60:.1f} min",
            str(len(r["removed"])),
            f"{r['timings']['total']:.1f}",
        )
    Console().print(table)


def voices_lines(rows: Sequence[dict]) -> list[str]:
    width = max(len(r["name"]) for r in rows)
    lines = []
    for r in rows:
        status = "ok" if r["usable"] else f"NOT USABLE: {one_line(r['problem'])}"
        lines.append(f"{r['name']:<{width}}  {r['engine']:<8} {r['voice']:<18} {status}  {r['description']}".rstrip())
    return lines


class BatchView:
    """`batch` on a terminal: a progress bar (articles, minutes of audio, ETA), then the end table."""

    def __init__(self) -> None:
        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("articles, {task.fields[minutes]:.1f} min audio"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
        )
        self.task = None
        self.learning = None  # the first pass's bar (site templates), when INPUT carries its pages
        self.minutes = 0.0

    def __enter__(self) -> BatchView:
        return self  # the bar starts once INPUT has been checked, so a bad INPUT prints only its error line

    def __exit__(self, *exc: object) -> None:
        if self.task is not None or self.learning is not None:
            self.progress.stop()

    def learnt_page(self, expected: int) -> None:
        if self.learning is None:
            self.progress.start()
            self.learning = self.progress.add_task("learning site templates", total=expected, minutes=0.0)
        self.progress.update(self.learning, advance=1)

    def start(self, expected: int) -> None:
        if self.learning is None:
            self.progress.start()
        self.task = self.progress.add_task("narrating", total=expected, minutes=0.0)

    def advance(self, result: Result) -> None:
        self.minutes += (result.row.audio_seconds or 0.0) / 60 if not result.unchanged else 0.0
        self.progress.update(self.task, advance=1, minutes=self.minutes)

    def summary(self, result: BatchResult, out: Path) -> None:
        console = Console(highlight=False, soft_wrap=True)
        shown = result.rows  # every article of a small batch, else those that did not pass
        every = result.total == len(shown)
        if shown and (every or any(not r.passed for r in shown)):
            hidden = result.total - result.passed - len(shown)
            table = Table(
                title=f"Batch into {out}" if every else "Articles that did not pass",
                caption=f"and {hidden} more: see catalog.sqlite" if not every and hidden else None,
            )
            for column in ("id", "status", "verdict", "WER", "audio", "reason"):
                table.add_column(column, overflow="fold", justify="right" if column in ("WER", "audio") else "left")
            for r in shown:
                table.add_row(
                    r.id,
                    r.status,
                    r.verdict or "-",
                    f"{r.wer:.3f}" if r.wer is not None else "-",
                    f"{(r.audio_seconds or 0) / 60:.1f} min" if r.audio_seconds else "-",
                    r.error or "",
                )
            console.print(table)
        per_minute = result.audio_s / result.wall_s if result.wall_s else 0.0
        failed = result.total - result.passed
        console.print(
            f"{result.total} articles: {result.passed} passed, {failed} not; {result.skipped} unchanged (skipped); "
            f"{result.audio_s / 60:.1f} min audio in {result.wall_s:.1f} s ({per_minute:.1f} min audio per minute)"
            + (f"; feed {result.feed}" if result.feed else "")
        )
        if result.site_files:
            folder = result.site_files[0].parent
            console.print(f"site templates learnt for {len(result.site_files)} site(s) in {folder}")
