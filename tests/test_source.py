import pytest

from tts_pipeline.errors import BadInput
from tts_pipeline.stages.source import MAX_INPUT_BYTES, decode_text, looks_like_html, read_input, read_source

from .conftest import DATA

FRENCH = "Le café est très bon, à côté de la gare où nous étions hier soir avec nos amis."


def test_reads_text_and_names_it_after_the_file(tmp_path):
    page = tmp_path / "my-page.txt"
    page.write_bytes("\ufeffHeadline\nBody.\n".encode())
    assert read_input(str(page)) == ("Headline\nBody.\n", "my-page")
    assert read_source(str(page)).kind == "text"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n\t", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (bytes(range(1, 31)) * 10, "binary data"),
        (bytes(range(256)) * 40, "binary data"),
        (b"a" * (MAX_INPUT_BYTES + 1), "larger than"),
    ],
)
def test_bad_bytes_are_refused(data, message):
    with pytest.raises(BadInput, match=message):
        decode_text(data, "page.txt")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_western_single_byte_text_is_detected_not_refused(encoding):
    assert decode_text(FRENCH.encode(encoding), "page.txt") == FRENCH


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_decoded(encoding):
    assert decode_text(FRENCH.encode(encoding), "page.txt") == FRENCH


def test_html_declared_charset_is_honoured():
    page = '<html><head><meta charset="shift_jis"></head><body><p>東京の天気は晴れです。</p></body></html>'
    assert "東京の天気は晴れです" in decode_text(page.encode("shift_jis"), "page.html")


def test_http_charset_wins_over_guessing():
    assert decode_text("naïve café".encode("cp1252"), "url", charset="cp1252") == "naïve café"


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", True),
        ("  <html lang='en'><p>Hi</p></html>", True),
        ("<!-- saved page --><html><p>x</p></html>", True),
        ("<div><p>One</p><p>Two</p><p>Three</p><p>Four</p><p>Five</p></div>", True),
        ("Headline\nBody text mentions <b> once, and a < b comparison.\n", False),
        ((DATA / "short-page.txt").read_text(), False),
    ],
)
def test_html_is_detected_not_flagged(text, is_html):
    assert looks_like_html(text) is is_html


def test_html_file_and_override(tmp_path):
    assert read_source(str(DATA / "news-page.html")).kind == "html"
    assert read_source(str(DATA / "news-page.html"), "text").kind == "text"
    with pytest.raises(BadInput, match="unknown input kind"):
        read_source(str(DATA / "news-page.html"), "pdf")


def test_missing_file_and_directory_are_refused(tmp_path):
    with pytest.raises(BadInput, match="not found"):
        read_input(str(tmp_path / "nope.txt"))
    with pytest.raises(BadInput, match="is a directory"):
        read_input(str(tmp_path))


def test_utf8_with_a_damaged_byte_stays_utf8():
    data = "Café owners in Zürich protest — “again”.\n".encode() + b"Stray \xff byte here.\n"
    text = decode_text(data, "page.txt")
    assert text.startswith("Café owners in Zürich protest — “again”.") and "\ufffd" in text
