"""Speech text: written forms of news copy that were read wrongly or left to the engine as digits and
abbreviations (espeak-ng reads 'Dec.' as 'deck', and '2,500t' came out as 'two,500t')."""

import pytest

from tts_pipeline.stages.speech import to_speech


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        ("in Dec. 2019 the", "in December twenty nineteen the", "month-year"),
        ("Sept 2021 figures", "September twenty twenty-one figures", "month-year"),
        ("Jan–Sep 2022", "January to September twenty twenty-two", "weekday-month-range"),
        ("he is 6ft 1in tall", "he is six feet one inch tall", "height"),
        ("the 6ft 3in frontman", "the six feet three inches frontman", "height"),
        ("a 2,500t ship", "a two thousand five hundred tonnes ship", "tonnes"),
        ("open 7-10pm", "open seven to ten P.M.", "hour-range"),
        ("from 9.30-11am", "from nine thirty to eleven A.M.", "hour-range"),
        ("12 Elm Pl and 4 Oak Dr", "twelve Elm Place and four Oak Drive", "street"),
        ("said Dr Élodie Verstraete", "said Doctor Élodie Verstraete", "title"),
        ("a target of 1,840p", "a target of one thousand eight hundred forty pence", "pence-cents"),
        ("revenue ($m)", "revenue, millions of dollars,", "currency-scale"),
        ("a 5,000mAh cell", "a five thousand milliamp hours cell", "unit"),
        ("1,234x more", "one thousand two hundred thirty-four times more", "times"),
        ("minus 7bp", "minus seven basis points", "unit"),
        ("a 1bp cut", "a one basis point cut", "unit"),
        ("a 1 kWh battery", "a one kilowatt hour battery", "unit"),  # the plural word, wherever it stands
        ("a 1 sq km site", "a one square kilometre site", "unit"),
        ("200g plain flour", "two hundred grams plain flour", "unit"),
        ("1 tbsp oil and 2 tsp salt", "one tablespoon oil and two teaspoons salt", "unit"),
        ("412 kcal", "four hundred twelve calories", "unit"),
        ("Cook: 1hr 20 min", "Cook: one hour twenty minutes", "unit"),
        ("S$1.94bn", "one point nine four billion Singapore dollars", "currency"),
        ("1½ cups of stock", "one and a half cups of stock", "mixed-fraction"),
        ("1½ tsp ground cardamom", "one and a half teaspoons ground cardamom", "spoon"),
        ("Ashbury\t30\t28", "Ashbury, thirty, twenty-eight", "cell-pause"),
        ("Ashbury | 30 | 28", "Ashbury, thirty, twenty-eight", "cell-pause"),
    ],
)
def test_news_forms_are_said_in_full(text, expected, rule):
    speech, changes = to_speech(text)
    assert speech == expected
    assert rule in {c.rule for c in changes}
    assert not any(ch.isdigit() for ch in speech)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr Smith said", "Doctor Smith said"),
        ("in 5 years", "in five years"),
        ("the 2019-20 season", "the twenty nineteen to twenty twenty season"),
        ("May 2020", "May twenty twenty"),
        ("rose 2.05 points", "rose two point zero five points"),
        ("at 7.30pm", "at seven thirty P.M."),
        ("½ tsp saffron", "½ teaspoon saffron"),  # espeak says '½' as 'a half'
    ],
)
def test_lookalikes_keep_their_reading(text, expected):
    assert to_speech(text)[0] == expected
