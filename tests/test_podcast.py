"""Podcast-ready output: -16 LUFS, true peak under -1 dBTP, ID3v2 tags, and an RSS feed with iTunes tags."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import av
import numpy as np
import pyloudnorm
import pytest
from mutagen.id3 import ID3

from tests.test_batch import STORIES
from tts_pipeline.stages import audio

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def decode(mp3: Path) -> tuple[np.ndarray, int]:
    with av.open(str(mp3)) as container:
        rate = container.streams.audio[0].rate
        frames = [frame.to_ndarray() for frame in container.decode(audio=0)]
    return np.concatenate(frames, axis=1).mean(axis=0).astype(np.float64), rate


def assert_podcast_loudness(mp3: Path) -> None:
    samples, rate = decode(mp3)
    loudness = pyloudnorm.Meter(rate).integrated_loudness(samples)
    assert abs(loudness - audio.TARGET_LUFS) <= 1.0, loudness
    assert 20 * np.log10(audio.true_peak(samples)) < -1.0


def test_narrate_output_is_loudness_normalised_and_tagged(narrated_short):
    mp3 = narrated_short / "short-page" / "narration.mp3"
    assert_podcast_loudness(mp3)
    tags = ID3(mp3)
    assert str(tags["TIT2"]) == "Council approves new bridge over the river"
    assert "new bridge across the river" in tags.getall("USLT")[0].text


def test_limiter_holds_loud_audio_under_the_ceiling():
    rate = 22050
    t = np.arange(rate * 3) / rate
    tone = 0.9 * np.sin(2 * np.pi * 440 * t) * (1 + 0.8 * (t % 1 < 0.05))  # loud, with spikes
    pcm = np.clip(tone, -1, 1)
    segment = audio.AudioSegment((pcm * 32767).astype("<i2").tobytes(), frame_rate=rate, sample_width=2, channels=1)
    out = audio.normalise_loudness(segment)
    samples = np.array(out.get_array_of_samples(), dtype=np.float64) / 32768
    assert abs(pyloudnorm.Meter(rate).integrated_loudness(samples) - audio.TARGET_LUFS) <= 1.0
    assert 20 * np.log10(audio.true_peak(samples)) <= audio.PEAK_CEILING_DBFS + 0.1


@pytest.fixture(scope="module")
def podcast_batch(tmp_path_factory) -> Path:
    from tts_pipeline.pipeline.batch import run_batch

    base = tmp_path_factory.mktemp("podcast")
    record = {
        "id": "library-sundays",
        "text": STORIES["library"],
        "byline": "Sam Writer",
        "site": "Town News",
        "date": "2026-11-20",
        "url": "https://news.example/library-sundays",
    }
    (base / "feed.jsonl").write_text(json.dumps(record) + "\n")
    out = base / "out"
    result = run_batch(base / "feed.jsonl", out, workers=1, feed_options={"base_url": "https://cdn.example/audio"})
    assert result.all_passed, result.rows
    return out


def test_batch_mp3_carries_the_article_metadata(podcast_batch):
    mp3 = podcast_batch / "library-sundays" / "narration.mp3"
    assert_podcast_loudness(mp3)
    tags = ID3(mp3)
    assert str(tags["TIT2"]) == "Library opens on Sundays"
    assert str(tags["TPE1"]) == "Sam Writer"
    assert str(tags["TALB"]) == "Town News"
    assert str(tags["TDRC"]) == "2026-11-20"
    assert tags.getall("WOAS")[0].url == "https://news.example/library-sundays"
    assert tags.getall("WXXX")[0].url == "https://news.example/library-sundays"
    assert "open on Sundays" in tags.getall("USLT")[0].text


def test_feed_lists_passed_articles_with_enclosures(podcast_batch):
    channel = ET.parse(podcast_batch / "feed.xml").getroot().find("channel")
    assert channel.findtext("title") == "Town News"
    assert channel.find(f"{ITUNES}category").get("text") == "News"
    (item,) = channel.findall("item")
    assert item.findtext("title") == "Library opens on Sundays"
    assert item.findtext("link") == "https://news.example/library-sundays"
    assert "20 Nov 2026" in item.findtext("pubDate")
    enclosure = item.find("enclosure")
    mp3 = podcast_batch / "library-sundays" / "narration.mp3"
    assert enclosure.get("url") == "https://cdn.example/audio/library-sundays/narration.mp3"
    assert enclosure.get("type") == "audio/mpeg"
    assert int(enclosure.get("length")) == mp3.stat().st_size
    assert item.findtext(f"{ITUNES}author") == "Sam Writer"
    assert item.findtext(f"{ITUNES}duration").startswith("00:00:")


def test_index_page_is_the_sites_audio_edition(podcast_batch):
    index = (podcast_batch / "index.html").read_text()
    assert "<title>Town News</title>" in index and "2026-11-20 · Town News" in index
    assert 'href="library-sundays/player.html"' in index and 'href="feed.xml"' in index


def test_the_published_list_is_the_catalogs_newest_passed_rows_capped(podcast_batch, tmp_path):
    """feed.xml and index.html are one step over the catalog's newest passed rows, whatever its size."""
    import shutil
    from dataclasses import replace

    from tts_pipeline.pipeline.catalog import Catalog
    from tts_pipeline.publish.site import published_reports

    out = tmp_path / "out"
    shutil.copytree(podcast_batch, out)
    with Catalog(out) as catalog:
        (row,) = list(catalog.rows())
        shutil.copytree(out / row.id, out / "older")
        paths = {"audio_path": "older/narration.mp3", "report_path": "older/report.json"}
        catalog.put(replace(row, id="older", finished_at=row.finished_at - 60, **paths))
        newest, one = catalog.newest_passed(10), catalog.newest_passed(1)
    assert [r.folder.name for r in published_reports(out, newest)] == ["library-sundays", "older"]
    assert [r.folder.name for r in published_reports(out, one)] == ["library-sundays"]
