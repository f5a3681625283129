"""The `script` and `voices` commands and the --voice/--lexicon options, through the real CLI."""

import json

import pytest

from tests.conftest import DATA, SAMPLE, SHORT_PAGE, run_cli


def test_script_marks_each_change_with_its_rule():
    result = run_cli("script", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert "[headline] Lammy insists U.K. is not sending troops" in result.stdout
    assert "'UK' -> 'U.K.'  (acronym-letters)" in result.stdout
    assert "'300' -> 'three hundred'  (number)" in result.stdout


def test_script_of_an_html_page_is_the_cleaned_article():
    """Regression: `script` read HTML as page text and narrated the <head> markup as paragraphs."""
    result = run_cli("script", str(DATA / "news-page.html"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("[headline] Harbour wall repairs begin after winter storms")
    assert "<" not in result.stdout and "DOCTYPE" not in result.stdout
    assert "more than forty fishing boats" in result.stdout.lower()


def test_script_json_for_tools(tmp_path):
    lexicon = tmp_path / "pub.toml"
    lexicon.write_text('name = "pub"\n[[entry]]\nmatch = "Lammy"\nkind = "phonemes"\nipa = "lˈæmi"\n')
    result = run_cli("script", str(SAMPLE), "--json", "--lexicon", str(lexicon), "--voice", "joe")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["voice"] == "joe"
    headline = data["segments"][0]
    assert headline["kind"] == "title"
    assert headline["speech"].startswith("[[lˈæmi]] insists")
    assert {"rule": "lexicon:pub:phonemes", "before": "Lammy", "after": "[[lˈæmi]]"} in headline["changes"]


def test_voices_lists_what_is_usable():
    result = run_cli("voices")
    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert {"en-us", "en-gb", "en-rp", "joe"} <= set(lines)
    assert " ok " in lines["joe"] and "piper" in lines["joe"]
    data = json.loads(run_cli("voices", "--json").stdout)
    assert all(v["usable"] for v in data["voices"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--voice", "martian"], "error: unknown voice 'martian'"),
        (["--lexicon", "{bad}"], "error: lexicon"),
        (["--lexicon", "{missing}"], "error: cannot read lexicon"),
        (["--voice", "{ghost}"], "error: voice 'ghost': model"),
    ],
)
@pytest.mark.parametrize("command", ["script", "narrate"])
def test_bad_voice_or_lexicon_is_one_line_and_exit_2(tmp_path, command, args, message):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entry]]\nmatch = "x"\nkind = "yell"\n')
    ghost = tmp_path / "ghost.toml"
    ghost.write_text('name = "ghost"\nengine = "piper"\nvoice = "x"\nmodel = "ghost.onnx"\n')
    names = {"bad": bad, "missing": tmp_path / "missing.toml", "ghost": ghost}
    if command == "script" and "{ghost}" in args:
        pytest.skip("the dry run needs no model")
    args = [a.format(**names) for a in args]
    out = tmp_path / "out"
    extra = ["-o", str(out)] if command == "narrate" else []
    result = run_cli(command, str(SHORT_PAGE), *extra, *args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(message), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_emoji_and_control_characters_are_skipped_with_a_note(tmp_path):
    page = tmp_path / "emoji.txt"
    page.write_text("Council votes 🎉 on the bridge\n\nThe council voted\x07 on Tuesday 🚀🚀 to build a new bridge.\n")
    result = run_cli("script", str(page), "--json")
    assert result.returncode == 0, result.stderr
    changes = [c for s in json.loads(result.stdout)["segments"] for c in s["changes"]]
    assert [c["rule"] for c in changes].count("drop-unsayable") == 3


def test_run_on_paragraph_is_exit_2(tmp_path):
    page = tmp_path / "runon.txt"
    page.write_text("A headline here\n\n" + "word " * 100_000 + "\n")
    result = run_cli("script", str(page))
    assert result.returncode == 2
    assert result.stderr.startswith("error: a paragraph has 100000 words")


@pytest.mark.slow
def test_narrate_with_piper_joe(tmp_path):
    out = tmp_path / "out"
    result = run_cli("narrate", str(SHORT_PAGE), "-o", str(out), "--voice", "joe")
    assert result.returncode == 0, result.stderr
    report = json.loads(next(out.glob("*/report.json")).read_text())
    assert report["voice"] == "joe"
    assert report["wer"] < 0.15
