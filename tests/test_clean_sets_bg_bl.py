"""Copied text: shapes seen on sets BG-BL (session 19) — a box's upper-case heading, the article's bulleted list
after other stories' headlines, a standfirst over the headline with a bare name under it, the headline under an
advert banner, key points under the headline, a breadcrumb trail over the byline, a listicle's heading over
its picture's credit."""

from __future__ import annotations

from pathlib import Path

from tts_pipeline.stages.clean import clean_text

DATA = Path(__file__).parent / "data"

GLACIERS = "Norway's glaciers shrank faster in the last decade than at any time since measurements began"
GLACIER_BODY = [
    "Norway's glaciers lost an average of 1.3 metres of ice thickness a year between 2014 and 2023, almost twice"
    " the rate of the 1990s, according to a new national assessment.",
    "Of the 33 glaciers measured regularly, 31 got smaller over the period, and several small glaciers in southern"
    " Norway have split into separate pieces of ice.",
    "The summer of 2023 was particularly severe. Several glaciers lost more than two metres of ice in a single"
    " season after a warm, dry July.",
]


def _page(*lines: str) -> str:
    return "\n".join(lines)


def test_an_upper_case_heading_over_a_fact_box_is_the_boxs():
    """Set BI: 'FACTS: Norway's glaciers' over 'Number of glaciers: about 2,500' … was taken for a promotion's
    label ('LOOK-UP TOOL: Check cases in your area')."""
    box = [
        "FACTS: Norway's glaciers",
        "Number of glaciers: about 2,500",
        "Total area: about 2,300 km², down from about 2,700 km² in 2000",
        "Largest: Jostedalsbreen, about 460 km²",
    ]
    after = (
        "Meltwater from glaciers feeds many of Norway's hydropower reservoirs, and summer flows in glacier-fed"
        " rivers are expected to fall as the glaciers shrink."
    )
    article = clean_text(
        _page("NPT", GLACIERS, "Ingeborg Rasmussen-Eide", "Published 16.09.2024 17:30", *GLACIER_BODY, *box, after)
    )
    assert article.paragraphs == (*GLACIER_BODY, *box, after)


def test_a_bulleted_list_closing_other_stories_headlines_is_the_articles():
    """Set BI: 'Further reading', two headlines, then 'What the researchers want' and its bullets before the
    article's next paragraph: the headlines had no bullets, so the article resumed."""
    teasers = [
        "Further reading",
        "Tyre dust is the largest source of microplastics in European rivers, review finds",
        "The Belgian villages still cleaning up after the 2023 floods",
    ]
    wants = [
        "What the researchers want",
        "• Flood-triggered sampling added to routine river monitoring",
        "• Sediment cores included in national plastic inventories",
        "• Limits on plastic in sewage sludge spread on farmland, which washes into rivers",
    ]
    after = (
        "The European Commission is expected to publish revised guidance on microplastic monitoring later this year."
    )
    article = clean_text(
        _page("Greenline", GLACIERS, "By Ana Weiss", "4 March 2025", *GLACIER_BODY, *teasers, *wants, after)
    )
    assert article.paragraphs == (*GLACIER_BODY, *wants, after)


FLATS = "The ballet flat is back — and this time it's brought the receipts"
FLATS_BODY = [
    "Twelve years ago, a footwear executive told this publication that the ballet flat was “dead for a"
    " generation”. It seems the generation was shorter than expected.",
    "Figures from retail analysts show that flat shoes accounted for 38 per cent of women's footwear sales by"
    " value in the last quarter, against 29 per cent for heels.",
    "The ballet pump, in particular, has been the breakout, and several high-street chains say they have had to"
    " reorder the style mid-season.",
]


def test_a_standfirst_over_the_headline_with_a_bare_name_under_it():
    """Set BL: the standfirst, the headline, 'Carla Menendez-Wright': the standfirst is no first sentence of
    the article, so the bare name under the headline is its byline (the audio button was taken for it)."""
    standfirst = (
        "Sales of flat shoes are outpacing heels for the first time in more than a decade, as comfort finally"
        " wins the long war on the high street."
    )
    article = clean_text(
        _page(
            "HEMLINE",
            "Sign in",
            "BUSINESS / FOOTWEAR",
            standfirst,
            FLATS,
            "Carla Menendez-Wright",
            "Footwear Correspondent",
            "Mar 18, 2025 07:02 GMT",
            "🎧 Listen to this article",
            "4 min",
            *FLATS_BODY,
        )
    )
    assert article.title == FLATS
    assert article.paragraphs == (standfirst, *FLATS_BODY)


def test_the_headline_under_an_advert_banner_over_its_standfirst():
    """Set BL: 'Advertisement - Continue Reading Below', the headline, a standfirst of two sentences: the line
    under the advert is the headline, not the advert's own line."""
    headline = "Why so many women are quietly deleting the dating apps"
    standfirst = (
        "Three-quarters of single women say swiping has made dating feel like a second job. So what are they"
        " doing instead?"
    )
    article = clean_text(
        _page(
            "HEARTLINE",
            "MENU",
            "Dating",
            "Advertisement - Continue Reading Below",
            headline,
            standfirst,
            "Westend Picture Library / Getty Images",
            "By Zara Quintrell-Ng",
            "Published: Feb 12, 2025 3:45 PM EST",
            *FLATS_BODY,
        )
    )
    assert article.title == headline
    assert article.paragraphs == (standfirst, *FLATS_BODY)


def test_key_points_under_the_headline_are_kept_and_no_headline():
    """Set BG: a tabloid's bulleted key points between the headline and the byline; a bullet is no headline."""
    headline = "Ashford chase £40m Sorensen as Kerr makes striker top January priority"
    points = [
        "• Ashford United have made an opening approach for Nordvik forward Anders Sorensen",
        "• Boss Gordon Kerr wants a new No 9 before the window shuts",
        "• Nordvik want a fee closer to £50million for the Denmark international",
    ]
    body = [
        "ASHFORD UNITED have opened talks over a £40million deal for Nordvik striker Anders Sorensen.",
        "The Clarion understands the club's sporting director met representatives of the Danish international"
        " in London on Monday.",
    ]
    article = clean_text(
        _page(
            "DAILY CLARION",
            "Sport › Football › Transfer news",
            "EXCLUSIVE",
            headline,
            *points,
            "By CONOR WALSH, Chief Football Reporter",
            "10:43, 15 Jan 2025",
            *body,
        )
    )
    assert article.title == headline
    assert article.paragraphs == (*points, *body)


def test_a_breadcrumb_trail_over_the_byline_is_no_headline():
    """Set BH: 'Home / Savings / Best easy-access savings accounts' over 'Reviewed by …'; the headline is under
    the byline block, over its standfirst."""
    headline = "Best easy-access savings accounts: top rates pay up to 4.85% this month"
    standfirst = (
        "Easy-access rates have slipped since the last base rate cut, but a handful of smaller banks are still"
        " paying well above inflation."
    )
    body = [
        "The best easy-access account now pays 4.85%, from a bank most savers will not have heard of, and the"
        " big high-street names pay less than half that.",
        "Savers with £10,000 in an account paying 1.5% would earn £335 more a year by moving it to the top"
        " easy-access rate.",
    ]
    article = clean_text(
        _page(
            "coinpurse",
            "Savings",
            "Home / Savings / Best easy-access savings accounts",
            "Reviewed by Devika Sorensen, Senior Savings Editor",
            "Fact-checked by Tom Ebbage",
            "Last updated: 3 March 2025",
            headline,
            standfirst,
            *body,
        )
    )
    assert article.title == headline
    assert article.paragraphs == (standfirst, *body)


def test_a_listicles_heading_over_its_pictures_credit_stays():
    """Real copied page: 'Data Analytics Certificate' over its picture's credit ('Photo Courtesy of Noble
    Desktop') is the item's heading, not the picture's caption (a caption is a sentence)."""
    intro = (
        "Bootcamps and certificate programmes in New York range from a weekend to six months, and their prices"
        " range just as widely."
    )
    items = [
        "Data Analytics Certificate",
        "Credit: Noble Desktop",
        "The Data Analytics Certificate teaches Excel, SQL and Python over twelve weeks, with a portfolio"
        " project at the end of the course.",
        "Software Engineering Bootcamp at General Assembly",
        "Credit: General Assembly",
        "General Assembly's bootcamp runs full time for twelve weeks and covers JavaScript, React and Node,"
        " with career coaching after it.",
    ]
    page = _page("The best coding bootcamps in New York for 2025", "By Sam Reyes", "June 4, 2025", intro, *items)
    article = clean_text(page)
    assert "Data Analytics Certificate" in article.paragraphs
    assert "Software Engineering Bootcamp at General Assembly" in article.paragraphs


def _labelled_page(name: str) -> tuple[str, str, list[str]]:
    """A written set's page (tests/data, one 't|', 'b|' or 'c|' line each): its text, headline and body lines."""
    rows = [line.split("|", 1) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    title = next(text for label, text in rows if label == "t")
    return "\n".join(text for _, text in rows), title, [text for label, text in rows if label == "b"]


def test_a_standfirst_over_the_headline_with_player_lines_between_it_and_the_byline():
    """Set AZ: the standfirst, the headline, 'Listen', '7 min', share buttons, a video, a caption, then the
    byline: lines a rule took under the headline do not make the standfirst the article's first sentence
    (the caption was found as the headline)."""
    text, title, body = _labelled_page("copied-live-standfirst-above.txt")
    article = clean_text(text)
    assert article.title == title
    assert [line for line in article.paragraphs if line in body] == body


def test_a_correction_under_other_stories_links_is_the_articles():
    """Set BB: 'More on this story', two headlines and an audio clip's length end the article, but the
    correction under them is read: a correction is the article's wherever the page prints it."""
    text, title, body = _labelled_page("copied-correction-after-links.txt")
    article = clean_text(text)
    assert article.title == title
    assert article.paragraphs[-1].startswith("Correction: An earlier version")
    assert [line for line in article.paragraphs if line in body] == body


def test_a_standfirst_over_the_headline_with_a_label_between_the_headline_and_its_byline():
    """Set BR: the standfirst, the headline, 'AFP' (a short label no rule takes), then 'Agence France-Presse'
    and the date: one short kept line between the headline and its byline block."""
    text, title, body = _labelled_page("copied-agency-label-under-headline.txt")
    article = clean_text(text)
    assert article.title == title
    assert [line for line in article.paragraphs if line in body] == body
