"""Copied text: the byline block around the headline, seen on sets AD and AE — an author's role under a bare
name, a recipe's rating count, a wire story's place and agency, a headline in quotes, a sentence headline
under the byline."""

from __future__ import annotations

from tts_pipeline.stages.clean import clean_text

BODY = [
    "The council's new bus plan would cut the number of routes from 41 to 29 and run the busiest every ten minutes.",
    "Officials say the changes, due in April, will save £3.2 million a year without cutting any village service.",
    "Residents in the outer estates fear longer walks to a stop and fewer buses in the evening.",
    "“We were promised more, not less,” said Carys Bevan, who chairs the Westfield residents' group.",
    "The plan goes to the transport committee on Thursday, and a public consultation runs until the end of March.",
]
MENU = ["The Valley Herald", "News", "Transport", "Opinion", "Sport"]
HEADLINE = "Bus routes to be cut from 41 to 29 in council's network shake-up"


def _clean(lines: list[str]):
    return clean_text("\n".join(lines))


def test_a_role_line_under_a_bare_name_is_no_headline():
    """'Film critic' and 'Recipe developer and cookery writer' are the author's role, however the role is worded."""
    for role in ("Film critic", "Recipe developer and cookery writer", "Courts reporter and podcast producer"):
        article = _clean([*MENU, HEADLINE, "Rhian Powell", role, "12 March 2025", *BODY])
        assert (article.title, article.paragraphs) == (HEADLINE, tuple(BODY)), role


def test_a_rating_count_over_the_byline_leaves_the_headline_found():
    header = [HEADLINE, "4.7", "(312 ratings)", "Rate this recipe", "Print", "By Rhian Powell", "Recipe developer"]
    article = _clean([*MENU, *header, *BODY])
    assert (article.title, article.paragraphs) == (HEADLINE, tuple(BODY))
    assert {r.text: r.rule for r in article.removed}["(312 ratings)"] == "rating-widget"


def test_a_headline_in_quotes_is_on_its_articles_topic():
    """'‘The Salt Orchard’ review: …': the closing quote is no part of the word 'orchard'."""
    headline = "‘The Quiet Harbour’ review: a tender family drama that stays with you"
    standfirst = (
        "Nadia Rees's second feature is an unshowy portrait of three sisters fighting over a failing boatyard "
        "on a windswept coast – and the best thing at this year's festival"
    )
    body = [
        "There is a moment halfway through The Quiet Harbour when the eldest sister stands alone on the slipway.",
        "The harbour has been in the family for 60 years, and nobody wants to be the one who sells it.",
        "Rees, who also wrote the screenplay, resists every temptation to dress the story up.",
    ]
    article = _clean(["Film", "Reviews", headline, "Iwan Morgan", "Film critic", "5 September 2025", standfirst, *body])
    assert (article.title, article.paragraphs) == (headline, (standfirst, *body))


def test_a_wire_storys_place_and_agency_sit_between_byline_and_headline():
    header = ["Trending", "Cities", "India", "World", "Sports", "Last Updated: 18 July 2025, 19:47 IST", "Follow Us"]
    headline = "Nandipur's new metro line to open on August 15, fares start at ₹12"
    standfirst = "The 16-km corridor will have 11 stations; officials expect 1.2 lakh riders a day."
    body = ["The long-delayed metro line to the airport will open next month, the state's transport minister said."]
    article = _clean([*header, "Anusha Reddy", "Nandipur, DSNS", headline, standfirst, *body])
    assert (article.title, article.paragraphs) == (headline, (standfirst, *body))


def test_a_sentence_headline_under_the_byline_and_a_review_notice():
    """A question-and-answer explainer's headline written as two sentences, under its byline block; the
    medical reviewer's line is the byline's, never the headline."""
    headline = "Measles is back. Here's how it spreads, and how worried you should be."
    standfirst = "Cases have already passed last year's total. We answer the most common questions about the virus."
    body = [
        "Health officials have confirmed 311 measles cases in 14 states so far this year, more than in all of 2024.",
        "Why does measles spread so easily?",
        "Measles is one of the most contagious diseases known, and the virus lingers in the air for two hours.",
    ]
    header = [
        "OPEN WARD",
        "Public Health",
        "Explainers",
        "By Sunniva Hale, Health Reporter",
        "Reviewed for medical accuracy by Dr. Paul Ermakov",
        "March 18, 2025",
        "4 min read",
    ]
    article = _clean([*header, headline, standfirst, *body])
    assert (article.title, article.paragraphs) == (headline, (standfirst, *body))


def test_with_no_byline_the_headline_is_the_line_on_the_articles_topic_above_its_first_paragraph():
    """A sign-in box's 'Forgot password ?' ends like a sentence; the headline is under it, on the topic."""
    header = ["Email address *", "Your password *", "Forgot password ?", "Create an account and benefit from:"]
    header += ["Easy sample ordering", "Access to order history"]
    headline = "Ten easy steps: how the new bus plan would cut routes"
    article = _clean([*header, headline, "Share", *BODY])
    assert article.title == headline
