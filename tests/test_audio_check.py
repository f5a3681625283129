"""Audio faults that are not words, injected into a real published narration (espeak-ng, mastered to -16 LUFS,
64 kbps MP3): each is found, with its kind and time, and placed between the paragraphs on either side; the
clean narration has none. One end-to-end case goes through the real recogniser and the verdict."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tts_pipeline.article import Article
from tts_pipeline.stages import audio, audiocheck, speech
from tts_pipeline.stages.asr.audio import SAMPLE_RATE, decode_audio
from tts_pipeline.stages.second_look import SecondLook
from tts_pipeline.stages.verdict import DEFAULT_WER_THRESHOLD
from tts_pipeline.stages.verify import verify_transcript, with_audio_faults
from tts_pipeline.stages.voices import get_voice

from . import audio_faults as inject
from .conftest import DATA

ARTICLE_TEXT = (DATA / "faults-article.txt").read_text(encoding="utf-8")
PARAGRAPHS = [p.strip() for p in ARTICLE_TEXT.split("\n\n") if p.strip()]


@pytest.fixture(scope="module")
def published(engine, tmp_path_factory) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """The published narration's samples (16 kHz) and each paragraph's (start, end), headline first."""
    folder = tmp_path_factory.mktemp("published")
    script = speech.build_script(Article(PARAGRAPHS[0], tuple(PARAGRAPHS[1:])))
    wavs = []
    for index, segment in enumerate(script.segments):
        wavs.append(folder / f"segment-{index}.wav")
        engine.synthesize(segment.speech, wavs[-1])
    joined, spans = audio.assemble(wavs, [s.kind for s in script.segments], get_voice("en-us").pauses)
    mp3 = folder / "narration.mp3"
    audio.export_mp3(audio.normalise_loudness(joined), mp3)
    return decode_audio(mp3), [(s.start, s.end) for s in spans]


def findings(samples: np.ndarray, spans=()) -> list[tuple[str, float]]:
    return [(f.kind.value, round(float(f.start), 1)) for f in inject.heard(samples, spans)]


def between(spans, first: int) -> int:
    """A sample index in the pause after paragraph `first`."""
    return int((spans[first][1] + spans[first + 1][0]) / 2 * SAMPLE_RATE)


def test_the_clean_narration_has_no_audio_fault(published):
    samples, spans = published
    assert findings(samples, spans) == []


@pytest.mark.parametrize("seconds,dbfs", [(0.5, -20.0), (2.0, -30.0), (5.0, -40.0)])
def test_a_noise_burst_between_paragraphs_is_found_where_it_starts(published, seconds, dbfs):
    samples, spans = published
    damaged, at = inject.noise_burst(samples, between(spans, 2), seconds, dbfs)
    found = findings(damaged)
    assert [kind for kind, _ in found] == ["noise-burst"] and abs(found[0][1] - at) < 0.2


def test_four_seconds_of_silence_between_paragraphs_is_a_long_silence(published):
    samples, spans = published
    damaged, at = inject.silence(samples, between(spans, 1), 4.0)
    found = findings(damaged)
    assert [kind for kind, _ in found] == ["long-silence"] and abs(found[0][1] - at) < 1.0


def test_clipping_is_found(published):
    samples, spans = published
    damaged, at = inject.clipping(samples, int(spans[3][0] * SAMPLE_RATE), 1.0)
    found = findings(damaged)
    assert [kind for kind, _ in found] == ["clipping"] and at <= found[0][1] < at + 1.0


def test_a_dc_offset_is_found(published):
    samples, _ = published
    damaged, _ = inject.dc_offset(samples, 0.05)
    assert {kind for kind, _ in findings(damaged)} == {"dc-offset"}


def test_a_paragraph_far_quieter_than_the_rest_is_a_level_fault(published):
    samples, spans = published
    damaged = samples.copy()
    start, end = (int(t * SAMPLE_RATE) for t in spans[2])
    damaged[start:end] *= np.float32(10 ** (-14 / 20))
    assert findings(damaged, spans) == [("level", round(spans[2][0], 1))]


def test_a_noise_burst_fails_the_verdict_and_names_the_paragraphs_either_side(published, recognizer, tmp_path):
    samples, spans = published
    damaged, at = inject.noise_burst(samples, between(spans, 1), 3.0, -25.0)
    mp3 = inject.as_mp3(damaged, tmp_path)
    transcript = recognizer.transcribe(mp3)
    words_only = verify_transcript(PARAGRAPHS, transcript, DEFAULT_WER_THRESHOLD, SecondLook(recognizer, mp3))
    checked = with_audio_faults(words_only, decode_audio(mp3), SAMPLE_RATE)
    noise = [f for f in checked.faults if f.kind == "noise-burst"]
    assert checked.verdict == "fail" and len(noise) == 1
    assert noise[0].paragraph == 1 and "between paragraphs 1 and 2" in noise[0].detail
    assert abs(noise[0].start - at) < 0.3


def test_audio_too_short_to_judge_has_no_finding():
    assert audiocheck.find_audio_faults(np.zeros(100, np.float32), SAMPLE_RATE) == []


def test_published_mp3_round_trip_keeps_the_time(published, tmp_path: Path):
    samples, _ = published
    again = decode_audio(inject.as_mp3(samples, tmp_path))
    assert abs(len(again) - len(samples)) < SAMPLE_RATE * 0.1
