"""Publisher lexicons: the four kinds of entry, precedence, bad files, and phonemes the engines honour."""

import pytest

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.lexicon import default_lexicon, load_lexicon_file, load_lexicons, parse_lexicon
from tts_pipeline.stages.speech import to_speech

LEXICON = """
name = "publisher"

[[entry]]
match = "Kyiv"
kind = "substitute"
say = "Keev"

[[entry]]
match = ["ATACMS", "Atacms"]
kind = "word"
say = "Attack ems"

[[entry]]
match = "Nato"
kind = "letters"

[[entry]]
match = "Lammy"
kind = "phonemes"
espeak = "l'ami"
ipa = "lˈæmi"

[[entry]]
match = "le monde"
kind = "substitute"
say = "Luh Mond"
ignore_case = true
"""


@pytest.fixture
def lexicon():
    return parse_lexicon(LEXICON, "publisher.toml")


def test_four_kinds(lexicon):
    speech, changes = to_speech("Lammy said Kyiv got Atacms, Nato and Le Monde agree.", lexicon=lexicon)
    assert speech == "[[l'ami]] said Keev got Attack ems, N.A.T.O. and Luh Mond agree."
    assert {c.rule for c in changes} == {
        "lexicon:publisher:phonemes",
        "lexicon:publisher:substitute",
        "lexicon:publisher:word",
        "lexicon:publisher:letters",
    }


def test_matches_whole_words_only(lexicon):
    assert to_speech("Kyivan Lammyson", lexicon=lexicon)[0] == "Kyivan Lammyson"


def test_case_sensitive_unless_asked(lexicon):
    assert to_speech("KYIV and LE MONDE", lexicon=lexicon)[0] == "K.Y.I.V. and Luh Mond"


def test_earlier_file_wins_over_the_default(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[[entry]]\nmatch = "NATO"\nkind = "letters"\n')
    assert to_speech("NATO", lexicon=load_lexicons([path]))[0] == "N.A.T.O."
    assert to_speech("NATO", lexicon=load_lexicons([]))[0] == "Nato"


def test_default_lexicon_loads_and_is_general():
    entries = default_lexicon().entries
    assert len(entries) > 30
    assert all(e.match.count(" ") <= 2 for e in entries)  # words and names, not sentences


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[entry", "not valid TOML"),
        ('[[entry]]\nmatch = "x"\nkind = "shout"\n', "kind 'shout'"),
        ('[[entry]]\nkind = "word"\n', "needs 'match'"),
        ('[[entry]]\nmatch = "x"\nkind = "substitute"\n', "needs 'say'"),
        ('[[entry]]\nmatch = "x"\nkind = "phonemes"\n', "needs 'espeak' and/or 'ipa'"),
        ('[[entry]]\nmatch = "x"\nkind = "phonemes"\nespeak = "a]]b"\n', "brackets"),
        ('[[entry]]\nmatch = "x"\nkind = "word"\nspeak = "y"\n', "unknown keys: speak"),
        ('[words]\nx = "y"\n', "unknown top-level keys"),
        ('entry = "x"\n', "array of tables"),
    ],
)
def test_malformed_lexicon_is_bad_input(content, message):
    with pytest.raises(BadInput, match=message):
        parse_lexicon(content, "bad.toml")


def test_unreadable_lexicon_file_is_bad_input(tmp_path):
    with pytest.raises(BadInput, match="cannot read lexicon"):
        load_lexicon_file(tmp_path / "missing.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(BadInput, match="cannot read lexicon"):
        load_lexicon_file(binary)


def test_espeak_says_phonemes_not_brackets(engine, tmp_path):
    """espeak-ng reads [[...]] as phonemes only with espeakPHONEMES, which the engine adds."""
    from tts_pipeline.stages.engines.pyttsx3_engine import validate_wav

    engine.synthesize("[[h@l'oU]]", tmp_path / "phonemes.wav")
    engine.synthesize("h at l apostrophe o u", tmp_path / "spelled.wav")
    assert validate_wav(tmp_path / "phonemes.wav") < 0.6 * validate_wav(tmp_path / "spelled.wav")


@pytest.mark.slow
def test_default_lexicon_name_is_heard_back_spelt_right(engine, recognizer, tmp_path):
    """Keir said as espeak's own reading ("care") or as [[k'i@3]] comes back "Care"/"Kirr"; [[k'i:@r]] as "Keir"."""
    speech, changes = to_speech("Sir Keir Starmer said the plan was fair.")
    assert [c.rule for c in changes] == ["lexicon:default:phonemes"]
    engine.synthesize(speech, tmp_path / "keir.wav")
    assert "keir" in recognizer.transcribe(tmp_path / "keir.wav").text.lower()
