from dataclasses import replace
from pathlib import Path

import pytest

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.chrome_rules import ChromeRule, default_rules, first_match, load_rules, parse_rules
from tts_pipeline.stages.clean import clean_text

from .conftest import SAMPLE

RULES = default_rules()

SAMPLE_CHROME = {
    "Iain Dale 7pm - 10pm": "show-banner",
    "26 November 2024, 07:28": "dateline",
    "Listen to this article": "audio-player",
    "Loading audio...": "audio-player",
    "Read more: Russia cautions UK and France against deploying soldiers-for-hire to Ukraine": "cross-link",
    "Read more: Former Brit soldier 'captured by Russia' while fighting in Ukraine": "cross-link",
}


def test_sample_page_keeps_headline_and_every_body_paragraph_verbatim():
    lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    article = clean_text(SAMPLE.read_text(encoding="utf-8"))
    assert article.title.startswith("Lammy insists UK is not sending troops to Ukraine")
    body = [line for line in lines if line not in SAMPLE_CHROME and line != article.title]
    assert list(article.paragraphs) == body
    assert len(article.paragraphs) == 23


def test_sample_page_names_the_rule_for_each_removed_line():
    article = clean_text(SAMPLE.read_text(encoding="utf-8"))
    assert {r.text: r.rule for r in article.removed} == SAMPLE_CHROME
    for chrome in SAMPLE_CHROME:
        assert chrome not in article.text


OTHER_PUBLISHER = """\
News > World > Europe
Share
Flooding forces hundreds from their homes in northern Spain
By Maria Lopez, Europe correspondent
Updated 12 minutes ago
4 min read
Hundreds of people were moved from their homes on Sunday after heavy rain flooded towns in northern Spain.
Advertisement
Image: Rescue workers in Bilbao. Picture: Reuters
More than 300 homes lost power, the regional government said.
Watch the water levels, officials told residents near the river.
Related: Spain's summer drought ends with record rain
Sign up to our free Morning Briefing newsletter
Follow us on Instagram
12 comments
Copyright 2024 Example News. All rights reserved.
Thursday 14 March 2024 09:41 GMT
"""


def test_rules_generalise_to_another_publishers_chrome():
    article = clean_text(OTHER_PUBLISHER)
    assert article.title == "Flooding forces hundreds from their homes in northern Spain"
    assert article.paragraphs == (
        "Hundreds of people were moved from their homes on Sunday after heavy rain flooded towns in northern Spain.",
        "More than 300 homes lost power, the regional government said.",
        "Watch the water levels, officials told residents near the river.",
    )
    rules = {r.rule for r in article.removed}
    assert {
        "breadcrumb",
        "share",
        "byline",
        "relative-time",
        "reading-time",
        "advert",
        "photo-credit",
        "cross-link",
        "newsletter",
        "follow",
        "comment-section",
        "copyright",
        "dateline",
    } <= rules


def test_cleaning_is_idempotent():
    first = clean_text(SAMPLE.read_text(encoding="utf-8"))
    second = clean_text(first.text)
    assert (second.title, second.paragraphs, second.removed) == (first.title, first.paragraphs, ())


def test_repeated_headline_is_removed_as_duplicate():
    article = clean_text("Big news today\nBig news today\nThe body of the story is here.\n")
    assert article.paragraphs == ("The body of the story is here.",)
    assert [r.rule for r in article.removed] == ["duplicate-line"]


@pytest.mark.parametrize(
    "text",
    ["Listen to this article\nLoading audio...\n", "   \n\n", "Only a headline here\nRead more: elsewhere\n"],
)
def test_page_with_no_article_text_is_bad_input(text):
    with pytest.raises(BadInput, match="left after cleaning"):
        clean_text(text)


def test_publisher_rules_file_extends_the_defaults(tmp_path: Path):
    rules_file = tmp_path / "publisher.toml"
    rules_file.write_text('[[rule]]\nname = "station-ident"\npattern = "you.re listening to .{1,40}"\n')
    article = clean_text("Headline\nYou're listening to LBC News\nBody text.\n", load_rules([rules_file]))
    assert [(r.text, r.rule) for r in article.removed] == [("You're listening to LBC News", "station-ident")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[rule]\nname=", "not valid TOML"),
        ("title = 'no rules'", "no \\[\\[rule\\]\\] entries"),
        ('[[rule]]\nname = "x"\n', "needs a 'name' and a 'pattern'"),
        ('[[rule]]\nname = "x"\npattern = "("\n', "bad pattern"),
        ('[[rule]]\nname = "x"\npattern = "a"\nmax_words = 0\n', "max_words"),
    ],
)
def test_malformed_rules_are_bad_input(content, message):
    with pytest.raises(BadInput, match=message):
        parse_rules(content, "publisher.toml")


ANOTHER_PAGE_CHROME = {
    "Listen to article": "audio-player",
    "3:12": "audio-player",
    "READ MORE: Storm warnings issued for the coast": "cross-link",
    "Most Popular": "cross-link",
    "Watch: Drone footage of the flooded valley": "cross-link",
    "In case you missed it": "cross-link",
    "Share this story": "share",
    "Facebook Twitter WhatsApp Email": "share",
    "Follow BBC Wales on X": "follow",
    "Get our daily newsletter delivered straight to your inbox": "newsletter",
    "Already a subscriber? Log in": "newsletter",
    "ADVERTISEMENT": "advert",
    "Story continues below advertisement": "advert",
    "Image caption, Volunteers fill sandbags in Ystrad on Sunday": "photo-credit",
    "Image source, PA Media": "photo-credit",
    "Firefighters in Pontypridd (pictured) worked through the night": "caption",
    "Comments (34)": "comment-section",
    "Join the conversation": "comment-section",
    "Drivetime with Jo 4pm - 7pm": "show-banner",
    "Published 6 March 2025": "dateline",
    "Last updated 6 Mar 2025, 10:42 GMT": "dateline",
    "2 hours ago": "relative-time",
    "CARDIFF —": "place-dateline",
    "We want to hear from you. Send us your story": "reader-feedback",
}
ANOTHER_PAGE_BODY = [
    "More than 200 homes were flooded in the Rhondda valley overnight, the council said.",
    "Watch the river levels closely, Natural Resources Wales told residents in a statement.",
    "Read the full statement on the council website, a spokesman told reporters.",
    "Share prices of insurers fell on Monday, according to Reuters.",
    "Follow-up inspections will begin on Thursday.",
    "By the end of the day, the water had receded from most streets.",
    "Comments made by the minister were criticised by opposition parties.",
    "What happens next",
    "The Met Office said a further 40mm of rain could fall on Wednesday.",
]


def test_unseen_chrome_phrasings_go_and_lookalike_body_paragraphs_stay():
    text = "\n".join(
        ["Floods hit the Rhondda valley after a night of heavy rain", *ANOTHER_PAGE_CHROME, *ANOTHER_PAGE_BODY]
    )
    article = clean_text(text)
    assert article.title == "Floods hit the Rhondda valley after a night of heavy rain"
    assert list(article.paragraphs) == ANOTHER_PAGE_BODY
    assert {r.text: r.rule for r in article.removed} == ANOTHER_PAGE_CHROME


MORE_CHROME = [
    "Listen live on Global Player",
    "Tune in to LBC on DAB",
    "LIVE",
    "Live updates: Storm latest",
    "Yesterday",
    "Updated moments ago",
    "💬 12",
    "Share via",
    "[Image: Reuters]",
    "Photo illustration by Jane Doe/The Verge",
    "Recommended by Outbrain",
    "What to read next",
    "Read the full story here",
    "Follow the author",
    "The best stories direct to your inbox",
    "Something went wrong, please try again later.",
    "Get the latest updates on Google News",
    "Skip to main content",
    "This article is more than 4 years old",
    "Mon 20 Jan 2020 00.01 GMT",
    "Last modified on Mon 20 Jan 2020 06.00 GMT",
    "Posted: Nov 8, 2023 / 06:20 PM CST",
    "Video Ad Feedback",
    "02:35 - Source: CNN",
    "ADVERTISEMENT - CONTINUE READING BELOW",
    "Striking members of the union last year. Photograph: Guy Smallman/Getty Images",
    "When you purchase through links on our site, we may earn an affiliate commission.",
    "Support independent journalism. Make a contribution today.",
    "Listen to The News Agents podcast on Global Player",
    "Tonight at 10pm on ITV",
    "Watch on BBC iPlayer",
    "Home / Sport / Football",
]
MORE_BODY = [
    "Share prices fell sharply on Monday, according to Reuters.",
    "Live animals were found in the lorry, police said.",
    "Yesterday's vote was the closest in a decade.",
    "Tune in next week, the presenter joked, before the show ended.",
    "More than 2,000 people have signed a petition.",
    "Today the council will vote on the plan.",
    "Readers who signed up to the newsletter last year were told on Monday that it would close.",
    "The photo, taken by a neighbour, shows the moment the roof collapsed.",
    "Login details for 3,000 staff were stolen, the company said.",
    "In a letter to the editor of the local paper, residents called for a new crossing.",
    "Sources, however, say the deal is close.",
    "Listen to the full interview, she told reporters.",
    "Tonight at 10pm, the curfew begins.",
    "The Rise of Low-Code/No-Code Solutions",
    "Luxury or upscale kitchen/bathroom designs",
]


@pytest.mark.parametrize("line", MORE_CHROME)
def test_more_unseen_chrome_is_removed(line):
    assert first_match(line, RULES) is not None


@pytest.mark.parametrize("line", MORE_BODY)
def test_body_lookalikes_are_kept(line):
    assert first_match(line, RULES) is None


def test_keywords_only_speed_rules_up_never_change_what_they_match():
    without = [replace(r, keywords=()) if isinstance(r, ChromeRule) else r for r in RULES]
    lines = [*SAMPLE_CHROME, *ANOTHER_PAGE_CHROME, *OTHER_PUBLISHER.splitlines(), *MORE_CHROME, *MORE_BODY]
    assert [first_match(line, RULES) for line in lines] == [first_match(line, without) for line in lines]


def test_subheadings_with_a_label_stay():
    for line in ("RTX 3080: Where to Buy", "COVID-19: What you need to know", "Q&A: How the vote works"):
        assert first_match(line, RULES) is None, line
