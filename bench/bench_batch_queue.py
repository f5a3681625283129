"""Batch memory against queue length: peak RSS of the batch process itself with 1,000 and 100,000 articles
queued in a JSONL file, the workers busy narrating the first few.

Each run starts `tts-pipeline batch` on a generated archive of short articles, lets it work for --seconds,
then interrupts it (Ctrl-C, as a user would) and reads the batch process's peak RSS (VmHWM) just before.
A batch that holds its INPUT or its jobs in memory grows with the queue; a stream stays flat. Also checks
that the interrupted run left no partial article folder in OUT.

    python bench/bench_batch_queue.py [--queued 1000 100000] [--seconds 40] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
PARAGRAPH = (
    "The council said on Tuesday that the new bridge over the river would open in the spring, two years later "
    "than planned, after the cost of steel rose by a third. Residents who had waited since 2019 welcomed the news."
)


def write_archive(path: Path, count: int) -> int:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            record = {"id": f"story-{n}", "title": f"Bridge story number {n}", "text": f"{PARAGRAPH}\n\n{PARAGRAPH}"}
            out.write(json.dumps(record) + "\n")
    return path.stat().st_size


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run(queued: int, seconds: float, workers: int, folder: Path) -> dict:
    archive = folder / f"queued-{queued}.jsonl"
    size = write_archive(archive, queued)
    out = folder / f"out-{queued}"
    command = [str(BIN / "tts-pipeline"), "batch", str(archive), "-o", str(out), "-j", str(workers)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(seconds)
    rss = peak_rss_mb(process.pid)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    done = sum(1 for p in out.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    partial = [p.name for p in out.iterdir() if ".tmp-" in p.name or ".old-" in p.name]
    return {"queued": queued, "mb": size / 1e6, "rss": rss, "done": done, "rc": process.returncode,
            "partial": partial, "stderr": stderr.strip().splitlines()[-1:] }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queued", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--seconds", type=float, default=40.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-queue-") as tmp:
        results = [run(n, args.seconds, args.workers, Path(tmp)) for n in args.queued]
    for r in results:
        print(
            f"queued {r['queued']:>7,} articles ({r['mb']:.1f} MB JSONL): batch process peak RSS {r['rss']:.0f} MB "
            f"after {args.seconds:.0f} s ({r['done']} narrated); Ctrl-C exit {r['rc']}, "
            f"partial folders left: {len(r['partial'])} {' '.join(r['stderr'])}"
        )
    if len(results) > 1:
        print(f"RSS ratio, largest queue to smallest: {results[-1]['rss'] / max(results[0]['rss'], 1):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
