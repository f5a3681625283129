import pytest

from tts_pipeline.errors import BadInput
from tts_pipeline.source import MAX_INPUT_BYTES, decode_text, read_input


def test_reads_text_and_names_it_after_the_file(tmp_path):
    page = tmp_path / "my-page.txt"
    page.write_bytes("\ufeffHeadline\nBody.\n".encode())
    assert read_input(str(page)) == ("Headline\nBody.\n", "my-page")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n\t", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (bytes(range(1, 31)) * 10, "binary data"),
        ("caf\u00e9 au lait".encode("latin-1"), "not valid UTF-8"),
        (b"a" * (MAX_INPUT_BYTES + 1), "larger than"),
    ],
)
def test_bad_bytes_are_refused(data, message):
    with pytest.raises(BadInput, match=message):
        decode_text(data, "page.txt")


def test_missing_file_and_directory_are_refused(tmp_path):
    with pytest.raises(BadInput, match="not found"):
        read_input(str(tmp_path / "nope.txt"))
    with pytest.raises(BadInput, match="is a directory"):
        read_input(str(tmp_path))
