"""Voices as data: the shipped voices, their checks, and bad voice files."""

import pytest

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.engines import create_engine, voice_problem
from tts_pipeline.stages.engines.piper_engine import package_data_dir
from tts_pipeline.stages.voices import VOICES_DIR, get_voice, load_voice_file, scan_voices


def test_shipped_voices_are_all_usable_here():
    found = {path.stem: (voice, error) for path, voice, error in scan_voices()}
    assert {"en-us", "en-gb", "en-rp", "joe"} <= set(found)
    for name, (voice, error) in found.items():
        assert not error, name
        assert voice_problem(voice) == "", name


def test_alphabet_follows_the_engine():
    assert get_voice("en-us").alphabet == "espeak"
    assert get_voice("joe").alphabet == "ipa"


def test_voice_lexicon_is_relative_to_the_voice_file(tmp_path):
    path = tmp_path / "v.toml"
    path.write_text('name = "v"\nengine = "pyttsx3"\nvoice = "en-us"\nlexicon = "v-words.toml"\n')
    assert load_voice_file(path).lexicon == (tmp_path / "v-words.toml",)


def test_piper_voice_with_missing_model_is_bad_input(tmp_path):
    path = tmp_path / "ghost.toml"
    path.write_text('name = "ghost"\nengine = "piper"\nvoice = "en_US-ghost"\nmodel = "ghost.onnx"\n')
    voice = get_voice(str(path))
    assert "missing" in voice_problem(voice)
    with pytest.raises(BadInput, match=r"ghost\.onnx.*missing"):
        create_engine(voice)


def test_piper_voice_from_a_package_that_is_not_installed_is_bad_input(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('name = "p"\nengine = "piper"\nvoice = "x"\npackage = "no_such_voice_pkg"\n')
    with pytest.raises(BadInput, match="pip install no-such-voice-pkg"):
        create_engine(load_voice_file(path))


def test_corrupt_piper_model_is_bad_input(tmp_path):
    (tmp_path / "bad.onnx").write_bytes(b"not a model")
    (tmp_path / "bad.onnx.json").write_text("{}")
    path = tmp_path / "bad.toml"
    path.write_text('name = "bad"\nengine = "piper"\nvoice = "bad"\nmodel = "bad.onnx"\n')
    with pytest.raises(BadInput, match="cannot load Piper model"):
        create_engine(load_voice_file(path))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('name = "x"\nengine = "pyttsx3"\nvoice = "en-us"\nspeed = 3\n', "unknown keys: speed"),
        ('name = "x"\nengine = "pyttsx3"\nvoice = "en-us"\npitch = 500\n', "pitch 500"),
        ('name = "x"\nengine = "pyttsx3"\nvoice = "en-us"\n[pauses]\nsentence_ms = -5\n', "pauses.sentence_ms"),
        ('name = "x"\nengine = "pyttsx3"\nvoice = "en-us"\n[pauses]\nnap_ms = 5\n', "bad value"),
        ('name = "x"\nengine = "pyttsx3"\nvoice = "en-us"\nlexicon = 3\n', "lexicon must be"),
        ('name = "x"\nengine = "pyttsx3"\nvoice = "en-us"\nword_gap_ms = 900\n', "word_gap_ms 900"),
        ('name = "x"\nengine = "piper"\nvoice = "v"\nnoise_scale = 5.0\n', "noise_scale 5.0"),
        ('name = "x"\nengine = "piper"\nvoice = "v"\nnoise_w = "loud"\n', "bad value"),
    ],
)
def test_malformed_voice_file_is_bad_input(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(BadInput, match=message):
        load_voice_file(path)


def test_scan_reports_a_broken_file_beside_the_good_ones(tmp_path):
    (tmp_path / "good.toml").write_text((VOICES_DIR / "en-us.toml").read_text())
    (tmp_path / "broken.toml").write_text("name = ")
    found = {path.name: error for path, _, error in scan_voices(tmp_path)}
    assert found["good.toml"] == ""
    assert "not valid TOML" in found["broken.toml"]


def test_a_piper_voice_config_that_is_not_json_is_bad_input(tmp_path):
    onnx = package_data_dir(get_voice("joe").settings.package) / "en_US-joe-medium.onnx"
    (tmp_path / "v.onnx").symlink_to(onnx)
    (tmp_path / "v.onnx.json").write_text("{not json")
    path = tmp_path / "v.toml"
    path.write_text('name = "v"\nengine = "piper"\nvoice = "v"\nmodel = "v.onnx"\n')
    with pytest.raises(BadInput, match="cannot read Piper voice config"):
        create_engine(load_voice_file(path))
