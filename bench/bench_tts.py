"""Synthesis benchmark: each engine on one page, beside the raw espeak-ng CLI, in the same run.

For each voice a fresh process builds the speech text (rules + default lexicon) and renders every
segment as `narrate` does; we report load seconds, synthesis seconds, x real time (audio seconds per
synthesis second) and that process's own peak RSS (wait4). The floor is espeak-ng synthesising the
cleaned article text (the CLI when installed, else libespeak-ng called directly as in bench_e2e.py).

    python bench/bench_tts.py samples/lbc-ukraine-troops-page.txt [--voices en-us joe heart] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

from bench_e2e import run_measured

from tts_pipeline.stages.clean import clean_text

VOICE_SCRIPT = r"""
import json, sys, time, wave
from pathlib import Path
from tts_pipeline.stages.clean import clean_text
from tts_pipeline.pipeline.options import NarrateOptions
from tts_pipeline.pipeline.narrator import Narrator
page, voice_name, work = sys.argv[1:4]
began = time.perf_counter()
narrator = Narrator(NarrateOptions(voice=voice_name))
engine = narrator.engine
load_s = time.perf_counter() - began
script = narrator.script(clean_text(Path(page).read_text(encoding="utf-8")))
began = time.perf_counter()
audio_s = 0.0
for index, segment in enumerate(script.segments):
    wav = Path(work) / f"{voice_name}-{index}.wav"
    engine.synthesize(segment.speech, wav)
    with wave.open(str(wav)) as w:
        audio_s += w.getnframes() / w.getframerate()
synth_s = time.perf_counter() - began
engine.close()
print(json.dumps({"load_s": load_s, "synth_s": synth_s, "audio_s": audio_s}))
"""

FLOOR_SCRIPT = r"""
import ctypes, json, os, shutil, subprocess, sys, time, wave
text_path, wav_path, rate = sys.argv[1:4]
began = time.perf_counter()
cli = shutil.which("espeak-ng")
if cli:
    subprocess.run([cli, "-v", "en-us", "-s", rate, "-w", wav_path, "-f", text_path], check=True)
    how = "espeak-ng CLI"
else:  # libespeak-ng from espeakng-loader, synchronous mode (as bench_e2e.py)
    import espeakng_loader
    lib = ctypes.CDLL(espeakng_loader.get_library_path())
    data = os.path.dirname(espeakng_loader.get_data_path()).encode()
    sample_rate = lib.espeak_Initialize(2, 0, ctypes.c_char_p(data), 0)
    chunks = []
    CB = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)
    callback = CB(lambda wav, n, ev: (chunks.append(ctypes.string_at(wav, n * 2)) if n > 0 else None) or 0)
    lib.espeak_SetSynthCallback(callback)
    lib.espeak_SetVoiceByName(b"en-us")
    lib.espeak_SetParameter(1, int(rate), 0)
    text = open(text_path, encoding="utf-8").read().encode()
    lib.espeak_Synth(ctypes.c_char_p(text), len(text) + 1, 0, 0, 0, 1, None, None)
    lib.espeak_Synchronize()
    with wave.open(wav_path, "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(sample_rate); w.writeframes(b"".join(chunks))
    how = "libespeak-ng (no CLI installed)"
synth_s = time.perf_counter() - began
with wave.open(wav_path) as w:
    audio_s = w.getnframes() / w.getframerate()
print(json.dumps({"load_s": 0.0, "synth_s": synth_s, "audio_s": audio_s, "how": how}))
"""


def measure(cmd: list[str], runs: int) -> dict:
    walls, rss, parts = [], [], []
    for _ in range(runs):
        wall, peak, out = run_measured(cmd)
        walls.append(wall)
        rss.append(peak)
        parts.append(json.loads(out))
    med = statistics.median
    synth = med(p["synth_s"] for p in parts)
    audio = parts[0]["audio_s"]
    return {
        "audio_seconds": round(audio, 2),
        "load_seconds": round(med(p["load_s"] for p in parts), 3),
        "synth_seconds": round(synth, 3),
        "x_real_time": round(audio / synth, 1),
        "process_wall_seconds": round(med(walls), 3),
        "peak_rss_mb": round(max(rss), 1),
        **({"how": parts[0]["how"]} if "how" in parts[0] else {}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", type=Path)
    parser.add_argument("--voices", nargs="+", default=["en-us", "joe", "heart"])
    parser.add_argument("--runs", type=int, default=3, help="runs of each; medians reported")
    parser.add_argument("--floor-rate", default="150", help="espeak-ng words per minute for the floor")
    args = parser.parse_args()

    article = clean_text(args.page.read_text(encoding="utf-8"))
    results = {}
    with tempfile.TemporaryDirectory(prefix="tts-bench-") as work:
        text_file = Path(work) / "article.txt"
        text_file.write_text(article.text, encoding="utf-8")
        floor = [sys.executable, "-c", FLOOR_SCRIPT, str(text_file), str(Path(work) / "floor.wav"), args.floor_rate]
        results["espeak-ng (raw)"] = measure(floor, args.runs)
        for voice in args.voices:
            results[voice] = measure([sys.executable, "-c", VOICE_SCRIPT, str(args.page), voice, work], args.runs)
    print(json.dumps({"page": str(args.page), "runs": args.runs, "engines": results}, indent=2))
    print(f"{'engine':<16} {'audio s':>8} {'load s':>7} {'synth s':>8} {'x real time':>12} {'peak RSS MB':>12}")
    for name, r in results.items():
        print(
            f"{name:<16} {r['audio_seconds']:>8} {r['load_seconds']:>7} {r['synth_seconds']:>8} "
            f"{r['x_real_time']:>12} {r['peak_rss_mb']:>12}"
        )


if __name__ == "__main__":
    main()
