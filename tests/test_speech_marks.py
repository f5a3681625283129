"""Speech text: the marks a page's text carries that an engine would read by name (a list's bullets, stars,
asterisks, arrows, trade-mark signs). espeak-ng says '* Bins' as 'asterisk bins', '→' as 'right arrow', '▪'
as 'black small square' and '™' as 'trade mark'; each mark is said as a reader would, or not at all."""

import pytest

from tts_pipeline.stages.speech import to_speech

# What espeak-ng (and so Piper and Kokoro, which phonemise with it) reads aloud by name.
NAMED_BY_THE_ENGINE = set("*#→▪■▲▼™®~†‡★☆/¶↩")


def say(text: str) -> str:
    return to_speech(text)[0]


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        ("* Bins are collected weekly", "Bins are collected weekly", "list-bullet"),
        ("+ Roads are resurfaced", "Roads are resurfaced", "list-bullet"),
        ("→ Pools reopen in May", "Pools reopen in May", "list-bullet"),
        ("▪ Buses run later", "Buses run later", "list-bullet"),
        ("■ Fares are frozen", "Fares are frozen", "list-bullet"),
        ("- Schools get more money", "Schools get more money", "list-bullet"),
        ("## What happens next", "What happens next", "list-bullet"),
        ("The guide gave it ★★★★☆.", "The guide gave it four stars out of five.", "star-rating"),
        ("rated ★★★★½ by guests", "rated four and a half stars by guests", "star-rating"),
        ("Paradise Resort ★★★★", "Paradise Resort four stars", "star-rating"),
        ("a lone ★ from the critic", "a lone one star from the critic", "star-rating"),
        ("a 5* hotel", "a five-star hotel", "star-rating"),
        ("rated 4.5* by inspectors", "rated four point five-star by inspectors", "star-rating"),
        ("called it a **huge** win", "called it a huge win", "emphasis-marks"),
        ("it was *not* a good stay", "it was not a good stay", "emphasis-marks"),
        ("what the f*** happened", "what the f- happened", "censored-word"),
        ("f***ing hell", "f-ing hell", "censored-word"),
        ("Prices rose 4%* last year.", "Prices rose four percent last year.", "footnote-mark"),
        ("*Terms and conditions apply.", "Terms and conditions apply.", "footnote-mark"),
        ("the Widget™ range", "the Widget range", "footnote-mark"),
        ("a ~£5m scheme", "a about five million pounds scheme", "approximately"),
        ("Fares go £5 → £7 in May.", "Fares go five pounds to seven pounds in May.", "arrow-to"),
        ("The issue ends here. ■", "The issue ends here.", "drop-unsayable"),
        ("Kingsmoor ▲4 places", "Kingsmoor up four places", "up-down"),
        ("Shares ▼0.3% today", "Shares down zero point three percent today", "up-down"),
        ("Classen Curve / Western Avenue", "Classen Curve, Western Avenue", "dash-pause"),
        ("Model #: NX-200", "Model number N.X.-two hundred", "number-mark"),
        ("a sonata in C# minor", "a sonata in C sharp minor", "sharp"),
        ("The kernel docs ¶", "The kernel docs", "drop-unsayable"),
        ("not included in this analysis. ↩︎", "not included in this analysis.", "drop-unsayable"),
        ("~ Franklin Chaney, office manager", "Franklin Chaney, office manager", "list-bullet"),
        ("rated 7/10 by critics", "rated seven out of ten by critics", "score"),
        ("Arjun Nair, 9/10: paced his innings", "Arjun Nair, nine out of ten: paced his innings", "score"),
        ("She got 85/100.", "She got eighty-five out of one hundred.", "score"),
        ("from £5/month", "from five pounds per month", "per"),
        ("rooms at $200/night", "rooms at two hundred dollars per night", "per"),
        ("a $1.2m/yr contract", "a one point two million dollars per year contract", "per"),
        ("carrots at 50p/kg", "carrots at fifty pence per kilo", "per"),
    ],
)
def test_a_mark_the_engine_would_name_is_said_as_a_reader_would(text, expected, rule):
    speech, changes = to_speech(text)
    assert speech == expected
    assert rule in {c.rule for c in changes}
    assert not NAMED_BY_THE_ENGINE & set(speech)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-2 degrees overnight", "minus two degrees overnight"),  # a minus, not a bullet
        ("the #1 hit", "the Number one hit"),
        ("2+2 is four", "two plus two is four"),
        ("1. Roads are resurfaced", "one. Roads are resurfaced"),  # a numbered item keeps its number
        ("She won £5, he said.", "She won five pounds, he said."),  # no star after the amount
        ("The 5 stars of the show", "The five stars of the show"),
    ],
)
def test_text_that_only_looks_like_a_mark_is_left_to_the_other_rules(text, expected):
    assert say(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3/10 of voters", "three tenths of voters"),  # before 'of', a fraction
        ("a day/night cycle", "a day night cycle"),  # no amount before the slash: not 'per'
        ("open 24/7", "open twenty-four seven"),
        ("scored 5 / 10", "scored five out of ten"),
        ("the #MeToo movement", "the hashtag Me Too movement"),
    ],
)
def test_slashes_that_are_no_score_or_rate_keep_their_reading(text, expected):
    assert say(text) == expected


def test_a_slash_after_on_or_since_may_be_a_date_and_is_no_score():
    assert "out of" not in say("on 5/10 the council met")
    assert "out of" not in say("since 3/5 the road has been shut")
