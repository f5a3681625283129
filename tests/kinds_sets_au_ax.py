"""Kinds of copied-page line seen leaking on sets AU-AX (news of every kind, newsletter and blog platforms,
consumer journalism, local news) — reading times, captions signed with ©, calls for readers' stories,
helplines, feedback widgets, comment furniture, a platform's paywall and author lines, a newsletter's own
prompts, shopping widgets, gallery buttons, scorers — each beside body lines that look like them."""

from __future__ import annotations

import pytest

from tts_pipeline.stages.chrome_rules import default_rules, first_match

FURNITURE = [
    ("Read time: 3 min", "reading-time"),
    ("Mon., Nov. 18, 2024timer3 min. read", "reading-time"),
    ("Read this next", "cross-link"),
    ("David Ostrowski and Aoife Brennan in A Dry Season. Photo © Lena Haraldsen", "photo-credit"),
    ("Mallee Plains Shire councillors at Wednesday's special budget meeting. Picture supplied", "photo-credit"),
    (
        "Have you been affected? Get in touch with our newsroom on 0800 555 0142 or text NEWS to 81234",
        "reader-feedback",
    ),
    ("If this story has raised issues for you, contact Lifeline on 13 11 14.", "support-prompt"),
    ("Bet responsibly. 18+ | GambleHelp", "gambling-notice"),
    ("Was this explainer useful?", "reader-feedback"),
    ("Was this helpful? 👍 👎", "reader-feedback"),
    ("Share what you think", "comments"),
    ("The comments below have not been moderated.", "comments"),
    ("Responses (41)", "comments"),
    ("What are your thoughts?", "comments"),
    ("42 likes · Reply", "comments"),
    ("214 ▲", "comments"),
    ("Top highlight", "comments"),
    ("∙ Paid", "paywall"),
    ("This post is for paid subscribers", "paywall"),
    ("Upgrade to paid", "paywall"),
    ("Published in Signal & Noise Engineering", "author-page"),
    ("3.2K Followers", "author-page"),
    ("Follow · 12.4K followers", "author-page"),
    ("1.1K followers · 203 following", "author-page"),
    ("·Editor for Signal & Noise Engineering", "author-page"),
    ("Author of The Zoning Desk · 38K subscribers", "author-page"),
    ("A guest post by", "author-page"),
    ("Thanks for reading The Zoning Desk! This post is public, so feel free to pass it along.", "newsletter"),
    ("Thanks for reading Open Circuit. Subscribe for free to get new posts and support my work.", "newsletter"),
    ("Was this forwarded to you? Sign up here.", "newsletter"),
    ("Know someone on the night shift? Share your referral link — three sign-ups gets you a tote.", "newsletter"),
    ("Login or Subscribe to participate in polls.", "newsletter"),
    ("What did you think of today's issue?", "newsletter"),
    ("A WORD FROM OUR SPONSOR", "sponsor-message"),
    ("😐 Not for me", "poll"),
    ("1×", "player-controls"),
    ("Cleanix Orbit S8 – was £399, now £329", "deals"),
    ("View all deals", "deals"),
    ("£129.99 Amazon", "deals"),
    ("£139 Harlow & Vane", "deals"),
    ("From £279 · Check price", "deals"),
    ("Check Gatepass Plus price", "deals"),
    ("Deal alert: Refurbished Nimbus 14 Pro from £389 at Renewly — Check price", "deals"),
    ("Get a free insurance quote", "deals"),
    ("Members save up to 15% on Guild Car Insurance. Get a quote", "deals"),
    ("Save to recipe box", "deals"),
    ("Our pick", "deals"),
    ("Gallery (14 photos)", "image-alt"),
    ("View gallery (8)", "image-alt"),
    ("See all 5", "image-alt"),
    ("Join now", "account"),
    ("Enter your postcode", "account"),
    ("1,204 people are reading this now", "promo"),
    ("32,418 signatures", "promo"),
    ("Campaign: Sign our petition to end mid-contract price rises", "promo"),
    ("Words: Connor Blaydes-Mensah | Photography: Ellie Farrant", "byline"),
    ("March 6, 2025 3:21 PM GMT+1", "dateline"),
    ("Marsh 23', Okafor 88' | Lindqvist 61'", "score-widget"),
    ("Player ratings: Okafor's cameo earns him top marks", "other-stories"),
    (
        "Hannah MacLellan is the Tidewater Courier's business reporter. Reach her at hm@tidewatercourier.ca",
        "author-bio",
    ),
]

LOOKALIKE_BODY = [
    "Read the report in full and you find the time it took: three minutes a patient.",
    "The photo, taken in 1961, shows the pier before the storm.",
    "Have you been affected by the closures, the minister was asked. She did not answer.",
    "If this story has a moral, it is that councils should read their own contracts.",
    "Punters were told to bet responsibly by the regulator, which fined the firm £2m.",
    "Was this useful to the inquiry? The chairman said it was.",
    "Readers shared what they think of the plan in 4,000 letters to the council.",
    "The comments below the video were moderated by volunteers, the court heard.",
    "She said the responses (41 in all) were overwhelmingly in favour.",
    "Paid parking returns to the seafront on 1 June.",
    "Upgrade work on the A30 will close the road for three nights.",
    "Published in 1998, the book sold 40,000 copies in its first year.",
    "Published in Nature on Wednesday, the study followed 12,000 children for a decade.",
    "The account had 181K followers before it was suspended.",
    "Editor for a decade at the Gazette, she retired in March.",
    "Thanks for reading, and see you next week.",
    "The scheme pays £50 for each referral, the company said.",
    "Prices at the shop were £399 in 2023 and £329 now.",
    "From $2,749.95",
    "$395 View product",
    "Get a quote from at least three builders before you commit.",
    "Check the price per unit, not the price on the shelf.",
    "Our pick of the week is a quiet thriller from Norway.",
    "The gallery reopens in May after a £14m refit.",
    "Join the queue early: the doors open at 9am.",
    "Enter your postcode on the council's website to find your bin day.",
    "More than 1,200 people have signed the petition, organisers say.",
    "Words matter, the judge said, and these were chosen with care.",
    "Okafor scored in the 88th minute after Marsh had opened the scoring.",
    "Player ratings are compiled by the club's analysts after each game.",
    "She is a reporter at heart, and it shows in every chapter.",
    "🧐 Docusaurus is a",
    "[1] Carver County Code §14-212(b). The rule also covers townhouses with shared walls, which I'll come back to.",
    "[2] The builder asked not to be named because he has permits pending with the county.",
    "[1] We used a consumer-grade terminal and ran speed tests at three times of day.",
]

FOOTNOTE_REFERENCES = [
    "[2] Ibid., Sec. 4(b).",
    "[1] https://thenewstack.io/rust-goes-mainstream-in-the-linux-kernel/",
    "[3] Official Espressif Announcement https://developer.espressif.com/blog/2025/10/esp-hal-1/",
]


@pytest.mark.parametrize(("line", "rule"), FURNITURE)
def test_each_kind_is_removed_by_its_rule(line: str, rule: str):
    assert first_match(line, default_rules()) == rule


@pytest.mark.parametrize("line", LOOKALIKE_BODY)
def test_body_lines_that_look_like_them_are_kept(line: str):
    assert first_match(line, default_rules()) is None


@pytest.mark.parametrize("line", FOOTNOTE_REFERENCES)
def test_a_numbered_reference_is_a_citation_but_a_note_told_in_words_is_not(line: str):
    """Set AV: footnotes a writer tells ('[2] The builder asked not to be named because he …') are the
    article's; references ('[1] https://…', 'Ibid.') are not."""
    assert first_match(line, default_rules()) == "citation"
