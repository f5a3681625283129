"""Kinds of copied-page line seen leaking on sets AQ-AT (sports sites, culture and opinion sections, web-first
crime and weather pages, world news from outlets abroad) — bylines by role word and task, readers' letters'
calls, how reviews are paid for, shopping boxes, review counters, comment furniture, disclaimers, betting
partners, embedded posts, player controls, date and price strips — each beside body lines that look like
them."""

from __future__ import annotations

import pytest

from tts_pipeline.stages.chrome_rules import default_rules, first_match

FURNITURE = [
    ("By Tomasz Brennan, chief film critic", "byline"),
    ("Exclusive by Declan Furey", "byline"),
    ("Report and ratings by Owain Lewis", "byline"),
    ("Story by Hugo Aldridge on No 1 Court", "byline"),
    ("Reporting by Tiago Ribeiro Lemos, Manaus", "byline"),
    ("Words: Tomasz Kowal · Data: Rhiannon Bell", "byline"),
    ("Reporting from court: Mei Lin Hargrove", "byline"),
    ("Name withheld, Bristol", "byline"),
    ("Name and address supplied", "byline"),
    ("Tomasz Kowal is the Chronicle's housing reporter. Rhiannon Bell is data editor.", "author-bio"),
    ("Letters should be no longer than 250 words and include your full postal address.", "reader-feedback"),
    ("Want to respond? Send us a letter of up to 300 words.", "reader-feedback"),
    ("Have you had problems with damp? Contact reporter Ross Kettleby on 01632 960442.", "reader-feedback"),
    ("Do you know more about this story? Get in touch in confidence.", "reader-feedback"),
    ("Every week Ruth tackles a reader's problem. For her advice, write to askruth@sundaywren.com.", "reader-feedback"),
    ("Plate & Pavement pays for all meals reviewed. Restaurants are not told in advance.", "disclosure"),
    ("Buy the book", "deals"),
    ("Order for £17.09 (RRP £18.99)", "deals"),
    ("Winter Light by Morag Finlay is available from our partner bookshop.", "deals"),
    ("Delivery charges may apply. The Lantern receives a small commission on every sale.", "deals"),
    ("Steam £24.99", "deals"),
    ("£240 at Peak & Trail", "deals"),
    ("Reviews (38)", "ratings"),
    ("SallyInSheffield ★★★★★", "ratings"),
    ("Members' comments", "comments"),
    ("Sort: Top | Newest | Oldest", "comments"),
    ("Comments on this piece are premoderated to ensure discussion remains on topic.", "comments"),
    ("GrumpyInGatwell: Seven years? He'll be out in three. Disgraceful.", "comments"),
    ("Reporting restrictions: CityBeat24 will not publish comments on this page.", "comments"),
    ("The views expressed here are the author's own.", "disclaimer"),
    ("Editorials represent the institutional view of the Valley Post-Dispatch.", "disclaimer"),
    ("The Civic Review is an independent, not-for-profit publication.", "company-footer"),
    ("Read more Ask Ruth: ‘My best friend didn't invite me to her wedding’", "cross-link"),
    ("On the same subject: Mercosur deal: what is really in the agreement?", "cross-link"),
    ("In other news", "cross-link"),
    ("Family Carers Network advice line: 0800 046 1190 (Mon–Fri, 9am–5pm)", "contact-line"),
    ("BET WITH OUR PARTNER", "gambling-notice"),
    ("Carrow Bay 5/2 | Draw 22/1 | Stannington 2/5", "gambling-notice"),
    ("Tuilagi-Reeves anytime try 4/1", "gambling-notice"),
    ("Go ad-free with Pitchside Metro+ for £2.99 a month", "paywall"),
    ("Independent journalism needs you. Become a Courier member today.", "paywall"),
    ("Fuel your long run. Try VeloGel, 20% off with code STRIDE20", "promo"),
    ("Embedded post", "social-embed"),
    ("Post from @KettlewellFireRescue", "social-embed"),
    ("Porthaven & District Fire and Rescue @PorthavenFire", "social-embed"),
    ("Shared 1.2k times", "share"),
    ("Email to a friend", "share"),
    ("Short link:", "share"),
    ("Next video in 8", "video-blurb"),
    ("Autoplay ● On", "video-blurb"),
    ("▶ Video · 1:42", "video-blurb"),
    ("Started 09:45 · Updated 15:32", "dateline"),
    ("16/06/2025 às 14h32 · Atualizado 16/06/2025 às 18h05", "dateline"),
    ("NNA , Monday 9 Jun 2025", "dateline"),
    ("Fuel prices June: Super 98 Dh2.58 · Special 95 Dh2.47 · Diesel Dh2.52", "market-data"),
    ("USD R$ 5,48 · EUR R$ 6,31 · Ibovespa 138.902 pts", "market-data"),
    ("Translated from the Arabic edition", "publisher-note"),
    ("April issue · Online 9 April 2025", "publisher-note"),
    ("Premium members can save articles. Register now", "account"),
    ("Map showing the area covered by the amber warning (orange). Source: National Weather Office", "chart"),
    ("Sethi celebrates the wicket of Marsh, his fifth of the innings (Long Room Daily / Ash Peters)", "photo-credit"),
    ("MATCH STATS", "stats-widget"),
    ("BOX SCORE", "stats-widget"),
    ("TOP SCORERS", "stats-widget"),
]

LOOKALIKE_BODY = [
    "Rating: 4 out of 5",
    "Key stats",
    "The table",
    "Round table",
    "Reviewed on PC. Code provided by the publisher.",
    "1. Mobile App Development Guru (Project Lead / Strategist)",
    "Best Overall: Adidas Adizero Evo SL (Men’s/Women’s)",
    "12/12/2010 11:46:36 AM is when this event was logged.",
    "Hi @nathanmartin",
    "Show all 14",
    "The match ended in a draw, and both managers said they were happy with a point.",
    "Patients were told to contact the surgery if symptoms worsened, the trust said.",
    "The council will write to every household, a spokesperson said.",
    "Tickets cost £24.99 at the door and £19.99 online.",
]


@pytest.mark.parametrize(("line", "rule"), FURNITURE)
def test_each_kind_is_removed_by_its_rule(line: str, rule: str):
    assert first_match(line, default_rules()) == rule


@pytest.mark.parametrize("line", LOOKALIKE_BODY)
def test_body_lines_that_look_like_them_are_kept(line: str):
    assert first_match(line, default_rules()) is None
