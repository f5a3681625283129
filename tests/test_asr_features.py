"""Whisper features a block at a time (asr/features.py) are faster-whisper's own, bit for bit, on real speech and edge
sizes."""

from __future__ import annotations

import numpy as np
import pytest
from faster_whisper.feature_extractor import FeatureExtractor

from tts_pipeline.stages.asr.audio import decode_audio
from tts_pipeline.stages.asr.features import BLOCK_FRAMES, BlockFeatureExtractor


@pytest.fixture(scope="module")
def speech(short_wav):
    clip = decode_audio(short_wav)
    # Several blocks long, with the block seams inside speech: the clip over and over.
    return np.tile(clip, int(np.ceil(2.5 * BLOCK_FRAMES * 160 / len(clip))))


def test_the_features_of_several_blocks_of_speech_are_faster_whispers(speech):
    ours, theirs = BlockFeatureExtractor()(speech), FeatureExtractor()(speech)
    assert ours.shape[1] > 2 * BLOCK_FRAMES
    assert np.array_equal(ours, theirs)  # bit for bit: Whisper's decoding can turn on a 1e-7 difference


@pytest.mark.parametrize("samples", [0, 1, 10, 401, BLOCK_FRAMES * 160, BLOCK_FRAMES * 160 + 1])
def test_edge_sizes_give_faster_whispers_shape_and_values(samples):
    audio = np.random.default_rng(7).standard_normal(samples).astype(np.float32) * 0.1
    ours, theirs = BlockFeatureExtractor()(audio), FeatureExtractor()(audio)
    assert np.array_equal(ours, theirs)


def test_chunk_length_sets_the_window_as_faster_whispers_does():
    ours, theirs = BlockFeatureExtractor(), FeatureExtractor()
    ours(np.zeros(1000, np.float32), chunk_length=20)
    theirs(np.zeros(1000, np.float32), chunk_length=20)
    assert (ours.n_samples, ours.nb_max_frames) == (theirs.n_samples, theirs.nb_max_frames)


def test_the_recogniser_uses_block_features(recognizer):
    assert isinstance(recognizer._model.feature_extractor, BlockFeatureExtractor)
