"""Copied text: lines judged by their shape against their neighbours, not by their words — a path that ends
in the headline under it, and a credit rule that needs its colon (seen on set AH and on real copied pages)."""

from __future__ import annotations

import pytest

from tts_pipeline.stages.clean import clean_text

HEADLINE = "AI in Education: The Rise of Intelligent Tutoring Systems"
BODY = [
    "Intelligent tutoring systems adapt each lesson to the pupil in front of them, and schools are noticing.",
    "A tutoring system watches how a pupil answers, guesses what they have misunderstood and explains again.",
    "Teachers say the systems free them for the pupils who need a person rather than another worked example.",
]


@pytest.mark.parametrize("separator", ["/", " / ", " › ", " > ", " » ", " | "])
def test_a_path_ending_in_the_headline_is_the_breadcrumb(separator: str):
    trail = separator.join(["Home", "Blog", HEADLINE])
    article = clean_text("\n".join(["Skip to main content", trail, HEADLINE, "March 15, 2022 · 3 min read", *BODY]))
    assert (article.title, article.paragraphs) == (HEADLINE, tuple(BODY))
    assert trail in [line.text for line in article.removed]


def test_a_line_ending_in_the_next_without_a_separator_is_kept():
    """'… said the minister. Prices rose.' over 'Prices rose.' is two paragraphs, not a path."""
    first = BODY[0] + " Prices rose."
    article = clean_text("\n".join([HEADLINE, first, "Prices rose.", *BODY[1:]]))
    assert article.paragraphs[0] == first


def test_a_sentence_beginning_with_photography_is_no_credit():
    verdict = "If you want a phone for a long weekend away from a plug, yes. Photography fans should look elsewhere."
    article = clean_text("\n".join([HEADLINE, *BODY, verdict]))
    assert article.paragraphs[-1] == verdict


def test_a_photography_credit_with_its_colon_still_goes():
    caption = "The tart, cut into squares on a board. Photography: Tom Blake. Styling: Anna Crewe."
    article = clean_text("\n".join([HEADLINE, BODY[0], caption, *BODY[1:]]))
    assert article.paragraphs == tuple(BODY)


MENU_WITH_HEADLINE_SHAPE = [
    "Skip to main content",
    "An official website of the United States government",
    "Here’s how you know",
]


def test_with_no_byline_the_headline_is_the_first_line_on_the_articles_topic():
    """A government site's banner lines have a headline's shape; the headline is the one that shares the
    paragraphs' words."""
    article = clean_text("\n".join([*MENU_WITH_HEADLINE_SHAPE, HEADLINE, *BODY]))
    assert (article.title, article.paragraphs) == (HEADLINE, tuple(BODY))


def test_a_long_standfirst_under_an_off_topic_looking_headline_leaves_the_headline_in_place():
    """'What Meditation Can Do for You (and How To Get Started)' shares one word with its article; the long line
    under it, which shares many, is its standfirst."""
    headline = "What Meditation Can Do for You (and How To Get Started)"
    standfirst = (
        "From breath meditation to yoga nidra, all types of meditation aim to help you feel calmer, more relaxed "
        "and present"
    )
    body = [
        "Tending to your mental health matters as much as your physical health, and meditation is a popular way.",
        "If you are not yet familiar with it, meditation might seem mysterious, time-consuming or too difficult.",
        "Breath meditation asks you to notice each breath; yoga nidra walks you through the body while you lie down.",
    ]
    article = clean_text(
        "\n".join(["Search", "November 28, 2025/Living Healthy/Wellness", headline, standfirst, *body])
    )
    assert (article.title, article.paragraphs) == (headline, (standfirst, *body))


def test_the_cleaners_own_output_keeps_its_first_line_as_the_headline():
    """Cleaned again, an article whose headline shares one word with its paragraphs keeps it though the line under
    it shares more: nothing above it is a menu."""
    headline = "Investors dump long-dated debt as inflation data surprises to the upside"
    standfirst = "Gilt yields hit 16-year high after core prices refuse to budge"
    body = [
        "Yields on 30-year government gilts climbed to 5.21 per cent, their highest since 2008, as core prices held.",
        "Ten-year yields rose 14 basis points, and two-year yields, which follow expected interest rates, jumped 19.",
    ]
    article = clean_text("\n".join([headline, standfirst, *body]))
    assert (article.title, article.paragraphs) == (headline, (standfirst, *body))


@pytest.mark.parametrize(
    "links", ["Skip directly to site content Skip directly to search", "Skip to main contentSkip to footer"]
)
def test_skip_links_run_together_are_chrome(links: str):
    article = clean_text("\n".join([links, HEADLINE, *BODY]))
    assert (article.title, article.paragraphs) == (HEADLINE, tuple(BODY))
