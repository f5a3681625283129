"""Kinds of copied-page line seen leaking on sets AE and AF — lines that start with an icon ('💬 Comments',
'📩 Never miss a gig. Get the … newsletter'), bracketed photo credits, gallery counts, upper-case section
labels over other stories, follow prompts with a handle, readers' comments under a user name, authors'
roles, shop buttons, a paper's notices desk, the letters page's invitation, a publisher's tools, live pages'
writers — each beside body lines that look like them."""

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
    ("View at Voltmart", "deals"),
    ("See it at Currys", "deals"),
    ("Funeral directors in Westmoor – find local services", "advert"),
    ("To place a death notice or tribute in the Gazette, call our announcements team on 01632 960 118", "advert"),
    (
        "Do you have an opinion on the issues raised in this article? If you would like to submit a response of up "
        "to 300 words by email to be considered for publication in our letters section, please click here.",
        "publisher-note",
    ),
    ("Use our calculator: When can I get my state pension?", "promo"),
    ("Report by Callum Fitzroy at Meadow Lane", "byline"),
    ("Our live coverage is written by Tomasz Wren and Adaeze Kolawole in Corvena", "byline"),
    ("Tried this recipe? Tag us @saffronandsalt", "follow"),
    ("Comments, questions and tips (48)", "comments"),
    (
        "Loot Ledger and our 214 partners use cookies and similar technologies to store and access information "
        "on your device, personalise ads and content, and measure performance.",
        "cookie-consent",
    ),
    ("Manage options", "cookie-consent"),
    ("Analysis by Priya Venkatesan, used car editor", "byline"),
    ("Words: Marcus Eley · Photography: Jo Pratt", "byline"),
    ("You're reading Forecourt Times in your browser. The app is faster.", "app-prompt"),
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
    "Report by the committee in March",
    "The report was written by Dr Sarah Jones at the university.",
    "Shoppers can buy at Lidl from Monday.",
    "Residents can submit a response to the consultation until 4 April.",
    "The tool uses our own data to find the cheapest tariff.",
    "Senior financial analyst",  # a list of jobs in a careers story (HTML held-out pages)
    "- Front-end developer",
    "file_format: parquet",  # a configuration line in a how-to
    "network_mode: host",
    "CS107: C++ Programming via Saylor Academy",
    "Analysis by the Treasury found that the scheme had saved £2bn.",
]


@pytest.mark.parametrize(("line", "rule"), FURNITURE)
def test_furniture_is_named_by_its_kind(line, rule):
    assert first_match(line, default_rules()) == rule


@pytest.mark.parametrize("line", LOOKALIKE_BODY)
def test_body_that_looks_like_furniture_stays(line):
    assert first_match(line, default_rules()) is None
