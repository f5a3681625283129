"""The read-along sidecar: offsets, hashes and word times the player relies on (no browser here)."""

from __future__ import annotations

import json

from tts_pipeline.article import Article, SentenceCheck, Verification, Word
from tts_pipeline.publish.player.readalong import build_readalong, normalise_text, text_hash


def test_normalise_text_maps_typography_one_to_one_and_collapses_space():
    assert normalise_text("  \u201cIt\u2019s\u00a0\u2014 fine\u201d\u00ad\u200b\n ok ") == '"It\'s - fine" ok'
    assert normalise_text("Cafe\u0301") == "Café"  # NFC, as the browser side does


def test_text_hash_is_fnv1a_over_utf16_units():
    assert text_hash("") == "811c9dc5"
    assert text_hash("a") == "e40c292c"  # the FNV-1a 32 test vector
    assert text_hash("😀") != text_hash("😁")  # astral characters hash both UTF-16 units


def _verification(text: str, spans: list[tuple[int, int, str, float, float]]) -> Verification:
    sentences = tuple(SentenceCheck(p, i, t, a, b, "ok", 0.0, len(t.split())) for p, i, t, a, b in spans)
    return Verification("pass", 0.0, 0.35, 1, 1, 0, 0, 0, sentences, ())


def test_offsets_are_utf16_and_words_timed_in_order():
    article = Article("Emoji 😀 news", ("Hello wörld 😀 again. Second one here.",))
    verification = _verification(
        article.text,
        [
            (0, 0, "Emoji 😀 news", 0.0, 1.0),
            (1, 0, "Hello wörld 😀 again.", 1.5, 3.0),
            (1, 1, "Second one here.", 3.2, 4.5),
        ],
    )
    heard = [Word("Emoji", 0.0, 0.4), Word("news", 0.6, 1.0), Word("Hello", 1.5, 1.9), Word("world", 2.0, 2.4)]
    heard += [Word("again", 2.6, 3.0), Word("Second", 3.2, 3.6), Word("one", 3.7, 3.9), Word("here", 4.0, 4.5)]
    data = build_readalong("x", article, verification, heard, 5.0)
    body = data["paragraphs"][1]["text"]
    utf16 = body.encode("utf-16-le")
    second = data["sentences"][2]
    assert second["id"] == "p1s1" and (second["start"], second["end"]) == (3.2, 4.5)
    assert utf16[second["from"] * 2 : second["to"] * 2].decode("utf-16-le") == "Second one here."
    words = [(w[0], utf16[w[2] * 2 : w[3] * 2].decode("utf-16-le")) for w in data["sentences"][1]["words"]]
    assert [w for _, w in words] == ["Hello", "wörld", "again."]  # the emoji says nothing: no word of its own
    assert [t for t, _ in words] == [1.5, 2.0, 2.6]
    assert json.loads(json.dumps(data)) == data


def test_unheard_words_share_the_gap_between_heard_neighbours():
    article = Article("Title here", ("Alpha bravo charlie delta echo.",))
    verification = _verification(
        article.text, [(0, 0, "Title here", 0.0, 1.0), (1, 0, "Alpha bravo charlie delta echo.", 2.0, 6.0)]
    )
    heard = [Word("Title", 0.0, 0.5), Word("here", 0.5, 1.0), Word("Alpha", 2.0, 2.5), Word("echo", 5.5, 6.0)]
    words = build_readalong("x", article, verification, heard, 6.0)["sentences"][1]["words"]
    starts = [w[0] for w in words]
    assert starts == sorted(starts) and starts[0] == 2.0 and starts[-1] == 5.5
    assert all(2.5 <= s < 5.5 for s in starts[1:-1])


def test_readalong_of_the_narrated_page_matches_its_captions_and_report(narrated_short):
    folder = narrated_short / "short-page"
    data = json.loads((folder / "readalong.json").read_text())
    report = json.loads((folder / "report.json").read_text())
    cue_ids = [line for line in (folder / "captions.vtt").read_text().splitlines() if line.startswith("p")]
    assert [s["id"] for s in data["sentences"]] == cue_ids == ["p0s0", "p1s0", "p2s0"]
    assert [(s["paragraph"], s["sentence"]) for s in data["sentences"]] == [
        (s["paragraph"], s["index"]) for s in report["sentences"]
    ]
    assert data["verdict"] == report["verdict"] and report["report_version"] == 1
    assert report["files"]["player"] == "player.html" and report["files"]["readalong"] == "readalong.json"
    for sentence in data["sentences"]:
        text = data["paragraphs"][sentence["paragraph"]]["text"]
        said = [text[w[2] : w[3]].strip(".") for w in sentence["words"]]
        assert " ".join(said) in text
        assert all(sentence["start"] <= w[0] <= w[1] <= sentence["end"] for w in sentence["words"])
    page = (folder / "player.html").read_text()
    assert '<audio controls preload="metadata" src="narration.mp3">' in page and "../_player/player.js" in page
    assert (narrated_short / "_player" / "player.js").is_file() and (
        narrated_short / "_player" / "player.css"
    ).is_file()
