"""Kinds of copied-page line found around an article's end and its header, in the publisher's own voice —
sponsors' messages, comment sections, bios, notes, captions, calls to action, widgets, bylines and datelines —
each beside body lines that look like it."""

from __future__ import annotations

import pytest

from tts_pipeline.stages.chrome_rules import default_rules, first_match
from tts_pipeline.stages.clean import clean_text
from tts_pipeline.stages.headline import _bare_name

FURNITURE = [
    # sponsors' messages, comment sections, bios, notes, captions; publishers' funding notes, offers, tip lines
    (
        "A message from our sponsor: The Rural Broadband Alliance believes every county deserves fast internet.",
        "sponsor-message",
    ),
    ("Sponsored: Winter feed sorted? Talk to the team at Kahurangi Ag Supplies about baleage.", "sponsor-message"),
    ("This market report is brought to you by Brightfield Seed. Talk to your local dealer today.", "sponsor-message"),
    ("This post is brought to you by Gridline — spin up a Postgres branch in one click.", "sponsor-message"),
    ("Support for Prairie Sky comes from Sunflower Valley Co-op, serving farm families since 1947.", "sponsor-message"),
    (
        "Presented by Okanagan Tire & Auto. Winter tires installed in 30 minutes or the check is on us.",
        "sponsor-message",
    ),
    ("Discussion about this post", "comment-section"),
    ("Write a comment...", "comment-section"),
    ("Commenting on this story has now closed.", "comment-section"),
    ("Like (4)", "comment-section"),
    ("Daz from Penrith · 2h ago", "comment-section"),
    ("ABOUT THE AUTHOR", "author-bio"),
    (
        "Cheyenne Moose is a reporter with CPN Manitoba based in Thompson. She has covered the north for years.",
        "author-bio",
    ),
    (
        "Dr. Renata Hale is a senior fellow at The Halvorsen Institute. She previously served at the Treasury.",
        "author-bio",
    ),
    ("The tracker shows the rider and the stall on a single map. Screenshot: ByteMerlion", "photo-credit"),
    ("Georgie's slice, cut into squares. Photography: Tom Blake. Styling: Anna Crewe.", "photo-credit"),
    ("Members during a session on Tuesday. | FILE | NAIROBI SENTINEL", "photo-credit"),
    ("Amara Delgado, 14, in a photo provided by the Millbrook Police Department.", "photo-credit"),
    ("[2] Ibid., Sec. 4(b).", "citation"),
    ("Footnotes", "citation"),
    ("Lac-Saint-Jean Today is supported by the Local Journalism Initiative.", "publisher-note"),
    (
        "This article was produced by the Local Democracy Reporting Service, a public service news partnership.",
        "publisher-note",
    ),
    ("WEBINAR | Drayage in 2026: capacity and rates. Thursday, Oct. 23, 2 p.m. ET. Register free →", "advert"),
    ("Is your freight spend leaking margin? Download the 2025 Ocean Benchmark from CargoLens.", "advert"),
    ("Gift unlimited articles to anyone. You have 10 gifts remaining this month.", "paywall"),
    ("Unlock this and all our premium stories. First 3 months for $1.", "paywall"),
    ("We don't have a paywall. We have you.", "paywall"),
    ("This article does not take into account your objectives, financial situation or needs.", "disclaimer"),
    ("Skip next section Explore more", "skip-link"),
    ("Love gardening? Sign up to our weekly email for seasonal jobs, offers and competitions.", "newsletter-pitch"),
    ("By registering, you agree to our T&C and Privacy Policy", "newsletter-pitch"),
    ("Have a news tip? Contact the Courier newsroom at 555-0188.", "reader-feedback"),
    ("For more news and updates, follow Balita360 on Facebook, YouTube and TikTok.", "follow"),
    # bylines and datelines of more shapes
    ("Story by Jonah Bereznicki and Pilar Ostrowski-Reyes", "byline"),
    ("Oslo · 24 September, 09:30 CET", "dateline"),
    ("March 4 at 6:15 p.m. ET", "dateline"),
    # the publisher's own voice and widgets
    (
        "The Mercury's business desk is supported by readers like you. For R79 a month you get every story.",
        "support-prompt",
    ),
    (
        "Cascadia Weekly depends on readers, not billionaires. Chip in $10 and help keep arts coverage free.",
        "support-prompt",
    ),
    (
        "Our journalism is free because of readers who choose to pay for it. Back the Dispatch from £3 a month.",
        "support-prompt",
    ),
    ("Support our research", "support-prompt"),
    ("Give to the Tribune", "support-prompt"),
    (
        "Read the Observer every Wednesday in print, or get the digital edition delivered to your phone.",
        "newsletter-pitch",
    ),
    ("Daily Briefing: the stories that matter in the Bay, in your inbox by 6am. Subscribe free.", "newsletter-pitch"),
    ("Get the Wire on your phone: breaking news alerts, free.", "newsletter-pitch"),
    ("Views expressed in this column are the writer's own and do not reflect those of the newspaper.", "disclaimer"),
    ("The writer is an agricultural economist and a former adviser to the provincial planning board.", "author-bio"),
    ("Akosua covers public health across the Volta region. She previously reported for community radio.", "author-bio"),
    (
        "Lerato Mokoena is the Mercury's energy correspondent. Pieter van Tonder reports on local government.",
        "author-bio",
    ),
    ("1 Forth Rovers P26 Pts 54", "score-widget"),
    ("Fri: Tobago Reef Rangers v Harbour FC, 7 pm", "score-widget"),
    ("Next fixtures", "score-widget"),
    ("Photo 2 of 12", "image-alt"),
    # calls to action and page tools
    ("Other stories this week", "cross-link"),
    ("In other court news", "cross-link"),
    ("Read Part 1: Why Poughkeepsie's riverfront sat empty for 30 years", "other-stories"),
    ("Pre-planning gives your family peace of mind. Call Foxhall & Greer Funeral Service today.", "advert"),
    ("Central Valley Honda: 0% APR on select models this month only. Visit us on Blackstone Avenue.", "advert"),
    ("Hotels on São Jorge from £61 per night — Check availability", "advert"),
    ("This ad hasn't loaded yet, but the article continues below.", "advert"),
    ("Tips? Contact Miguel at m@tricountybeacon.com or on Signal.", "reader-feedback"),
    ("This interview is part of Class Size, our year-long look at Saskatoon's growing schools.", "publisher-note"),
    ("Jump to method", "page-tools"),
    ("Summarise this article with AI", "page-tools"),
    ("Keywords: France, rail, strike, labour, transport", "tags"),
    ("Prices checked daily. Tekpunkt may receive a commission.", "affiliate-disclosure"),
    ("How we test: every pair of earbuds is worn by two reviewers for two weeks.", "affiliate-disclosure"),
    ("kob/rs (AHP, Nordpresse)", "byline"),
    ("Thamesgate Wire, North West desk", "byline"),
    ("Commenting is for subscribers only. Please keep it civil.", "comments"),
    # labels of widgets and of other stories
    ("Championship table", "score-widget"),
    ("Premier Division standings", "score-widget"),
    ("Also on Shannonside Observer", "cross-link"),
    # what anchors a headline (tests/test_clean_headline_anchors.py)
    ("Originally published 2:05 PM CDT", "dateline"),
    ("Review by Theo Marchetti", "byline"),
    ("Semarang, Central Java ● Thu, February 15, 2024 ● 4 min", "dateline"),
    ("Bhubaneswar | Last Updated: Oct 24, 2024, 23:58 IST", "dateline"),
    ("Photos by Ramon Villanueva Jr. and Leah Sumbilla | Text by Leah Sumbilla", "photo-credit"),
    ("Compiled by Thandeka Mabuza and Riaan du Plessis", "byline"),
    ("LIVE", "live-banner"),
    ("FRANCE-RAIL-STRIKE (UPDATE 3, adds union statement, ministry figures)", "wire-slug"),
    ("Politics | Germany | 09.06.", "breadcrumb"),
    ("By", "byline"),
    ("Autoplay is on. Next video in 5 seconds", "player-controls"),
]
LOOKALIKE_BODY = [
    "Sponsored by Labour MP Jane Smith, the bill would cap rents. It goes to a vote next week.",
    "The festival is presented by the city council. Entry is free.",
    "Support for the plan comes from farmers and the union.",
    "Maria Lopez is a nursing student at the university. She said the fees were too high.",
    "Ahmed Ali is a senior fellow at the Brookings Institution. He argues the plan will fail.",
    "Leave a comment on the council's website before Friday, residents were told.",
    "The bill, known as HF 3412, passed 81 to 52.",
    "Police released a photo of the suspect on Tuesday.",
    "The bridge is funded by the Department for Transport and will open in 2027.",
    "Students can check hours on the website or follow the library on Instagram for updates.",
    "Residents were urged to follow Gwynedd Council on Facebook for road closures.",
    "Download the report from the council's website, residents were told.",
    "The charity is supported by donations from local businesses.",
    "The food bank depends on donations, its manager said, and shelves are nearly empty.",
    "Residents chip in to pay for the village's Christmas lights every year.",
    "Forth Rovers beat Tay Harbour 2-1 to go top of the table.",
    "Support for the scheme has grown since the floods.",
    "Support Groups",
    "Back Pain",
    "The writers' strike ended after five months.",
    "Police urged anyone with information to call Crimestoppers now.",
    "Residents can visit the council's website to book a viewing of the plans, the council said.",
    "The bank cut its rate to 4.5% APR for first-time buyers, it said.",
    "Part 1 of the plan covers the town centre.",
    "Other stories from the inquiry are likely to emerge, lawyers said.",
    "Also on the agenda",
    "Also on Tuesday",
    "Results",
    "The results",
    "Save to buy a house",
    "Election set for March 3, 2025",
]


@pytest.mark.parametrize("line,rule", FURNITURE)
def test_furniture_is_named_by_its_kind(line, rule):
    assert first_match(line, default_rules()) == rule


@pytest.mark.parametrize("line", LOOKALIKE_BODY)
def test_body_that_looks_like_furniture_stays(line):
    assert first_match(line, default_rules()) is None


def test_a_comment_section_goes_with_its_comments():
    """Readers' comments are sentences; the comment section's furniture above them ends the article."""
    body = [
        f"Paragraph {n} of the story says something about the ram raid in Parramatta on Tuesday night."
        for n in range(8)
    ]
    page = "\n".join(
        [
            "Ram-raid gang smashes stolen ute into Parramatta jeweller",
            "By Jess Holloway",
            *body,
            "Commenting on this story has now closed.",
            "Daz from Penrith · 2h ago",
            "Third one this year in western Sydney. Bring back proper bollards.",
            "Mel_K · 3h ago",
            "Poor bloke. Hope insurance covers it.",
        ]
    )
    article = clean_text(page)
    assert list(article.paragraphs) == body
    assert "Poor bloke. Hope insurance covers it." in [r.text for r in article.removed if r.rule == "past-article-end"]


def test_one_box_inside_the_article_does_not_end_it():
    """A newsletter sign-up of four lines between paragraphs is one box; the article resumes after it."""
    body = [
        f"Paragraph {n} of the story reports that flat sales in Hong Kong rose again in February." for n in range(8)
    ]
    after = "Developers are expected to launch at least four more projects in April, including one in Wong Chuk Hang."
    page = "\n".join(
        [
            "Hong Kong flat sales rise for a third month",
            "By Kelvin Chau",
            *body,
            "Sign up for the Property Insider newsletter",
            "Get the week's biggest property deals and market moves delivered every Friday",
            "By registering, you agree to our T&C and Privacy Policy",
            "Sign up",
            after,
            "Topics",
            "Share",
        ]
    )
    assert clean_text(page).paragraphs[-1] == after


def test_a_name_in_the_menu_is_no_byline_when_a_real_byline_anchors_the_headline():
    """'Real Estate' looks like a bare name; the byline a rule found is tried first in every pass."""
    page = [
        "THE PIEDMONT SENTINEL",
        "Greensboro · High Point · Burlington",
        "Real Estate",
        "Place an Obituary",
        "Obituaries / Local Lives",
        "By Carla Whitfield",
        "Posted Saturday, June 8",
        "Lottie Spruill, who fed downtown Greensboro from a lunch counter for 52 years, dies at 88",
        "She knew most customers' orders by heart and kept a jar by the register for anyone short.",
        "Loretta Spruill, whose tiny lunch counter served pimento cheese for five decades, died on Tuesday.",
        "Her daughter said she died peacefully after a short illness, surrounded by her family.",
    ]
    article = clean_text("\n".join(page))
    assert article.title == page[7]
    assert article.paragraphs == tuple(page[8:])


def test_a_possessive_is_no_name():
    assert not _bare_name(("Today's Paper", None))
    assert _bare_name(("Siobhán O'Brien", None))


def test_two_names_under_the_headline_are_the_byline_but_a_title_case_pair_in_the_body_stays():
    body = [
        "The federal government will spend $2 billion on rail upgrades over five years, the minister said.",
        "Recessed Lighting and Under Cabinet Lighting",
        "Contractors say the work will start in the spring and finish before the election next year.",
    ]
    page = ["Ottawa pledges $2 billion for rail upgrades", "Marcus Tellier and Anjali Dhar", *body]
    article = clean_text("\n".join(page))
    assert (article.title, article.paragraphs) == (page[0], tuple(body))
