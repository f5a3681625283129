"""Copied text: the headline is found by its place beside the byline, wherever the layout puts them."""

from __future__ import annotations

from tts_pipeline.stages.clean import clean_text

HEADLINE = "Cocoa farmers cheer 45% price rise but warn smuggling will go on"
BODY = [
    "Cocoa farmers in the Western North Region have welcomed the government's decision to raise the price.",
    "The new price of GH¢48,000 per tonne was announced on Monday by the board's chief executive.",
    "Farmers said the rise would mean little unless buying companies paid them within a week.",
]
MENU = ["GHANAPULSE BUSINESS", "Home", "News", "Business", "Politics"]


def test_a_headline_right_under_the_byline_block():
    ticker = "Breaking: Senate confirms three new ambassadors after heated session"
    lines = [*MENU, ticker, "Metro", "By Kwabena Asare-Mensah", "June 3, 2024", "2 Comments", HEADLINE, *BODY]
    article = clean_text("\n".join(lines))
    assert article.title == HEADLINE
    assert article.paragraphs == tuple(BODY)


def test_a_section_label_between_the_headline_and_the_byline():
    lines = [*MENU, HEADLINE, "Traffic & travel", "Sam Okafor", "Local Democracy Reporter", "06:00, 3 June 2025", *BODY]
    article = clean_text("\n".join(lines))
    assert article.title == HEADLINE
    assert article.paragraphs == tuple(BODY)


def test_a_series_kicker_above_a_headline_with_a_standfirst_is_not_the_headline():
    standfirst = "In 11 districts, more than a third of classes are taught by substitutes without a licence."
    lines = [*MENU, "Part 2 of an investigation", HEADLINE, standfirst, "By Rosalind Achebe", "October 8, 2025", *BODY]
    article = clean_text("\n".join(lines))
    assert article.title == HEADLINE
    assert article.paragraphs == (standfirst, *BODY)


def test_a_scores_ticker_is_not_a_headline():
    ticker = "FINAL/OT KEL 4 PGN 3 | FINAL VIC 2 KAM 5 | 7:00 PM PT NAN @ CRA"
    lines = [*MENU, ticker, "Junior Hockey", "By Ryan Castellanos", "October 11, 2025 · 4 min read", HEADLINE, *BODY]
    article = clean_text("\n".join(lines))
    assert article.title == HEADLINE
    assert article.paragraphs == tuple(BODY)


def test_a_key_points_heading_under_the_headline_stays():
    points = ["In short:", "Residents in north Lismore have been told to leave before 6pm tonight."]
    article = clean_text("\n".join([*MENU, HEADLINE, *points, *BODY]))
    assert article.paragraphs == (*points, *BODY)


def test_a_summary_label_tells_the_standfirst_from_the_headline():
    standfirst = "Revenue rose 11.2% to ₹3,184 crore as volumes grew 14%, offset by softer prices in the south"
    lines = [*MENU, HEADLINE, "Summary", standfirst, "Siddharth Rao", "Updated: 19 Nov 2024, 06:45 PM IST · 3 min read"]
    article = clean_text("\n".join([*lines, *BODY]))
    assert article.title == HEADLINE
    assert article.paragraphs == ("Summary", standfirst, *BODY)  # the summary's own heading stays with it


def test_a_reporter_at_the_ground_is_no_headline():
    standfirst = "A header four minutes into added time lifts Tyneport out of the bottom three"
    at_ground = "Nathan Ferris at the Quayside Stadium"
    lines = [*MENU, "Tyneport Athletic 2–1 Severn Vale", HEADLINE, standfirst, at_ground, "Tue 16 Apr 2024 22.05 BST"]
    article = clean_text("\n".join([*lines, *BODY]))
    assert article.title == HEADLINE
    assert article.paragraphs == (standfirst, *BODY)


def test_a_headline_a_rule_took_but_its_byline_gave_back_survives_cleaning_again():
    text = "Breakfast with Sam 6am - 9am\n26 November 2024, 07:28\n" + "\n".join(BODY)
    first = clean_text(text)
    again = clean_text(first.text)
    assert (
        (again.title, again.paragraphs)
        == (first.title, first.paragraphs)
        == ("Breakfast with Sam 6am - 9am", tuple(BODY))
    )


def test_a_short_paragraph_said_twice_survives_cleaning_again_under_a_restored_headline():
    repeated = "The council voted on Tuesday to build a new bridge."
    first = clean_text("\n".join(["A", "Breakfast with Sam 6am - 9am", "26 November 2024, 07:28", repeated, repeated]))
    again = clean_text(first.text)
    assert (
        (again.title, again.paragraphs)
        == (first.title, first.paragraphs)
        == ("Breakfast with Sam 6am - 9am", (repeated, repeated))
    )


def test_a_label_left_right_under_the_headline_once_a_caption_goes_goes_too():
    text = "B\nThe council voted on Tuesday to build a new bridge.\nPicture: Getty Images\nA\n" + BODY[0]
    first = clean_text(text)
    again = clean_text(first.text)
    assert (again.title, again.paragraphs, again.removed) == (first.title, first.paragraphs, ())


def test_a_key_takeaways_heading_under_the_byline_stays():
    points = [
        "Key Takeaways",
        "The FDA approved the spray for adolescents aged 12 to 17.",
        "Most side effects were mild.",
    ]
    lines = [*MENU, HEADLINE, "Written by Lauren Pacheco, MS", "October 3, 2025 | 4 min read", *points, *BODY]
    article = clean_text("\n".join(lines))
    assert article.paragraphs == (*points, *BODY)


def test_a_results_bar_is_no_headline_and_a_name_with_a_place_is_a_byline():
    bar = "Live results: Montevideo 97.8% counted | Canelones 99.1% counted | Maldonado 100% counted"
    lines = [*MENU, bar, HEADLINE, "Annika Brügger, Zurich", "21 October 2025, 6:30 am", *BODY]
    article = clean_text("\n".join(lines))
    assert article.title == HEADLINE
    assert article.paragraphs == tuple(BODY)


def test_a_restored_headline_over_a_short_line_survives_cleaning_again():
    power_cut = "More than 300 homes lost power, the government said."
    text = "\n".join([power_cut, "Breakfast with Sam 6am - 9am", "26 November 2024, 07:28", "0?", BODY[0]])
    first = clean_text(text)
    again = clean_text(first.text)
    assert (again.title, again.paragraphs, again.removed) == (first.title, first.paragraphs, ())


def test_a_line_after_a_caption_at_the_end_survives_cleaning_again():
    repeated = "The council voted on Tuesday to build a new bridge."
    text = "\n".join(["Breakfast with Sam 6am - 9am", repeated, "¹", repeated, "Picture: Getty Images"])
    first = clean_text(text)
    again = clean_text(first.text)
    assert (again.title, again.paragraphs, again.removed) == (first.title, first.paragraphs, ())


def test_a_breaking_banner_above_the_headline_is_not_it():
    banner = "BREAKING: Signal No. 3 raised over Catanduanes, Camarines Norte — 5 p.m. weather bulletin"
    lines = [*MENU, banner, HEADLINE, "By: Ramon Villareal-Cruz, Patricia Dizon - Reporters", *BODY]
    article = clean_text("\n".join(lines))
    assert article.title == HEADLINE
    assert article.paragraphs == tuple(BODY)


def test_a_headline_under_the_byline_block_over_a_summary_label():
    standfirst = "Value of person-to-merchant payments rose 38 percent in 2023, overtaking transfers"
    quote = "Tuma Telecom 14.35 ▲ 1.41%"  # a ticker the lenient pass would take for the headline above the byline
    lines = [*MENU, quote, "By ESTHER NDUNG'U", "Tuesday, March 05, 2024", "Share this article", HEADLINE, "Summary"]
    article = clean_text("\n".join([*lines, standfirst, *BODY]))
    assert article.title == HEADLINE
    assert article.paragraphs == ("Summary", standfirst, *BODY)
