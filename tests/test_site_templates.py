"""Site templates: lines that recur across a site's stories are learnt per site by batch, stored as a rules
file, and applied to single pages of that site too (real espeak + Whisper for the batch)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tts_pipeline.stages.chrome_rules import SiteRules
from tts_pipeline.stages.clean import clean_input
from tts_pipeline.stages.sitetemplate import TemplateLearner, line_pattern, site_of, write_site_rules

SITE = "https://www.harbour-herald.co.uk"
SIGN_UP = "The Harbour Herald, every morning, on your doormat"  # phrasing no built-in rule knows
TEASER = "Council rejects plan for new bypass"
BODIES = {
    "ferry": ("Ferry timetable changes from May", "The island ferry will run two extra crossings each day from May."),
    "school": ("New school opens in Porthmellin", "Two hundred pupils started at the new primary school on Monday."),
    "market": ("Farmers market moves to the quay", "The weekly farmers market will be held on the quay this summer."),
    "lifeboat": ("Lifeboat crew rescue two walkers", "Two walkers cut off by the tide were rescued late on Sunday."),
}


def page_lines(name: str, counter: int = 3) -> list[str]:
    title, body = BODIES[name]
    return [
        title,
        body,
        f"{counter} readers picked this for the weekend",
        SIGN_UP,
        TEASER,
        f"More about the {name} next week.",
    ]


def learnt(learner: TemplateLearner) -> list[str]:
    return sorted(t.line for t in learner.templates().get("harbour-herald.co.uk", []))


def test_lines_on_three_different_stories_of_a_site_are_its_template_numbers_masked():
    learner = TemplateLearner()
    for counter, name in enumerate(BODIES, 2):
        learner.add(site_of(f"{SITE}/{name}"), page_lines(name, counter))
    assert learnt(learner) == sorted([SIGN_UP, TEASER, "2 readers picked this for the weekend"])
    assert site_of("https://news.other-site.com/a") == "news.other-site.com" and site_of(None) is None


def test_updates_of_one_story_count_once_so_its_own_lines_are_not_learnt():
    learner = TemplateLearner()
    for update in range(4):
        learner.add("harbour-herald.co.uk", [*page_lines("ferry"), f"Update {update}: crossings sold out."])
    assert learnt(learner) == []


def test_a_reused_sentence_is_learnt_only_when_on_most_of_the_sites_stories():
    background = "The harbour wall was damaged in the storms of January, and repairs are expected to last all summer."
    words = "ferry school market lifeboat pier museum harbour festival bypass library quay regatta chapel beach"
    learner = TemplateLearner()
    for number, word in enumerate(words.split()):
        lines = [f"The {word} story headline", f"What happened at the {word} this week, in one line."]
        learner.add("harbour-herald.co.uk", lines + ([background] if number < 7 or number >= 10 else []))
        if number == 9:
            assert learnt(learner) == []  # on 7 of 10 stories: a running story's background, kept
    assert learnt(learner) == [background]  # on 11 of 14: a footer


def test_a_short_reused_sentence_and_another_storys_headline_are_not_learnt():
    learner = TemplateLearner()
    stories = {**BODIES, "pier": ("Pier reopens after repairs", "The pier reopened to walkers on Saturday morning.")}
    names = list(stories)
    for number, name in enumerate(names):
        title, body = stories[name]
        most_read = stories[names[(number + 1) % len(names)]][0]  # each page lists the next one's headline
        closing = ["Further investigation is underway."] if number < 3 else []  # a running story, 3 of 5
        own = [body, f"More about the {name} next week.", f"The {name} story in pictures"]
        learner.add(site_of(f"{SITE}/{name}"), [title, *own, *closing, most_read, SIGN_UP])
    assert learnt(learner) == [SIGN_UP]


def test_learnt_rules_file_is_reviewable_keeps_keep_and_patterns_mask_numbers(tmp_path: Path):
    learner = TemplateLearner()
    for counter, name in enumerate(BODIES, 2):
        learner.add("harbour-herald.co.uk", page_lines(name, counter))
    path = tmp_path / "harbour-herald.co.uk.toml"
    path.write_text(f'keep = ["{TEASER}"]\n')
    write_site_rules(tmp_path, learner.templates())
    data = tomllib.loads(path.read_text())
    assert data["keep"] == [TEASER]
    assert {r["name"] for r in data["rule"]} == {"site-template"}
    assert line_pattern("2 readers picked this for the weekend") in [r["pattern"] for r in data["rule"]]
    article = clean_input(
        "\n".join(
            [
                *("A new story about the pier", "The pier reopens.", "41 readers picked this for the weekend"),
                *(SIGN_UP, TEASER, "Work on the railings ends in May."),  # a sentence last: no trailing furniture
            ]
        ),
        url=f"{SITE}/pier",
        sites=SiteRules(tmp_path),
    )
    assert article.paragraphs == ("The pier reopens.", TEASER, "Work on the railings ends in May.")
    assert [(r.text, r.rule) for r in article.removed] == [
        ("41 readers picked this for the weekend", "site-template"),
        (SIGN_UP, "site-template"),
    ]
    other_site = clean_input(
        f"Headline\nBody.\n{SIGN_UP}\nMore body.", url="https://elsewhere.com/x", sites=SiteRules(tmp_path)
    )
    assert SIGN_UP in other_site.paragraphs


def test_a_broken_site_rules_file_is_one_line_and_exit_2(tmp_path: Path):
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "harbour-herald.co.uk.toml").write_text("[[rule]\nname = ")
    page = tmp_path / "page.html"
    page.write_text(
        f'<html><head><link rel="canonical" href="{SITE}/pier"></head><body><article><h1>A new story about the pier'
        "</h1><p>The pier reopens on Saturday after two years of repairs.</p></article></body></html>"
    )
    result = run_cli("clean", str(page), "--site-rules", str(sites))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "harbour-herald.co.uk.toml" in result.stderr


def html_page(name: str) -> str:
    title, body = BODIES[name]
    return (
        f'<html><head><title>{title}</title><link rel="canonical" href="{SITE}/{name}"></head><body><article>'
        f"<h1>{title}</h1><p>{body}</p><p>{SIGN_UP}</p><p>{TEASER}</p>"  # inside the article: no end of it
        f"<p>{body.replace('.', ', the council said.')}</p></article></body></html>"
    )


@pytest.mark.slow
def test_batch_learns_the_template_leaves_it_out_and_clean_applies_it_to_a_single_page(tmp_path: Path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in BODIES:
        (pages / f"{name}.html").write_text(html_page(name))
    out = tmp_path / "out"
    result = run_cli("batch", str(pages), "-o", str(out), "-j", "2")
    assert result.returncode == 0, result.stderr
    assert "site templates learnt for 1 site(s)" in result.stdout
    rules_file = out / "_sites" / "harbour-herald.co.uk.toml"
    assert len(tomllib.loads(rules_file.read_text())["rule"]) == 2
    report = json.loads((out / "ferry" / "report.json").read_text())
    assert {(r["text"], r["rule"]) for r in report["removed"]} >= {
        (SIGN_UP, "site-template"),
        (TEASER, "site-template"),
    }
    single = tmp_path / "new.html"
    single.write_text(html_page("ferry").replace("/ferry", "/ferry-2"))
    diff = run_cli("clean", str(single), "--diff", "--site-rules", str(out / "_sites"))
    assert diff.returncode == 0 and "site-template" in diff.stdout
    plain = run_cli("clean", str(single))
    assert SIGN_UP in plain.stdout


def test_other_stories_headlines_are_learnt_but_a_page_keeps_its_own(tmp_path: Path):
    names = list(BODIES)
    headlines = [BODIES[name][0] for name in names]

    def copied_page(name: str) -> str:
        title, body = BODIES[name]
        closing = f"Crews at the {name} said the work went well on Monday."
        more = [f"Work at the {name} began in {month}, the council said." for month in ("May", "June", "July")]
        lines = [title, "By Morwenna Tregear", body, *more, "From the Herald today", *headlines, closing]
        return "\n".join(lines)  # shares under half its lines with another story: no update of one

    learner = TemplateLearner()
    for name in names:
        article = clean_input(copied_page(name), kind="text", url=f"{SITE}/{name}")
        learner.add(site_of(article.url), [article.title, *article.paragraphs])
    write_site_rules(tmp_path, learner.templates())
    article = clean_input(copied_page("ferry"), kind="text", url=f"{SITE}/ferry-2", sites=SiteRules(tmp_path))
    assert article.title == BODIES["ferry"][0]
    assert "From the Herald today" not in article.paragraphs
    assert article.paragraphs[-1] == "Crews at the ferry said the work went well on Monday."
    removed = [(r.text, r.rule) for r in article.removed]
    assert (headlines[1], "site-template") in removed
    assert (headlines[0], "site-template") in removed  # its own headline again, in the list, goes
