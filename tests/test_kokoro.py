"""The Kokoro-82M engine: real kokoro-onnx on short text, real Whisper, and every bad input it can meet."""

from __future__ import annotations

import hashlib
import json
import wave
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tts_pipeline.errors import BadInput
from tts_pipeline.modelcache import join_checked
from tts_pipeline.stages.engines import create_engine, voice_problem
from tts_pipeline.stages.verify import verify_text
from tts_pipeline.stages.voices import VOICES_DIR, get_voice, load_voice_file

KOKORO_VOICES = ("heart", "michael", "emma", "george")
BRIDGE = "The city council voted on Tuesday to build a new bridge across the river."


@pytest.fixture(scope="module")
def heart():
    tts = create_engine(get_voice("heart"))
    yield tts
    tts.close()


def seconds(wav: Path) -> float:
    with wave.open(str(wav)) as audio:
        assert audio.getframerate() == 24_000 and audio.getnchannels() == 1 and audio.getsampwidth() == 2
        return audio.getnframes() / audio.getframerate()


@pytest.mark.parametrize("name", KOKORO_VOICES)
def test_each_kokoro_voice_is_usable_here(name):
    assert voice_problem(get_voice(name)) == ""


def test_kokoro_speaks_and_whisper_hears_it(heart, recognizer, tmp_path):
    wav = tmp_path / "bridge.wav"
    heart.synthesize(BRIDGE, wav)
    assert 3.0 < seconds(wav) < 8.0
    assert verify_text(BRIDGE, recognizer.transcribe(wav)).wer <= 0.1


def test_a_long_run_on_paragraph_is_split_and_all_of_it_is_said(heart, recognizer, tmp_path):
    """Over Kokoro's 510-phoneme window and with no sentence end: split at clauses, nothing dropped."""
    text = ", and ".join(f"the {w} committee met on the {n}th floor" for n, w in enumerate(
        ["housing", "transport", "schools", "parks", "libraries", "health", "budget", "planning", "licensing",
         "waste", "water", "roads", "youth", "culture"], 4))  # fmt: skip
    wav = tmp_path / "long.wav"
    heart.synthesize(text, wav)
    assert len(heart.phonemes(text)) > 510
    assert verify_text(text, recognizer.transcribe(wav)).wer <= 0.15


def test_lexicon_ipa_in_double_brackets_is_passed_through(heart):
    phonemes = heart.phonemes("Say [[kəˈkɔːɹoʊ]] twice")
    assert "kəˈkɔːɹoʊ" in phonemes and phonemes.startswith("s")


def test_text_the_phonemiser_cannot_say_is_bad_input(heart, tmp_path):
    with pytest.raises(BadInput, match="nothing to say"):
        heart.synthesize("… — ((()))", tmp_path / "marks.wav")


def test_narrate_with_a_kokoro_voice_passes(tmp_path):
    page = tmp_path / "bridge.txt"
    page.write_text(f"Council approves new bridge\n\n{BRIDGE} It will open in 2027, officials said.\n")
    result = run_cli("narrate", str(page), "-o", str(tmp_path / "out"), "--voice", "george")
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "out" / "bridge" / "report.json").read_text())
    assert report["voice"] == "george" and report["verdict"] == "pass"


def _voice_file(tmp_path: Path, **keys: str) -> Path:
    body = {"name": "k", "engine": "kokoro", "voice": "af_heart", "styles": str(VOICES_DIR / "kokoro"), **keys}
    path = tmp_path / "k.toml"
    path.write_text("".join(f'{k} = "{v}"\n' for k, v in body.items()))
    return path


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ({"voice": "af_nobody"}, "kokoro voice 'af_nobody' has no style file"),
        ({"styles": "/nonexistent"}, "has no style file"),
        ({"lang": "fr-fr"}, "lang 'fr-fr' is not one of en-us, en-gb"),
    ],
)
def test_a_bad_kokoro_voice_file_is_one_line_exit_2_and_nothing_written(tmp_path, keys, message):
    page = tmp_path / "page.txt"
    page.write_text(f"Headline here\n\n{BRIDGE}\n")
    out = tmp_path / "out"
    result = run_cli("narrate", str(page), "-o", str(out), "--voice", str(_voice_file(tmp_path, **keys)))
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_a_wrong_sized_style_file_is_named(tmp_path):
    styles = tmp_path / "styles"
    styles.mkdir()
    (styles / "af_heart.bin").write_bytes(b"\0" * 1000)
    assert "is 1000 bytes, not a kokoro style" in voice_problem(
        load_voice_file(_voice_file(tmp_path, styles=str(styles)))
    )


def _parts(folder: Path, data: bytes, count: int = 3) -> list[Path]:
    paths = []
    for n in range(count):
        path = folder / f"pkg{n}" / "part.bin"
        path.parent.mkdir(parents=True)
        path.write_bytes(data[n * len(data) // count : (n + 1) * len(data) // count])
        paths.append(path)
    return paths


def test_model_parts_are_joined_once_and_checked(tmp_path):
    data = bytes(range(256)) * 100
    parts = _parts(tmp_path, data)
    dest = tmp_path / "cache" / "model.onnx"
    assert join_checked(dest, parts, len(data), hashlib.sha256(data).hexdigest(), "the model").read_bytes() == data
    parts[0].unlink()  # joined before: reused without its parts
    assert join_checked(dest, parts, len(data), hashlib.sha256(data).hexdigest(), "the model") == dest


def test_a_corrupt_or_missing_part_is_bad_input_and_leaves_no_file(tmp_path):
    data = bytes(range(256)) * 100
    parts = _parts(tmp_path, data)
    parts[1].write_bytes(b"x" * parts[1].stat().st_size)  # same size, wrong bytes
    dest = tmp_path / "cache" / "model.onnx"
    with pytest.raises(BadInput, match="corrupt"):
        join_checked(dest, parts, len(data), hashlib.sha256(data).hexdigest(), "the model")
    assert list(dest.parent.iterdir()) == []
    parts[2].unlink()
    with pytest.raises(BadInput, match="incomplete: missing"):
        join_checked(dest, parts, len(data), hashlib.sha256(data).hexdigest(), "the model")
