"""Every command and every bad input, through a real process as a user runs it."""

import json

import pytest

from .conftest import SAMPLE, SHORT_PAGE, run_cli

REPORT_KEYS = {"id", "title", "verdict", "wer", "threshold", "audio_seconds", "voice", "asr", "removed", "timings"}


def assert_one_line_error(result, code: int = 2, text: str = ""):
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert text in lines[0]
    assert result.stdout == ""


def test_narrate_writes_verified_mp3_article_and_report(narrated_short):
    folder = narrated_short / "short-page"
    assert sorted(p.name for p in narrated_short.iterdir()) == ["_player", "short-page"]  # no temp folders left
    assert sorted(p.name for p in folder.iterdir()) == [
        "article.txt",
        "captions.vtt",
        "embed.html",
        "narration.mp3",
        "player.html",
        "readalong.json",
        "report.json",
    ]
    assert folder.joinpath("captions.vtt").read_text().startswith("WEBVTT\n")
    assert folder.joinpath("narration.mp3").read_bytes()[:3] in (b"ID3", b"\xff\xfb", b"\xff\xf3")
    assert folder.joinpath("article.txt").read_text() == (
        "Council approves new bridge over the river\n\n"
        "The city council voted on Tuesday to build a new bridge across the river.\n\n"
        "Work will begin next spring and should take two years.\n"
    )
    report = json.loads(folder.joinpath("report.json").read_text())
    assert report.keys() >= REPORT_KEYS
    assert report["verdict"] == "pass" and report["wer"] <= report["threshold"]
    assert report["asr"]["backend"] == "faster-whisper" and report["asr"]["model"] == "tiny.en"
    assert 5 < report["audio_seconds"] < 30
    assert {"clean", "speech", "tts", "audio", "asr", "verify", "total"} <= report["timings"].keys()
    assert report["faults"] == [] and [s["paragraph"] for s in report["sentences"]] == [0, 1, 2]
    assert {"paragraph", "index", "text", "start", "end", "status", "error_rate"} <= report["sentences"][0].keys()
    assert {r["rule"] for r in report["removed"]} == {
        "show-banner",
        "relative-time",
        "audio-player",
        "advert",
        "cross-link",
    }


def test_narrate_prints_one_line_and_reads_stdin(tmp_path):
    out = tmp_path / "out"
    result = run_cli("narrate", "-", "-o", str(out), stdin=SHORT_PAGE.read_bytes())
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1 and "verified (pass)" in result.stdout
    assert (out / "council-approves-new-bridge-over-the-river" / "narration.mp3").is_file()


def test_verify_passes_matching_text_and_fails_other_text(narrated_short, tmp_path):
    folder = narrated_short / "short-page"
    ok = run_cli("verify", str(folder / "narration.mp3"), str(folder / "article.txt"), "--json")
    assert ok.returncode == 0, ok.stderr
    data = json.loads(ok.stdout)
    assert data["verdict"] == "pass" and data["asr"]["model"] == "tiny.en"
    other = tmp_path / "other.txt"
    other.write_text("Scientists discover a new species of frog in the rainforest of Peru.\n")
    bad = run_cli("verify", str(folder / "narration.mp3"), str(other))
    assert bad.returncode == 1 and bad.stdout.startswith("fail: ")
    assert "Faults" in bad.stdout and "extra" in bad.stdout  # the editor's table


def test_summary_prints_a_table(narrated_short):
    result = run_cli("summary", str(narrated_short))
    assert result.returncode == 0 and "short-page" in result.stdout and "pass" in result.stdout


def test_clean_prints_article_and_json():
    text = run_cli("clean", str(SAMPLE))
    assert text.returncode == 0 and text.stdout.startswith("Lammy insists UK")
    assert "Read more" not in text.stdout and "Loading audio" not in text.stdout
    data = json.loads(run_cli("clean", str(SAMPLE), "--json").stdout)
    assert data["title"].startswith("Lammy insists") and len(data["paragraphs"]) == 23
    assert {"text": "Listen to this article", "rule": "audio-player"} in data["removed"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "input file not found"),
        (b"", "is empty"),
        (b"\x00\x01\x02binary\x00", "binary data"),
        (b"Listen to this article\nLoading audio...\nRead more: elsewhere\n", "no article text left"),
    ],
)
def test_narrate_bad_input_is_one_line_exit_2_and_writes_nothing(tmp_path, content, message):
    page = tmp_path / "page.txt"
    if content is not None:
        page.write_bytes(content)
    out = tmp_path / "out"
    assert_one_line_error(run_cli("narrate", str(page), "-o", str(out)), 2, message)
    assert not out.exists()


@pytest.mark.parametrize("make_out", ["file", "under-a-file"])
def test_narrate_to_unwritable_out_is_bad_input(tmp_path, make_out):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    out = blocker if make_out == "file" else blocker / "out"
    assert_one_line_error(run_cli("narrate", str(SHORT_PAGE), "-o", str(out)), 2, "cannot write to output folder")
    assert blocker.read_text() == "a file where a folder should be"


def test_existing_out_is_left_untouched_when_input_is_bad(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    page = tmp_path / "chrome-only.txt"
    page.write_text("Listen to this article\n")
    assert_one_line_error(run_cli("narrate", str(page), "-o", str(out)), 2)
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--voice", "martian"], "unknown voice 'martian'"),
        (["--asr", "nope"], "unknown ASR backend"),
        (["--model", "huge-v9"], "unknown faster-whisper model"),
    ],
)
def test_narrate_bad_options_are_bad_input(tmp_path, args, message):
    out = tmp_path / "out"
    assert_one_line_error(run_cli("narrate", str(SHORT_PAGE), "-o", str(out), *args), 2, message)
    assert not out.exists()


@pytest.mark.parametrize(
    ("audio", "text", "message"),
    [
        (b"not audio, just words", "Some words.", "cannot decode audio"),
        (b"", "Some words.", "audio file is empty"),
        (None, "Some words.", "audio file not found"),
        (b"RIFF", "...\n", "has no words"),
    ],
)
def test_verify_bad_input(tmp_path, audio, text, message):
    audio_path = tmp_path / "a.mp3"
    if audio is not None:
        audio_path.write_bytes(audio)
    text_path = tmp_path / "t.txt"
    text_path.write_text(text)
    assert_one_line_error(run_cli("verify", str(audio_path), str(text_path)), 2, message)


@pytest.mark.slow
def test_sample_page_narrates_and_verifies(tmp_path):
    out = tmp_path / "out"
    result = run_cli("narrate", str(SAMPLE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    folder = out / "lbc-ukraine-troops-page"
    report = json.loads((folder / "report.json").read_text())
    assert report["verdict"] == "pass"
    assert 180 <= report["audio_seconds"] <= 330  # the issue: an MP3 of 3 to 5.5 minutes
    article = (folder / "article.txt").read_text()
    for chrome in ("Iain Dale", "07:28", "Listen to this article", "Loading audio", "Read more"):
        assert chrome not in article
