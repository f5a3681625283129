"""The verdict policy, in one place: the WER bound and how a verdict is decided (light: no ASR, no jiwer)."""

from __future__ import annotations

from collections.abc import Sequence

from tts_pipeline.article import Verdict

# A backstop, not the main check: the faults list catches localised damage at any WER. Clean espeak
# narrations read back by tiny.en score 0.06-0.18 on news pages (names, numbers), and up to 0.25 on
# jargon-heavy tech pages (measured over ../shared/devset), so the bound sits above that.
DEFAULT_WER_THRESHOLD = 0.35


def decide(wer: float, threshold: float, faults: Sequence = ()) -> Verdict:
    """Fail when any fault was found or the WER is over the threshold; pass otherwise."""
    return Verdict.FAIL if faults or wer > threshold else Verdict.PASS
