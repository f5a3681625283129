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
