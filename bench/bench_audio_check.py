"""Audio-check benchmark: seconds per audio minute, false alarms on clean narrations, detection of injected faults.

    python bench/bench_audio_check.py OUT/<id>/narration.mp3 ... (narrations of any voices; report.json beside)
    python bench/bench_audio_check.py --narrate samples/lbc-ukraine-troops-page.txt   (narrates it with en-us)

Each narration is checked as published (false alarms), then with each injected fault after a 64 kbps MP3 round
trip: noise bursts of 0.5, 2 and 5 s at -20, -30 and -40 dBFS between paragraphs, 4 s of silence, 1 s of
clipping, a DC offset of 0.05 and a paragraph 14 dB quieter. A detection counts when a fault of that kind
is found within 1 s of the injected place (anywhere, for a DC offset).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests import audio_faults as inject
from tts_pipeline.article import SentenceCheck
from tts_pipeline.stages import audiocheck
from tts_pipeline.stages.asr.audio import SAMPLE_RATE, decode_audio


def paragraph_spans(mp3: Path) -> list[tuple[float, float]]:
    """The paragraphs' times from the narration's report.json, as the verifier places audio faults."""
    report = mp3.parent / "report.json"
    if not report.is_file():
        return []
    sentences = [SentenceCheck(**s) for s in json.loads(report.read_text(encoding="utf-8"))["sentences"]]
    return list(audiocheck.paragraph_spans(sentences).values())


def cases(samples: np.ndarray, spans: list[tuple[float, float]]) -> dict[str, tuple[str, np.ndarray, float | None]]:
    middle = len(samples) / SAMPLE_RATE / 2
    pause = inject.pause_between_paragraphs(samples, middle)
    made: dict[str, tuple[str, np.ndarray, float | None]] = {}
    for seconds in (0.5, 2.0, 5.0):
        for dbfs in (-20.0, -30.0, -40.0):
            damaged, at = inject.noise_burst(samples, pause, seconds, dbfs)
            made[f"noise {seconds:g} s at {dbfs:g} dBFS"] = ("noise-burst", damaged, at)
    made["silence 4 s"] = ("long-silence", *inject.silence(samples, pause, 4.0))
    made["clipping 1 s"] = ("clipping", *inject.clipping(samples, inject.loudest_spot(samples, middle) - 8000))
    made["dc offset 0.05"] = ("dc-offset", inject.dc_offset(samples, 0.05)[0], None)
    if len(spans) >= 3:
        quiet = samples.copy()
        start, end = (int(t * SAMPLE_RATE) for t in spans[len(spans) // 2])
        quiet[start:end] *= np.float32(10 ** (-14 / 20))
        made["paragraph -14 dB"] = ("level", quiet, spans[len(spans) // 2][0])
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("audio", nargs="*", type=Path)
    parser.add_argument("--narrate", type=Path, help="narrate this page with en-us first and use its MP3")
    args = parser.parse_args(argv)
    files = list(args.audio)
    if args.narrate:
        folder = Path(tempfile.mkdtemp())
        command = [sys.executable, "-m", "tts_pipeline", "narrate", str(args.narrate), "-o", str(folder)]
        subprocess.run(command, check=False)
        files += sorted(folder.glob("*/narration.mp3"))
    if not files:
        print("error: no narration given", file=sys.stderr)
        return 2
    detected = total = false_alarms = 0
    check_s = audio_s = 0.0
    for mp3 in files:
        samples, spans = decode_audio(mp3), paragraph_spans(mp3)
        began = time.perf_counter()
        clean = audiocheck.find_audio_faults(samples, SAMPLE_RATE, spans)
        check_s += time.perf_counter() - began
        audio_s += len(samples) / SAMPLE_RATE
        false_alarms += len(clean)
        alarms = [(f.kind.value, round(f.start, 1)) for f in clean]
        print(f"{mp3}: {len(samples) / SAMPLE_RATE:.0f} s, false alarms {alarms}")
        for label, (kind, damaged, at) in cases(samples, spans).items():
            found = inject.heard(damaged, spans)
            hit = any(f.kind == kind and (at is None or abs(f.start - at) < 1.0) for f in found)
            detected += hit
            total += 1
            if not hit:
                print(f"  missed {label}: found {[(f.kind.value, round(f.start, 1)) for f in found]}")
    print(f"audio check: {check_s / (audio_s / 60):.3f} s per audio minute over {audio_s / 60:.1f} min")
    print(f"false alarms on {len(files)} clean narrations: {false_alarms}")
    print(f"injected faults detected: {detected}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
