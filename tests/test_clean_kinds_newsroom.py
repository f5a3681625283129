"""Kinds of copied-page line seen leaking on sets Y and Z — newsroom and desk bylines, filing details, readers'
comments shown beside the article, obituary guestbooks, paid notices, transcript and gallery furniture,
numeric datelines, icon menus — each beside body lines that look like it."""

from __future__ import annotations

import pytest

from tts_pipeline.stages.clean import _first_match, default_rules

FURNITURE = [
    ("By The Capitol Wire staff", "byline"),
    ("Lakehead Current Staff", "byline"),
    ("Reporting from Phoenix and Washington", "byline"),
    ("and Keisha Montrose, staff writer", "byline"),
    ("Redacción Istmo Hoy with reporting from Tapachula", "byline"),
    ("Translated from Spanish by the English Edition desk", "byline"),
    ("Reported by Xiomara Blackwood", "byline"),
    (
        "Istmo Hoy English is an edition of Istmo Hoy, Central America's regional daily. Original reporting in "
        "Spanish by Carlos Pop and Wendy Azurdia.",
        "publisher-note",
    ),
    ("Category: Politics", "tags"),
    ("Translation: Gabriela Ostos", "tags"),
    ("TOP COMMENT", "comments"),
    ("“Three months for an engine? This ferry has been on borrowed time for years.” — GordieM, 41 likes", "comments"),
    ("“The 5,000 trigger is the whole ballgame. It's all rounding error.” — reader in Tucson, AZ", "comments"),
    ("Condolences (23)", "comment-section"),
    ("Guestbook entries (17)", "comment-section"),
    ("Leave a message for the family", "comment-section"),
    ("Sign the online guestbook", "comment-section"),
    ("View all condolences", "comment-section"),
    ("Place a death notice", "advert"),
    ("Place an obituary or memorial in the Sentinel – call 306-555-0134", "advert"),
    ("Cwmni Adeiladu Teifi – roofing, guttering and storm repairs. Free quotes.", "advert"),
    ("📷 1 / 9", "image-alt"),
    ("[01:02]", "audio-player"),
    ("Transcript", "audio-player"),
    ("A A A", "page-tools"),
    ("14/08/2024 - 07h30 | Updated 14/08/2024 - 11h02", "dateline"),
    ("🕐 12-06-2024 17:45", "dateline"),
    ("News 4 Now · Posted 9:56 PM, Mar 12, 2024", "dateline"),
    ("Weekend sport ⚽ Results ⚽ Fixtures ⚽ Tables", "navigation-menu"),
    ("📩 Mourne & Down Weekly newsletter", "newsletter"),
    (
        "Got a result to share? Send match reports and photos to sport@strathmoregazette.co.uk by Sunday noon.",
        "reader-feedback",
    ),
    ("Correction request? Write to ombudsman@correiosul.example", "reader-feedback"),
    (
        "Members of the Nuevo Amanecer cooperative at their weekly assembly. Lucía Henao for The Meridian Review",
        "photo-credit",
    ),
    (
        "Floodwater on Bridge Street, Newcastle Emlyn, early on Sunday morning. Llun/Picture: Teifi Observer reader",
        "photo-credit",
    ),
    ("Poll: Will the opposition candidate be allowed to run in 2024?", "poll"),
    ("Yes · No · Not sure", "navigation-menu"),  # a bar of words; the poll's buttons
    ("Link copied!", "share"),
]
LOOKALIKE_BODY = [
    "Hospital staff said the ward would reopen on Monday.",
    "The council's planning staff recommended the scheme for approval, despite 40 objections.",
    "Reporting from the court was restricted until the end of the trial.",
    "The letter was translated from Spanish by a volunteer at the parish.",
    "Do you have a story about the flood? Police want to hear from witnesses.",
    "Got a minute? Most voters did not, and turnout fell to 31 per cent.",
    "The council offers free quotes for insulation to every household in the scheme.",
    "“We will rebuild,” she said. “We have done it before and we will do it again.”",
    "Location of the new clinic: Market Street, opposite the library.",
    "He received a newsletter from the school on Friday saying classes would move online.",
    "A poll by the institute found 58% of voters in favour.",
    "Dates: 2 March, 9 March, 16 March",
    "The vote was close: 5 of 9 councillors backed the plan.",
    "Ayes 12 · Noes 9 · Abstentions 2",
]


@pytest.mark.parametrize(("line", "rule"), FURNITURE)
def test_furniture_is_named_by_its_kind(line, rule):
    assert _first_match(line, default_rules()) == rule


@pytest.mark.parametrize("line", LOOKALIKE_BODY)
def test_body_that_looks_like_furniture_stays(line):
    assert _first_match(line, default_rules()) is None
