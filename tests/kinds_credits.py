"""Kinds of copied-page line seen leaking on sets AI and AJ — credits by any participle, a critic named by
role, readers' ratings, who paid for the trip, a bio by what the writer has written, lines that open with a
camera or headphones, betting small print, a publisher's comparison tool and bookshop, print-edition notes;
from set AH, review code lent by the publisher, why to trust the reviewers, comments switched off, price
boxes; related guides (not 'Also on …', a subheading elsewhere), a place's weather now, a question with the
address to write to, where to buy it and what it was reviewed on, a live page's controls; from set AK, who
contributed to the report, a byline with role and desk, the print headline, an archive notice, comment and
like counters, a player's accessibility options, a share bar run together — each beside body lines that
look like them."""

from __future__ import annotations

FURNITURE = [
    ("Answered by Theodora Nwachukwu-Bell, Consumer Champion", "byline"),
    ("Written by Lucinda Farrow-Hughes | Reviewed by Amir Chaudhry, Personal Finance Editor", "byline"),
    ("Art critic Delphine Sørlie-Achebe", "byline"),
    ("★★★★½ (318 ratings)", "ratings"),
    ("4.2 average from 86 readers", "ratings"),
    ("Did you make this recipe?", "ratings"),
    ("★★★☆☆ Interesting, but far too long. – Gwen", "ratings"),
    ("This trip was provided by Visit Algarve Lagoons. Wayfarer Weekly retained full editorial control.", "disclosure"),
    ("Citybite critics always visit anonymously and pay for their meals.", "disclosure"),
    (
        "This story was written under the Community News Partnership, which funds reporters to cover councils.",
        "disclosure",
    ),
    ("Theodora Nwachukwu-Bell has written Ask Moneyline since 2016.", "author-bio"),
    ("Petra Oyelaran-Hess is Crumb & Copper's head of baking. She trained at a baking school in Lyon.", "author-bio"),
    ("Tanvir Moss-Adeyemi is education correspondent of The Weekend Lantern.", "author-bio"),
    ("📷 Gallery 1/6", "media-link"),
    ("🎧 Hear the full interview with Clare Penhallow from 06:12 in the player above", "media-link"),
    ("Odds correct at time of publishing. 18+. Please gamble responsibly.", "gambling-notice"),
    ("Compare 60+ savings accounts with our free tool", "promo"),
    ("To support the Courier, buy a copy from courierbookshop.co.uk for £14.95. Delivery charges may apply.", "promo"),
    ("Listen to this review · 7:12", "player-controls"),
    ("This review appeared in the print edition of the Saturday Courier Review on 8 March 2025.", "reader-feedback"),
    ("Send us your weather photos: yourpics@valetoday.tv", "reader-feedback"),
    ("What did you make of the semi-final? Let us know below.", "reader-feedback"),
    ("Review code provided by the publisher.", "disclosure"),
    ("Wellwise Bulletin's health coverage is reviewed by our medical advisory panel.", "disclosure"),
    ("Why you can trust Gadgetry Weekly: our reviewers spend hours testing every product.", "disclosure"),
    ("We have switched comments off on this article.", "comments-closed"),
    ("Voltmart · £399 · View deal", "deals"),
    ("See all prices (6)", "deals"),
    ("Related guides", "cross-link"),
    ("Chur now: 11°C, cloudy", "weather-widget"),
    ("Got a money question? Email ask@moneyline.example. We cannot answer every letter personally.", "reader-feedback"),
    ("Need help with your bills? Read our guide to grants and support schemes", "promo"),
    ("Buy from Hatchards & Co · Waterstone Books · Bookshop Collective", "deals"),
    ("Shop our tested hiking gear: Atlas & Oar Field Pack 45L — £189", "deals"),
    ("Fly to Faro from £39 — book with SunPath Air", "deals"),
    ("Reviewed on PC · Also on Orbis Play 6, XenBox", "review-notice"),
    ("Refresh", "live-controls"),
    ("Article information", "live-controls"),
    ("Atlas Wire writer Sunita Rao in Philadelphia contributed to this report.", "byline"),
    ("By Olu Bankole, Environment reporter, FPM East", "byline"),
    ("This article appeared in print under the headline “Fusion's long game”", "reader-feedback"),
    (
        "Archived: This story was published more than two years ago and may contain outdated information.",
        "old-article-notice",
    ),
    ("See all 318 comments ↓", "comments"),
    ("2.1K Reposts 3,904 Likes", "comments"),
    ("Dr_Sparrow · 412 likes", "comments"),
    ("Audio description available", "player-controls"),
    ("Share X Facebook LinkedIn Email Link", "share"),
]

LOOKALIKE_BODY = [
    "★★★★☆ 4/5",
    "★★★★",
    "Written off by his coaches at 19, Omar Diallo went on to win three titles.",
    "Food critic Amal Haddad said the menu was the city's most ambitious in a decade.",
    "The trip was paid for by the council, the auditor found, at a cost of £18,000.",
    "The minister said the broadcaster had kept its editorial independence throughout the dispute.",
    "Diallo has coached the under-21 side since 2019 and led them to two finals.",
    "Customer reviews on the retailer's site gave the fryer 4.6 stars from 2,300 buyers.",
    "Inspectors visit anonymously, said the agency, but only after a complaint is made.",
    "Odds of a rate cut in June have risen to 60%, according to futures markets.",
    "Compare that with the 1990s, when a savings account paid 6%.",
    "The review copy was provided by the publisher, the judge said, and had to be returned.",
    "Why trust matters: the bank lost 40,000 customers after the breach.",
    "Comments were switched off after the club received abusive messages, a spokesman said.",
    "The best price the council could find was £1.2m.",
    "Read our full review.",
    "Check out our complete guide to Waterfall project management here.",
    "Machine wash at 30 °C, machine wash on gentle cycle",
    "Shop our wide selection of precision tools.",
    "Reviewed on appeal, the sentence was cut to four years.",
    "Buy from local farms where you can, the report advises.",
    "The donor contributed £5,000 to the campaign, records show.",
    "Farmers said rising costs contributed to the losses.",
    "The post drew 3,904 likes within an hour.",
    "Share prices fell 4% on the news.",
]
