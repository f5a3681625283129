"""What the page's structure says is body stays body: tables, lists and headings that recur."""

from __future__ import annotations

from tts_pipeline.stages.clean import clean_html, clean_text

TABLE_PAGE = """<html><head><title>Energy bills: what each tariff costs this winter</title></head><body>
<article><h1>Energy bills: what each tariff costs this winter</h1>
<p>Households on fixed deals will pay less than those on the price cap this winter, figures show.</p>
<table>
<tr><th>Tariff</th><th>Annual cost</th><th>Change</th></tr>
<tr><td>Price cap</td><td>£1,738</td><td>up 1.2%</td></tr>
<tr><td>Fixed for one year</td><td>£1,610</td><td>down 3%</td></tr>
</table>
<table>
<tr><td>Pros: a fixed deal protects you if prices rise again in the spring.</td>
<td>Cons: leaving early usually costs an exit fee of up to £150 per fuel.</td></tr>
</table>
<p>The regulator will announce the next cap in February, and analysts expect a small fall.</p>
</article></body></html>"""


def test_a_table_in_the_article_is_said_row_by_row():
    article = clean_html(TABLE_PAGE)
    assert article.paragraphs == (
        "Households on fixed deals will pay less than those on the price cap this winter, figures show.",
        "Tariff, Annual cost, Change.",
        "Price cap, £1,738, up 1.2%.",
        "Fixed for one year, £1,610, down 3%.",
        "Pros: a fixed deal protects you if prices rise again in the spring.",
        "Cons: leaving early usually costs an exit fee of up to £150 per fuel.",
        "The regulator will announce the next cap in February, and analysts expect a small fall.",
    )


def test_a_short_line_that_recurs_is_the_articles_own_and_stays():
    text = "\n".join(
        [
            "Three ways to cut your heating bill",
            "Turn the thermostat down by one degree.",
            "What it saves",
            "About £100 a year for a typical home.",
            "Bleed your radiators before the winter.",
            "What it saves",
            "A few pounds, and a warmer room.",
        ]
    )
    article = clean_text(text)
    assert article.paragraphs.count("What it saves") == 2
    assert article.removed == ()


def test_a_repeated_headline_and_a_repeated_pull_quote_still_go():
    quote = '"We will not stop until every family on this street has a safe and warm home to go back to," she said.'
    text = "\n".join(["Families wait for repairs", "Families wait for repairs", quote, "Work starts in May.", quote])
    article = clean_text(text)
    assert article.paragraphs == (quote, "Work starts in May.")
    assert [r.rule for r in article.removed] == ["duplicate-line", "duplicate-line"]
