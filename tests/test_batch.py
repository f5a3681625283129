"""`tts-pipeline batch`: folders, JSONL and URL lists, bad articles recorded, resumable runs (real espeak + Whisper)."""

from __future__ import annotations

import functools
import http.server
import json
import sqlite3
import threading
from pathlib import Path

import pytest

from tests.conftest import run_cli

STORIES = {
    "bridge": "Council approves new bridge over the river\n\nThe city council voted on Tuesday to build a new bridge "
    "across the river.\n\nWork will begin next spring and should take two years.\n",
    "rain": "Rain expected across the north\n\nForecasters say heavy rain will reach the northern hills by Friday "
    "evening.\n\nFlood warnings are in place for three rivers.\n",
    "library": "Library opens on Sundays\n\nThe central library will open on Sundays from next month.\n\nThe "
    "council said more people wanted to study at the weekend.\n",
}


def catalog_rows(out: Path) -> dict[str, dict]:
    db = sqlite3.connect(out / "catalog.sqlite")
    db.row_factory = sqlite3.Row
    try:
        return {row["id"]: dict(row) for row in db.execute("SELECT * FROM articles")}
    finally:
        db.close()


def stale(out: Path) -> list[Path]:
    return [*out.glob(".*.tmp-*"), *out.glob(".*.old-*")]


@pytest.fixture(scope="module")
def folder_batch(tmp_path_factory) -> tuple[Path, Path, object]:
    """Two good pages and four bad files, narrated once with 2 workers."""
    base = tmp_path_factory.mktemp("folder")
    pages = base / "pages"
    pages.mkdir()
    for name in ("bridge", "rain"):
        (pages / f"{name}.txt").write_text(STORIES[name])
    (pages / "empty.txt").write_text("")
    (pages / "photo.jpg").write_bytes(bytes(range(256)) * 40)
    (pages / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (pages / "subfolder").mkdir()
    out = base / "out"
    result = run_cli("batch", str(pages), "-o", str(out), "-j", "2")
    return pages, out, result


def test_folder_batch_records_bad_files_and_goes_on(folder_batch):
    _pages, out, result = folder_batch
    assert result.returncode == 1, result.stderr
    rows = catalog_rows(out)
    assert {rows["bridge"]["status"], rows["rain"]["status"]} == {"done"}
    assert rows["bridge"]["verdict"] == "pass" and rows["bridge"]["audio_seconds"] > 3
    for bad in ("empty", "photo", "menu"):
        assert rows[bad]["status"] == "error" and rows[bad]["error"], bad
        assert "\n" not in rows[bad]["error"]
        assert bad in result.stdout  # the failure table names it
    assert "empty" in rows["empty"]["error"] and "binary" in rows["photo"]["error"]
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["_player", "bridge", "rain"]
    for ident in ("bridge", "rain"):
        report = json.loads((out / ident / "report.json").read_text())
        assert report["verdict"] == "pass"
    assert not stale(out)
    assert "Traceback" not in result.stderr


def test_batch_writes_an_index_of_passed_articles_with_players_and_the_feed(folder_batch):
    _pages, out, _ = folder_batch
    index = (out / "index.html").read_text()
    assert index.count('class="tts-player"') == 2 and 'href="feed.xml"' in index
    assert 'href="bridge/player.html"' in index and 'src="rain/narration.mp3"' in index
    assert "_player/player.js" in index and (out / "_player" / "player.js").is_file()
    assert "menu" not in index and "empty" not in index


def test_rerun_skips_unchanged_and_redoes_changed(folder_batch):
    pages, out, _ = folder_batch
    before = catalog_rows(out)
    for bad in ("empty.txt", "photo.jpg", "menu.html"):
        (pages / bad).unlink()
    (pages / "rain.txt").write_text(STORIES["rain"].replace("three rivers", "four rivers"))
    result = run_cli("batch", str(pages), "-o", str(out), "-j", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    after = catalog_rows(out)
    assert after["bridge"]["finished_at"] == before["bridge"]["finished_at"]  # unchanged: not redone
    assert after["rain"]["finished_at"] > before["rain"]["finished_at"]  # changed: redone
    assert "four rivers" in (out / "rain" / "article.txt").read_text()
    assert "1 unchanged" in result.stdout


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def local_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "library.html").write_text(
        "<html><head><title>Library opens on Sundays</title></head><body><article><h1>Library opens on Sundays</h1>"
        + "".join(f"<p>{p}</p>" for p in STORIES["library"].split("\n\n")[1:])
        + "</article></body></html>"
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_jsonl_with_broken_lines_hostile_ids_and_urls(tmp_path, local_site):
    lines = [
        json.dumps({"id": "../escape", "text": STORIES["bridge"], "byline": "Jo Reporter", "site": "Town News"}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "/etc/cron.d/evil", "text": STORIES["rain"]}),
        json.dumps({"id": "../escape", "text": STORIES["rain"]}),  # duplicate id
        json.dumps({"id": "remote", "url": f"{local_site}/library.html"}),
        json.dumps({"id": "missing", "url": f"{local_site}/nope.html"}),
        json.dumps({"id": "down", "url": "http://127.0.0.1:9/page.html"}),
        json.dumps({"id": "nothing"}),
        json.dumps(["not", "an", "object"]),
    ]
    jsonl = tmp_path / "articles.jsonl"
    jsonl.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    result = run_cli("batch", str(jsonl), "-o", str(out), "-j", "2")
    assert result.returncode == 1, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.jsonl", "out", "site"]  # nothing escaped OUT
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["_player", "escape", "etc-cron-d-evil", "remote"]
    rows = catalog_rows(out)
    assert rows["escape"]["verdict"] == "pass" and rows["remote"]["verdict"] == "pass"
    report = json.loads((out / "escape" / "report.json").read_text())
    assert report["metadata"]["byline"] == "Jo Reporter" and report["metadata"]["site"] == "Town News"
    errors = {ident: row["error"] for ident, row in rows.items() if row["status"] == "error"}
    assert "404" in errors["missing"] and "127.0.0.1:9" in errors["down"]
    assert any("not valid JSON" in e for e in errors.values())
    assert any("duplicate id" in e for e in errors.values())
    assert any("not a JSON object" in e for e in errors.values())
    assert "no text, html or http(s) url" in errors["nothing"]
    assert len(errors) == 6
    assert not stale(out)


def test_url_list_input(tmp_path, local_site):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# archive\n{local_site}/library.html\nnot a url\n")
    out = tmp_path / "out"
    result = run_cli("batch", str(urls), "-o", str(out), "-j", "1")
    assert result.returncode == 1, result.stderr
    rows = catalog_rows(out)
    assert rows["library"]["verdict"] == "pass"
    assert [r["error"] for r in rows.values() if r["status"] == "error"] == ["line 3: not an http(s) URL"]
    again = run_cli("batch", str(urls), "-o", str(out), "-j", "1")  # the page is fetched again: unchanged
    assert again.returncode == 1 and "1 unchanged" in again.stdout, again.stdout
    assert catalog_rows(out)["library"]["finished_at"] == rows["library"]["finished_at"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "absent", "not found"),
        (lambda p: (p / "emptydir").mkdir() or p / "emptydir", "has no files"),
        (lambda p: (p / "words.txt").write_text("just some words\n") and p / "words.txt", "neither"),
        (lambda p: (p / "nil.jsonl").write_text("") or p / "nil.jsonl", "empty"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path, make, message):
    result = run_cli("batch", str(make(tmp_path)), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["faster-whisper", "openai-whisper"])
def test_batch_workers_share_the_cores_whatever_the_asr_backend(tmp_path, backend):
    """The thread count reached workers through an environment variable only faster-whisper read, so
    `batch --asr openai-whisper` ran every worker's torch on all the cores."""
    import os

    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("bridge", "rain"):
        (pages / f"{name}.txt").write_text(STORIES[name])
    out = tmp_path / "out"
    result = run_cli("batch", str(pages), "-o", str(out), "-j", "2", "--asr", backend)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("bridge", "rain"):
        asr = json.loads((out / name / "report.json").read_text())["asr"]
        assert asr["backend"] == backend and asr["threads"] == max(1, (os.cpu_count() or 1) // 2)


def test_a_jsonl_archive_over_20_mb_is_read_line_by_line(tmp_path):
    """12,000 short articles in 22.8 MB were refused whole ("larger than 20 MB"): the cap is per article."""
    from tts_pipeline.pipeline.batchinput import read_jobs

    body = "The council met on Tuesday and agreed the plan. " * 36
    archive = tmp_path / "big.jsonl"
    with archive.open("w", encoding="utf-8") as handle:
        for n in range(12_000):
            handle.write(json.dumps({"id": f"a{n}", "title": f"Story {n}", "text": body}) + "\n")
    assert archive.stat().st_size > 20 * 1024 * 1024
    jobs = read_jobs(archive)
    assert len(jobs) == 12_000 and not any(job.error for job in jobs)
    assert jobs[-1].id == "a11999" and jobs[-1].text.startswith("Story 11999")


def test_a_line_over_20_mb_is_one_failed_article_and_the_batch_goes_on(tmp_path):
    archive = tmp_path / "mixed.jsonl"
    huge = json.dumps({"id": "huge", "text": "word " * (5 * 1024 * 1024)})
    archive.write_text(huge + "\n" + json.dumps({"id": "bridge", "text": STORIES["bridge"]}) + "\n")
    out = tmp_path / "out"
    result = run_cli("batch", str(archive), "-o", str(out), "-j", "1")
    assert result.returncode == 1, result.stdout + result.stderr
    rows = catalog_rows(out)
    assert rows["bridge"]["verdict"] == "pass"
    assert rows["@line1"]["error"] == "line 1: longer than 20 MB"


def test_input_is_read_as_a_stream_not_all_at_once(tmp_path):
    """Jobs come from the file as they are asked for: a line added after the first job was read is seen."""
    from tts_pipeline.pipeline.batchinput import open_input

    archive = tmp_path / "stream.jsonl"
    archive.write_text("".join(json.dumps({"id": f"a{n}", "text": "Some words."}) + "\n" for n in range(3)))
    jobs = open_input(archive).jobs()
    assert next(jobs).id == "a0"
    with archive.open("a") as handle:
        handle.write(json.dumps({"id": "late", "text": "More words."}) + "\n")
    assert [job.id for job in jobs] == ["a1", "a2", "late"]


def test_duplicate_ids_are_found_through_the_catalogs_id_set(tmp_path):
    from tts_pipeline.pipeline.batchinput import open_input
    from tts_pipeline.pipeline.catalog import Catalog

    archive = tmp_path / "dupes.jsonl"
    archive.write_text("".join(json.dumps({"id": i, "text": "Words here."}) + "\n" for i in ("x", "y", "x")))
    with Catalog(tmp_path) as catalog:
        jobs = list(open_input(archive).jobs(catalog.id_set()))
    assert [job.id for job in jobs] == ["x", "y", "x@3"]
    assert jobs[2].error == "duplicate id 'x' (dupes.jsonl line 3)"


def test_no_more_than_two_jobs_per_worker_are_in_flight():
    """The batch process hands out INPUT a few jobs ahead of the workers, never the whole queue at once."""
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    from tts_pipeline.pipeline.batch import IN_FLIGHT_PER_WORKER, Result, _run_bounded
    from tts_pipeline.pipeline.batchinput import Job
    from tts_pipeline.pipeline.catalog import DONE, Row

    class ThreadRunner:
        """Runs each job at once on a thread; counts jobs handed out and not yet collected."""

        workers = 2

        def __init__(self) -> None:
            self.pool = ThreadPoolExecutor(self.workers)
            self.submitted = self.collected = self.most = 0

        def submit(self, job: Job):
            self.submitted += 1
            self.most = max(self.most, self.submitted - self.collected)
            return self.pool.submit(lambda: Result(Row(job.id, job.source, "h", "s", DONE, verdict="pass")))

        @staticmethod
        def wait_any(futures):
            return wait(futures, return_when=FIRST_COMPLETED).done

    runner = ThreadRunner()
    queue = (Job(f"a{n}", f"line {n}") for n in range(500))
    ids = []
    for result in _run_bounded(runner, queue, "s"):
        runner.collected += 1
        ids.append(result.row.id)
    runner.pool.shutdown()
    assert sorted(ids) == sorted(f"a{n}" for n in range(500))
    assert runner.most == runner.workers * IN_FLIGHT_PER_WORKER
