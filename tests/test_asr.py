import pytest

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.asr import create_recognizer
from tts_pipeline.stages.verify import verify_text


def test_tiny_en_transcribes_a_real_espeak_clip(recognizer, short_wav):
    transcript = recognizer.transcribe(short_wav)
    assert (transcript.backend, transcript.model) == ("faster-whisper", "tiny.en")
    assert "bridge" in transcript.text.lower()
    assert transcript.words and transcript.words[0].start < transcript.words[-1].end <= transcript.audio_seconds + 0.5
    reference = "The city council voted on Tuesday to build a new bridge across the river."
    assert verify_text(reference, transcript).verdict == "pass"


def test_not_audio_is_bad_input(recognizer, tmp_path):
    fake = tmp_path / "fake.mp3"
    fake.write_text("this is not audio at all")
    with pytest.raises(BadInput, match="cannot decode audio"):
        recognizer.transcribe(fake)


def test_unknown_backend_and_model_are_bad_input():
    with pytest.raises(BadInput, match="unknown ASR backend"):
        create_recognizer("nope")
    with pytest.raises(BadInput, match="unknown faster-whisper model"):
        create_recognizer("faster-whisper", "huge-v9")
