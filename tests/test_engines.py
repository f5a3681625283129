import wave

import pytest

from tts_pipeline.engines import create_engine
from tts_pipeline.engines.pyttsx3_engine import resolve_voice, validate_wav
from tts_pipeline.errors import BadInput, EngineError
from tts_pipeline.voices import Voice, get_voice, load_voice_file


def test_pyttsx3_writes_a_valid_wav(short_wav):
    with wave.open(str(short_wav), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
    assert 2.0 < validate_wav(short_wav) < 10.0


def test_long_text_waits_for_the_whole_utterance(engine, tmp_path, capfd):
    """Over a few seconds of speech runAndWait returns before espeak has written the file."""
    text = " ".join(["The committee met again on Thursday to discuss the budget for next year."] * 6)
    path = tmp_path / "long.wav"
    engine.synthesize(text, path)
    assert validate_wav(path) > 20.0
    assert capfd.readouterr().out == ""  # the driver's "Audio saved to ..." print is silenced


def test_engine_is_reusable_for_many_segments(engine, tmp_path):
    durations = []
    for index in range(5):
        path = tmp_path / f"seg{index}.wav"
        engine.synthesize(f"Paragraph number {index + 1} of the article.", path)
        durations.append(validate_wav(path))
    assert all(d > 1.0 for d in durations)


def test_unknown_espeak_voice_is_bad_input():
    with pytest.raises(BadInput, match="no voice 'xx-nowhere'"):
        resolve_voice("xx-nowhere", ["gmw/en-us", "gmw/en"])
    assert resolve_voice("en-US", ["gmw/en-us"]) == "en-us"


def test_unknown_voice_name_is_bad_input():
    with pytest.raises(BadInput, match="unknown voice 'martian'"):
        get_voice("martian")


def test_unknown_engine_is_bad_input():
    with pytest.raises(BadInput, match="unknown engine"):
        create_engine(Voice(name="x", engine="nope", engine_voice="en-us"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name = ", "not valid TOML"),
        ('name = "x"\nengine = "pyttsx3"\n', "missing 'voice'"),
        ('name = "x"\nengine = "pyttsx3"\nvoice = "en-us"\nrate = 5000\n', "outside 80-450"),
    ],
)
def test_malformed_voice_file_is_bad_input(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(BadInput, match=message):
        load_voice_file(path)


def test_truncated_wav_is_an_engine_error(tmp_path):
    path = tmp_path / "broken.wav"
    path.write_bytes(b"RIFF\x00\x00")
    with pytest.raises(EngineError):
        validate_wav(path)


@pytest.mark.parametrize("library", ["bundled", "auto"])
def test_narration_works_with_the_pypi_espeak_library(tmp_path, library):
    """A fresh machine has no system espeak-ng: the espeakng-loader copy must work on its own."""
    import os
    import subprocess
    import sys

    code = (
        "from tts_pipeline.engines.pyttsx3_engine import Pyttsx3Engine, validate_wav, load_espeak_library;"
        f"e = Pyttsx3Engine('en-us'); e.synthesize('Testing the bundled library.', {str(tmp_path / 'a.wav')!r});"
        f"print(load_espeak_library(), validate_wav({str(tmp_path / 'a.wav')!r}))"
    )
    env = {**os.environ, "TTS_PIPELINE_ESPEAK": library}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    where, seconds = result.stdout.split()
    assert float(seconds) > 1.0
    if library == "bundled":
        assert where.endswith("libespeak-ng.so")
