"""HTML pages: trafilatura extraction, our headline choice, metadata, html_rules and the audio rules."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.chrome_rules import load_rules, parse_rules
from tts_pipeline.stages.clean import clean_html, clean_input, explain
from tts_pipeline.stages.extract import choose_title
from tts_pipeline.stages.source import read_source

from .conftest import DATA

PAGE = (DATA / "news-page.html").read_text(encoding="utf-8")
BODY = (
    "Engineers say the work will take most of the summer.",
    "Work to repair the harbour wall in Porthmellin began on Monday, three months after winter storms tore a hole"
    " in its western arm.",
    "More than 40 fishing boats have had to moor elsewhere since January, costing the local fleet thousands of"
    " pounds a week, according to Reuters.",
    "Watch the tide tables, the harbour master told skippers, because the contractors can only work at low water.",
    "The council has set aside £2.4m for the repairs, which will use granite blocks recovered from the seabed after"
    " the storm.",
    '"We want the harbour back to full strength before the autumn gales arrive," said councillor Tom Evans, who'
    " chairs the harbour board.",
    "Residents have been asked to keep away from the western arm while heavy machinery is on site.",
)


def test_html_page_keeps_headline_standfirst_and_body_and_names_each_removal():
    article = clean_html(PAGE)
    assert article.title == "Harbour wall repairs begin after winter storms"  # the <h1>, not the shorter og:title
    assert article.paragraphs == BODY
    assert [(r.rule, r.text[:20]) for r in article.removed] == [
        ("image-caption", "The damaged western "),
        ("advert", "Advertisement"),
        ("cross-link", "Read more: Fishermen"),
        ("newsletter", "Sign up to our free "),
    ]


def test_metadata_is_carried():
    article = clean_input(PAGE.encode())
    assert article.metadata == {
        "byline": "Priya Patel",
        "date": "2024-03-14",
        "site": "The Coastal Courier",
        "url": "https://courier.example/news/harbour-wall-repairs",
        "language": "en-GB",
    }
    assert article.to_dict().keys() >= {"title", "byline", "date", "site", "url", "language", "paragraphs", "removed"}


def test_html_in_another_encoding_is_decoded():
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    article = clean_input(page.encode("cp1252"))
    assert any("£2.4m" in p for p in article.paragraphs)


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Nothing here</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        "<!DOCTYPE html><html><body></body></html>",
        "<html><body><p>Advertisement</p><p>Share</p><p>Read more: elsewhere</p></body></html>",
    ],
)
def test_html_with_no_article_is_bad_input(html):
    with pytest.raises(BadInput):
        clean_input(html)


def test_publisher_html_rule_cuts_elements_by_xpath():
    rules = [
        *load_rules(),
        *parse_rules('[[html_rule]]\nname = "pull-quote"\nxpath = "//p[contains(., \'tide\')]"\n', "p"),
    ]
    article = clean_html(PAGE, rules)
    assert not any("tide tables" in p for p in article.paragraphs)
    assert ("pull-quote", BODY[3]) in [(r.rule, r.text) for r in article.removed]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[[html_rule]]\nname = "x"\n', "needs a 'name' and an 'xpath'"),
        ('[[html_rule]]\nname = "x"\nxpath = "//p[("\n', "bad xpath"),
    ],
)
def test_malformed_html_rules_are_bad_input(content, message):
    with pytest.raises(BadInput, match=message):
        parse_rules(content, "publisher.toml")


@pytest.mark.parametrize(
    ("headings", "meta", "expected"),
    [
        (
            ["Coronavirus: ramps up burials amid outbreak"],
            "Ramps up burials amid virus outbreak",
            "Coronavirus: ramps up burials amid outbreak",
        ),
        (["POLITICO"], "Meadows accused of timing retirement", "Meadows accused of timing retirement"),
        (["Open ProgressWhy groups beat smart people"], "Why groups beat smart people", "Why groups beat smart people"),
        (
            ["Visit the county this fall", "See the horses"],
            "Sixers game notes: Embiid leads",
            "Sixers game notes: Embiid leads",
        ),
        (["Plumber jailed after boiler killed daughter"], "escenic", "Plumber jailed after boiler killed daughter"),
        ([], "", None),
    ],
)
def test_headline_choice(headings, meta, expected):
    """The visible <h1> when it agrees with the metadata title, else the metadata title."""
    assert choose_title(headings, meta) == expected


def test_diff_lists_every_page_line_with_its_fate():
    src = read_source(str(DATA / "news-page.html"))
    lines = explain(src, clean_html(src.text))
    assert ("Home", "not-article") in lines and ("Most read", "not-article") in lines
    assert ("Advertisement", "advert") in lines
    assert (BODY[1], None) in lines


def test_diff_of_copied_text_keeps_the_first_of_a_repeated_line():
    src = read_source(str(DATA / "short-page.txt"))
    text = "Big news today\nBig news today\nThe body of the story is here.\n"
    lines = explain(replace(src, text=text), clean_input(text))
    assert lines == [("Big news today", None), ("Big news today", "duplicate-line"), (lines[2][0], None)]


def test_an_html_fragment_is_cleaned_too():
    body = "".join(f"<p>Paragraph {i} of the story is long enough to count as article text here.</p>" for i in range(8))
    article = clean_input(f"<h1>Fragment headline here</h1>{body}<p>Advertisement</p>")
    assert article.title == "Fragment headline here" and len(article.paragraphs) == 8
    assert [r.rule for r in article.removed] == ["advert"]


@pytest.mark.parametrize(
    "marker",
    ['class="rs_skip"', 'class="promo trinity-skip-it"', "data-tts-skip", 'data-tts-skip="true"', 'class="no-audio"'],
)
def test_what_the_publisher_marks_to_skip_is_not_narrated(marker):
    """Publishers already mark text for audio players to skip (ReadSpeaker, Trinity Audio); we honour those
    and our own marker, so an editor can keep any block out of the narration from the CMS."""
    page = PAGE.replace(f"<p>{BODY[3]}</p>", f"<p {marker}>{BODY[3]}</p>")
    assert page != PAGE
    article = clean_html(page)
    assert not any("tide tables" in p for p in article.paragraphs)
    assert ("publisher-skip", BODY[3]) in [(r.rule, r.text) for r in article.removed]
    assert all(b in article.paragraphs for b in BODY if b != BODY[3])


def test_the_skip_class_must_be_a_whole_class_name():
    page = PAGE.replace(f"<p>{BODY[3]}</p>", f'<p class="no-audio-player-here">{BODY[3]}</p>')
    assert any("tide tables" in p for p in clean_html(page).paragraphs)


def test_a_list_the_default_reading_drops_is_kept_from_the_fuller_reading():
    """trafilatura's default reading drops a list inside a CMS 'widget' wrapper (and takes the footer);
    its favor_recall reading keeps it, and after our rules it keeps more, so it is the one we use."""
    article = clean_html((DATA / "html-list-in-widget.html").read_text(encoding="utf-8"))
    assert article.title == "Harbour wall to be rebuilt by October"
    assert article.paragraphs[2:7] == (
        "Here is how the work will be done:",
        "Phase one: Divers survey the foundations and mark every stone that must be replaced.",
        "Phase two: Contractors pour new concrete footings behind the wall at low tide.",
        "Phase three: Masons reset the facing stones and repoint the joints with lime mortar.",
        "Phase four: The promenade above the wall reopens with new railings and lighting.",
    )


ENDED_PAGE = """<html><head><title>Harbour wall repairs to start in March</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Harbour wall repairs to start in March</h1>
<p>PORTHMELLIN (Harbour Wire) - Repairs to the harbour wall in Porthmellin will start in March,
the town council said on Tuesday, three months after winter storms tore a hole in it.</p>
<p>The work will cost 4.2 million pounds and take eight months.
Fishing boats will moor in the outer basin until it is done.</p>
<p>"We have waited long enough," the harbour master, Jenna Trewin, told the council meeting.</p>
<p>Reporting by Tom Ellery; Editing by Ruth Penrose</p>
<h3>Keep reading</h3>
<p>Storm damage across the county</p>
<p>Council budget under pressure</p>
<p>Fishing quotas for next year</p>
</article>
<footer><p>Copyright 2026 Harbour Wire. All rights reserved.</p></footer>
</body></html>"""


def test_lines_after_the_articles_last_sentence_go_but_a_wire_storys_credits_stay():
    """The extractor's reading runs on past the article (other stories' headlines under 'Keep reading');
    the article ends at its last sentence, as in copied text. The dev set's HTML keeps a wire story's credits."""
    article = clean_html(ENDED_PAGE)
    assert article.paragraphs[-2:] == (
        '"We have waited long enough," the harbour master, Jenna Trewin, told the council meeting.',
        "Reporting by Tom Ellery; Editing by Ruth Penrose",
    )
    assert [line.rule for line in article.removed][-3:] == ["after-article"] * 3


def test_a_subheading_with_a_bracket_is_the_articles_own_in_html():
    """A line ending in a bracketed name is a linked headline's source in copied text; in HTML the
    extractor has judged link lists by their markup, and such a line is the article's subheading."""
    page = (
        "<html><head><title>What a renovation costs this year</title></head><body><article>"
        "<h1>What a renovation costs this year</h1>"
        "<p>Builders' prices rose again this spring, and a whole-home remodel now costs more than a new car.</p>"
        "<h2>Whole-Home Remodel (Budget)</h2>"
        "<p>A budget remodel of a three-bedroom house runs from 40,000 to 60,000 dollars, the survey found.</p>"
        "<h2>Whole-Home Remodel (Mid-Range)</h2>"
        "<p>A mid-range remodel runs from 90,000 to 150,000 dollars, most of it for kitchens and bathrooms.</p>"
        "</article></body></html>"
    )
    article = clean_html(page)
    assert "Whole-Home Remodel (Budget)" in article.paragraphs
    assert "Whole-Home Remodel (Mid-Range)" in article.paragraphs


def test_a_line_another_rule_knows_still_goes_in_html_when_linked_source_is_skipped():
    """The linked-source rule, skipped in HTML, no longer hides the other rules that know a line."""
    page = (
        "<html><head><title>Storm hits the harbour town</title></head><body><article>"
        "<h1>Storm hits the harbour town</h1>"
        "<p>The storm hit the harbour town on Monday night and tore a hole in the wall.</p>"
        "<p>Sponsored: Best savings accounts this month (Advertiser)</p>"
        "<p>Repairs will start in March and take eight months, the council said.</p>"
        "</article></body></html>"
    )
    article = clean_html(page)
    assert ("Sponsored: Best savings accounts this month (Advertiser)", "sponsor-message") in [
        (line.text, line.rule) for line in article.removed
    ]
