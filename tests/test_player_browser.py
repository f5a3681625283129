"""The read-along player in a real browser (Debian Chromium via Playwright), over a real HTTP server with
byte ranges (our `serve` app), on a narrated dev-set article's player.html: highlights, controls, keys,
events, accessibility, file://, no JavaScript."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from .browser import AXE, Page, require

pytestmark = pytest.mark.slow


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
