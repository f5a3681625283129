"""What `tts-pipeline batch` shows: a rich progress bar (articles, minutes of audio, ETA) and the end tables."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from .batch import BatchResult, Result


class BatchView:
    def __init__(self) -> None:
        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("[bold]narrating"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("articles, {task.fields[minutes]:.1f} min audio"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
        )
        self.task = None
        self.minutes = 0.0

    def __enter__(self) -> BatchView:
        return self  # the bar starts once INPUT has been read, so a bad INPUT prints only its error line

    def __exit__(self, *exc: object) -> None:
        if self.task is not None:
            self.progress.stop()

    def start(self, expected: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("batch", total=expected, minutes=0.0)

    def advance(self, result: Result) -> None:
        self.minutes += (result.row.audio_seconds or 0.0) / 60 if not result.unchanged else 0.0
        self.progress.update(self.task, advance=1, minutes=self.minutes)

    def summary(self, result: BatchResult, out: Path) -> None:
        console = Console(highlight=False, soft_wrap=True)
        shown = result.rows  # every article of a small batch, else those that did not pass
        every = result.total == len(shown)
        if shown and (every or any(not r.passed for r in shown)):
            title = f"Batch into {out}" if every else "Articles that did not pass"
            hidden = result.total - result.passed - len(shown)
            table = Table(
                title=title, caption=f"and {hidden} more: see catalog.sqlite" if not every and hidden else None
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
