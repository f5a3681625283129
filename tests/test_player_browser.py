"""The read-along player in a real browser (Debian Chromium via Playwright), over a real HTTP server with
byte ranges (our `serve` app), on real narrations: the sample pages and a dev-set article page."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tts_pipeline.server import OutputSite, Server, bind, url_of

from .browser import AXE, CHROMIUM, DEVSET, Page, require
from .conftest import REPO, run_cli

pytestmark = pytest.mark.slow
HOST_PAGE = "pcmag.com.platters.html"


@pytest.fixture(scope="module")
def browser():
    require(Path(CHROMIUM), "Debian chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--autoplay-policy=no-user-gesture-required", "--mute-audio"]
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A dev-set article narrated through the CLI, its original page as a publisher's host page with our embed,
    served on 127.0.0.1; yields (base URL, OUT, id)."""
    require(DEVSET / HOST_PAGE, "the dev set (../shared/devset)")
    out = tmp_path_factory.mktemp("player") / "out"
    result = run_cli("narrate", str(DEVSET / HOST_PAGE), "-o", str(out), "--base-url", "/")
    assert result.returncode == 0, result.stderr
    sock = bind("127.0.0.1", 0)
    server = Server(OutputSite(out), sock)
    server.start()
    yield url_of(sock).rstrip("/"), out, "pcmag-com-platters"
    server.stop()


@pytest.fixture()
def page(browser):
    """A fresh page; afterwards no console errors, no failed loads of ours, and (but for a publisher's own
    page, which loads its own things) no request leaving the machine."""
    opened = Page(browser)
    opened.host_page = False
    yield opened
    assert opened.problems("" if not opened.host_page else "/pcmag-com-platters/") == []
    assert opened.problems("/_player/") == []
    assert opened.host_page or opened.external == [], "no third-party requests"
    opened.close()


def sentence_at(data: dict, seconds: float) -> dict:
    return next(s for s in data["sentences"] if s["start"] <= seconds < s["end"])


def test_highlights_the_sentence_and_word_that_the_report_gives(site, page):
    url, out, ident = site
    report = json.loads((out / ident / "report.json").read_text())
    data = json.loads((out / ident / "readalong.json").read_text())
    page.open(f"{url}/{ident}/player.html")
    assert (
        page.page.get_attribute(".tts-player", "data-tts-matched")
        == f"{len(data['paragraphs'])}/{len(data['paragraphs'])}"
    )
    checked = [s for s in report["sentences"] if s["start"] is not None and s["end"] - s["start"] > 1.0]
    for sentence in checked[1 :: max(1, len(checked) // 5)]:
        seconds = (sentence["start"] + sentence["end"]) / 2
        page.seek(seconds)
        assert (
            page.page.get_attribute(".tts-player", "data-tts-current")
            == f"p{sentence['paragraph']}s{sentence['index']}"
        )
        [shown] = page.highlight("tts-sentence")
        assert " ".join(shown.split()) == " ".join(sentence["text"].split())
        timed = sentence_at(data, seconds)
        word = next((w for w in timed["words"] if w[0] <= seconds < w[1]), None)
        if word is not None:
            text = data["paragraphs"][timed["paragraph"]]["text"]
            assert page.highlight("tts-word") == [text[word[2] : word[3]]]


def test_clicking_a_sentence_plays_from_its_start(site, page):
    url, out, ident = site
    data = json.loads((out / ident / "readalong.json").read_text())
    page.open(f"{url}/{ident}/player.html")
    target = next(s for s in data["sentences"] if s["paragraph"] == 2 and s["sentence"] == 1)
    box = page.page.evaluate(
        """([p, from, to]) => {
             const el = document.querySelector(`[data-tts-paragraph="${p}"]`);
             const range = document.createRange();
             let node = el.firstChild;
             range.setStart(node, from + 2); range.setEnd(node, from + 3);
             const r = range.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2};
           }""",
        [target["paragraph"], target["from"], target["to"]],
    )
    page.page.mouse.click(box["x"], box["y"])
    page.page.wait_for_function("() => !document.querySelector('.tts-player audio').paused")
    page.page.evaluate("document.querySelector('.tts-player audio').pause()")
    assert abs(page.current_time() - target["start"]) < 0.3
    assert any(e["name"] == "tts:sentence" and e["detail"]["paragraph"] == 2 for e in page.page.evaluate("ttsEvents"))


def test_buttons_and_keys_skip_change_speed_and_move_by_sentence(site, page):
    url, out, ident = site
    data = json.loads((out / ident / "readalong.json").read_text())
    page.open(f"{url}/{ident}/player.html")
    click = lambda action: page.page.click(f'[data-tts-action="{action}"]')  # noqa: E731
    page.seek(30.0)
    click("forward")
    assert abs(page.current_time() - 40.0) < 0.3
    click("back")
    click("back")
    assert abs(page.current_time() - 20.0) < 0.3
    click("next")
    following = next(s for s in data["sentences"] if s["start"] > 20.0)
    assert abs(page.current_time() - following["start"]) < 0.3
    rate = lambda: page.page.evaluate("document.querySelector('.tts-player audio').playbackRate")  # noqa: E731
    click("speed")
    assert rate() == 1.25
    page.page.focus('[data-tts-action="play"]')
    for key, expected in (("]", 1.5), ("[", 1.25), ("[", 1.0), ("[", 0.75), ("[", 0.75)):
        page.page.keyboard.press(key)
        assert rate() == expected, key
    page.seek(30.0)
    page.page.keyboard.press("ArrowRight")
    assert abs(page.current_time() - 40.0) < 0.3
    page.page.keyboard.press("Shift+ArrowRight")
    assert abs(page.current_time() - next(s for s in data["sentences"] if s["start"] > 40.0)["start"]) < 0.3
    page.page.keyboard.press("Space")
    page.page.wait_for_function("() => !document.querySelector('.tts-player audio').paused")
    page.page.keyboard.press("k")
    page.page.wait_for_function("() => ttsEvents.some((e) => e.name === 'tts:pause')")  # the pause event is queued
    assert "tts:play" in [e["name"] for e in page.page.evaluate("ttsEvents")]
    label = page.page.get_attribute(".tts-player input[type=range]", "aria-valuetext")
    assert re.fullmatch(r"\d+:\d\d of \d+:\d\d", label), label


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


def test_player_page_has_no_serious_accessibility_violations(site, page):
    require(AXE, "axe-core (npm)")
    url, _, ident = site
    page.open(f"{url}/{ident}/player.html")
    page.page.add_script_tag(path=str(AXE))
    violations = page.page.evaluate("async () => (await axe.run()).violations.map((v) => [v.id, v.impact])")
    assert [v for v in violations if v[1] in ("serious", "critical")] == []


def test_works_from_file_url(site, page, tmp_path):
    _, out, ident = site
    copy = tmp_path / "out"
    shutil.copytree(out / ident, copy / ident)
    shutil.copytree(out / "_player", copy / "_player")
    page.open((copy / ident / "player.html").as_uri())
    data = json.loads((copy / ident / "readalong.json").read_text())
    sentence = data["sentences"][3]
    page.seek((sentence["start"] + sentence["end"]) / 2)
    assert page.page.get_attribute(".tts-player", "data-tts-current") == sentence["id"]
    assert len(page.highlight("tts-sentence")) == 1


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
    from tts_pipeline.player import write_article_pages
    from tts_pipeline.player.pages import PageArticle, player_element

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

    from .conftest import CLI

    command = [
        *CLI,
        "preview",
        str(REPO / "samples" / "lbc-ukraine-troops-page.txt"),
        "--no-browser",
        "-o",
        str(tmp_path / "not-yet"),  # preview makes the folder
    ]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=REPO, env={**os.environ, "CI": ""})
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


def test_position_is_remembered_and_the_lock_screen_knows_the_article(site, page):
    url, out, ident = site
    page.open(f"{url}/{ident}/player.html")
    page.page.click('[data-tts-action="play"]')
    page.page.wait_for_function("() => ttsEvents.some((e) => e.name === 'tts:play')")
    assert (
        page.page.evaluate("navigator.mediaSession.metadata.title")
        == json.loads((out / ident / "readalong.json").read_text())["title"]
    )
    page.seek(42.0)
    page.page.click('[data-tts-action="play"]')  # pause: the position is saved
    page.page.wait_for_function("() => ttsEvents.some((e) => e.name === 'tts:pause')")
    page.open(f"{url}/{ident}/player.html")
    page.page.wait_for_function("() => document.querySelector('.tts-player audio').currentTime > 40")
    assert abs(page.current_time() - 42.0) < 0.5


def test_progress_and_ended_events_reach_the_page(site, page):
    url, _, ident = site
    page.open(f"{url}/{ident}/player.html")
    duration = page.page.evaluate("document.querySelector('.tts-player audio').duration")
    page.seek(duration - 0.4)
    page.page.click('[data-tts-action="play"]')
    page.page.wait_for_function("() => ttsEvents.some((e) => e.name === 'tts:ended')")
    events = page.page.evaluate("ttsEvents")
    assert [e["detail"]["percent"] for e in events if e["name"] == "tts:progress"] == [25, 50, 75, 100]


def test_without_javascript_the_page_is_a_plain_audio_player(browser, site):
    url, _, ident = site
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(f"{url}/{ident}/player.html")
    assert plain.get_attribute(".tts-player audio", "controls") is not None
    assert plain.get_attribute(".tts-player audio a", "href") == "narration.mp3"
    assert plain.locator("[data-tts-paragraph]").count() > 3  # the article is there to read
    context.close()


def test_the_view_follows_the_reading_until_the_reader_scrolls(site, page):
    url, out, ident = site
    data = json.loads((out / ident / "readalong.json").read_text())
    page.page.set_viewport_size({"width": 800, "height": 400})
    page.open(f"{url}/{ident}/player.html")
    page.page.click('[data-tts-action="play"]')
    last = data["sentences"][-1]
    page.seek(last["start"] + 0.1)
    page.page.wait_for_function("() => window.scrollY > 300")  # the last paragraph came into view
    page.page.mouse.wheel(0, -600)  # the reader scrolls back up by hand
    page.page.wait_for_selector('[data-tts-action="follow"]:not([hidden])')
    page.page.evaluate("document.querySelector('.tts-player audio').pause()")


def test_without_the_highlight_api_the_paragraph_is_marked_by_class(browser, site):
    url, out, ident = site
    data = json.loads((out / ident / "readalong.json").read_text())
    page = Page(browser)
    page.page.add_init_script("Object.defineProperty(CSS, 'highlights', {value: undefined})")
    page.open(f"{url}/{ident}/player.html")
    sentence = next(s for s in data["sentences"] if s["paragraph"] == 3)
    page.seek((sentence["start"] + sentence["end"]) / 2)
    assert page.page.locator(".tts-current").get_attribute("data-tts-paragraph") == "3"
    assert page.problems() == []
    page.close()
