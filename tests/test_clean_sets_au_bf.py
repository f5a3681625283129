"""Copied text: shapes seen on sets AU-BF (session 18) — a standfirst over the headline that shares only word
stems with the article, a closing box of tips written as sentences, a bulleted list ending the article, the
headline under the byline block, a headline in title case with full stops."""

from __future__ import annotations

import pytest

from tts_pipeline.stages.chrome_rules import default_rules, first_match
from tts_pipeline.stages.clean import clean_text

REGAL = "The last reel at the Regal"
REGAL_BODY = [
    "On a wet Tuesday in February, Arthur Penhaligon climbs the narrow stairs to the projection box of the cinema.",
    "The Regal opened in 1929 with 900 seats, a Wurlitzer organ and a tea room on the first floor of the building.",
    "Volunteers have given more than two thousand hours to the work since the trust bought the building in 2023.",
    "Tickets for the first screenings went on sale last week and sold out in an afternoon, the trust said.",
]


def test_a_standfirst_over_the_headline_sharing_word_stems_with_the_article_is_its_standfirst():
    """Set AU: 'projectionist' and 'volunteer' in the standfirst, 'projection' and 'Volunteers' below."""
    standfirst = (
        "After 38 years in darkness, a seaside picture house is flickering back to life — thanks to a retired"
        " projectionist, a crowdfund and 2,000 volunteer hours."
    )
    page = [
        "THE QUARTERLY LANTERN",
        "Essays",
        "Archive",
        "Reportage / Culture",
        standfirst,
        REGAL,
        "Words by Imogen Tallis",
    ]
    article = clean_text("\n".join([*page, "April 2025", *REGAL_BODY]))
    assert article.title == REGAL
    assert article.paragraphs == (standfirst, *REGAL_BODY)


TRAIN = "Oslo to Bergen by train: the most beautiful rail journey in Europe?"
TRAIN_BODY = [
    "The train leaves Oslo at 8.25 in the morning and within an hour the suburbs have given way to forest.",
    "After Myrdal the line begins its long descent, and the views of the lakes and the fjord begin in earnest.",
    "Bergen arrives in the rain, as the locals promise it always will, and the harbour is busy with ferries.",
    "Finse, the highest station on the line at 1,222 metres, is snowbound for much of the year and has no road.",
    "Walkers step off here in summer for the glacier, and in winter skiers carry their skis across the platform.",
    "The line took 22 years to build, and its snow sheds and tunnels are still cleared by hand after storms.",
    "“People think the winter is the best time,” said the conductor, who has worked the route for 19 years.",
    "By the time we reached the outskirts of Bergen, the snow had become rain, which in Bergen it usually does.",
    "I did not mind. I had spent the day watching one of Europe’s great landscapes go by, without a queue.",
]


def test_a_closing_box_of_tips_written_as_sentences_stays_under_an_advert_box():
    """Set AY: 'How to do it' and its 'Tickets: …', 'Journey time: …' entries, each a sentence or two, under
    a box of hotel deals that ended the article."""
    deals = [
        "HOTEL DEALS",
        "Bergen Harbour Hotel ★★★★ · from £142 a night · Check availability",
        "Finse Mountain Lodge ★★★ · from £189 a night · Check availability",
        "Prices correct at time of publishing",
    ]
    box = [
        "How to do it",
        "Tickets: book through the operator’s website or app. Advance fares to Bergen start at around 299 kroner.",
        "Journey time: about 6 hours 50 minutes, with four departures a day in each direction.",
        "Seats: a reservation is included. The comfort carriage costs about £10 more and includes free coffee.",
        "Tip: sit on the right-hand side of the train going west for the best views of the lakes.",
    ]
    tail = ["GET THE TIDEWATER DISPATCH", "Email address", "Subscribe", "Keep reading", "Night trains are back"]
    page = [TRAIN, "By Ruth Lind", "12 June 2025", *TRAIN_BODY, *deals, *box, *tail]
    article = clean_text("\n".join(page))
    assert article.paragraphs == (*TRAIN_BODY, *box)


CHARGES = "Standing charges: what they are and how to cut yours"
CHARGES_BODY = [
    "Almost every household pays a standing charge, a fixed daily fee for being connected to the grid.",
    "The charges vary by region and rose again in April, when the regulator allowed suppliers to recover debts.",
    "If you have a prepayment meter and fall behind, standing charges keep building up even when you cannot top up.",
]


def test_a_bulleted_list_under_the_last_paragraph_is_the_articles():
    """Set AW: 'What to do next' and its '- Check …' items end the article, over the site's 'Join now'."""
    steps = [
        "What to do next",
        "- Check your latest bill for the standing charge and unit rates",
        "- Ask your supplier whether a low standing charge tariff is available",
        "- Contact your local advice centre if you are in debt to your supplier",
    ]
    tail = ["Join our Money WhatsApp community for the best local deals", "Join now", "Comments", "Reply", "Report"]
    article = clean_text("\n".join([CHARGES, "By Ruth Cole", *CHARGES_BODY, *steps, *tail]))
    assert article.paragraphs == (*CHARGES_BODY, *steps)


def test_the_headline_under_the_byline_block_over_a_standfirst_without_its_full_stop():
    """Set AX: 'By …', the time to read, 'Updated …', then the headline and a 17-word standfirst with no full
    stop; the newsletter button above the byline is no headline."""
    headline = "Former school principal wins Ward 4 byelection in Pinecrest by 212 votes"
    standfirst = "Turnout was just under 23 per cent in the vote to replace the late councillor Ray Tessier"
    body = [
        "Retired principal Colleen Aberdeen will be Pinecrest's next Ward 4 councillor after a tight byelection.",
        "Aberdeen received 1,488 votes, ahead of small business owner Marco DiLuca, who finished with 1,276.",
    ]
    header = ["Pinecrest Sentinel", "Menu", "News", "Local", "Sports", "Sign up for our newsletter"]
    byline = [
        "By Jasmeet Gill, Local Journalism Initiative Reporter",
        "3 min. read",
        "Updated Nov. 18, 2024 at 11:02 p.m.",
    ]
    article = clean_text("\n".join([*header, *byline, headline, standfirst, *body]))
    assert (article.title, article.paragraphs) == (headline, (standfirst, *body))


def test_a_headline_in_title_case_with_full_stops_is_the_headline():
    """Set AV: a blog platform's 'I Made $71,000 Driving and Delivering Last Year. I Kept Less Than Half.'
    over the writer's name, 'Follow', 'Published in …' and the time to read."""
    headline = "I Made $71,000 Driving and Delivering Last Year. I Kept Less Than Half."
    body = [
        "Here's the full breakdown of what three gig apps paid me, what the IRS took, and what I wish I'd known.",
        "I want to start with the number everybody asks about, because it's the number that made me sign up.",
        "It is also a lie, or at least a very incomplete truth, and the rest of this post explains why.",
    ]
    header = ["Wordfall", "Write", "Sign in", headline, "Jonah Teixeira-Blom", "Follow"]
    byline = ["Published in The Side Hustle Ledger", "·", "7 min read", "·", "Apr 11, 2025", "Share"]
    article = clean_text("\n".join([*header, *byline, *body]))
    assert (article.title, article.paragraphs) == (headline, tuple(body))


def test_a_closing_box_goes_on_under_an_entry_that_ends_like_a_sentence():
    """Set AX: 'Hours: … to 5 p.m.' ends with a full stop; 'Membership: $100 per share, open to anyone' under
    it is the box's last entry, not furniture after the article's last sentence (the reporter's bio follows)."""
    body = [
        "Tideview Community Grocery opened its doors on Saturday morning in the former bank building on Main Street.",
        "The store is owned by a co-operative of 612 members, each of whom bought at least one $100 share.",
        "“When the old supermarket closed, people said this town was finished,” said the co-op's board chair.",
    ]
    box = [
        "At a glance",
        "Address: 212 Main Street, Port Elspeth",
        "Hours: Monday to Saturday 8 a.m. to 8 p.m.; Sunday 10 a.m. to 5 p.m.",
        "Membership: $100 per share, open to anyone",
    ]
    bio = "Hannah MacLellan is the Tidewater Courier's business reporter. Reach her at hm@tidewatercourier.ca"
    page = ["Port Elspeth gets its grocery store back", "By Hannah MacLellan", *body, *box, bio, "You may also like"]
    article = clean_text("\n".join(page))
    assert article.paragraphs == (*body, *box)


FOOTNOTE_REFERENCES = [
    "[2] Ibid., Sec. 4(b).",
    "[1] https://thenewstack.io/rust-goes-mainstream-in-the-linux-kernel/",
    "[3] Official Espressif Announcement https://developer.espressif.com/blog/2025/10/esp-hal-1/",
]


@pytest.mark.parametrize("line", FOOTNOTE_REFERENCES)
def test_a_numbered_reference_is_a_citation_but_a_note_told_in_words_is_not(line: str):
    """Set AV: footnotes a writer tells ('[2] The builder asked not to be named because he …', among the
    lookalikes in tests/kinds_sets_au_ax.py) are the article's; references ('[1] https://…', 'Ibid.') are not."""
    assert first_match(line, default_rules()) == "citation"
