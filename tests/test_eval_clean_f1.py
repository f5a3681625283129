"""The body-F1 script: the article-extraction benchmark's own metric, both data layouts, a paired bootstrap."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
sys.path.insert(0, str(SCRIPTS))
from eval_clean_f1 import page_counts, paired_difference, scores  # noqa: E402

NEWS_PAGE = (Path(__file__).parent / "data" / "news-page.html").read_text(encoding="utf-8")


def test_a_page_is_scored_on_shingles_with_case_kept():
    assert page_counts("The council met on Monday", "The council met on Monday") == (1.0, 0.0, 0.0)
    # two shingles each, one shared: case is part of the word, as in the benchmark's evaluate.py
    tp, fp, fn = page_counts("the council met on Monday", "The council met on Monday")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_a_page_with_nothing_extracted_counts_for_recall_only():
    nothing = page_counts("The council met on Monday to vote", "")
    assert nothing == (0.0, 0.0, 1.0)
    f1, precision, recall = scores([nothing, page_counts("The council met on Monday", "The council met on Monday")])
    assert (precision, recall) == (1.0, 0.5)
    assert f1 == pytest.approx(2 / 3)


def test_the_paired_bootstrap_of_a_system_against_itself_is_zero():
    pages = [page_counts("a b c d e f", "a b c d"), page_counts("g h i j k", "g h i j k")]
    assert paired_difference(pages, pages, rounds=50) == (0.0, 0.0)


def _run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPTS / "eval_clean_f1.py"), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


def _marked_body() -> str:
    from tts_pipeline.stages.clean import clean_html

    return "\n".join(clean_html(NEWS_PAGE).paragraphs)


def test_the_article_benchmark_layout_is_read_and_scored(tmp_path):
    (tmp_path / "html").mkdir()
    truths = {}
    for key in ("a1", "b2"):
        (tmp_path / "html" / f"{key}.html.gz").write_bytes(gzip.compress(NEWS_PAGE.encode("utf-8")))
        truths[key] = {"articleBody": _marked_body(), "url": f"https://example.org/{key}"}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truths), encoding="utf-8")
    run = _run("--dataset", tmp_path, "--half", "all", "--bootstrap", "20")
    assert run.returncode == 0, run.stderr
    assert "2 pages (all)" in run.stdout
    assert "tts-pipeline clean                 F1 1.000" in run.stdout
    assert "ours - trafilatura default" in run.stdout


def test_the_web_content_benchmark_layout_is_split_into_halves(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "ground-truth").mkdir()
    for number in (1, 2, 3):
        marks = {"url": "https://example.org", "ground_truth": {"main_content": _marked_body()}}
        (tmp_path / "ground-truth" / f"{number:04d}.json").write_text(json.dumps(marks), encoding="utf-8")
        (tmp_path / "html" / f"{number:04d}.html").write_text(NEWS_PAGE, encoding="utf-8")
    run = _run("--dataset", tmp_path, "--half", "tune", "--bootstrap", "0")
    assert run.returncode == 0, run.stderr
    assert "2 pages (tune)" in run.stdout
    assert "paired bootstrap" not in run.stdout


@pytest.mark.parametrize("made", ["nothing", "empty-json"])
def test_a_folder_without_marked_pages_is_one_line_and_exit_2(tmp_path, made):
    if made == "empty-json":
        (tmp_path / "ground-truth.json").write_text("{}", encoding="utf-8")
    run = _run("--dataset", tmp_path)
    assert run.returncode == 2
    assert run.stderr.startswith("error: ") and run.stderr.count("\n") == 1
    assert "Traceback" not in run.stderr
