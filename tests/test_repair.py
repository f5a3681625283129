"""Self-repair: a paragraph whose first render is spoiled is found, rendered again, spliced in, and the
narration passes; report.json lists the repair. Real espeak-ng, real Whisper, in a process of its own."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO

ARTICLE = """Water company plans new reservoir

The regional water company said on Monday that it would build a new reservoir in the hills north of the town.

The reservoir will hold enough water for forty thousand homes and should be finished within four years.

Local farmers said they welcomed the plan but wanted to know how much land would be flooded.
"""

RUN = """
import json, sys
from pathlib import Path
from tts_pipeline.stages import engines
engines.ENGINES["corrupting"] = "tests.corrupting_engine:CorruptingEngine"
from tts_pipeline.pipeline.narrator import Narrator
from tts_pipeline.pipeline.options import NarrateOptions
voice, page, out, attempts = sys.argv[1:5]
narrator = Narrator(NarrateOptions(voice=voice, repair_attempts=int(attempts)))
report = narrator.narrate(Path(page).read_text(), Path(out), "reservoir")
print(json.dumps({"verdict": report.verdict, "repairs": [vars(r) for r in report.repairs],
                  "spoiled": narrator.engine.spoiled}))
"""


def narrate_spoiled(tmp_path, damage: str, attempts: int = 2, always: bool = False) -> dict:
    voice = tmp_path / "spoiling.toml"
    voice.write_text(
        f'name = "spoiling"\nengine = "corrupting"\nvoice = "en-us"\ndamage = "{damage}"\nrate = 165\n'
        f"always = {str(always).lower()}\n"
    )
    page = tmp_path / "reservoir.txt"
    page.write_text(ARTICLE)
    args = [str(voice), str(page), str(tmp_path / "out"), str(attempts)]
    done = subprocess.run([sys.executable, "-c", RUN, *args], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["cut", "repeat", "noise"])
def test_a_spoiled_paragraph_is_repaired_and_the_narration_passes(tmp_path, damage):
    result = narrate_spoiled(tmp_path, damage)
    assert result["spoiled"] == 1
    assert result["verdict"] == "pass", result
    first = result["repairs"][0]
    assert first["attempt"] == 1 and first["result"] == "fixed" and first["paragraph"] == 2
    report = json.loads((tmp_path / "out" / "reservoir" / "report.json").read_text())
    assert report["repairs"] == result["repairs"] and report["faults"] == []


def test_with_repair_off_the_spoiled_paragraph_fails_and_no_repair_is_listed(tmp_path):
    result = narrate_spoiled(tmp_path, "cut", attempts=0)
    assert result["verdict"] == "fail" and result["repairs"] == []
    report = json.loads((tmp_path / "out" / "reservoir" / "report.json").read_text())
    assert report["faults"] and report["repairs"] == []


@pytest.mark.slow
def test_a_repair_that_never_converges_stops_after_its_attempts_and_fails(tmp_path):
    result = narrate_spoiled(tmp_path, "cut", attempts=2, always=True)
    assert result["spoiled"] == 3  # the first render and one retake per attempt, no more
    assert result["verdict"] == "fail"
    repairs = [(r["attempt"], r["paragraph"], r["result"]) for r in result["repairs"]]
    assert repairs == [(1, 2, "faulty"), (2, 2, "faulty")]
    report = json.loads((tmp_path / "out" / "reservoir" / "report.json").read_text())
    assert report["verdict"] == "fail" and report["faults"] and report["faults"][0]["paragraph"] == 2
