"""Kinds of copied-page line seen leaking on sets AE and AF — lines that start with an icon ('💬 Comments',
'📩 Never miss a gig. Get the … newsletter'), bracketed photo credits, gallery counts, upper-case section
labels over other stories, follow prompts with a handle, readers' comments under a user name, authors'
roles — each beside body lines that look like them."""

from __future__ import annotations

import pytest

from tts_pipeline.stages.chrome_rules import default_rules, first_match

FURNITURE = [
    ("💬 Comments", "share"),
    ("🔥 Trending", "cross-link"),
    ("📩 Never miss a gig. Get the Buzz Weekend newsletter every Friday.", "newsletter"),
    ("▶️ Video: Heatstroke centres set up at two city hospitals", "photo-credit"),
    ("Trucks queue near the pass after the highway was closed. [Photo: Herald Correspondent]", "photo-credit"),
    ("12 photos", "image-alt"),
    ("MORE BADMINTON", "more-from"),
    ("MORE LOCAL NEWS", "more-from"),
    ("Stay safe. Follow @VisayanCourier for the latest bulletins.", "follow"),
    ("Subhajit_B: Give this boy a chance in the India A squad already!", "comments"),
    ("kofi1987: The road has been like this since 2019.", "comments"),
    ("Film critic", "author-title"),
    ("Recipe developer and cookery writer", "author-title"),
    ("(312 ratings)", "rating-widget"),
]

LOOKALIKE_BODY = [
    "★★★★☆ 4/5",
    "★★★★",
    "COVID-19: cases rise again in the north",
    "Q: What happens next?",
    "🌧️ Heavy rain is expected across the region from Tuesday, with up to 80mm on high ground.",
    "Food critic Amal Haddad said the menu was the city's most ambitious in a decade.",
    "The exhibition shows 12 photos taken by the crew in orbit.",
    "MORE THAN 300 PEOPLE ATTENDED THE VIGIL",
    "Residents were told to follow the advice of the fire service on Tuesday night.",
    "Never again, she said. The council must pay for the repairs.",
    "• 3 tbsp olive oil",
    "£4.99 a month after the trial, the company said.",
]


@pytest.mark.parametrize(("line", "rule"), FURNITURE)
def test_furniture_is_named_by_its_kind(line, rule):
    assert first_match(line, default_rules()) == rule


@pytest.mark.parametrize("line", LOOKALIKE_BODY)
def test_body_that_looks_like_furniture_stays(line):
    assert first_match(line, default_rules()) is None
