"""Publisher batch: many articles in parallel worker processes (or on a dask cluster), resumable.

INPUT is a folder of pages, a JSONL file ({"id", "text" | "html" | "url", "title"?, "byline"?, ...} per
line) or a file of URLs. Each article is narrated by a pipeline.Narrator held once per worker process
(espeak-ng can be initialised only once per process, hence processes, never threads) into OUT/<id>/.

Crash safety: the Narrator writes into a hidden temporary folder and renames it into place; the catalog
row (catalog.py) is written only after that, by this process alone. A run first sweeps what a killed run
left (.<id>.tmp-* / .<id>.old-* folders) and skips every article whose source and settings are unchanged
and that passed. A lock on OUT keeps two batches from writing the same folder.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from . import __version__, audio, player
from .batchinput import Job, read_jobs, sha
from .catalog import DONE, ERROR, FAILED, Catalog, Row
from .errors import BadInput
from .pipeline import NarrateOptions, Narrator, prepare_out_dir
from .process import BATCH_WORKER_MMAP_THRESHOLD, set_up_process
from .source import read_source

LOCK_NAME = ".batch.lock"
STALE_PATTERNS = (".*.tmp-*", ".*.old-*", ".write-test-*", ".feed.xml.tmp-*", "_player/.*.tmp-*")


@dataclass(frozen=True)
class Result:
    row: Row
    unchanged: bool = False
    rss_mb: float = 0.0


@dataclass
class BatchResult:
    rows: list[Row]  # one per article of INPUT, in order
    skipped: int  # unchanged since the last run
    wall_s: float
    audio_s: float  # audio narrated by this run
    max_rss_mb: float  # peak RSS of the largest worker
    feed: Path | None

    @property
    def all_passed(self) -> bool:
        return all(r.passed for r in self.rows)


def settings_hash(options: NarrateOptions) -> str:
    """Everything besides the page that shapes the output: options, rule/lexicon file contents, audio targets.
    Not the recogniser's thread count, which follows the number of workers."""
    data = {k: [str(p) for p in v] if isinstance(v, tuple | list) else v for k, v in asdict(options).items()}
    data.pop("asr_threads")
    files = [*options.rules_files, *options.lexicon_files]
    contents = [p.read_bytes().hex() if p.is_file() else "" for p in map(Path, files)]
    audio_target = [audio.TARGET_LUFS, audio.PEAK_CEILING_DBFS, audio.MP3_BITRATE]
    return sha(__version__, json.dumps(data, sort_keys=True), *contents, json.dumps(audio_target))


# ---- the worker side (a process-pool process or a dask worker) ----------------------------------------

_NARRATORS: dict[str, Narrator] = {}
_LOCK = threading.Lock()  # a dask worker may run tasks on several threads; one Narrator does one at a time


def _init_worker() -> None:
    """Process-pool initializer: the worker's memory settings (process.py); it closes its Narrators on exit
    and dies with the batch process, so a killed batch leaves no worker writing."""
    from multiprocessing.util import Finalize

    set_up_process(BATCH_WORKER_MMAP_THRESHOLD)
    Finalize(None, _close_narrators, exitpriority=10)
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch process's to handle
    except (OSError, AttributeError):
        pass


def _close_narrators() -> None:
    while _NARRATORS:
        _NARRATORS.popitem()[1].close()


def _rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_job(job: Job, out: str, options: NarrateOptions, settings: str) -> Result:
    """Narrate one article into OUT/<id>/ with this process's Narrator; never raises for a bad article."""
    started = time.time()
    base = Row(job.id, job.source, job.source_hash, settings, ERROR, started_at=started)
    try:
        text, kind, url, digest = job.text, job.kind, job.url, job.source_hash
        if text is None:
            src = read_source(job.location or "", job.kind)
            text, kind, url = src.text, src.kind, src.url or job.url
            digest = digest or sha(text, json.dumps(job.metadata, sort_keys=True))
        if job.skip_if_hash and digest == job.skip_if_hash:
            return Result(replace(base, source_hash=digest), unchanged=True, rss_mb=_rss_mb())
        with _LOCK:
            narrator = _NARRATORS.get(settings)
            if narrator is None:
                set_up_process()  # a dask worker has no initializer: the one-article setting (pool workers keep theirs)
                narrator = _NARRATORS[settings] = Narrator(options)
            try:
                report = narrator.narrate(text, Path(out), job.id, url=url, kind=kind, metadata=job.metadata)
            except BadInput:
                raise
            except Exception:
                _NARRATORS.pop(settings).close()  # a fresh engine for the next article
                raise
        row = replace(
            base,
            source_hash=digest,
            status=DONE if report.verdict == "pass" else FAILED,
            verdict=report.verdict,
            wer=report.wer,
            audio_seconds=report.audio_seconds,
            title=report.title,
            audio_path=f"{report.id}/narration.mp3",
            report_path=f"{report.id}/report.json",
            error=None
            if report.verdict == "pass"
            else f"not verified: WER {report.wer:.3f}, {len(report.verification.faults)} fault(s)",
        )
    except BadInput as exc:
        row = replace(base, error=" ".join(str(exc).split()))
    except Exception as exc:  # one broken article must not stop the batch
        row = replace(base, error=f"internal error ({type(exc).__name__}): {' '.join(str(exc).split())}")
    return Result(replace(row, finished_at=time.time()), rss_mb=_rss_mb())


# ---- the batch process -----------------------------------------------------------------------------------


def _lock(out: Path):
    handle = (out / LOCK_NAME).open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise BadInput(f"another batch is writing to {out}") from None
    return handle


def sweep(out: Path) -> list[Path]:
    """Remove what a killed run left. A .<id>.old-* folder whose <id> is missing holds the last good output:
    it goes back into place (the kill came between the two renames of pipeline.staged_dir)."""
    removed = []
    for pattern in STALE_PATTERNS:
        for stale in sorted(out.glob(pattern)):
            if ".old-" in stale.name:
                for kept in stale.iterdir() if stale.is_dir() else ():
                    if not (out / kept.name).exists():
                        kept.rename(out / kept.name)
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)
            removed.append(stale)
    return removed


def _is_current(row: Row | None, settings: str, out: Path) -> bool:
    return bool(
        row
        and row.passed
        and row.settings_hash == settings
        and row.audio_path
        and row.report_path
        and (out / row.audio_path).is_file()
        and (out / row.report_path).is_file()
    )


def _execute(
    jobs: list[Job], out: Path, options: NarrateOptions, settings: str, workers: int, dask_address: str | None
) -> Iterator[Result]:
    if dask_address:
        yield from _execute_dask(jobs, out, options, settings, dask_address)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("spawn")  # a fresh interpreter: espeak-ng initialised once per process
    count = min(workers, len(jobs))
    threads = max(1, (os.cpu_count() or 1) // count)
    # The workers' Whisper models share the cores instead of each taking them all (any backend).
    options = replace(options, asr_threads=threads)
    pool = ProcessPoolExecutor(count, mp_context=context, initializer=_init_worker)
    try:
        futures = {pool.submit(run_job, job, str(out), options, settings): job for job in jobs}
        for future in as_completed(futures):
            yield _collect(future, futures[future], settings)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(future, job: Job, settings: str) -> Result:
    try:
        return future.result()
    except Exception as exc:  # the worker process itself died (killed, out of memory)
        error = f"worker failed ({type(exc).__name__}): {' '.join(str(exc).split())}"
        return Result(Row(job.id, job.source, job.source_hash, settings, ERROR, error=error, finished_at=time.time()))


def _execute_dask(jobs: list[Job], out: Path, options: NarrateOptions, settings: str, address: str) -> Iterator[Result]:
    """The same run_job on an existing dask.distributed cluster; each worker keeps one Narrator (_NARRATORS).
    OUT must be a folder every worker can write (a shared filesystem); only this process writes the catalog."""
    from distributed import Client, as_completed

    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise BadInput(f"cannot reach the dask scheduler at {address}: {exc}") from None
    try:
        futures = client.map(run_job, jobs, out=str(out), options=options, settings=settings, pure=False)
        by_key = {f.key: job for f, job in zip(futures, jobs, strict=True)}
        for future in as_completed(futures):
            yield _collect(future, by_key[future.key], settings)
    finally:
        client.close()


def run_batch(
    location: Path,
    out: Path,
    options: NarrateOptions | None = None,
    workers: int | None = None,
    dask_address: str | None = None,
    on_start: Callable[[int, int], None] | None = None,
    on_result: Callable[[Result], None] | None = None,
    feed_options: dict | None = None,
) -> BatchResult:
    """Narrate every article of INPUT into OUT, skipping those unchanged since a run that passed them."""
    began = time.time()
    options = options or NarrateOptions()
    jobs = read_jobs(location)
    prepare_out_dir(out)
    lock = _lock(out)
    try:
        sweep(out)
        settings = settings_hash(options)
        rows: dict[str, Row] = {}
        pending: list[Job] = []
        with Catalog(out) as catalog:
            for job in jobs:
                known = catalog.get(job.id)
                if job.error:
                    rows[job.id] = Row(job.id, job.source, None, settings, ERROR, error=job.error)
                    catalog.put(rows[job.id])
                elif _is_current(known, settings, out) and job.source_hash == known.source_hash:
                    rows[job.id] = known
                elif _is_current(known, settings, out) and job.source_hash is None:
                    pending.append(replace(job, skip_if_hash=known.source_hash))
                else:
                    pending.append(job)
            skipped = len(jobs) - len(pending) - sum(1 for j in jobs if j.error)
            if on_start:
                on_start(len(jobs), len(jobs) - len(pending))
            audio_s, rss = 0.0, 0.0
            if pending:
                for result in _execute(pending, out, options, settings, workers or os.cpu_count() or 1, dask_address):
                    if result.unchanged:
                        rows[result.row.id] = catalog.get(result.row.id) or result.row
                        skipped += 1
                    else:
                        catalog.put(result.row)  # after the files: a row marked done always has them
                        rows[result.row.id] = result.row
                        audio_s += result.row.audio_seconds or 0.0
                    rss = max(rss, result.rss_mb)
                    if on_result:
                        on_result(result)
            from .podcast import write_feed

            feed = write_feed(out, catalog.rows(), **(feed_options or {}))
            player.write_index(out, (feed_options or {}).get("title"), feed.name)
    finally:
        lock.close()
    ordered = [rows[job.id] for job in jobs]
    return BatchResult(ordered, skipped, round(time.time() - began, 3), round(audio_s, 3), round(rss, 1), feed)
