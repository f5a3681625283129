"""`tts-pipeline clean` (and narrate's input side) through a real process: views, inputs, bad input."""

from __future__ import annotations

import json

import pytest

from .conftest import DATA, SAMPLE, run_cli

HTML = DATA / "news-page.html"


def assert_bad_input(result, text: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == "" and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and text in lines[0], result.stderr


def test_json_has_metadata_paragraphs_and_removed_lines():
    data = json.loads(run_cli("clean", str(HTML), "--json").stdout)
    assert list(data) == ["title", "byline", "date", "site", "url", "language", "paragraphs", "removed"]
    assert data["site"] == "The Coastal Courier" and data["language"] == "en-GB"
    assert {"text": "Advertisement", "rule": "advert"} in data["removed"]


def test_html_on_stdin_is_detected():
    result = run_cli("clean", "-", stdin=HTML.read_bytes())
    assert result.returncode == 0 and result.stdout.startswith("Harbour wall repairs begin after winter storms\n")
    assert "Advertisement" not in result.stdout and "Read more" not in result.stdout


def test_format_override_reads_html_as_text():
    result = run_cli("clean", str(HTML), "--format", "text", "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["title"].startswith("<")  # markup read as lines


def test_diff_shows_every_line_kept_or_struck_with_its_rule():
    result = run_cli("clean", str(SAMPLE), "--diff")
    assert result.returncode == 0 and "\x1b[" not in result.stdout  # no colour codes when not on a terminal
    lines = result.stdout.splitlines()
    assert "- Listen to this article  [audio-player]" in lines
    assert lines[1].startswith("  Lammy insists UK is not sending troops")
    source_lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == len(source_lines)


def test_non_utf8_text_is_decoded(tmp_path):
    page = tmp_path / "latin.txt"
    page.write_bytes("Café owners protest\nThe café owners marched on Tuesday, à la française.\n".encode("cp1252"))
    result = run_cli("clean", str(page))
    assert result.returncode == 0 and result.stdout.startswith("Café owners protest")


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article"),
        (b"Listen to this article\nAdvertisement\n", "no article text"),
    ],
)
def test_bad_pages_are_one_line_exit_2(tmp_path, content, text):
    page = tmp_path / "page.bin"
    page.write_bytes(content)
    assert_bad_input(run_cli("clean", str(page)), text)


def test_a_page_over_20_mb_is_refused(tmp_path):
    page = tmp_path / "huge.html"
    page.write_bytes(b"<html><body>" + b"<p>words words words</p>" * (21 * 1024 * 1024 // 24) + b"</body></html>")
    assert_bad_input(run_cli("clean", str(page)), "larger than 20 MB")


def test_malformed_rules_file_is_one_line_exit_2(tmp_path):
    rules = tmp_path / "publisher.toml"
    rules.write_text('[[rule]]\nname = "x"\npattern = "("\n')
    assert_bad_input(run_cli("clean", str(HTML), "--rules", str(rules)), "bad pattern")


def test_narrate_bad_input_writes_nothing(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(b"<html><body><nav>Home</nav></body></html>")
    out = tmp_path / "out"
    assert_bad_input(run_cli("narrate", str(page), "-o", str(out)), "no article")
    assert not out.exists()


@pytest.mark.slow
def test_narrate_html_carries_metadata_into_report(tmp_path):
    out = tmp_path / "out"
    result = run_cli("narrate", str(HTML), "-o", str(out))
    assert result.returncode in (0, 1), result.stderr
    report = json.loads((out / "news-page" / "report.json").read_text())
    assert report["title"] == "Harbour wall repairs begin after winter storms"
    assert report["metadata"]["site"] == "The Coastal Courier" and report["metadata"]["date"] == "2024-03-14"
    assert {"text": "Advertisement", "rule": "advert"} in report["removed"]
