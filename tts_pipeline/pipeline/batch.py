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

from tts_pipeline import __version__
from tts_pipeline.errors import BadInput
from tts_pipeline.pipeline.batchinput import Job, open_input, sha
from tts_pipeline.pipeline.catalog import DONE, ERROR, FAILED, Catalog, Row
from tts_pipeline.pipeline.narrator import Narrator, prepare_out_dir
from tts_pipeline.pipeline.options import NarrateOptions
from tts_pipeline.pipeline.process import BATCH_WORKER_MMAP_THRESHOLD, set_up_process
from tts_pipeline.pipeline.sitelearn import batch_site_rules
from tts_pipeline.publish.site import PUBLISHED_MAX, publish_site
from tts_pipeline.stages import audio
from tts_pipeline.stages.source import read_source

LOCK_NAME = ".batch.lock"
IN_FLIGHT_PER_WORKER = 2  # jobs queued per worker: one running, one ready, so a worker never waits for INPUT
ROWS_KEPT = 50  # a batch this small keeps every row for the end table
PROBLEMS_KEPT = 1000  # a larger one keeps only rows that did not pass, up to this many
STALE_PATTERNS = (".*.tmp-*", ".*.old-*", ".write-test-*", ".feed.xml.tmp-*", "_player/.*.tmp-*", "_sites/.*.tmp-*")


@dataclass(frozen=True)
class Result:
    row: Row
    unchanged: bool = False
    rss_mb: float = 0.0
    cpu_s: float = 0.0  # CPU time (user + system, every thread) the worker spent on this job
    worker: int = 0  # the worker's process id


@dataclass
class BatchResult:
    total: int  # articles in INPUT
    passed: int
    rows: list[Row]  # every row when total <= ROWS_KEPT, else those that did not pass (up to PROBLEMS_KEPT)
    skipped: int  # unchanged since the last run
    wall_s: float
    audio_s: float  # audio narrated by this run
    max_rss_mb: float  # peak RSS of the largest worker
    feed: Path | None
    site_files: tuple[Path, ...] = ()  # the site templates this run learnt (sitelearn.py)

    @property
    def all_passed(self) -> bool:
        return self.passed == self.total


def settings_hash(options: NarrateOptions) -> str:
    """Everything besides the page that shapes the output: options, rule/lexicon file contents, audio targets.
    Not the models' thread count, which follows the number of workers; nor the site templates, which each run
    learns again from its pages (an article that passed keeps its narration when its site's template grows)."""
    data = {k: [str(p) for p in v] if isinstance(v, tuple | list) else v for k, v in asdict(options).items()}
    data.pop("cpu_threads")
    data.pop("site_rules_dir")
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
    started, cpu_began = time.time(), time.process_time()
    base = Row(job.id, job.source, job.source_hash, settings, ERROR, started_at=started)
    try:
        text, kind, url, digest = job.text, job.kind, job.url, job.source_hash
        if text is None:
            src = read_source(job.location or "", job.kind)
            text, kind, url = src.text, src.kind, src.url or job.url
            digest = digest or sha(text, json.dumps(job.metadata, sort_keys=True))
        if job.skip_if_hash and digest == job.skip_if_hash:
            return Result(replace(base, source_hash=digest), unchanged=True, rss_mb=_rss_mb(), worker=os.getpid())
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
    cpu_s = time.process_time() - cpu_began
    return Result(replace(row, finished_at=time.time()), rss_mb=_rss_mb(), cpu_s=cpu_s, worker=os.getpid())


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


def threads_per_worker(workers: int) -> int:
    """CPU threads for each worker's models (Whisper, a neural voice): they share the cores instead of each
    taking them all, since onnxruntime and CTranslate2 threads spin while they wait and oversubscribed cores
    cost time."""
    return max(1, (os.cpu_count() or 1) // workers)


class _PoolRunner:
    """Runs jobs on local worker processes, started on the first job (a re-run with nothing to do starts none)."""

    def __init__(self, out: Path, options: NarrateOptions, settings: str, workers: int) -> None:
        self.args = (str(out), replace(options, cpu_threads=threads_per_worker(workers)), settings)
        self.workers = workers
        self.pool = None

    def submit(self, job: Job):
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("spawn")  # a fresh interpreter: espeak-ng initialised once
            self.pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init_worker)
        return self.pool.submit(run_job, job, *self.args)

    @staticmethod
    def wait_any(futures) -> set:
        from concurrent.futures import FIRST_COMPLETED, wait

        return wait(futures, return_when=FIRST_COMPLETED).done

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


class _DaskRunner:
    """The same run_job on an existing dask.distributed cluster; each worker keeps one Narrator (_NARRATORS).
    OUT must be a folder every worker can write (a shared filesystem); only this process writes the catalog."""

    def __init__(self, out: Path, options: NarrateOptions, settings: str, address: str) -> None:
        from distributed import Client

        try:
            self.client = Client(address, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise BadInput(f"cannot reach the dask scheduler at {address}: {exc}") from None
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.kwargs = {"out": str(out), "options": options, "settings": settings}

    def submit(self, job: Job):
        return self.client.submit(run_job, job, **self.kwargs, pure=False)

    @staticmethod
    def wait_any(futures) -> set:
        from distributed import wait

        return wait(list(futures), return_when="FIRST_COMPLETED").done

    def close(self) -> None:
        self.client.close()


def _run_bounded(runner, jobs: Iterator[Job], settings: str) -> Iterator[Result]:
    """Results of the jobs as they finish, with at most IN_FLIGHT_PER_WORKER jobs per worker submitted at a
    time: the batch process's memory does not grow with the number of articles queued."""
    limit = runner.workers * IN_FLIGHT_PER_WORKER
    in_flight: dict = {}
    exhausted = False
    while True:
        while not exhausted and len(in_flight) < limit:
            job = next(jobs, None)
            if job is None:
                exhausted = True
            else:
                in_flight[runner.submit(job)] = job
        if not in_flight:
            return
        for future in runner.wait_any(in_flight):
            yield _collect(future, in_flight.pop(future), settings)


def _collect(future, job: Job, settings: str) -> Result:
    try:
        return future.result()
    except Exception as exc:  # the worker process itself died (killed, out of memory)
        error = f"worker failed ({type(exc).__name__}): {' '.join(str(exc).split())}"
        return Result(Row(job.id, job.source, job.source_hash, settings, ERROR, error=error, finished_at=time.time()))


class _Tally:
    """What a run adds up to, kept at a size that does not grow with the number of articles."""

    def __init__(self) -> None:
        self.total = self.passed = self.skipped = 0
        self.audio_s = self.rss_mb = 0.0
        self.first: list[Row] = []  # the first ROWS_KEPT rows (all of a small batch)
        self.problems: list[Row] = []  # rows that did not pass, up to PROBLEMS_KEPT

    def add(self, row: Row, skipped: bool = False, narrated_s: float = 0.0, rss_mb: float = 0.0) -> None:
        self.total += 1
        self.passed += row.passed
        self.skipped += skipped
        self.audio_s += narrated_s
        self.rss_mb = max(self.rss_mb, rss_mb)
        if len(self.first) < ROWS_KEPT:
            self.first.append(row)
        if not row.passed and len(self.problems) < PROBLEMS_KEPT:
            self.problems.append(row)

    def rows(self) -> list[Row]:
        return self.first if self.total <= ROWS_KEPT else self.problems


def run_batch(
    location: Path,
    out: Path,
    options: NarrateOptions | None = None,
    workers: int | None = None,
    dask_address: str | None = None,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[Result], None] | None = None,
    feed_options: dict | None = None,
    learn_sites: bool = True,
    on_learnt_page: Callable[[int], None] | None = None,
) -> BatchResult:
    """Narrate every article of INPUT into OUT, skipping those unchanged since a run that passed them; then
    publish OUT's feed and index (publish/site.py). INPUT is read as a stream, a few jobs ahead of the workers."""
    began = time.time()
    options = options or NarrateOptions()
    batch_input = open_input(location)  # a bad INPUT fails before OUT is touched
    expected = batch_input.count()
    prepare_out_dir(out)
    lock = _lock(out)
    tally = _Tally()
    try:
        sweep(out)
        on_page = (lambda: on_learnt_page(expected)) if on_learnt_page else None
        options, site_files = batch_site_rules(batch_input, options, out, learn_sites, on_page)
        settings = settings_hash(options)
        with Catalog(out) as catalog:
            jobs = batch_input.jobs(catalog.id_set())
            if on_start:
                on_start(expected)

            def record(result: Result) -> None:
                if result.unchanged:  # a URL whose page is the same as last time
                    tally.add(catalog.get(result.row.id) or result.row, skipped=True, rss_mb=result.rss_mb)
                else:
                    catalog.put(result.row)  # after the files: a row marked done always has them
                    tally.add(result.row, narrated_s=result.row.audio_seconds or 0.0, rss_mb=result.rss_mb)
                if on_result:
                    on_result(result)

            to_run = _jobs_to_run(jobs, catalog, settings, out, record)
            if dask_address:
                runner = _DaskRunner(out, options, settings, dask_address)
            else:
                runner = _PoolRunner(out, options, settings, min(workers or os.cpu_count() or 1, max(expected, 1)))
            try:
                for result in _run_bounded(runner, to_run, settings):
                    record(result)
            finally:
                runner.close()
            published = catalog.newest_passed(PUBLISHED_MAX)
        feed = publish_site(out, published, **(feed_options or {}))
    finally:
        lock.close()
    return BatchResult(
        tally.total, tally.passed, tally.rows(), tally.skipped, round(time.time() - began, 3),
        round(tally.audio_s, 3), round(tally.rss_mb, 1), feed, tuple(site_files),
    )  # fmt: skip


def _jobs_to_run(
    jobs: Iterator[Job], catalog: Catalog, settings: str, out: Path, record: Callable[[Result], None]
) -> Iterator[Job]:
    """The jobs that need a worker; the others (bad before any work, unchanged since a pass) are recorded here."""
    for job in jobs:
        known = catalog.get(job.id)
        if job.error:
            record(Result(Row(job.id, job.source, None, settings, ERROR, error=job.error, finished_at=time.time())))
        elif _is_current(known, settings, out) and job.source_hash == known.source_hash:
            record(Result(known, unchanged=True))
        elif _is_current(known, settings, out) and job.source_hash is None:
            yield replace(job, skip_if_hash=known.source_hash)
        else:
            yield job
