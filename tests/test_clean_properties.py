"""Properties of the cleaner for any text: no crash but BadInput, idempotent, never invents a paragraph."""

from __future__ import annotations

from contextlib import suppress

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.chrome_rules import default_rules
from tts_pipeline.stages.clean import clean_input, clean_text

RULES = default_rules()
CHROME = [
    "Listen to this article",
    "Read more: Elsewhere today",
    "Advertisement",
    "Share on Facebook",
    "26 November 2024, 07:28",
    "Picture: Getty Images",
    "12 comments",
    "Breakfast with Sam 6am - 9am",
    "Sign up to our free newsletter",
]
BODY = [
    "The council voted on Tuesday to build a new bridge.",
    "More than 300 homes lost power, the government said.",
    "Watch the water levels, officials told residents.",
    "Prices rose by 4% in March, according to Reuters.",
]
line = st.one_of(st.sampled_from(CHROME + BODY), st.text(max_size=80), st.sampled_from(["", " ", "\t", "* * *"]))
page = st.lists(line, max_size=25).map("\n".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _clean(text: str):
    try:
        return clean_text(text, RULES)
    except BadInput:
        return None


@SETTINGS
@given(page)
def test_never_raises_but_bad_input_and_never_invents_a_paragraph(text):
    article = _clean(text)
    if article is None:
        return
    for paragraph in (article.title, *article.paragraphs):
        assert paragraph and paragraph in text
        assert paragraph == paragraph.strip()


@SETTINGS
@given(page)
def test_cleaning_its_own_output_changes_nothing(text):
    first = _clean(text)
    if first is None:
        return
    second = clean_text(first.text, RULES)
    assert (second.title, second.paragraphs, second.removed) == (first.title, first.paragraphs, ())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(CHROME + BODY + ["<p>", "</p>", "<div>", "<br>", "<html>", "&amp;"]), max_size=30))
def test_any_input_kind_fails_only_with_bad_input(parts):
    with suppress(BadInput):
        clean_input(" ".join(parts).encode(), RULES)


def test_a_last_line_shaped_like_a_headline_is_no_headline():
    """Found by the property above: the only headline-shaped line was the last, so nothing was left under it."""
    article = clean_text("A\n0 0 0 0 :")
    assert (article.title, article.paragraphs) == ("A", ("0 0 0 0 :",))


def test_a_line_between_two_section_labels_is_no_list_item_on_the_second_cleaning():
    """Found by the property above: 'A', a show's time slot, 'A' looked like a list until both 'A's proved
    section labels; cleaning the output again then struck the slot."""
    text = (
        "More than 300 homes lost power, the government said.\nA\nBreakfast with Sam 6am - 9am\nA\nThe council voted."
    )
    _assert_cleaned_once(text)


def test_the_headline_repeated_at_the_end_is_no_last_sentence():
    """Found by the property above: the headline again under a short line kept that line the first time."""
    headline = "The council voted on Tuesday."
    text = f"B\n{headline}\nMore than 300 homes lost power, the government said.\nA\n{headline}"
    _assert_cleaned_once(text)


def test_a_headline_between_two_lines_of_a_box_is_no_pitch_of_the_box():
    """Found by the property above: a newsletter line above and under the headline struck it as the box's own
    pitch, and the paragraph under it, twice on the page, became headline and paragraph at once."""
    promo = "Sign up to our free newsletter"
    body = "More than 300 homes lost power, the government said."
    _assert_cleaned_once(f"Listen to this article\n{promo}\nThe council voted on Tuesday.\n{promo}\n{body}\n{body}")


def _assert_cleaned_once(text: str) -> None:
    article = clean_text(text)
    again = clean_text("\n".join([article.title, *article.paragraphs]))
    assert (again.title, again.paragraphs) == (article.title, article.paragraphs)
