"""SIGKILL in the middle of a batch, then a re-run: all done, nothing redone, no temp folders, every MP3 decodes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import av
import pytest

from tests.conftest import CLI, REPO
from tests.test_batch import catalog_rows, stale

TOPICS = ["bridge", "school", "market", "garden", "station", "museum"]


def children(pid: int) -> list[int]:
    """The process's child processes (the pool's workers, the resource tracker), from /proc."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie is dead, waiting for a parent that may never reap it


def done_rows(out: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{out / 'catalog.sqlite'}?mode=ro", uri=True, timeout=5)
        try:
            return db.execute("SELECT count(*) FROM articles WHERE status = 'done'").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_sigkill_then_rerun_finishes_without_redoing(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for topic in TOPICS:
        (pages / f"{topic}.txt").write_text(
            f"New {topic} plans announced\n\nThe council said on Monday that the new {topic} would open next year."
            f"\n\nResidents will be asked for their views on the {topic} in the spring.\n"
        )
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    batch = [*CLI, "batch", str(pages), "-o", str(out), "-j", "2"]
    proc = subprocess.Popen(batch, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while done_rows(out) < 1 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    workers = children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed = catalog_rows(out)
    assert 1 <= len(killed) < len(TOPICS), "the kill should land mid-batch"
    deadline = time.monotonic() + 30  # the workers die with the batch process (PR_SET_PDEATHSIG)
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers and not any(map(running, workers)), "a worker outlived the killed batch"

    rerun = subprocess.run(batch, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    rows = catalog_rows(out)
    assert sorted(rows) == sorted(TOPICS)
    assert all(r["status"] == "done" and r["verdict"] == "pass" for r in rows.values())
    for ident, row in killed.items():  # what was done before the kill was not redone
        assert rows[ident]["finished_at"] == row["finished_at"], ident
    assert not stale(out)
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == sorted(["_player", *TOPICS])
    for topic in TOPICS:
        with av.open(str(out / topic / "narration.mp3")) as container:
            frames = sum(frame.samples for frame in container.decode(audio=0))
        assert frames > 22050
        report = json.loads((out / topic / "report.json").read_text())
        assert report["id"] == topic and report["verdict"] == "pass"
