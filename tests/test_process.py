"""Lifetimes are explicit: a Narrator changes nothing process-wide, and close() releases both models."""

from __future__ import annotations

import subprocess
import sys


def test_a_narrator_leaves_process_settings_alone_and_close_releases_its_models():
    code = (
        "from tts_pipeline.pipeline import process; from tts_pipeline.stages import audio;"
        "from tts_pipeline.pipeline.narrator import Narrator;"
        "converter = audio.AudioSegment.converter;"
        "n = Narrator(); n.recognizer; n.engine;"
        "assert process._threshold_set is None, 'a Narrator set the mmap threshold';"
        "assert audio.AudioSegment.converter == converter, 'importing audio configured pydub';"
        "n.close(); assert n._recognizer is None and n._engine is None;"
        "process.set_up_process(1 << 20); process.set_up_process(); assert process._threshold_set == 1 << 20;"
        "print('ok')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]
