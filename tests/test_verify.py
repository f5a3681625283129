import pytest

from tts_pipeline.verify import normalise, verify_text


def test_normaliser_is_whispers_english_one():
    assert normalise("Mr Putin said: “We’re 100% ready.”") == "mister putin said we are 100% ready"


def test_identical_text_passes_with_zero_wer():
    result = verify_text("The Foreign Secretary said so.", "the foreign secretary said so")
    assert (result.verdict, result.wer, result.reference_words) == ("pass", 0.0, 5)


def test_half_missing_audio_fails():
    reference = "red green blue cyan magenta yellow black white grey brown"
    result = verify_text(reference, "red green blue cyan magenta")
    assert result.verdict == "fail"
    assert result.deletions == 5 and result.wer == 0.5


def test_empty_transcript_is_total_failure():
    result = verify_text("Some words here.", "")
    assert (result.verdict, result.wer, result.deletions) == ("fail", 1.0, 3)


def test_threshold_is_respected():
    assert verify_text("a b c d", "a b c x", threshold=0.25).verdict == "pass"
    assert verify_text("a b c d", "a b x x", threshold=0.25).verdict == "fail"


def test_reference_without_words_is_refused():
    with pytest.raises(ValueError):
        verify_text("...", "anything")


def test_bracketed_text_is_compared_not_dropped():
    """Whisper's normaliser deletes "(...)" (transcript annotations); article brackets are read out."""
    assert normalise("Shops will close (some never reopened).") == "shops will close some never reopened"
    assert verify_text("Shops will close (some never reopened).", "shops will close some never reopened").wer == 0
