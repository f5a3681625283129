"""Copied text: what a line's place on the page gives away, seen on sets Y and Z — a standfirst printed above
the headline, a closing box under an advert, a timetable, names that sign a live page's entries, a box's
own pitch, a pull quote, a quote above a gallery's link."""

from __future__ import annotations

from tts_pipeline.stages.clean import clean_text

HEADLINE = "Rototuna families fear being shut out of local school under new zoning plan"
BYLINE = "By Mere Tapsell, Education Reporter"
BODY = [
    "Families living within walking distance of one of Hamilton's newest schools could be zoned out of it.",
    "The Ministry of Education is consulting on a home zone that would draw the boundary along the river.",
    "The school's roll has grown from 1,140 to 1,690 in four years, and the board says it is over capacity.",
    "Board chair Ana Kereama said the board had asked for a zone with a heavy heart.",
    "More than 300 people have signed a petition asking the ministry to redraw the line along the stream.",
    "A ministry spokesman said feedback would be considered before a final decision was made on the zone.",
]
MENU = ["Pulse Waikato", "News", "Education", "Business", "Sport"]


def _clean(lines: list[str]):
    return clean_text("\n".join(lines))


def test_a_standfirst_above_the_headline_is_kept_and_read_after_it():
    standfirst = "Parents in the fast-growing suburb say a proposed school zone would split their street in half."
    article = _clean([*MENU, standfirst, HEADLINE, BYLINE, *BODY])
    assert (article.title, article.paragraphs) == (HEADLINE, (standfirst, *BODY))


def test_a_sentence_on_another_topic_above_the_headline_still_goes():
    """A line above the headline that shares no topic words with the article is the menu's, not its summary."""
    promo = "Print edition out every Thursday with puzzles, letters and the full weekend guide."
    article = _clean([*MENU, promo, HEADLINE, BYLINE, *BODY])
    assert (article.title, article.paragraphs) == (HEADLINE, tuple(BODY))


def test_the_cleaned_article_with_its_standfirst_moved_cleans_to_itself():
    standfirst = "Parents in the fast-growing suburb say a proposed school zone would split their street in half."
    first = _clean([*MENU, standfirst, HEADLINE, BYLINE, *BODY])
    again = _clean([first.title, *first.paragraphs])
    assert (again.title, again.paragraphs) == (first.title, first.paragraphs)


def test_a_closing_box_under_an_advert_stays():
    box = ["Key dates", "Consultation closes: Friday 11 April", "Public meeting: Tuesday 1 April, 7pm, school hall"]
    after = ["Support us", "More on Education", "Cambridge kindergarten celebrates 50 years"]
    article = _clean([HEADLINE, BYLINE, *BODY, "ADVERTISEMENT", *box, *after])
    assert article.paragraphs == (*BODY, *box)


def test_a_timetable_the_dateline_rule_took_stays():
    table = [
        "Castlepollard | Collinstown | Multyfarnham | Mullingar Hospital | Mullingar Station",
        "07:05 | 07:17 | 07:31 | 07:48 | 07:55",
        "09:40 | 09:52 | 10:06 | 10:23 | 10:30",
        "13:15 | 13:27 | 13:41 | 13:58 | 14:05",
    ]
    article = _clean([HEADLINE, BYLINE, *BODY[:3], "Weekday timetable", *table, *BODY[3:]])
    assert article.paragraphs == (*BODY[:3], "Weekday timetable", *table, *BODY[3:])


def test_a_name_that_signs_several_entries_of_a_live_page_goes():
    page = [HEADLINE, BYLINE, BODY[0], "Rosalind Achebe-Grant", "11:48 AM", BODY[1], BODY[2]]
    page += ["Danny Whelan", "11:15 AM", BODY[3], "Rosalind Achebe-Grant", "10:30 AM", *BODY[4:]]
    article = _clean(page)
    assert article.paragraphs == tuple(BODY)


def test_a_name_beside_a_live_entrys_bare_clock_time_goes():
    """'22:55' alone looks like an audio player's duration; beside a name it is a live entry's time."""
    page = [HEADLINE, BYLINE, *BODY[:3], "Adaeze Kolawole", "22:55", *BODY[3:]]
    assert _clean(page).paragraphs == tuple(BODY)


def test_a_lone_line_under_a_related_label_is_the_linked_story_when_it_names_nothing_the_article_names():
    teaser = "Why doctors are now prescribing gardening"
    subheading = "Families fear the zoning line"
    article = _clean([HEADLINE, BYLINE, *BODY[:3], "Related Article", teaser, *BODY[3:]])
    assert article.paragraphs == tuple(BODY)
    article = _clean([HEADLINE, BYLINE, *BODY[:3], "Related Article", subheading, *BODY[3:]])
    assert article.paragraphs == (*BODY[:3], subheading, *BODY[3:])


def test_a_name_once_after_the_first_sentence_stays():
    """One bare name in the body is a subheading or a list item ('Dale Fenwick'), not a byline."""
    page = [HEADLINE, BYLINE, BODY[0], BODY[1], "Dale Fenwick", *BODY[2:]]
    assert _clean(page).paragraphs == (BODY[0], BODY[1], "Dale Fenwick", *BODY[2:])


def test_a_newsletter_box_takes_its_own_pitch():
    pitch = "Get the biggest stories from across Mourne and Down every Thursday."
    box = ["📩 Mourne & Down Weekly newsletter", pitch, "Sign me up"]
    article = _clean([HEADLINE, BYLINE, *BODY[:3], *box, *BODY[3:]])
    assert article.paragraphs == tuple(BODY)
    assert {r.text: r.rule for r in article.removed}[pitch] == "newsletter"


def test_a_paragraph_between_two_adverts_stays():
    """Adverts are no box: the article's text runs between them."""
    article = _clean([HEADLINE, BYLINE, *BODY[:3], "Advertisement", BODY[3], "Advertisement", *BODY[4:]])
    assert article.paragraphs == tuple(BODY)


def test_a_pull_quote_that_repeats_a_paragraphs_words_goes():
    said = (
        "“He used to say that a good fermentation is like a ceasefire,” said Edilma Ruiz. “You need patience, "
        "and you need everyone to keep their hands off it.”"
    )
    pull = "“A good fermentation is like a ceasefire. You need patience, and everyone's hands off it.”"
    article = _clean([HEADLINE, BYLINE, *BODY[:3], said, pull, *BODY[3:]])
    assert article.paragraphs == (*BODY[:3], said, *BODY[3:])


def test_a_pull_quote_in_single_quotes_goes_too():
    said = (
        "Town planner Priya Nandra said the high streets that were thriving had one thing in common: "
        "“The places doing well have made it pleasant to be there on foot, and they didn't wait for a grant.”"
    )
    pull = "‘The places doing well have made it pleasant to be there on foot’"
    article = _clean([HEADLINE, BYLINE, *BODY[:3], said, pull, *BODY[3:]])
    assert article.paragraphs == (*BODY[:3], said, *BODY[3:])


def test_a_quote_of_its_own_stays():
    quote = "“We don't have the treatment beds, and we won't have them before the winter comes.”"
    article = _clean([HEADLINE, BYLINE, *BODY[:3], quote, *BODY[3:]])
    assert article.paragraphs == (*BODY[:3], quote, *BODY[3:])


def test_a_quote_above_a_gallerys_link_is_no_caption():
    quote = "“We don't have the treatment beds,” said Armando Villaseñor, who runs a recovery program in Visalia."
    article = _clean([HEADLINE, BYLINE, *BODY[:3], quote, "PHOTOS: Scenes from the forum", *BODY[3:]])
    assert article.paragraphs == (*BODY[:3], quote, *BODY[3:])


def test_a_byline_under_the_menu_is_above_the_headline_not_under_it():
    """A line above the menus is no headline for the byline under them; the dateline finds the headline."""
    page = ["STRATHMORE GAZETTE", "Print edition out every Thursday – find your nearest stockist"]
    page += ["Sport › Football › Amateur", "By Euan Lindsay, Sports Editor", HEADLINE]
    page += ["Families say the plan would split their street in half and send children across the city"]
    page += ["Saturday 15 March 2025, 7:30pm", *BODY]
    article = _clean(page)
    assert (article.title, article.paragraphs) == (HEADLINE, (page[5], *BODY))


def test_a_caption_credited_to_the_site_itself_goes():
    caption = "Voters line up at a polling station set up in a church courtyard in Petare, Caracas. Caribe Noticias"
    article = _clean(["Caribe Noticias", "Politics", HEADLINE, BYLINE, *BODY[:3], caption, *BODY[3:]])
    assert article.paragraphs == tuple(BODY)


# --- lists, tables and closing boxes in reviews, recipes and guides (set AB)


def test_list_items_next_to_an_advert_stay():
    """A numbered item, a bulleted one or a film's '(dir. …)' line beside an advert is the list's, no teaser."""
    items = ["1. The Cardiff Job by Rhodri Vaughan", "2. Hold Music by Temperance Oyelaran"]
    bullets = ["– Keep it to 20 minutes and set an alarm", "– Lie somewhere dark and cool if you can"]
    films = ["The Lighthouse Keeper’s Son (dir. Ewan Macrae)", "Saltwater Hymns (dir. Aroha Tamihana)"]
    page = [HEADLINE, BYLINE, BODY[0], items[0], BODY[1], "Advertisement", items[1], BODY[2], *bullets]
    page += ["Advertisement", BODY[3], "ADVERTISEMENT", films[0], BODY[4], films[1], BODY[5]]
    assert _clean(page).paragraphs == tuple(line for line in page[2:] if line.lower() != "advertisement")


def test_a_subheading_after_a_question_that_links_another_story_stays():
    """'Read next: Is …?' is a link, not a widget's question: the short line under it is no answer button."""
    page = [HEADLINE, BYLINE, *BODY[:3], "Read next: Is ‘sober curious’ just a marketing trend?", "The caveats"]
    article = _clean([*page, *BODY[3:]])
    assert article.paragraphs == (*BODY[:3], "The caveats", *BODY[3:])


def test_a_reviews_closing_box_and_a_recipes_nutrition_line_stay():
    box = ["Director: Ilse Varga", "Running time: 112 minutes", "Certificate: 12A", "In UK cinemas from 22 March"]
    after = ["Explore more on these topics", "Film", "Drama"]
    assert _clean([HEADLINE, BYLINE, *BODY, *box, *after]).paragraphs == (*BODY, *box)
    nutrition = "Nutrition per serving: 412 kcal · 14g fat · 19g protein"
    after = ["You might also like", "Our 20 best one-pot dinners for cold nights", "Butter bean and chorizo bake"]
    assert _clean([HEADLINE, BYLINE, *BODY, nutrition, *after]).paragraphs == (*BODY, nutrition)


def test_a_bar_of_share_buttons_after_the_last_sentence_goes():
    assert _clean([HEADLINE, BYLINE, *BODY, "Share: WhatsApp · Facebook · X · Telegram"]).paragraphs == tuple(BODY)


def test_a_table_after_the_last_sentence_stays_with_its_label():
    table = [
        "How we tested",
        "Model | Battery (tested) | Noise cancelling | Weight",
        "Aurin Q5 | 34 hrs | Excellent | 254g",
        "Tessel Go | 40 hrs | Fair | 220g",
    ]
    page = [HEADLINE, BYLINE, *BODY, "£149 at Voltshop", *table, "Newsletter", "Sign up"]
    assert _clean(page).paragraphs == (*BODY, *table)


def test_an_interviewers_question_after_a_list_of_other_stories_stays():
    page = [HEADLINE, BYLINE, *BODY[:3], "RELATED FROM THE ARCHIVE", "‘The sea doesn’t care’: Agnes Harrowby in 1998"]
    page += ["You still write first drafts by hand. Why?", *BODY[3:]]
    assert _clean(page).paragraphs == (*BODY[:3], page[-4], *BODY[3:])


def test_a_books_details_close_the_review():
    details = "A Field Guide to Leaving by Hana Brodsky is published by Crane & Thistle, 320pp, £20"
    page = [HEADLINE, BYLINE, *BODY, details, "Most read in Culture", "The sitcom that is quietly the best thing on TV"]
    assert _clean(page).paragraphs == (*BODY, details)


def test_the_headline_under_the_byline_is_chosen_when_the_line_above_is_off_topic():
    headline = "Rototuna school zoning plan: what the new boundary means for families"
    page = ["Pulse Waikato", "Last checked for accuracy: June 2024 and updated weekly", BYLINE, headline, *BODY]
    article = _clean(page)
    assert (article.title, article.paragraphs) == (headline, tuple(BODY))


# --- standfirsts above short headlines, adverts above the headline (set AA)
LONG_STANDFIRST = (
    "Europe wrote the world's first comprehensive law on school zones and families. Now comes the hard part: "
    "working out what the boundary actually means"
)


def test_a_long_standfirst_without_a_full_stop_above_a_short_headline_is_read_after_it():
    page = [*MENU, LONG_STANDFIRST, "The zone nobody can read yet", "Illustration by Kofi Mensah-Hart"]
    article = _clean([*page, "Issue 48 · Autumn 2024", "14 minute read", *BODY])
    assert (article.title, article.paragraphs) == ("The zone nobody can read yet", (LONG_STANDFIRST, *BODY))


def test_with_no_byline_a_long_line_over_a_short_headline_is_its_standfirst():
    headline = "School zoning plan splits Rototuna street"
    article = _clean([*MENU, LONG_STANDFIRST, headline, "3 photos", *BODY])
    assert (article.title, article.paragraphs) == (headline, (LONG_STANDFIRST, *BODY))


def test_a_headline_and_a_standfirst_of_similar_length_keep_their_order():
    headline = "Where the fog grows tea: a week on São Miguel’s last plantations"
    kicker = "Words by Tobias Ramsbury Photographs by Inês Varejão"
    article = _clean([*MENU, headline, kicker, "Published 9 April 2024", *BODY])
    assert article.title == headline


def test_the_line_under_an_advert_above_the_headline_is_the_adverts():
    page = [*MENU, "ADVERTISEMENT", "Holiday deals on laptops and tablets at ByteMart", HEADLINE]
    article = _clean([*page, "Mere Tapsell", "Updated 11:26 GMT", *BODY])
    assert (article.title, article.paragraphs) == (HEADLINE, tuple(BODY))


def test_a_signed_quote_under_a_comments_label_is_the_readers_comment():
    comment = "“My grandad worked there 40 years. This is a sad day for the town.” — Janet R, Coldbrook"
    quote = "“We will fight these cuts all the way,” — Dave Carver, Allied Workers Union"
    article = _clean([HEADLINE, BYLINE, *BODY[:3], "TOP COMMENT", comment, quote, *BODY[3:]])
    assert article.paragraphs == (*BODY[:3], quote, *BODY[3:])


# --- boxes with data lines, standfirsts over the page's picture, footnotes (sets AC and AD)


def test_a_closing_box_keeps_a_line_a_shape_rule_took():
    box = ["MATCH FACTS", "Score: Al Safwa 3 (Al Qahtani 55, Al Dosari 71, 90+3) Al Rimal 1 (Bensaid 31)"]
    box += ["Red card: Vieira (Al Safwa) 23", "Attendance: 21,406"]
    page = [HEADLINE, BYLINE, *BODY, *box, "Related", "Najd United held again as title race tightens"]
    assert _clean(page).paragraphs == (*BODY, *box)


def test_a_fact_box_keeps_a_line_a_widget_rule_took():
    box = ["Study in numbers", "Workers monitored: 640", "Sites: 24", "Highest heat index recorded: 54°C"]
    page = [HEADLINE, BYLINE, *BODY[:4], *box, *BODY[4:], "Comments (4)", "Please log in to comment."]
    assert _clean(page).paragraphs == (*BODY[:4], *box, *BODY[4:])


def test_a_fact_checks_claim_box_stays():
    box = ["CLAIM: “Violent crime in Rototuna is down 40% since I took office.”"]
    box += ["CLAIMED BY: Mayor Denise Tillman, in a campaign video posted May 14", "OUR RATING: Misleading"]
    assert _clean([HEADLINE, BYLINE, *box, *BODY]).paragraphs == (*box, *BODY)


def test_a_long_standfirst_over_the_pages_picture_is_no_caption():
    standfirst = (
        "Public retirement systems have poured roughly $200 billion into private credit in five years. Here's what "
        "that means for the teachers and firefighters whose savings are on the line."
    )
    page = [HEADLINE, standfirst, "Illustration by Wren Kovalenko", "June 28, 2024", *BODY]
    assert _clean(page).paragraphs == (standfirst, *BODY)


def test_a_paragraph_above_a_described_picture_is_no_caption():
    line = "Fifty-one years later he has completed 231 sheets, covering the whole county, and is on his third revision."
    page = [HEADLINE, BYLINE, *BODY[:3], line, "[Illustration: Lasko's studio, with sheets pinned to the walls]"]
    assert _clean([*page, *BODY[3:]]).paragraphs == (*BODY[:3], line, *BODY[3:])


def test_a_paragraph_ending_in_a_footnote_mark_is_a_sentence():
    line = "He records what no satellite would notice: a cellar hole, a bus turning spot, Grandma's Bathtub.²"
    page = [HEADLINE, BYLINE, *BODY[:3], line, *BODY[3:]]
    assert _clean(page).paragraphs == (*BODY[:3], line, *BODY[3:])


def test_a_standfirst_above_the_byline_above_the_headline_is_read_after_the_headline():
    standfirst = "Parents in the fast-growing suburb say a proposed school zone would split their street in half."
    article = _clean([*MENU, standfirst, BYLINE, HEADLINE, "Published November 6, 2024 · 09:15", *BODY])
    assert (article.title, article.paragraphs) == (HEADLINE, (standfirst, *BODY))


def test_a_named_list_after_the_last_sentence_stays_but_tags_go():
    """'Line-up highlights' over names the article names is its own list; tags under it name topics."""
    body = [
        "More than 15,000 people packed the harbour on Saturday as the music festival returned after four years.",
        "The headline set came just before midnight, when guitarist Kofi Mensah joined the rapper Ama Serwaa.",
        "Organisers said the Harbour Band and the Kwahu Brass Ensemble would both return next year.",
    ]
    line_up = ["Line-up highlights", "Kofi Mensah & The Harbour Band", "Ama Serwaa", "The Kwahu Brass Ensemble"]
    tags = ["Music", "Festivals", "Live music"]
    article = _clean([HEADLINE, BYLINE, *body, *line_up, "Topics", *tags, "© 2025 Harbour Media"])
    assert article.paragraphs == (*body, *line_up)
    untouched = _clean([HEADLINE, BYLINE, *BODY, *tags, "© 2025 Harbour Media"])
    assert untouched.paragraphs == tuple(BODY)


def test_a_recipes_nutrition_line_above_the_comments_is_no_teaser():
    method = [
        "1. Heat the oven to 200C. Toss the squash with a tablespoon of the oil and roast it for 25 minutes.",
        "2. Fry the onions for 10 minutes until soft, then add the spices and cook for another minute.",
    ]
    nutrition = "Per serving: 412 kcal, fat 12g, carbs 58g, fibre 14g, protein 13g, salt 1.4g"
    comment = "Made this last night with sweet potato instead of squash and it was delicious!"
    article = _clean(["Roasted squash and chickpea tagine with preserved lemon", BYLINE, *method, nutrition, comment])
    assert nutrition in article.paragraphs


def test_a_paragraph_the_paywall_cuts_off_stays():
    cut = (
        "The sell-off was compounded by concerns about government borrowing ahead of next month's budget, "
        "with the Debt Management Office due to"
    )
    paywall = ["This article is for subscribers only", "Start free trial", "More from Education", "Rates path"]
    article = _clean([HEADLINE, BYLINE, *BODY, cut, *paywall])
    assert article.paragraphs == (*BODY, cut)
    assert _clean([article.title, *article.paragraphs]).paragraphs == (*BODY, cut)  # cleaned again


def test_a_boxs_tip_stays_but_a_link_to_another_story_goes():
    box = ["The essentials", "Best time to go: May to early June", "Where to stay: a quinta near the coast"]
    tip = "Don’t miss: the thermal pools at Caldeira Velha, twenty minutes inland"
    link = "Don’t miss: Why the ferry fares rose again this summer"
    article = _clean([HEADLINE, BYLINE, *BODY, *box, tip, "Share this story"])
    assert article.paragraphs == (*BODY, *box, tip)
    article = _clean([HEADLINE, BYLINE, *BODY, *box, link, "Share this story"])
    assert article.paragraphs == (*BODY, *box)


def test_contributors_notes_at_the_end_go_but_a_last_line_on_the_articles_subject_stays():
    bios = [
        "Elspeth Marrow is a contributing writer. Her book, The Empty Counties, is out this fall.",
        "Jun Ishikawa is a photographer based in Denver.",
    ]
    article = _clean([HEADLINE, BYLINE, *BODY, *bios, "Tags: Education"])
    assert article.paragraphs == tuple(BODY)
    subject = "Ana Kereama is a mother of three and has chaired the board since 2019."
    article = _clean([HEADLINE, BYLINE, *BODY, subject])
    assert article.paragraphs == (*BODY, subject)
    outlook = "The International Monetary Fund is expected to complete its next review later this month."
    assert _clean([HEADLINE, BYLINE, *BODY, outlook]).paragraphs == (*BODY, outlook)


def test_a_line_over_a_photographers_copyright_between_paragraphs_is_its_caption():
    caption = "Morning mist over the river at Hamilton East, where the new zone would begin."
    article = _clean([HEADLINE, BYLINE, *BODY[:3], caption, "© Inês Varejão for Pulse Waikato", *BODY[3:]])
    assert article.paragraphs == tuple(BODY)
    for footer in ("© Pulse Media 2025", "© Mere Tapsell"):  # the page's end: the last paragraph stays
        assert _clean([HEADLINE, BYLINE, *BODY, footer]).paragraphs == tuple(BODY), footer


def test_a_headline_written_as_two_sentences_under_a_read_next_label_is_another_story():
    teasers = ["Beekeepers say drift is killing hives. No one is counting.", "Why rural schools struggle to hire"]
    article = _clean([HEADLINE, BYLINE, *BODY, "READ NEXT", *teasers, "© Pulse Media 2025"])
    assert article.paragraphs == tuple(BODY)
    short_paragraph = "Not everyone agrees. The board's chair says the zone is fair."  # under a linked headline
    teaser = "Why rural schools are struggling to hire new teachers"
    page = [HEADLINE, BYLINE, *BODY[:3], "Related", teaser, short_paragraph, *BODY[3:]]
    assert _clean(page).paragraphs == (*BODY[:3], short_paragraph, *BODY[3:])


def test_a_reviews_details_below_the_related_links_stay_but_labelled_teasers_go():
    headline = "‘The Quiet Harbour’ review: a tender family drama that stays with you"
    body = [
        "Nadia Rees's second feature is an unshowy portrait of three sisters fighting over a failing boatyard.",
        "Carys Bevan is superb as the eldest, and Owen Pryce makes the most of a small part as the buyer.",
        "Rees, who also wrote the screenplay, resists every temptation to dress the story up.",
    ]
    related = ["Related", "Nadia Rees: ‘I wanted to make a film about losing things slowly’", "The best films of 2025"]
    box = [
        "The Quiet Harbour",
        "Director: Nadia Rees",
        "Starring: Carys Bevan, Owen Pryce, Siân Lloyd",
        "Running time: 118 minutes",
        "Certificate: 12A",
        "In cinemas from 19 September",
        "Rating: 4/5",
    ]
    end = ["Share this review", "Facebook", "© Lantern Media Group 2025"]
    article = _clean([headline, "Iwan Morgan", "Film critic", *body, *related, *box, *end])
    assert article.paragraphs == (*body, *box)
    assert _clean([article.title, *article.paragraphs]).paragraphs == (*body, *box)  # cleaned again
    teasers = [
        "Opinion: Rees makes the case for slow cinema",
        "Analysis: Why Bevan is the actor of the year",
        "Opinion: Festival films deserve a wider release",
        "Analysis: Rees and the new wave of Welsh directors",
    ]
    article = _clean([headline, "Iwan Morgan", "Film critic", *body, *related, *teasers, *end])
    assert article.paragraphs == tuple(body)


def test_a_listicles_repeated_title_case_subheading_stays():
    """'Key Features and User Experience' under each item looks like two names shown twice, as a live page's
    signatures are; over a paragraph and beside no time, it is the article's subheading."""
    items = []
    for app, point in (("Duolingo", "short daily lessons"), ("Babbel", "conversation practice")):
        items += [app, "Key Features and User Experience", f"{app} is built around {point}, and it works offline."]
    article = _clean([HEADLINE, BYLINE, *BODY[:2], *items, *BODY[2:]])
    assert article.paragraphs == (*BODY[:2], *items, *BODY[2:])


def test_a_listicles_numbered_heading_is_no_caption():
    """'1. Visual Studio Code' over its item's picture credit, its name also in the page's contents list."""
    items = [
        "1. Visual Studio Code",
        "Photo: Microsoft",
        "Visual Studio Code is a free, open-source code editor developed by Microsoft, with thousands of extensions.",
        "2. Sublime Text",
        "Sublime Text is a fast, paid editor that many developers keep for quick edits of very large files.",
    ]
    contents = ["In this article", "Visual Studio Code", "Sublime Text"]
    article = _clean([HEADLINE, BYLINE, *contents, *BODY[:2], *items, *BODY[2:]])
    assert "1. Visual Studio Code" in article.paragraphs and "2. Sublime Text" in article.paragraphs


def test_a_repeated_title_case_subheading_over_a_pros_line_stays():
    items = [
        "Compact Cameras",
        "Pros: user-friendly, compact and light, affordable, no extra lenses needed",
        "Mirrorless Cameras",
        "Pros: fast autofocus, small bodies, video quality as good as a cinema camera's",
        "In conclusion",
        "Compact Cameras",
        "Cons: small sensors, limited zoom range and settings the user cannot change",
    ]
    article = _clean([HEADLINE, BYLINE, *BODY[:2], *items, *BODY[2:]])
    assert article.paragraphs == (*BODY[:2], *items, *BODY[2:])


def test_an_abbreviation_in_brackets_is_no_linked_source():
    heading = "Basic Life Support (BLS)"
    article = _clean([HEADLINE, BYLINE, *BODY[:3], heading, *BODY[3:]])
    assert article.paragraphs == (*BODY[:3], heading, *BODY[3:])
    teaser = "Trains run late again on the Hamilton line (Waikato Times)"
    assert teaser not in _clean([HEADLINE, BYLINE, *BODY[:3], teaser, *BODY[3:]]).paragraphs


def test_a_recall_box_after_a_poll_stays_whole():
    box = [
        "Recall details",
        "Product: Kitchora CrispMax 5.5L and CrispMax Duo 8L",
        "Model numbers: KAF-550 and KAF-800D",
        "Batch codes: beginning KC23 or KC24",
        "What to do: stop using it and contact Kitchora for a full refund",
        "Kitchora recall line: 0808 157 0192",
    ]
    body = [
        "Kitchora has recalled two air fryer models after reports that the handles can overheat.",
        "The company said 14 customers had reported minor burns, and that no one had been seriously hurt.",
        "The model number is printed on a silver label on the underside of the Kitchora fryer.",
    ]
    page = ["Kitchora recalls CrispMax air fryers over burn risk", BYLINE, *body, "ADVERTISEMENT"]
    page += ["See the results", *box, "Was this article helpful?", "Yes", "No"]
    assert _clean(page).paragraphs == (*body, *box)


def test_a_table_of_words_stays():
    table = ["Monday | Very high", "Tuesday | Very high", "Wednesday | High", "Thursday | Moderate"]
    article = _clean([HEADLINE, BYLINE, *BODY[:3], "Today's pollen forecast", *table, *BODY[3:]])
    assert article.paragraphs == (*BODY[:3], "Today's pollen forecast", *table, *BODY[3:])


def test_a_contributors_note_goes_though_the_surname_is_inside_another_word():
    """'Ross' is in 'across': only the whole surname shows that the article names the person."""
    bio = "Kate Ross teaches history at a secondary school in Hamilton."
    body = [*BODY[:-1], "Families from across the city are expected at the meeting on Thursday evening."]
    assert _clean([HEADLINE, BYLINE, *body, bio, "Tags: Education"]).paragraphs == tuple(body)
