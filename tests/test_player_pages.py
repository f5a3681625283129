"""The player on pages other than a clean narration: the publisher's own page (embed), a failed narration,
text our voices don't read, no data at all, and the editor preview while verification runs."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from .browser import DEVSET, HOST_PAGE, Page
from .conftest import REPO, run_cli

pytestmark = pytest.mark.slow


def _host_page(out: Path, ident: str, edited_paragraph: str) -> str:
    """The dev-set page as the publisher serves it, with our embed pasted in and one paragraph edited since
    narration. Its own scripts are dropped: they would call the network, which this machine has none of."""
    html = (DEVSET / HOST_PAGE).read_text(encoding="utf-8")
    html = re.sub(r"<script\b.*?</script>", "", html, flags=re.S | re.I)
    last_words = " ".join(edited_paragraph.split()[-4:])
    assert html.count(last_words) == 1
    html = html.replace(last_words, last_words.replace(" ", " really ", 1))
    embed = (out / ident / "embed.html").read_text()
    return html.replace("</body>", embed + "</body>", 1)


def test_embed_highlights_the_publishers_own_paragraphs_but_not_an_edited_one(site, page):
    url, out, ident = site
    data = json.loads((out / ident / "readalong.json").read_text())
    edited = data["paragraphs"][3]
    (out / "host").mkdir(exist_ok=True)
    (out / "host" / "article.html").write_text(_host_page(out, ident, edited["text"]), encoding="utf-8")
    page.host_page = True
    page.open(f"{url}/host/article.html")
    page.page.wait_for_selector(".tts-player[data-tts-ready]", state="attached")
    total = len(data["paragraphs"])
    assert page.page.get_attribute(".tts-player", "data-tts-matched") == f"{total - 1}/{total}"
    for sentence in (s for s in data["sentences"] if s["paragraph"] in (2, 4) and s["sentence"] == 0):
        page.seek((sentence["start"] + sentence["end"]) / 2)
        owner = page.page.evaluate(
            """() => { const [r] = CSS.highlights.get('tts-sentence'), node = r.commonAncestorContainer;
                       return (node.nodeType === 1 ? node : node.parentElement).closest('p').outerHTML; }"""
        )
        assert "data-tts-paragraph" not in owner and data["paragraphs"][sentence["paragraph"]]["text"][:40] in owner
    in_edited = next(s for s in data["sentences"] if s["paragraph"] == 3)
    page.seek((in_edited["start"] + in_edited["end"]) / 2)
    assert page.page.get_attribute(".tts-player", "data-tts-current") == in_edited["id"]
    assert page.highlight("tts-sentence") == []  # the audio plays on, the changed text is not marked


def test_failed_narration_shows_its_faults_to_the_editor(browser, tmp_path):
    lexicon = tmp_path / "swap.toml"
    lexicon.write_text(
        '[[entry]]\nmatch = "Work will begin next spring and should take two years"\nkind = "substitute"\n'
        'say = "Purple elephants danced quietly through the frozen library at midnight"\n'
    )
    out = tmp_path / "out"
    result = run_cli(
        "narrate", str(REPO / "tests" / "data" / "short-page.txt"), "-o", str(out), "--lexicon", str(lexicon)
    )
    assert result.returncode == 1, result.stderr
    data = json.loads((out / "short-page" / "readalong.json").read_text())
    assert data["verdict"] == "fail" and data["faults"]
    page = Page(browser)
    page.open((out / "short-page" / "player.html").as_uri())
    assert page.page.get_attribute(".tts-player", "data-tts-verdict") == "fail"
    assert any("Work will begin" in text for text in page.highlight("tts-fault"))
    page.page.click(".tts-faults button[data-tts-seek]")
    assert abs(page.current_time() - data["faults"][0]["start"]) < 0.3
    assert page.problems() == [] and page.external == []
    page.close()


RTL = "قالت الحكومة يوم الاثنين إن الجسر الجديد سيفتح في الربيع. وأضافت أن العمل بدأ بالفعل."
TYPOGRAPHY = (
    "\u201cIt\u2019s\u00a0done,\u201d she said \u2014 the cafe\u0301 re\u00adopened. Prices rose 5\u202f% 😀 today."
)
LONG = " ".join(f"Sentence number {n} of a very long paragraph goes on and on." for n in range(400))


def _synthetic_page(folder: Path, narrated: Path, data_too: bool = True) -> Path:
    """A player page for text our voices don't read (RTL, emoji, typography, a 24,000-character paragraph)
    over a real narration's MP3, with made-up times."""
    from tts_pipeline.article import Article, SentenceCheck, Verification
    from tts_pipeline.publish.player import write_article_pages
    from tts_pipeline.publish.player.pages import PageArticle, player_element

    article = Article("Unicode ✓ headline", (RTL, TYPOGRAPHY, LONG))
    sentences, t = [], 0.0
    for p, text in enumerate((article.title, *article.paragraphs)):
        for i, sentence in enumerate(s for s in text.split(". ") if s):
            sentences.append(
                SentenceCheck(p, i, sentence + ("." if not sentence.endswith(".") else ""), t, t + 0.05, "ok", 0, 1)
            )
            t += 0.05
    folder.mkdir(parents=True)
    shutil.copy(narrated / "short-page" / "narration.mp3", folder / "narration.mp3")
    if data_too:
        verification = Verification("pass", 0.0, 0.35, 1, 1, 0, 0, 0, tuple(sentences), ())
        write_article_pages(folder, "synthetic", article, verification, [], 15.0)
        return folder / "player.html"
    bare = PageArticle("synthetic", article.title, article.paragraphs, {})
    page = f"<!doctype html><html lang=en><title>t</title><h1>{bare.title}</h1>"
    page += player_element("./", "synthetic", "narration.mp3", None) + "<script src=../_player/player.js></script>"
    (folder / "player.html").write_text(page)
    return folder / "player.html"


def test_unicode_rtl_and_very_long_paragraphs_match_and_do_not_break(browser, narrated_short, tmp_path):
    out = tmp_path / "out"
    path = _synthetic_page(out / "synthetic", narrated_short)
    shutil.copytree(narrated_short / "_player", out / "_player")
    page = Page(browser)
    page.open(path.as_uri())
    page.page.wait_for_selector(".tts-player[data-tts-ready]", state="attached")
    assert page.page.get_attribute(".tts-player", "data-tts-matched") == "4/4"  # the hashes agree with Python's
    page.seek(0.07)
    assert page.highlight("tts-sentence") != []
    assert page.problems() == [] and page.external == []
    page.close()


def test_without_captions_or_data_it_still_plays(browser, narrated_short, tmp_path):
    out = tmp_path / "out"
    path = _synthetic_page(out / "bare", narrated_short, data_too=False)
    shutil.copytree(narrated_short / "_player", out / "_player")
    page = Page(browser)
    page.open(path.as_uri())
    page.page.click('[data-tts-action="play"]')
    page.page.wait_for_function("() => document.querySelector('.tts-player audio').currentTime > 0.3")
    page.page.keyboard.press("k")
    assert page.highlight("tts-sentence") == []
    assert page.problems() == [] and page.external == []
    page.close()


def test_preview_page_plays_before_verification_and_fills_in_after(browser, tmp_path):
    import os
    import signal
    import subprocess

    from .conftest import CLI, interactive_sigint

    command = [
        *CLI,
        "preview",
        str(REPO / "samples" / "lbc-ukraine-troops-page.txt"),
        "--no-browser",
        "-o",
        str(tmp_path / "not-yet"),  # preview makes the folder
    ]
    env = {**os.environ, "CI": ""}
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, text=True, cwd=REPO, env=env, preexec_fn=interactive_sigint
    )
    page = Page(browser)
    try:
        url = proc.stdout.readline().split()[1]
        page.open(url)
        assert page.page.get_attribute(".tts-player", "data-tts-ready") is None  # still verifying
        page.page.click('[data-tts-action="play"]')
        page.page.wait_for_function("() => document.querySelector('.tts-player audio').currentTime > 0.2")
        page.page.wait_for_selector(".tts-player[data-tts-ready]", state="attached", timeout=120_000)
        assert page.page.get_attribute(".tts-player", "data-tts-verdict") == "pass"
        page.page.wait_for_selector(".tts-player[data-tts-current]", state="attached")
        assert "verified (pass)" in proc.stdout.readline()
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    assert page.problems() == []  # polled quietly until it appeared
    page.close()


def test_embed_finds_paragraphs_in_text_divs_and_between_line_breaks(browser, narrated_short, tmp_path):
    """CMS markup seen on the dev set: paragraphs as <div>s of text (CNN) and as runs between <br>s (WordPress)."""
    out = tmp_path / "out"
    _synthetic_page(out / "synthetic", narrated_short)
    shutil.copytree(narrated_short / "_player", out / "_player")
    data = json.loads((out / "synthetic" / "readalong.json").read_text())
    title, rtl, typography, long = (p["text"] for p in data["paragraphs"])
    host = (
        f"<!doctype html><html lang=en><title>host</title><h1><span>{title}</span></h1>"
        f'<div class="body"><div class="zn-body__paragraph">{rtl}</div><aside><p>Related stories</p></aside>'
        f"<p><strong>{typography}</strong><br>{long}</p></div>"
        + player_markup(out / "synthetic" / "player.html").replace(
            'src="narration.mp3"', 'src="synthetic/narration.mp3"'
        )
        + "<script src=_player/player.js></script>"
    )
    (out / "host.html").write_text(host, encoding="utf-8")
    page = Page(browser)
    page.open((out / "host.html").as_uri())
    page.page.wait_for_selector(".tts-player[data-tts-ready]", state="attached")
    assert page.page.get_attribute(".tts-player", "data-tts-matched") == "4/4"
    long_sentence = next(s for s in data["sentences"] if s["paragraph"] == 3 and s["sentence"] == 2)
    page.seek((long_sentence["start"] + long_sentence["end"]) / 2)
    assert page.highlight("tts-sentence") == [long[long_sentence["from"] : long_sentence["to"]]]
    assert page.problems() == [] and page.external == []
    page.close()


def player_markup(player_page: Path) -> str:
    """The player element of a player.html (its inline data included), for pasting into another page."""
    html = player_page.read_text(encoding="utf-8")
    return html[html.index('<div class="tts-player"') : html.index("</div>", html.index('class="tts-data"')) + 6]
