"""Kinds of copied-page line seen leaking on sets AL-AP (health and science sites, regional papers, finance
and technology sites, broadcasters and tabloids) — a series' and a press office's boxes, a charity's asks and
footers, reviewed dates, quizzes and rate widgets, disclosures, comments' own lines, bylines in more shapes,
links that open a new tab, syndication and funding notes, offers, sign-in buttons, a reporter's beat, odds
boosts, players, chart furniture, captions with an agency's credit, machine-written summaries, lottery
results — each beside body lines that look like them."""

from __future__ import annotations

import pytest

from tts_pipeline.stages.chrome_rules import default_rules, first_match

FURNITURE = [
    ("In this series", "other-stories"),
    ("Related briefs", "other-stories"),
    ("See all events", "other-stories"),
    ("Find an expert in education policy", "other-stories"),
    ("Most listened", "other-stories"),
    ("Coming up on Radio Lumen 88", "other-stories"),
    ("Community Noticeboard", "other-stories"),
    ("Full scorecards →", "other-stories"),
    ("Read now →", "other-stories"),
    ("Notes to editors", "contact-line"),
    ("Media enquiries", "contact-line"),
    ("Sam Whitcombe, Press Office", "contact-line"),
    ("+61 7 5550 1123 | media@kestrelbay.edu.au", "contact-line"),
    ("Images are available for use with credit. Please contact the press office.", "contact-line"),
    ("Stuur jou nuus: WhatsApp 072 555 0163", "contact-line"),
    ("The University of Harrowgate is an exempt charity under the Charities Act 2011.", "company-footer"),
    ("Further Ed Today is published by Lectern Media Group. Registered in England 08812345.", "company-footer"),
    ("Radio Lumen is an independent public-service broadcaster.", "company-footer"),
    ("Last reviewed: 3 October 2024", "review-notice"),
    ("Start quiz", "promo"),
    ("Earn 0.25 AMA PRA Category 1 Credit™", "promo"),
    ("Compare mortgage rates", "promo"),
    ("Check today's mortgage rates", "promo"),
    ("Show me deals", "promo"),
    ("Mortgage calculator", "promo"),
    ("Disclosures: The reviewer reports no relevant financial relationships.", "disclosure"),
    ("Disclosure: The author holds small amounts of BTC and ETH.", "disclosure"),
    ("Comment by Lou R posted on 8 April 2024", "comments"),
    ("This comment has been removed by a moderator.", "comments"),
    ("Like (31) · Reply", "comments"),
    ("Reply · 58 ▲", "comments"),
    ("Join the conversation — subscribers can comment on this story.", "comments"),
    ("31,902 likes", "comments"),
    ("♥ 48.2K 💬 3,106", "comments"),
    ("12,418 votes", "poll"),
    ("48K plays", "media-link"),
    ("Posted by: Dr Fiona Ashdown and Tariq Hussein, Posted on: 8 April 2024, Categories: Immunisation", "byline"),
    ("written by Mei-Lin Castellanos · security editor", "byline"),
    ("Written by Orla Fennimore | Reviewed by Jasper Kettle, chartered financial planner", "byline"),
    ("By Marcus Delacroix and KTRN 9 Staff", "byline"),
    ("By Amina Yusuf in Tessaly and Kofi Mensah-Barr", "byline"),
    ("Lucia Fenwick, Europe correspondent, reporting from Velgrad", "byline"),
    ("From our Tokyo bureau", "byline"),
    ("Find a walk-in clinic near you (opens in new tab)", "cross-link"),
    ("Also on CircuitWire: The AI chip shortage is easing. Here's who benefits.", "cross-link"),
    ("▶ Hear Kez's report from the town hall", "cross-link"),
    ("Need to talk? Call our Heart Helpline on 0300 555 0199 (Monday to Friday, 9am–5pm).", "support-prompt"),
    ("Research like this happens because of you", "support-prompt"),
    ("You made this possible", "support-prompt"),
    ("This trial received £1.2m from supporters. Every pound you give helps us fund the next.", "support-prompt"),
    ("Signal & Noise is funded by its members. No ads, no trackers.", "support-prompt"),
    ("This article originally appeared in the Creston Valley Weekly and is republished here.", "publisher-note"),
    ("The Local Journalism Initiative is funded by the Government of Canada.", "publisher-note"),
    ("From the May 2025 issue", "publisher-note"),
    ("Keep reading for £1", "paywall"),
    ("Try 4 weeks", "paywall"),
    ("Get the Wimmera Plainsman delivered: 3 months digital for $3", "paywall"),
    ("This is a Premium article", "paywall"),
    ("This article is available to Kestrel Premium subscribers. You are reading it because one shared it.", "paywall"),
    ("Continue with Google", "account"),
    ("Share or comment on this article:", "share"),
    ("Senior policy reporter covering AI, privacy and antitrust. Previously at The Ledger Wire.", "author-title"),
    ("Odds boost: Kipsang-Otieno to break 2:00 in 2026 – 9/2", "gambling-notice"),
    ("Listen to this story · Narrated by Ruth Amberley · 11 min", "audio-player"),
    ("Show more updates", "live-controls"),
    ("Pennywise Daily is not a regulated adviser. If you are unsure, speak to a qualified adviser.", "disclaimer"),
    ("Important: This article is for information only and is not personal financial advice.", "disclaimer"),
    ("VNTL $142.80 −6.3% after hours", "market-data"),
    ("30-yr fixed 6.89%", "market-data"),
    ("Table: PPTV News", "chart"),
    ("Source: Moneyscope, 7 June. Rates may change at any time.", "chart"),
    ("1990 · 2000 · 2010 · 2020 · 2025", "chart"),
    ("A farmer splits cocoa pods at a plantation near Soubré. Courier/Aya Bamba", "photo-credit"),
    ("Kouji Mendel for Lattice Magazine", "photo-credit"),
    ("Summaries are generated with the help of AI and reviewed by our journalists.", "audio-notice"),
    ("4 · 11 · 19 · 27 · 33 · 41 Bonus 8", "numbers-game"),
    ("Jackpot: €4,250,000 — Not won", "numbers-game"),
]

LOOKALIKE_BODY = [
    "Events",
    "Upcoming events",
    "Related resources",
    "(415) 742-4306",
    "$ 1,646 .00",
    "Text generated by AI is interesting.",
    "The images were generated using AI, police said.",
    "The project is funded by the Government of Canada, the minister said.",
    "Tax Cuts for Working Families",
    "Patients were told to call the helpline on 111 if their symptoms got worse.",
    "The charity said every pound you give to the appeal will be matched by the government.",
    "The insurer is not a regulated adviser, the court heard.",
    "Mortgage rates rose again this week, with the average two-year fix at 5.4%.",
    "The Songvision final takes place in Ljubana on 17 May.",
    "By Friday, staff had cleared the site.",
    "Also on the agenda: plans for a new library on Market Street.",
    "Support for families",
    "Which type of saver are you?",
    "The co-operative is funded by its members, who pay £5 a year.",
    "The co-operative is funded by its members.",
]


@pytest.mark.parametrize(("line", "rule"), FURNITURE)
def test_each_kind_is_removed_by_its_rule(line: str, rule: str):
    assert first_match(line, default_rules()) == rule


@pytest.mark.parametrize("line", LOOKALIKE_BODY)
def test_body_lines_that_look_like_them_are_kept(line: str):
    assert first_match(line, default_rules()) is None
