"""Installed as a new user installs it: a wheel built from this tree, in a fresh virtual environment (its
dependencies from the package index, as pip resolves them), narrating the sample from outside the tree."""

from __future__ import annotations

import os
import subprocess
import sys
import venv

import pytest

from .conftest import REPO, SAMPLE


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_has_its_voices_and_narrates(tmp_path):
    dist = tmp_path / "dist"
    build = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", str(REPO)]
    subprocess.run([*build, "-w", str(dist)], check=True, capture_output=True, timeout=300)
    [wheel] = dist.glob("tts_pipeline-*.whl")
    venv.create(tmp_path / "venv", with_pip=True)
    bin_dir = tmp_path / "venv" / "bin"
    install = subprocess.run(
        [bin_dir / "pip", "install", "--quiet", str(wheel)], capture_output=True, text=True, timeout=1200
    )
    assert install.returncode == 0, install.stderr[-3000:]
    env = {k: v for k, v in os.environ.items() if k not in ("TTS_PIPELINE_VOICES", "PYTHONPATH", "VIRTUAL_ENV")}

    def run(*args: str) -> subprocess.CompletedProcess:
        # From an empty folder: nothing of the source tree is importable or findable there.
        cmd = [bin_dir / "tts-pipeline", *args]
        return subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600)

    voices = run("voices")
    assert voices.returncode == 0, voices.stderr
    assert all(name in voices.stdout for name in ("en-us", "en-gb", "joe")) and "NOT USABLE" not in voices.stdout
    cleaned = run("clean", str(REPO / "samples" / "lbc-ukraine-troops-page.txt"))
    assert cleaned.returncode == 0 and cleaned.stdout.startswith("Lammy insists"), cleaned.stderr
    narrated = run("narrate", str(SAMPLE), "-o", str(tmp_path / "out"))
    assert narrated.returncode == 0 and "verified (pass)" in narrated.stdout, narrated.stderr
    assert (tmp_path / "out" / "_player" / "player.js").is_file()
    assert (tmp_path / "out" / SAMPLE.stem / "player.html").is_file()
