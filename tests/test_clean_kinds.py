"""Kinds of copied-page line that are furniture however a publisher words them (rules/chrome.toml), each
beside body lines that look like it."""

from __future__ import annotations

import pytest

from tts_pipeline.stages.clean import _first_match, default_rules


@pytest.mark.parametrize(
    "line,rule",
    [
        ("Priya Nair covers health and social care for the Gazette.", "author-bio"),
        ("Tom Reyes is a senior reporter at the Courier. You can reach him at tom@courier.example.", "author-bio"),
        ("About the author: Mei Lin has written about farming for 20 years.", "author-bio"),
        ("Get the week's biggest business stories delivered every Friday morning.", "newsletter-pitch"),
        ("The top headlines from across the region, every weekday.", "newsletter-pitch"),
        ("Five things you need to know today. Sign up to get it in your inbox.", "newsletter-pitch"),
        ("Follow the Valley Echo WhatsApp channel for breaking news.", "newsletter-pitch"),
        ("Stay informed - follow Metro Daily on Telegram.", "newsletter-pitch"),
        ("Harbour Media Group Ltd, registered office: 1 Quay Street, Bristol.", "company-footer"),
        ("Privacy | Terms | Contact | © 2025 Valley Echo Media", "company-footer"),
        ("We acknowledge the Traditional Custodians of the land on which we publish.", "acknowledgement-of-country"),
        ("Disclaimer: The views expressed are the author's own.", "disclaimer"),
        ("Gamble responsibly. 18+ T&Cs apply.", "disclaimer"),
        ("Auto-refresh: Off", "live-blog"),
        ("Show key events only", "live-blog"),
        ("Load more posts", "live-blog"),
        ("Text size", "page-tools"),
        ("Sort by: Oldest", "page-tools"),
        ("Independent journalism needs readers. Will you support us today?", "support-prompt"),
        ("Keep the Echo free for everyone by becoming a monthly supporter.", "support-prompt"),
        ("Comments are subject to our house rules.", "comments"),
        ("Comments have been disabled on this story.", "comments"),
        ("Comment 37", "comments"),
        ("Welcome to our commenting community. Comments are open to subscribers only.", "comments"),
        ("Alex Moore is the Herald's transport reporter. Reach him at alex@herald.example.", "author-bio"),
        ("All articles by Alex Moore", "author-page"),
        ("Medically reviewed by Dr. Ruth Amadi, MBBS", "review-notice"),
        ("This article is for informational purposes only and is no doctor's advice.", "review-notice"),
        ("Lakeside Radio is not responsible for the content of external websites.", "review-notice"),
        ("Was this page helpful?", "review-notice"),
        ("Our newspapers adhere to the Editors' Code of Practice enforced by IPSO.", "press-standards"),
        ("Corrections policy", "press-standards"),
        ("This story is more than a year old. Details may have changed.", "old-article-notice"),
        ("TOP DEAL Half-price ferry tickets to Ireland this winter", "kicker-teaser"),
        ("We use essential cookies to make our site work.", "cookie-consent"),
        ("Reject additional cookies", "cookie-consent"),
        ("Published by Harbour Media Pvt Ltd. Company Regn. No. 12345.", "company-footer"),
        ("Free weekly newsletter", "newsletter-pitch"),
        ("Our evening email rounds up the day's news in five minutes.", "newsletter-pitch"),
        ("Local news needs local support. Make your gift to the Valley Echo newsroom today.", "support-prompt"),
        ("Article topics", "tags"),
    ],
)
def test_furniture_is_named_by_its_kind(line, rule):
    assert _first_match(line, default_rules()) == rule


@pytest.mark.parametrize(
    "line",
    [
        "Jane Smith is a nurse at the county hospital and has worked there since 2011.",
        "The council covers the cost of the service for residents over 70.",
        "Dr Amy Lee is a senior editor at the journal Nature, which published the study.",
        "Residents get the news delivered every morning by volunteers on bicycles.",
        "Customers can sign up to get alerts by email when their bin day changes.",
        "Users can join the group on WhatsApp to report potholes, the council said.",
        "The company, registered in England and Wales, collapsed with debts of £4m.",
        "Copyright law changed in 2019, the court heard.",
        "The mayor acknowledged the Traditional Owners at the opening of the bridge.",
        "The charity urged people to gamble responsibly over the Christmas period.",
        "The disclaimer on the packet was missing, inspectors found.",
        "Supporters can help by becoming a member of the trust for £10 a year.",
        "Will you support it? the minister asked MPs.",
        "The judge said comments made on social media were subject to contempt laws.",
        "The app lets readers change the font size and listen to articles.",
        "The complaint was upheld by the Independent Press Standards Organisation in May.",
        "The paper is committed to the Editors Code, the editor told MPs.",
        "We use cookies from the local bakery, the cafe owner said.",
        "Make your donation to the food bank before Friday, the organisers said.",
        "We rely on donations, the charity director said.",
        "The NHS said the advice was not a substitute for seeing a GP.",
        "This article was published in the Lancet, the university said.",
        "Tags on the bags will show the collection day.",
        "Comments 10 and 11 of the report were disputed.",
        "NHS England said the figures were the worst on record.",
        "Published by Penguin Random House Ltd in 2019, the book sold widely.",
        "Mark Evans is the paper's former editor, and he said the closure was a shame.",
        "See stories by local children in the library window.",
        "Fact checked by the BBC, the claim proved false.",
        "Sarah Jones is the council's new chief executive.",
        "Mendes said: “They tell you to click here, upload this, wait for an email. I’ve done all of it.”",
    ],
)
def test_body_that_looks_like_furniture_stays(line):
    assert _first_match(line, default_rules()) is None
