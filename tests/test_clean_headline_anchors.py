"""Copied text: the headline found from its byline on page layouts seen on sets Q-T (live pages, widget bars,
banners with bullets, headlines under a teaser label). The kinds of line that anchor it are tested in
test_clean_kinds_tail.py."""

from __future__ import annotations

from tts_pipeline.stages.clean import clean_text

BODY = [
    "Eleven people were injured, two of them seriously, after an explosion at a chemical plant on Tuesday.",
    "The fire service said fifteen engines had been sent and asked residents to keep windows closed.",
    "The company said it was working with investigators and could not yet say what caused the blast.",
]


def test_a_live_pages_headline_and_key_points_stay():
    """'LIVE' is no label over other stories; the byline, not the last entry's time, anchors the headline."""
    page = [
        "Kalinga Dispatch",
        "Odisha",
        "LIVE",
        "Cyclone Kasturi live updates: Landfall near Paradip, over 5 lakh people moved to shelters",
        "By Dispatch Web Desk",
        "Key highlights",
        "Cyclone Kasturi made landfall near Paradip at about 10.30 pm with wind speeds of 110-120 km/h",
        "Over 5.2 lakh people evacuated to cyclone shelters in 14 districts",
        "Bhubaneswar airport shuts operations till 9 am",
        "23:58 IST",
        "Landfall process complete, says the Met centre. The system is expected to weaken by morning.",
    ]
    article = clean_text("\n".join(page))
    assert article.title == page[3]
    assert article.paragraphs == (*page[5:9], page[10])


def test_a_banner_with_a_bullet_is_no_headline():
    page = ["Thamesgate Wire", "BREAKING • Residents near Widnes told to keep windows closed"]
    page += ["Blast at Widnes chemical works injures 11 as fire crews fight blaze", "By Harriet Okonjo-Bell", *BODY]
    assert clean_text("\n".join(page)).title == page[2]


def test_a_widget_bar_ending_in_a_full_stop_is_no_first_sentence():
    """The byline under the standfirst is looked for before the first sentence; a tide bar is none."""
    page = [
        "LOWCOUNTRY LIVING WEEKLY",
        "High tide 11:42 a.m. · Low tide 5:58 p.m.",
        "Their James Island yard flooded every summer. So they built a rain garden instead",
        "With native plants and one Saturday's digging, the Ravenels turned a swamp into a garden.",
        "Home & Garden",
        "Words by Celeste Ravenel-Burke",
        *BODY,
    ]
    article = clean_text("\n".join(page))
    assert (article.title, article.paragraphs) == (page[2], (page[3], *BODY))


def test_a_headline_under_the_byline_block_taken_for_a_teaser_is_found():
    page = ["Tussock Times", "Latest", "Local", "Farming", "Rugby", "Kieran Mahoney", "04:55, Sep 15 2024"]
    page += ["Fiordland Kea storm home to claim Murihiku Cup with late double", *BODY]
    article = clean_text("\n".join(page))
    assert (article.title, article.paragraphs) == (page[7], tuple(BODY))


def test_a_byline_split_over_lines_anchors_the_headline_above_a_banner():
    page = [
        "The Okanagan Sun-Record",
        "Opinion",
        "ALERT: Highway 1 closed after an avalanche. Use the Highway 23 detour.",
    ]
    page += ["Record freeze could cut next Okanagan grape harvest by three-quarters, growers warn"]
    page += ["Bud counts taken this week suggest up to 80 per cent of vines were damaged by the cold snap."]
    page += ["By", "Marguerite Lalonde", "and", "Owen Fairweather-Stiles", *BODY]
    article = clean_text("\n".join(page))
    assert (article.title, article.paragraphs) == (page[3], (page[4], *BODY))


def test_a_warning_bar_with_middle_dots_is_no_headline():
    page = ["Carlisle 6°C Heavy rain", "Weather warnings in force: Amber (rain) Cumbria · Yellow (wind) Lancashire"]
    page += [
        "LIVE",
        "Updated 12 minutes ago",
        "Storm Isolde live: Cockermouth residents told to evacuate as river rises",
    ]
    page += ["Key points", "Environment Agency issues severe flood warning for Cockermouth and Keswick", *BODY]
    article = clean_text("\n".join(page))
    assert (article.title, article.paragraphs) == (page[4], (*page[5:7], *BODY))


HEADLINE = "Blast at Widnes chemical works injures 11 as fire crews fight blaze"


def test_the_headline_under_a_fact_checked_line_and_a_review_date():
    """Set AM: a charity's page with no byline; 'Fact-checked by …' and 'Last reviewed: …' head the story,
    and the charity's strapline above them is no headline."""
    page = ["Plantsafe Foundation", "Fighting chemical plant fires through research", "Donate", "Home / News"]
    page += ["Fact-checked by Dr Naomi Fields, Senior Research Adviser", "Last reviewed: 3 October 2024", "Print"]
    article = clean_text("\n".join([*page, HEADLINE, *BODY]))
    assert (article.title, article.paragraphs) == (HEADLINE, tuple(BODY))


def test_the_headline_over_a_trail_with_the_date_in_it_and_the_byline():
    """Set AM: 'Faculty of Education | Research | 27 February 2025' between the headline and 'Story by …' is
    a dateline, not a menu over the headline; the series' label above the headline is no headline."""
    page = ["Kestrel Bay University", "Menu", "Newsroom", "Latest", "Research", "Campus life", "For media"]
    page += ["SERIES | Closing the gap: research on industrial safety", HEADLINE]
    page += ["Faculty of Engineering | Research | 27 February 2025", "Story by Rohan Mistry", *BODY]
    article = clean_text("\n".join(page))
    assert (article.title, article.paragraphs) == (HEADLINE, tuple(BODY))


def test_a_byline_with_a_capitalised_role_and_place_anchors_the_headline():
    page = ["THE STADIUM GAZETTE", "Athletics", HEADLINE, "Photo 1 of 9"]
    page += ["By Callum Ashbridge, Industry Correspondent, in Widnes", "1 December 2025 • 12:44pm", *BODY]
    article = clean_text("\n".join(page))
    assert (article.title, article.paragraphs) == (HEADLINE, tuple(BODY))
