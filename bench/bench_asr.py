"""ASR benchmark: transcription seconds per minute of audio, model load time and peak RSS, for every
backend x model, on an espeak-ng narration of one page; plus how closely the backends agree.

Each (backend, model) runs in a fresh process (imports and model load included in its peak RSS, read
with wait4()) against an empty model cache, so ``cold_load_s`` includes the one-time joining (base) and
conversion (openai-whisper); a second process times the load again from the now warm cache.

    python bench/bench_asr.py samples/lbc-ukraine-troops-page.txt [--audio narration.mp3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tts_pipeline.stages.clean import clean_text
from tts_pipeline.stages.verify import normalise, verify_text

CHILD = r"""
import json, sys, time
from pathlib import Path
began = time.perf_counter()
from tts_pipeline.stages.asr import create_recognizer
recognizer = create_recognizer(sys.argv[1], sys.argv[2], int(sys.argv[4]))
load_s = time.perf_counter() - began
result = {"load_s": load_s}
if sys.argv[3] != "-":
    began = time.perf_counter()
    transcript = recognizer.transcribe(Path(sys.argv[3]))
    result.update(asr_s=time.perf_counter() - began, audio_s=transcript.audio_seconds, text=transcript.text)
print(json.dumps(result))
"""


def run_measured(cmd: list[str], env: dict) -> tuple[float, dict]:
    """Run a child; return (its own peak RSS in MB, its JSON output)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        out.seek(0), err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"benchmark child failed: {' '.join(cmd[3:])}\n{err.read().decode()}")
        return usage.ru_maxrss / 1024, json.loads(out.read().decode().strip().splitlines()[-1])


def synthesize(text: str, wav: Path) -> None:
    """The page read by raw espeak-ng (en-us, 170 wpm): the CLI when installed, else libespeak-ng from
    espeakng-loader called directly. Independent of our engine code, so the numbers measure ASR only."""
    cli = shutil.which("espeak-ng")
    if cli:
        subprocess.run([cli, "-v", "en-us", "-s", "170", "-w", str(wav)], input=text.encode(), check=True)
        return
    import ctypes
    import wave

    import espeakng_loader

    lib = ctypes.CDLL(espeakng_loader.get_library_path())
    data = os.path.dirname(espeakng_loader.get_data_path()).encode()
    rate = lib.espeak_Initialize(2, 0, ctypes.c_char_p(data), 0)  # AUDIO_OUTPUT_SYNCHRONOUS
    chunks: list[bytes] = []
    callback_type = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)

    def gather(samples, count, _events) -> int:
        if count > 0:
            chunks.append(ctypes.string_at(samples, count * 2))
        return 0

    callback = callback_type(gather)
    lib.espeak_SetSynthCallback(callback)
    lib.espeak_SetVoiceByName(b"en-us")
    lib.espeak_SetParameter(1, 170, 0)  # espeakRATE
    encoded = text.encode()
    lib.espeak_Synth(ctypes.c_char_p(encoded), len(encoded) + 1, 0, 0, 0, 1, None, None)  # espeakCHARS_UTF8
    lib.espeak_Synchronize()
    with wave.open(str(wav), "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(rate)
        out.writeframes(b"".join(chunks))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", type=Path)
    parser.add_argument("--audio", type=Path, help="narration of the page (default: synthesize with espeak-ng)")
    parser.add_argument("--backends", default="faster-whisper,openai-whisper")
    parser.add_argument("--models", default="tiny.en,base")
    parser.add_argument("--beam-size", default="1")
    args = parser.parse_args()

    article = clean_text(args.page.read_text(encoding="utf-8"))
    work = Path(tempfile.mkdtemp(prefix="tts-bench-asr-"))
    try:
        audio = args.audio
        if audio is None:
            audio = work / "narration.wav"
            began = time.perf_counter()
            synthesize(article.text, audio)
            print(f"espeak-ng narration: {time.perf_counter() - began:.1f} s", file=sys.stderr)
        rows = []
        for model in args.models.split(","):
            for backend in args.backends.split(","):
                env = {**os.environ, "XDG_CACHE_HOME": str(work / f"cache-{backend}-{model}")}
                cmd = [sys.executable, "-c", CHILD, backend, model]
                rss, cold = run_measured([*cmd, str(audio), args.beam_size], env)
                _, warm = run_measured([*cmd, "-", args.beam_size], env)
                rows.append(
                    {
                        "backend": backend,
                        "model": model,
                        "audio_s": round(cold["audio_s"], 1),
                        "asr_s": round(cold["asr_s"], 2),
                        "s_per_audio_min": round(cold["asr_s"] / (cold["audio_s"] / 60), 2),
                        "cold_load_s": round(cold["load_s"], 2),
                        "warm_load_s": round(warm["load_s"], 2),
                        "peak_rss_mb": round(rss, 1),
                        "wer": verify_text(article.text, cold["text"]).wer,
                        "text": cold["text"],
                    }
                )
                print(json.dumps({k: v for k, v in rows[-1].items() if k != "text"}), file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    agreement = {}  # WER of one backend's transcript against the other's, per model
    for model in args.models.split(","):
        texts = [r["text"] for r in rows if r["model"] == model]
        if len(texts) == 2:
            agreement[model] = verify_text(normalise(texts[0]), texts[1]).wer
    for row in rows:
        del row["text"]
    print(
        json.dumps(
            {"page": str(args.page), "beam_size": int(args.beam_size), "runs": rows, "agreement_wer": agreement},
            indent=2,
        )
    )
    print(f"\n{'backend':16}{'model':9}{'s/audio min':>12}{'cold load':>11}{'warm load':>11}{'peak RSS':>10}{'WER':>7}")
    for r in rows:
        print(
            f"{r['backend']:16}{r['model']:9}{r['s_per_audio_min']:>12.2f}{r['cold_load_s']:>10.2f}s"
            f"{r['warm_load_s']:>10.2f}s{r['peak_rss_mb']:>7.0f} MB{r['wer']:>7.3f}"
        )
    for model, wer in agreement.items():
        print(f"{model}: backends differ by WER {wer:.3f}")


if __name__ == "__main__":
    main()
