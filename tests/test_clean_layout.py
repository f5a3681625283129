"""Copied text: what a line's place gives away (past the chrome block that ends the article, above a bare
photo credit), however it is worded."""

from __future__ import annotations

from tts_pipeline.stages.clean import clean_text

HEADER = [
    "Storm closes the coast road for a week",
    "By Ana Ruiz, Transport Reporter",
    "The coast road between Elmhurst and Dunmore was closed on Monday after a landslip, the council said.",
    "Engineers found a crack forty metres long in the embankment and said the slope was still moving.",
    "Buses will run on the inland route, adding about twenty minutes to each journey, the operator said.",
    "Residents of the cliff-top estate were asked to keep away from the fenced area until the survey ends.",
    "The council said it would publish the survey and a timetable for repairs by the end of the month.",
    "Shop owners in Dunmore said trade had fallen by a third since the closure, as day visitors stayed away.",
    "One café owner said she had sent two of her four staff home on Tuesday because the tables were empty.",
    "The county's highways chief said the repair could cost more than two million pounds if piles are needed.",
    "A similar landslip closed the same road for five months in 2019, when the repair cost £1.4 million.",
    "Walkers were warned that the coast path below the road is also shut, and that fines apply to trespass.",
]
# The block that ends an article holds more than one kind of line (layout.END_GAP_KINDS).
CHROME_BLOCK = ["Share this article", "Facebook", "Twitter", "More from News"]
# Sentences no rule knows: the publisher's own pitch and a reader's comment.
PITCH = "The Coast Gazette has reported on Elmhurst since 1887, and every reader who chips in keeps it going."
COMMENT = "Same story every winter, and nothing ever changes until somebody gets hurt on that road."


def test_sentences_after_the_chrome_block_that_ends_the_article_go():
    article = clean_text("\n".join([*HEADER, *CHROME_BLOCK, PITCH, "Comments (2)", COMMENT]))
    assert article.paragraphs == tuple(HEADER[2:])
    removed = {r.text: r.rule for r in article.removed}
    assert removed[PITCH] == removed[COMMENT] == "past-article-end"


def test_the_article_resuming_after_a_chrome_block_stays():
    # Eight paragraphs after the block are more than the last 15 % of the article's words: it goes on.
    body = HEADER[2:]
    text = "\n".join([*HEADER[:2], body[0], body[1], *CHROME_BLOCK, *body[2:]])
    assert clean_text(text).paragraphs == tuple(body)


def test_a_short_chrome_block_does_not_end_the_article():
    text = "\n".join([*HEADER, *CHROME_BLOCK[:3], PITCH])
    assert clean_text(text).paragraphs[-1] == PITCH


CAPTION = "Walkers look at the crack in the embankment above the coast road on Tuesday afternoon."


def test_a_line_right_above_a_bare_photo_credit_is_its_caption():
    text = "\n".join([*HEADER[:4], CAPTION, "Credit: Supplied", *HEADER[4:]])
    article = clean_text(text)
    assert article.paragraphs == tuple(HEADER[2:])
    assert {r.text: r.rule for r in article.removed}[CAPTION] == "caption-above-credit"


def test_a_paragraph_above_a_caption_with_its_credit_stays():
    text = "\n".join([*HEADER[:4], "Cows graze near Mitchelstown, Co Cork. Photo: Dónal Burke", *HEADER[4:]])
    assert clean_text(text).paragraphs == tuple(HEADER[2:])


def test_the_headline_above_a_bare_photo_credit_stays():
    text = "\n".join([HEADER[0], "Photo: Getty Images", *HEADER[1:]])
    article = clean_text(text)
    assert article.title == HEADER[0]
    assert article.paragraphs == tuple(HEADER[2:])


def test_a_list_the_article_introduces_keeps_an_item_shaped_like_a_linked_source():
    items = [
        "Castries: Marchand Grounds Community Centre",
        "Vieux Fort: Vieux Fort Comprehensive Secondary School (Campus A)",
        "Micoud: Micoud Secondary School",
    ]
    text = "\n".join([*HEADER[:4], "Shelters opening today include:", *items, *HEADER[4:]])
    assert clean_text(text).paragraphs == (*HEADER[2:4], "Shelters opening today include:", *items, *HEADER[4:])


def test_sentences_after_a_line_that_only_ends_articles_go():
    article = clean_text("\n".join([*HEADER, "Topics: Coast road, Landslips", PITCH, COMMENT]))
    assert article.paragraphs == tuple(HEADER[2:])
    assert {r.text: r.rule for r in article.removed}[PITCH] == "past-article-end"


def test_tags_under_the_byline_do_not_end_the_article():
    standfirst = "Engineers say the slope above the road is still moving."
    text = "\n".join([HEADER[0], "3 June 2025", standfirst, HEADER[1], "Topics: Coast road, Landslips", *HEADER[2:]])
    assert clean_text(text).paragraphs == (standfirst, *HEADER[2:])


def test_a_signed_last_paragraph_stays_when_a_bio_follows():
    signed = "Stay warm, check on your neighbours, and stay off the roads if you can. — Lena"
    bio = "Lena Morsch is the Gazette's weather columnist and a former TV meteorologist. Her forecast runs daily."
    article = clean_text("\n".join([*HEADER, signed, bio, "Comments (2)"]))
    assert article.paragraphs == (*HEADER[2:], signed)


def test_a_quoted_message_between_paragraphs_is_no_teaser():
    message = 'One read: "Babe I promise it is sorted, my accountant is a nightmare x"'
    text = "\n".join([*HEADER[:5], message, *HEADER[5:]])
    assert message in clean_text(text).paragraphs


def test_a_two_word_subheading_after_a_list_of_other_stories_stays():
    teasers = ["Read more:", "Rainfall figures show wettest March on record", "Dairy farmers face fodder squeeze"]
    text = "\n".join([*HEADER[:5], *teasers, "Fodder concerns", *HEADER[5:]])
    assert "Fodder concerns" in clean_text(text).paragraphs


def test_a_reviews_score_after_its_verdict_stays():
    article = clean_text("\n".join([*HEADER, "Score: 7.5/10", "Tags: Apps, Food delivery"]))
    assert article.paragraphs[-1] == "Score: 7.5/10"


def test_list_items_shaped_like_linked_sources_between_other_items_stay():
    items = [
        "Closed today",
        "Northern Pines Public School (Timmins)",
        "École élémentaire catholique Sainte-Thérèse (Iroquois Falls)",
        "Cochrane District Secondary School",
    ]
    text = "\n".join([*HEADER[:5], *items, *HEADER[5:]])
    assert clean_text(text).paragraphs == (*HEADER[2:5], *items, *HEADER[5:])


def test_a_table_printed_with_pipes_stays_whole():
    table = ["Line | Slow zones | Added time", "D Line | 7 | 9 min", "E Line | 9 | 14 min", "H Line | 8 | 12 min"]
    text = "\n".join([*HEADER[:5], *table, *HEADER[5:]])
    assert clean_text(text).paragraphs == (*HEADER[2:5], *table, *HEADER[5:])


def test_a_menu_with_pipes_above_the_headline_still_goes():
    text = "\n".join(["Home | News | Sport | Weather", "Local | Business | Opinion | Life", *HEADER])
    assert clean_text(text).paragraphs == tuple(HEADER[2:])


def test_the_box_that_closes_the_article_stays_and_cleaning_again_keeps_it():
    box = [
        "Brief scores",
        "Galle Mariners 213 in 49.3 overs (Chamath Liyanage 78, Nuwan Dissanayake 41)",
        "Kandy Hill Lions 167 in 44.1 overs (Ravindu Senanayake 52; Kasun Weerakkody 5-28)",
        "Galle Mariners won by 46 runs",
        "Player of the match: Kasun Weerakkody",
    ]
    tail = ["Advertisement", "Share this article", "Facebook", "Top Stories", "12 comments", PITCH, COMMENT]
    article = clean_text("\n".join([*HEADER, *box, *tail]))
    assert article.paragraphs == (*HEADER[2:], *box)
    again = clean_text("\n".join([article.title, *article.paragraphs]))
    assert again.paragraphs == article.paragraphs


def test_another_storys_headline_next_to_an_advert_goes_but_a_question_or_a_list_item_stays():
    teaser = "Athlone library to host free coding club for teens"
    question = "What happens to the families who are already waiting for a place"
    item = "Route 58, Tuen Mun to Yuen Long: HK$12.80 to HK$14.30"
    for line, kept in ((teaser, False), (question, True), (item, True)):
        text = "\n".join(
            [*HEADER[:5], "Medical card holders: free", "Advertisement", line, "4. When do I apply?", *HEADER[5:]]
        )
        assert (line in clean_text(text).paragraphs) is kept, line


def test_a_note_on_what_an_update_added_is_the_articles_own():
    note = "This story has been updated with comments from the museum director."
    assert clean_text("\n".join([*HEADER, note])).paragraphs[-1] == note


def test_a_reviews_closing_box_stays_whole():
    box = ["The Lamplighter's Daughter", "Royal Exchange Theatre, Manchester", "Until 5 April"]
    box += ["Running time: 2hrs 15mins including interval", "Tickets: £15–£42"]
    tail = ["Book tickets", "Tags: Theatre · Manchester", "Comments (4)", PITCH, COMMENT]
    article = clean_text("\n".join([*HEADER, *box, *tail]))
    assert article.paragraphs == (*HEADER[2:], *box)


def test_a_rate_in_a_money_guide_is_no_advert():
    line = "Paying monthly is effectively a loan, and some insurers charge interest of more than 20% APR."
    assert clean_text("\n".join([*HEADER[:5], line, *HEADER[5:]])).paragraphs[3] == line
