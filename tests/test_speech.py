"""Speech text: each rule on the kind of text it is for, the changes it records, and bad input."""

import pytest

from tts_pipeline.article import Article
from tts_pipeline.errors import BadInput
from tts_pipeline.stages.lexicon import Lexicon, parse_lexicon
from tts_pipeline.stages.speech import MAX_SEGMENT_WORDS, build_script, parse_speech_rules, to_speech


def say(text: str, **kwargs) -> str:
    return to_speech(text, **kwargs)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It cost £1.2bn.", "It cost one point two billion pounds."),
        ("a $5m grant", "a five million dollars grant"),
        ("€20 each", "twenty euros each"),
        ("£3.50 a pint", "three pounds fifty a pint"),
        ("£1 coin", "one pound coin"),
        ("up 20% on", "up twenty percent on"),
        ("1.5 per cent", "one point five per cent"),
        ("a range of up to 300 kilometers", "a range of up to three hundred kilometers"),
        ("a 5km run", "a five kilometres run"),
        ("at 70mph", "at seventy miles per hour"),
        ("at 07:28", "at seven twenty-eight"),
        ("by 10:00", "by ten o'clock"),
        ("from 7pm", "from seven P.M."),
        ("at 7.30am", "at seven thirty A.M."),
        ("on 26 November 2024", "on twenty-sixth November twenty twenty-four"),
        ("the November 11 ceremonies", "the November eleventh ceremonies"),
        ("in the 1990s", "in the nineteen nineties"),
        ("in 2019-20", "in twenty nineteen to twenty twenty"),
        ("3-4 times", "three to four times"),
        ("his 3rd term", "his third term"),
        ("the 101st time", "the one hundred first time"),
        ("1,234 people", "one thousand two hundred thirty-four people"),
        ("130,000 students", "one hundred thirty thousand students"),
        ("£1,500", "one thousand five hundred pounds"),
        ("since 1945", "since nineteen forty-five"),
        ("Mr Smith and Dr Jones", "Mister Smith and Doctor Jones"),
        ("at No 10", "at Number ten"),
        ("the PM said", "the P.M. said"),
        ("the UK and the BBC", "the U.K. and the B.B.C."),
        ("at the G7", "at the G seven"),
        ("the UK's position", "the U.K.'s position"),
        ("NATO allies", "Nato allies"),
        ("cats & dogs", "cats and dogs"),
        ("He said: “We are ready.”", "He said: We are ready."),
        ("Barrot’s statement", "Barrot’s statement"),
        ("the war — and the peace", "the war, and the peace"),
        ("the PM (Keir Starmer) said", "the P.M., [[k'i:@r]] Starmer, said"),
        ("World War II", "World War Two"),
        ("Queen Elizabeth II and Henry VIII", "Queen Elizabeth the Second and Henry the Eighth"),
        ("an IV drip", "an IV drip"),
        ("in the USA.", "in the U.S.A."),
        ("MPs voted", "M.P.s voted"),
        ("Mr Putin", "Mister [[p'u:tIn]]"),
    ],
)
def test_rules_say_news_text_as_words(text, expected):
    assert say(text) == expected


def test_each_change_names_its_rule():
    _, changes = to_speech("The UK spent £1.2bn in 2024.")
    assert [(c.rule, c.before, c.after) for c in changes] == [
        ("currency", "£1.2bn", "one point two billion pounds"),
        ("year", "2024", "twenty twenty-four"),
        ("acronym-letters", "UK", "U.K."),
    ]


def test_all_capitals_headline_is_not_spelled_out():
    assert say("BREAKING: MINISTER RESIGNS OVER LEAK") == "BREAKING: MINISTER RESIGNS OVER LEAK"


def test_lexicon_wins_over_rules_and_its_phonemes_are_left_alone():
    lexicon = parse_lexicon(
        '[[entry]]\nmatch = "Kursk"\nkind = "phonemes"\nespeak = "k\'U@sk"\nipa = "kˈʊɹsk"\n'
        '[[entry]]\nmatch = "No 10"\nkind = "substitute"\nsay = "Number Ten"\n',
        "test.toml",
    )
    speech, changes = to_speech("In Kursk 3 times, said No 10.", lexicon=lexicon, alphabet="espeak")
    assert speech == "In [[k'U@sk]] three times, said Number Ten."
    assert ("lexicon:test:phonemes", "Kursk", "[[k'U@sk]]") in [(c.rule, c.before, c.after) for c in changes]
    assert say("In Kursk.", lexicon=lexicon, alphabet="ipa") == "In [[kˈʊɹsk]]."
    assert say("In Kursk.", lexicon=lexicon, alphabet=None) == "In Kursk."  # no alphabet: the word stays


def test_espeak_phonemes_with_digits_survive_the_number_rules():
    lexicon = parse_lexicon('[[entry]]\nmatch = "Kursk"\nkind = "phonemes"\nespeak = "k\'3:sk"\n', "x.toml")
    assert say("Kursk 2", lexicon=lexicon) == "[[k'3:sk]] two"


def test_emoji_and_control_characters_are_dropped_with_a_note():
    speech, changes = to_speech("Great news 🎉🎉 today\x07!")
    assert speech == "Great news today!"
    assert {c.rule for c in changes} == {"drop-unsayable"}


def test_build_script_keeps_source_and_uses_default_lexicon():
    article = Article("NATO meets", ("The UK said so.",))
    script = build_script(article)
    assert [s.kind for s in script.segments] == ["title", "paragraph"]
    assert script.segments[0].speech == "Nato meets"
    assert script.segments[1].source == "The UK said so."
    assert build_script(article, lexicon=Lexicon()).segments[0].speech == "N.A.T.O. meets"  # no lexicon: letters


def test_run_on_paragraph_is_bad_input():
    article = Article("Title", ("word " * (MAX_SEGMENT_WORDS + 1),))
    with pytest.raises(BadInput, match="run-on"):
        build_script(article)


def test_paragraph_with_nothing_sayable_is_bad_input():
    with pytest.raises(BadInput, match="nothing sayable"):
        build_script(Article("Title", ("🎉🎉 “”",)))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[rule]]\nname = 'x'\npattern = '('\n", "bad pattern"),
        ("[[rule]]\npattern = 'x'\n", "missing 'name'"),
        ("[[rule]]\nname = 'x'\npattern = 'x'\nsay = 'nothing'\n", "unknown formatter"),
        ("[[rule", "not valid TOML"),
    ],
)
def test_malformed_speech_rules_are_bad_input(content, message):
    with pytest.raises(BadInput, match=message):
        parse_speech_rules(content, "rules.toml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A wire dateline: the place in capitals said as words, the state's AP abbreviation in full.
        (
            "SOUTHWEST MIAMI-DADE, FLA. (WSVN) - An overnight crash",
            "Southwest Miami-Dade, Florida, W.S.V.N., An overnight crash",
        ),
        ("MIAMI (AP) — A crash on the road.", "Miami, A.P., A crash on the road."),
        ("PARIS — Talks resumed.", "Paris, Talks resumed."),
        ("officials in NEW YORK CITY agreed", "officials in New York City agreed"),
        # Acronyms inside a run of capitals stay letters; a run of acronyms only is left to the acronym rule.
        ("He told BBC NEWS that", "He told B.B.C. News that"),
        ("UNHCR STAFF said", "U.N.H.C.R. Staff said"),
        ("the US UK deal", "the U.S. U.K. deal"),
        # A state abbreviation elsewhere is left as written.
        ("Smith, Ill., said he was in Pa. today.", "Smith, Ill., said he was in Pa. today."),
    ],
)
def test_capitals_in_datelines_and_runs_are_said_as_words(text, expected):
    """'MIAMI-DADE' was spelled M.I.A.M.I.-D.A.D.E. by the acronym rule: Kokoro read it letter by letter and
    verification (rightly) called it extra speech on every render of a wire-dateline article."""
    assert say(text) == expected


@pytest.mark.parametrize(
    ("word", "as_word"),
    [
        *[("CITY", True), ("NEW", True), ("DADE", True), ("STAFF", True), ("UNICEF", True), ("THE", True)],
        *[("BBC", False), ("WSVN", False), ("FBI", False), ("UNHCR", False), ("USA", False), ("CIA", False)],
    ],
)
def test_a_word_in_capitals_is_said_as_a_word_by_its_shape(word, as_word):
    from tts_pipeline.stages.speechwords import said_as_word

    assert said_as_word(word) is as_word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cardinal and decimal: every written digit said; a leading point; a minus sign
        ("the 1,000th visitor", "the one thousandth visitor"),
        ("a figure of 2.050", "a figure of two point zero five zero"),
        ("it rose 2.00 points", "it rose two point zero zero points"),
        ("a ratio of .1665", "a ratio of point one six six five"),
        ("it fell to -2 degrees", "it fell to minus two degrees"),
        ("Covid-19 cases", "Covid-nineteen cases"),
        ("in 9.58s", "in 9.58s"),  # no rule for it: left whole, never 'nine.58s'
        # time: a dotted number is a clock time only with am/pm or after 'at'
        ("at 7.30 tonight", "at seven thirty tonight"),
        ("at 3:45 p.m. on", "at three forty-five P.M. on"),
        # money, with more currencies
        ("they paid ₩460 billion", "they paid four hundred sixty billion won"),
        ("¥300 and ₹5,000", "three hundred yen and five thousand rupees"),
        ("up 0.5pc", "up zero point five percent"),
        ("a 5-10% rise", "a five to ten percent rise"),
        # measure: capitals, more units, singular for one
        ("it weighs 12KG", "it weighs twelve kilograms"),
        ("a 1 km walk", "a one kilometre walk"),
        ("1 ft and 1 mph", "one foot and one mile per hour"),
        ("a 2GB file", "a two gigabytes file"),
        # fractions and multiples
        ("1/2 of them and 3/4 of it", "one half of them and three quarters of it"),
        ("2/3 of voters, 24/7, and/or", "two thirds of voters, twenty-four seven, and or"),
        ("3x faster", "three times faster"),
        # electronic: addresses piece by piece, no scheme; phone numbers digit by digit in their groups
        ("Email press@example.com today.", "Email press at example dot com today."),
        ("See https://www.bbc.co.uk/news now.", "See W.W.W. dot B.B.C. dot co dot U.K. slash news now."),
        ("Visit example.org.", "Visit example dot org."),
        ("Call 0800 123 4567.", "Call oh eight oh oh, one two three, four five six seven."),
        ("Ring +44 20 7946 0958 now", "Ring plus four four, two oh, seven nine four six, oh nine five eight now"),
        ("Call (555) 123-4567.", "Call five five five, one two three, four five six seven."),
        # numeric dates: a date only where the day cannot be the month
        ("on 25/12/2024", "on twenty-fifth December twenty twenty-four"),
        ("on 12/25/24", "on December twenty-fifth twenty-four"),
        ("31/02/2024 was no date", "thirty-one slash two slash twenty twenty-four was no date"),
        ("prices in $ and £", "prices in dollars and pounds"),
        # symbols left between words are said, never left for the engine to name or skip
        ("the #1 seed", "the Number one seed"),
        ("follow @bbcnews and #MeToo", "follow at bbcnews and hashtag Me Too"),
        ("aged 18+ only", "aged eighteen plus only"),
    ],
)
def test_news_numbers_money_measures_and_addresses_are_said_in_full(text, expected):
    """Each case was misread before: 'one,zeroth', 'two oh five0', '₩four hundred sixty', '-two', '12KG'
    untouched, addresses as punctuation."""
    assert say(text) == expected


@pytest.mark.parametrize(
    "text",
    ["31/02/2024 was no date", "₩ and $ without amounts", " ".join(["1,234.5"] * 2000), "3-4-5-6-7-8", "-", "...5"],
)
def test_malformed_or_odd_numbers_read_sensibly_and_quickly(text):
    spoken = say(text)
    assert spoken and not any(ch in spoken for ch in "₩$")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dates and times in more forms
        ("published on 2023-06-09", "published on ninth June twenty twenty-three"),
        ("due on 30.06.2025", "due on thirtieth June twenty twenty-five"),
        ("from 4 Sept 2020", "from fourth September twenty twenty"),
        ("the festival runs 3-5 August", "the festival runs third to fifth August"),
        ("open Tue-Sat and Feb-Apr", "open Tuesday to Saturday and February to April"),
        ("open 10am-4pm daily", "open ten A.M. to four P.M. daily"),
        ("at 1430 GMT", "at fourteen thirty G.M.T."),
        # money and measures with ranges and more units
        ("worth £2-3bn", "worth two to three billion pounds"),
        ("fined Rs 2,000", "fined two thousand rupees"),
        ("raised ₹3 crore", "raised three crore rupees"),
        ("a 20p stamp and a 5c coin", "a twenty pence stamp and a five cents coin"),
        ("lows of -3C", "lows of minus three degrees Celsius"),
        ("waves of 3-4 km and 10-12ft", "waves of three to four kilometres and ten to twelve feet"),
        ("about 85 dB", "about eighty-five decibels"),
        ("1,200-1,500 homes", "one thousand two hundred to one thousand five hundred homes"),
        # addresses and codes
        ("at 10B Downing Street", "at ten B Downing Street"),
        ("on Abbey Rd and 5th Ave", "on Abbey Road and fifth Avenue"),
        ("Apt 12 was empty", "Apartment twelve was empty"),
        ("Flat 4F and Apt 12C", "Flat four F and Apartment twelve C"),
        ("London N1 9GU", "London N one nine G U"),
        ("Austin, TX 78701", "Austin, T.X seven eight seven oh one"),
        ("flight QF1 and the A320", "flight Q.F one and the A. three twenty"),
        ("the M4 and the A1", "the M four and the A. one"),
        ("#Euro2024 and @SkyNews", "hashtag Euro twenty twenty-four and at Sky News"),
        ("server 10.0.0.1", "server one oh dot oh dot oh dot one"),
    ],
)
def test_dates_money_ranges_addresses_and_codes_are_said_as_a_reader_would(text, expected):
    assert say(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ELECTION RESULTS IN 2024 ARE IN", "ELECTION RESULTS IN twenty twenty-four ARE IN"),  # not a ZIP code
        ("the G20 2024 summit", "the G twenty twenty twenty-four summit"),  # not an Eircode
        ("2000 hours of video", "two thousand hours of video"),  # not a 24-hour time
        ("Star Wars Episode IV", "Star Wars Episode Four"),
    ],
)
def test_codes_and_numerals_are_not_read_into_text_that_only_looks_like_them(text, expected):
    assert say(text) == expected
