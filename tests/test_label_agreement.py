"""The labelling scripts: two annotators' agreement, and lines they dispute left unscored."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
PAGE = [
    ("chrome", "Skip to main content"),
    ("title", "Storm closes the coast road for a week"),
    ("chrome", "By Ana Ruiz"),
    ("body", "The coast road between Elmhurst and Dunmore was closed on Monday after a landslip, the council said."),
    ("chrome", "Tracklist"),
    ("body", "Engineers found a crack forty metres long in the embankment and said the slope was still moving."),
]


def _write(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("page\tlabel\tline\n" + "".join(f"1\t{label}\t{line}\n" for label, line in rows), "utf-8")
    return path


def _run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True, check=False)


def test_agreement_is_counted_and_disputed_lines_are_left_unscored(tmp_path):
    first = _write(tmp_path / "a.tsv", PAGE)
    relabelled = [("body", line) if line == "Tracklist" else (label, line) for label, line in PAGE]
    second = _write(tmp_path / "b.tsv", relabelled)
    consensus = tmp_path / "consensus.tsv"
    agreed = _run(SCRIPTS / "label_agreement.py", first, second, "--consensus", consensus)
    assert agreed.returncode == 0, agreed.stderr
    assert "chrome: 2/3 labelled alike (66.7 %)" in agreed.stdout
    assert "\tdisputed\tTracklist\n" in consensus.read_text("utf-8")
    scored = _run(SCRIPTS / "eval_clean_copied.py", "--lines", consensus)
    assert scored.returncode == 0, scored.stderr
    assert "chrome: 2/2 removed" in scored.stdout


def test_files_of_different_lines_are_refused(tmp_path):
    first = _write(tmp_path / "a.tsv", PAGE)
    second = _write(tmp_path / "b.tsv", PAGE[:-1])
    result = _run(SCRIPTS / "label_agreement.py", first, second)
    assert result.returncode == 2
    assert result.stderr.strip() == "error: the two files do not hold the same lines in the same order"


def test_a_file_without_label_columns_is_refused_in_one_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("page\tline\n1\tSkip to main content\n", "utf-8")
    consensus = tmp_path / "consensus.tsv"
    result = _run(SCRIPTS / "label_agreement.py", bad, bad, "--consensus", consensus)
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {bad} has no page, label and line columns"
    assert not consensus.exists()
