"""Copied text: lines judged by their shape against their neighbours, not by their words — a path that ends
in the headline under it, and a credit rule that needs its colon (seen on set AH and on real copied pages)."""

from __future__ import annotations

import pytest

from tts_pipeline.stages.clean import clean_text

HEADLINE = "AI in Education: The Rise of Intelligent Tutoring Systems"
BODY = [
    "Intelligent tutoring systems adapt each lesson to the pupil in front of them, and schools are noticing.",
    "A tutoring system watches how a pupil answers, guesses what they have misunderstood and explains again.",
    "Teachers say the systems free them for the pupils who need a person rather than another worked example.",
]


@pytest.mark.parametrize("separator", ["/", " / ", " › ", " > ", " » ", " | "])
def test_a_path_ending_in_the_headline_is_the_breadcrumb(separator: str):
    trail = separator.join(["Home", "Blog", HEADLINE])
    article = clean_text("\n".join(["Skip to main content", trail, HEADLINE, "March 15, 2022 · 3 min read", *BODY]))
    assert (article.title, article.paragraphs) == (HEADLINE, tuple(BODY))
    assert trail in [line.text for line in article.removed]


def test_a_line_ending_in_the_next_without_a_separator_is_kept():
    """'… said the minister. Prices rose.' over 'Prices rose.' is two paragraphs, not a path."""
    first = BODY[0] + " Prices rose."
    article = clean_text("\n".join([HEADLINE, first, "Prices rose.", *BODY[1:]]))
    assert article.paragraphs[0] == first


def test_a_sentence_beginning_with_photography_is_no_credit():
    verdict = "If you want a phone for a long weekend away from a plug, yes. Photography fans should look elsewhere."
    article = clean_text("\n".join([HEADLINE, *BODY, verdict]))
    assert article.paragraphs[-1] == verdict


def test_a_photography_credit_with_its_colon_still_goes():
    caption = "The tart, cut into squares on a board. Photography: Tom Blake. Styling: Anna Crewe."
    article = clean_text("\n".join([HEADLINE, BODY[0], caption, *BODY[1:]]))
    assert article.paragraphs == tuple(BODY)


MENU_WITH_HEADLINE_SHAPE = [
    "Skip to main content",
    "An official website of the United States government",
    "Here’s how you know",
]


def test_with_no_byline_the_headline_is_the_first_line_on_the_articles_topic():
    """A government site's banner lines have a headline's shape; the headline is the one that shares the
    paragraphs' words."""
    article = clean_text("\n".join([*MENU_WITH_HEADLINE_SHAPE, HEADLINE, *BODY]))
    assert (article.title, article.paragraphs) == (HEADLINE, tuple(BODY))


def test_a_long_standfirst_under_an_off_topic_looking_headline_leaves_the_headline_in_place():
    """'What Meditation Can Do for You (and How To Get Started)' shares one word with its article; the long line
    under it, which shares many, is its standfirst."""
    headline = "What Meditation Can Do for You (and How To Get Started)"
    standfirst = (
        "From breath meditation to yoga nidra, all types of meditation aim to help you feel calmer, more relaxed "
        "and present"
    )
    body = [
        "Tending to your mental health matters as much as your physical health, and meditation is a popular way.",
        "If you are not yet familiar with it, meditation might seem mysterious, time-consuming or too difficult.",
        "Breath meditation asks you to notice each breath; yoga nidra walks you through the body while you lie down.",
    ]
    article = clean_text(
        "\n".join(["Search", "November 28, 2025/Living Healthy/Wellness", headline, standfirst, *body])
    )
    assert (article.title, article.paragraphs) == (headline, (standfirst, *body))


def test_the_cleaners_own_output_keeps_its_first_line_as_the_headline():
    """Cleaned again, an article whose headline shares one word with its paragraphs keeps it though the line under
    it shares more: nothing above it is a menu."""
    headline = "Investors dump long-dated debt as inflation data surprises to the upside"
    standfirst = "Gilt yields hit 16-year high after core prices refuse to budge"
    body = [
        "Yields on 30-year government gilts climbed to 5.21 per cent, their highest since 2008, as core prices held.",
        "Ten-year yields rose 14 basis points, and two-year yields, which follow expected interest rates, jumped 19.",
    ]
    article = clean_text("\n".join([headline, standfirst, *body]))
    assert (article.title, article.paragraphs) == (headline, (standfirst, *body))


@pytest.mark.parametrize(
    "links", ["Skip directly to site content Skip directly to search", "Skip to main contentSkip to footer"]
)
def test_skip_links_run_together_are_chrome(links: str):
    article = clean_text("\n".join([links, HEADLINE, *BODY]))
    assert (article.title, article.paragraphs) == (HEADLINE, tuple(BODY))


RAIL_BODY = [
    "Most train services across the region will not run on Tuesday and Wednesday after drivers voted to strike.",
    "The operator says it will run a skeleton timetable on three routes, with trains between 7am and 7pm only.",
    "Passengers with advance tickets for the strike days can use them the day before or up to two days after.",
]
RAIL_HEADLINE = "Rail strike: what it means for your journey this week"


def test_a_standfirst_over_its_headline_a_little_longer_than_it_is_read_after_it():
    """16 words over a 9-word headline, no full stop: the standfirst, printed above the headline."""
    standfirst = "Passengers told to travel only if necessary as drivers walk out for 48 hours over pay and rosters"
    article = clean_text(
        "\n".join(["Subscribe", standfirst, RAIL_HEADLINE, "By Jack Ferreira", "24 March 2025", *RAIL_BODY])
    )
    assert (article.title, article.paragraphs) == (RAIL_HEADLINE, (standfirst, *RAIL_BODY))


def test_a_list_of_tags_over_the_headline_is_no_standfirst():
    """A blog's tags over its headline, as long as a standfirst and on its topic, are not read."""
    tags = "Gratitude, Hope in adversity, optimism, overcoming adversity, Resilience, the passage of time, yoga journey"
    headline = "Yoga Won't Fix the Plumbing, But It Might Save Your Sanity"
    body = [
        "If life is a test of yoga principles, January has been my ultimate exam, and I am barely surviving it.",
        "A busy month at work, no kitchen or heating for two weeks and no running water for eight days will do that.",
        "Here is how yoga principles have kept me serene in the face of chaos, and how it is actually going.",
        "When the plumber does not show up, I would love to say I serenely take a deep breath and let it go.",
    ]
    page = ["About", "Blog", tags, headline, "January 21, 2025", "2–4 minutes", *body]
    article = clean_text("\n".join(page))
    assert (article.title, article.paragraphs) == (headline, tuple(body))


@pytest.mark.parametrize(
    "credit", ["Answered by Theodora Nwachukwu-Bell, Consumer Champion", "Fact-checked by Paul Rankin"]
)
def test_a_credit_by_any_participle_is_a_byline_under_the_headline(credit: str):
    headline = "I'm 58 and my husband has just died. Can I use his pension to pay off our mortgage?"
    body = [
        "A reader asks whether she can draw on her late husband's workplace pension, and what happens to the tax.",
        "My husband died suddenly in August, aged 61, and we had about £62,000 left on our mortgage to pay.",
        "Because he died before the age of 75, the pension you inherit can generally be taken free of income tax.",
    ]
    page = ["Retirement", "Ask Moneyline", "ASK MONEYLINE", headline, credit, "Sunday 12 October 2025", *body]
    article = clean_text("\n".join(page))
    assert (article.title, article.paragraphs) == (headline, tuple(body))


FLOOD_BODY = [
    "The Environment Agency has issued severe flood warnings for three areas of the Eastmere coast tonight.",
    "Forecasters expect the highest tide of the year to coincide with gale-force winds from the north-east.",
]


def test_the_last_item_of_an_unbulleted_list_beside_an_advert_is_kept():
    """Items that end in the same word are a list, though the last one sits over an advert."""
    items = [
        "Holt Sands and Brindley – about 4,100 properties",
        "Eastmere town centre – about 2,900 properties",
        "Villages north of the Stour estuary – about 5,300 properties",
    ]
    headline = "Severe flood warnings for Eastmere coast as highest tide of the year arrives"
    after = ["Residents have been told to move valuables upstairs and to keep their phones charged overnight."]
    page = [headline, "By Ana Ruiz", *FLOOD_BODY, "The worst-affected areas are:", *items, "Advertisement", *after]
    article = clean_text("\n".join(page))
    assert article.paragraphs == (*FLOOD_BODY, "The worst-affected areas are:", *items, *after)


def test_a_paragraph_about_the_papers_own_inbox_is_no_newsletter_pitch():
    post = (
        "Every week our inbox fills with photographs of loaves that look less like bread and more like frisbees. "
        "The senders usually blame their starter."
    )
    body = [
        "Most flat loaves are not the fault of your starter. They come down to protein, water and patience.",
        "The real culprit is more often the flour, or a mismatch between the flour and the water in the recipe.",
    ]
    article = clean_text("\n".join(["Why is my sourdough flat? The baker's answer", body[0], post, body[1]]))
    assert article.paragraphs == (body[0], post, body[1])


def test_a_tables_heading_under_the_last_sentence_stays_with_its_table():
    headline = "Pollen count to reach very high levels as hay fever sufferers struggle to find tablets"
    body = [
        "Pharmacies across Northwick have run short of antihistamine tablets as the pollen count climbs this week.",
        "Dr Martin Agyeman, a GP in Northwick, said anyone with asthma should carry their reliever inhaler.",
    ]
    table = [
        "Today's pollen forecast for Northwick",
        "Monday | Very high",
        "Tuesday | Very high",
        "Wednesday | High",
        "Thursday | Moderate",
    ]
    after = ["Source: National Weather Office", "ADVERTISEMENT", "We have switched comments off on this article."]
    article = clean_text("\n".join([headline, "By Ana Ruiz", *body, *table, *after]))
    assert article.paragraphs == (*body, *table)


GP_BODY = [
    "Patients in England will be able to book GP appointments online at any time of day under a new contract.",
    "The Department of Health said the move would end the 8am scramble for good, and surgeries have until autumn.",
    "The Association of Family Doctors accepted the deal but warned that practices could be overwhelmed by requests.",
    "Figures show that surgeries delivered 29.4 million appointments in May, up 4% on the same month last year.",
    "Patients who cannot or do not want to use the internet will still be able to phone or visit their practice.",
]
TOP_COMMENT = [
    "TOP COMMENT",
    "“Fine if you have a smartphone and good eyesight. My mum has neither, and she's the one who needs the doctor.”",
    "Margaret_R, Shropshire",
    "87 recommends",
    "Read all 203 comments",
]
GP_AFTER_BOX = [
    "Patient groups said the changes were a step forward but warned that many older people still struggled online.",
    "“Digital has to be an option, not the only door,” said Linda Farr of the charity Patients' Voice.",
    "The new contract also includes a 7.2% rise in funding for practices, worth around £889m this year.",
]
GP_HEADLINE = "GP surgeries to open online booking all day under new contract"


def test_the_article_goes_on_under_a_top_comment_box_when_it_reports_what_someone_said():
    tail = ["Tags", "GP", "NHS", "Support independent health journalism", "Contribute", "Clinic Courier © 2025."]
    page = [GP_HEADLINE, "By Ana Ruiz", *GP_BODY, *TOP_COMMENT, *GP_AFTER_BOX, *tail]
    article = clean_text("\n".join(page))
    assert article.paragraphs == (*GP_BODY, *GP_AFTER_BOX)


def test_a_plea_for_money_under_the_comments_still_ends_the_article():
    plea = [
        "Your contribution, whatever the size, helps us keep publishing stories that probe and question.",
        "We champion independent voices and push for a more open health service for everyone.",
    ]
    page = [GP_HEADLINE, "By Ana Ruiz", *GP_BODY, *TOP_COMMENT, *plea, "Clinic Courier © 2025."]
    article = clean_text("\n".join(page))
    assert article.paragraphs == tuple(GP_BODY)


@pytest.mark.parametrize(
    "subheading", ["How to protect yourself from doorstep traders", "Who it helps – and who it doesn't"]
)
def test_a_subheading_between_paragraphs_that_opens_like_a_question_is_kept(subheading: str):
    """'How …', 'Who …': a subheading's opening, though its words are not the paragraphs' (another story's
    headline between paragraphs shares no words with them either)."""
    body = [
        "A roofer who took £84,000 from elderly homeowners for work he never finished has been jailed for six years.",
        "The court heard that he targeted widows living alone, returning again and again to demand more money.",
        "Never pay large sums up front, however urgent the job sounds, and get three written quotes first.",
        "If you feel pressured, close the door and call Trading Standards, which keeps a list of approved firms.",
    ]
    headline = "Roofer jailed for six years after conning pensioners out of £84,000"
    article = clean_text("\n".join([headline, "By Ana Ruiz", *body[:2], subheading, *body[2:]]))
    assert article.paragraphs == (*body[:2], subheading, *body[2:])


def test_a_subheading_over_a_lead_in_to_a_table_ends_the_related_links():
    """Set AL: 'Related', one linked headline, then the article's own subheading over a long sentence that
    ends in a colon and introduces a table. The lead-in opens text as a paragraph does."""
    subheading = "What the bill would require"
    lead_in = "The legislation would apply to any developer above a threshold, and obligations would scale with size:"
    table = [
        "Developer size | Disclosure required | Deadline",
        "Over $1 billion revenue | Full itemised summary of sources | 90 days after release",
        "$100 million–$1 billion | Category-level summary | 180 days after release",
        "Under $100 million | Exempt, unless the model is open-weight | —",
    ]
    teaser = "Publishers strike licensing deal with major AI lab worth $250 million"
    page = [HEADLINE, *BODY[:2], "Related", teaser, subheading, lead_in, *table, BODY[2]]
    article = clean_text("\n".join(page))
    assert article.paragraphs == (*BODY[:2], subheading, lead_in, *table, BODY[2])


def test_the_article_goes_on_under_one_readers_comment_without_anyone_reported():
    """Set AN: 'TOP COMMENT', a signed quote and 'View all 23 comments' between paragraphs; the article's
    last two paragraphs under it report no one (a meeting's date, a call to residents)."""
    box = ["TOP COMMENT", "“Same in our parish. Two sites with planning sitting idle for five years.” — PadraigC"]
    after = [
        "A public meeting on online booking will be held in the practice's community hall on Thursday at 8pm.",
        "Patients are being encouraged to bring any letters about appointments they have received this year.",
    ]
    tail = ["Follow us on Facebook and Instagram for breaking local news", "© 2025 Clinic Courier DAC"]
    page = [GP_HEADLINE, "By Ana Ruiz", *GP_BODY, *box, "View all 23 comments", *after, *tail]
    article = clean_text("\n".join(page))
    assert article.paragraphs == (*GP_BODY, *after)


def test_an_unquoted_comment_between_its_handle_and_its_likes_is_the_readers():
    """Set AP: the handle with the comment's age over the comment, its likes under it, no quotation marks."""
    box = [
        "TOP COMMENT",
        "Sharon_from_Stockport · 6h",
        "Online booking is fine until the website crashes at 8am!",
        "❤ 312",
    ]
    page = [GP_HEADLINE, "By Ana Ruiz", *GP_BODY, *box, *GP_AFTER_BOX, "Clinic Courier © 2025."]
    article = clean_text("\n".join(page))
    assert article.paragraphs == (*GP_BODY, *GP_AFTER_BOX)


def test_a_comment_forms_small_print_after_a_comment_section_is_not_the_article_going_on():
    """A comment section's last 'Reply' and 'Leave a reply' are two comment lines in a row, as a top comment's
    box is; the section's earlier comments show that it is no box inside the article."""
    comments = ["Pat Bowden 8/20/2025 at 11:38pm", "Surgeries near me already do this.", "Reply"]
    form = ["Leave a reply", "Your email address will not be published. All comments go through moderation first."]
    page = [GP_HEADLINE, "By Ana Ruiz", *GP_BODY, *comments * 2, *form, "Name (Required)"]
    article = clean_text("\n".join(page))
    assert form[1] not in article.paragraphs


def test_the_article_goes_on_under_a_top_comment_with_the_comment_section_after_its_end():
    """Set AM: the last paragraph under the top comment's box is followed by share buttons and then the
    comment section ('Comments (27)', 'Load comments'); comments after the article do not make the box's
    stretch a comment."""
    box = ["Top comment", "MrsK_Y2Teacher · 2 hours ago", "Every word of this matches my surgery.", "♥ 42"]
    last = "Online booking will be compulsory for every practice in England from April, the department says."
    tail = ["Share", "Email", "Comments (27)", "Load comments", "© 2024 Chalkline Media Ltd. All rights reserved."]
    page = [GP_HEADLINE, "By Ana Ruiz", *GP_BODY, *box, last, *tail]
    article = clean_text("\n".join(page))
    assert article.paragraphs == (*GP_BODY, last)


def test_two_sentences_over_a_bare_photo_credit_are_a_paragraph_not_its_caption():
    """Set AO: a picture with only a credit ('Photo: Getty Images') under a paragraph of two sentences."""
    above = "Research suggests six in ten patients book online at the first chance. Yet a third still phone too."
    article = clean_text("\n".join([GP_HEADLINE, *GP_BODY[:2], above, "Photo: Getty Images", *GP_BODY[2:]]))
    assert article.paragraphs == (*GP_BODY[:2], above, *GP_BODY[2:])


def test_one_sentence_over_a_bare_photo_credit_is_still_its_caption():
    caption = "Patients wait at a surgery in Leeds earlier this month."
    article = clean_text("\n".join([GP_HEADLINE, *GP_BODY[:2], caption, "Photo: Getty Images", *GP_BODY[2:]]))
    assert article.paragraphs == tuple(GP_BODY)


def test_a_list_item_labelled_as_the_item_under_it_stays_whatever_rule_its_words_match():
    """Set AP: 'Best Picture: Harbor Lights' reads as a photo credit ('Picture: …'), but it is the first of
    the winners the article introduces, labelled as the next ('Best Director: …')."""
    body = [
        "The Starlight awards ran for three hours and forty minutes, the longest ceremony in the prize's history.",
        "Here are the winners in the major categories:",
        "Best Picture: Harbor Lights",
        "Best Director: Amara Obi, Harbor Lights",
        "Best Actor: Ren Castillo, Harbor Lights",
        "The ceremony drew 9.1 million viewers, up from 7.4 million last year, the broadcaster said on Monday.",
    ]
    article = clean_text("\n".join(["Harbor Lights sweeps the Starlight awards", "By Dana Morel", *body]))
    assert article.paragraphs == tuple(body)


def test_an_interview_goes_on_under_a_top_comment_with_a_short_question():
    """Set AQ: the stretch under the box opens with the interviewer's question, then the answer."""
    box = ["TOP COMMENT", "ceciliaR_gp: My surgery has done this for a year. It works.", "▲ 212 Reply"]
    answer = "“They stay open. Online booking is an extra door, not a replacement one,” she said."
    after = ["And the phone lines?", answer]
    page = [GP_HEADLINE, "By Ana Ruiz", *GP_BODY, *box, "See all 67 comments", *after, "Clinic Courier © 2025."]
    article = clean_text("\n".join(page))
    assert article.paragraphs == (*GP_BODY, *after)


def test_a_comment_forms_two_lines_are_no_top_comments_box():
    """'Leave a reply' over 'You must be logged in to post a comment.' ends the article: the site's blurb
    under it is no article going on."""
    form = ["Leave a reply", "You must be logged in to post a comment."]
    blurb = "Clinic Courier was launched in 2008 to bring readers the latest news on surgeries and the NHS."
    page = [GP_HEADLINE, "By Ana Ruiz", *GP_BODY, *form, "About Us", blurb, "Recent Posts"]
    article = clean_text("\n".join(page))
    assert blurb not in article.paragraphs


def test_a_table_of_words_with_five_word_cells_is_the_articles():
    """Sets AR, AS: a table without numbers whose cells run to five words ('Coastal line via Selby Point |
    Rail replacement buses') is no footer of links printed with pipes."""
    table = [
        "Route | Thursday | Friday",
        "Northfield – Castlebridge | Two trains an hour | Two trains an hour",
        "Harrowgate loop | No service | No service",
        "Coastal line via Selby Point | Rail replacement buses | Rail replacement buses",
    ]
    article = clean_text("\n".join([GP_HEADLINE, "By Ana Ruiz", *GP_BODY[:2], "How services will be affected", *table]))
    assert article.paragraphs == (*GP_BODY[:2], "How services will be affected", *table)


MATCH_REPORT = [
    "Dunmore came from behind to beat Ashcombe 2-1 and climb into the play-off places with three games left.",
    "Ashcombe led through a first-half header, but Kerr levelled on the hour and Osei won it late on.",
    "“We never stopped believing,” said the Dunmore manager, whose side have won five of their last six.",
]


@pytest.mark.parametrize("label", ["MATCH STATS", "Championship table", "TOP SCORERS", "BOX SCORE"])
def test_a_sports_widgets_rows_go_with_its_label(label: str):
    """Set AQ: a widget's rows are a table or a ranked list, but they are the site's data under its label, not
    the article's (every such label and its rows were chrome on 21 sets); no rule keeping tables takes them."""
    rows = ["Pos | Team | P | Pts", "5 | Lowfield Town | 35 | 56", "6 | Dunmore Rovers | 35 | 54", "Full table →"]
    page = ["Dunmore 2-1 Ashcombe: Osei winner lifts Rovers into play-off places", "By Ana Ruiz", *MATCH_REPORT]
    article = clean_text("\n".join([*page, label, *rows, "© Pitchside Media 2025"]))
    assert article.paragraphs == tuple(MATCH_REPORT)


def test_an_articles_key_stats_box_stays():
    facts = ["Key stats", "• Dunmore have won 17 of the last 28 derbies", "• Osei has scored in five games running"]
    page = ["Dunmore 2-1 Ashcombe: Osei winner lifts Rovers into play-off places", "By Ana Ruiz", *MATCH_REPORT]
    article = clean_text("\n".join([*page[:-1], *facts, MATCH_REPORT[-1], "© Pitchside Media 2025"]))
    assert article.paragraphs == (*MATCH_REPORT[:-1], *facts, MATCH_REPORT[-1])


def test_a_tribute_under_a_tributes_box_with_its_time_and_report_link_is_no_article_going_on():
    """Set AX: 'Tributes (17)', 'Leave a tribute', a handle, then a tribute that reads like a sentence, its
    time and 'Report' right under it: the stretch is a comment, framed by comment furniture."""
    tributes = ["Tributes (17)", "Leave a tribute", "Sally_Kern", "A true friend to patients online. Thinking of all."]
    tributes += ["2 days ago", "Report", "Old Crew 84", "Best doctor I ever had. Fair winds, boss.", "2 days ago"]
    notices = ["Family notices", "Read and place death notices, tributes and announcements"]
    page = [GP_HEADLINE, "By Ana Ruiz", *GP_BODY, *notices, *tributes, "Report", "Load more tributes"]
    article = clean_text("\n".join(page))
    assert tributes[3] not in article.paragraphs
