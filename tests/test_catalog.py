"""Catalog rows, id sanitising and the sweep of what a killed run left (no audio: fast)."""

from __future__ import annotations

import json
from pathlib import Path

from tts_pipeline.pipeline.batch import settings_hash, sweep
from tts_pipeline.pipeline.batchinput import read_jobs
from tts_pipeline.pipeline.catalog import DONE, Catalog, Row
from tts_pipeline.pipeline.options import NarrateOptions


def test_catalog_round_trip_and_replace(tmp_path):
    with Catalog(tmp_path) as catalog:
        catalog.put(Row("a", "a.txt", "h1", "s", "error", error="is empty"))
        catalog.put(Row("a", "a.txt", "h2", "s", DONE, verdict="pass", wer=0.1, audio_seconds=3.0))
        (row,) = catalog.rows()
    assert row.source_hash == "h2" and row.passed and row.finished_at > 0
    with Catalog(tmp_path) as catalog:
        assert catalog.get("a") == row and catalog.get("b") is None
    assert (tmp_path / "catalog.sqlite").is_file()


def test_hostile_and_duplicate_ids_stay_inside_out(tmp_path):
    jsonl = tmp_path / "in.jsonl"
    records = [{"id": i, "text": "Headline\n\nBody text here."} for i in ("../x", "/abs/path", "a\\b:c", "x", "...")]
    jsonl.write_text("\n".join(json.dumps(r) for r in records) + "\n{oops\n")
    jobs = read_jobs(jsonl)
    ids = [j.id for j in jobs]
    assert ids[:3] == ["x", "abs-path", "a-b-c"]
    assert jobs[3].error and "duplicate id" in jobs[3].error and "@" in jobs[3].id
    assert ids[4] == "article"
    assert jobs[5].error.startswith("line 6: not valid JSON")
    for job in jobs:
        assert "/" not in job.id and not job.id.startswith(".")


def test_settings_hash_follows_options_and_rule_files(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text("")
    base = settings_hash(NarrateOptions(rules_files=(rules,)))
    assert settings_hash(NarrateOptions(rules_files=(rules,))) == base
    assert settings_hash(NarrateOptions(rules_files=(rules,), beam_size=2)) != base
    rules.write_text("# changed\n")
    assert settings_hash(NarrateOptions(rules_files=(rules,))) != base


def test_sweep_removes_temp_folders_and_restores_interrupted_swaps(tmp_path: Path):
    (tmp_path / ".a.tmp-123").mkdir()
    (tmp_path / ".a.tmp-123" / "narration.mp3").write_bytes(b"partial")
    old = tmp_path / ".b.old-456"
    (old / "b").mkdir(parents=True)
    (old / "b" / "report.json").write_text("{}")
    (tmp_path / ".feed.xml.tmp-9").write_text("<rss")
    sweep(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b"]
    assert (tmp_path / "b" / "report.json").is_file()
