"""The kinds of copied-page line found leaking on the written sets (tests/kinds_*.py: each set's furniture
with the rule that must take it, and body lines that look like it and no rule may take), checked by one pair
of tests."""

from __future__ import annotations

import pytest

from tests import (
    kinds_blind_s21,
    kinds_credits,
    kinds_sets_al_ap,
    kinds_sets_aq_at,
    kinds_sets_au_ax,
    kinds_sets_bg_bl,
)
from tts_pipeline.stages.chrome_rules import default_rules, first_match

SETS = (kinds_credits, kinds_sets_al_ap, kinds_sets_aq_at, kinds_sets_au_ax, kinds_sets_bg_bl, kinds_blind_s21)
FURNITURE = [(line, rule) for kinds in SETS for line, rule in kinds.FURNITURE]
LOOKALIKE_BODY = [line for kinds in SETS for line in kinds.LOOKALIKE_BODY]


@pytest.mark.parametrize(("line", "rule"), FURNITURE)
def test_each_kind_is_removed_by_its_rule(line: str, rule: str):
    assert first_match(line, default_rules()) == rule


@pytest.mark.parametrize("line", LOOKALIKE_BODY)
def test_body_lines_that_look_like_them_are_kept(line: str):
    assert first_match(line, default_rules()) is None
