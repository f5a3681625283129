import pytest

from tts_pipeline.stages.verify import normalise, verify_text


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


@pytest.mark.parametrize(
    ("article", "heard"),
    [
        ("the UK and US", "the U.K. and U.S."),
        ("at 7am in Washington DC.", "at 7 a.m. in Washington D.C."),
        ("the USA", "the U.S.A"),
    ],
)
def test_dotted_and_plain_initialisms_compare_alike(article, heard):
    """Whisper writes "U.K." or "UK" as it pleases; its normaliser split the dotted one into letters (2 errors)."""
    assert verify_text(article, heard).wer == 0
    assert verify_text(heard, article).wer == 0


def test_undotting_keeps_every_reference_word():
    assert normalise("In the U.S. The end. E.g. this, 3.5 m.") == "in the us the end eg this 3.5 m"


@pytest.mark.parametrize(
    ("article", "heard"),
    [
        ("a longstanding position", "a long standing position"),
        ("talks are under way", "talks are underway"),
        ("some hotheads appear", "some hot heads appear"),
        ("a long-standing position", "a longstanding position"),
    ],
)
def test_open_and_closed_compounds_compare_alike(article, heard):
    assert verify_text(article, heard).wer == 0


def test_compound_spelling_never_hides_a_missing_word():
    # "around" is in the article and so is "a round": the heard "around" cannot stand for both.
    result = verify_text("he ran a round and around", "he ran around and around")
    assert result.wer > 0
    assert verify_text("the hard core", "the hard").deletions == 1
