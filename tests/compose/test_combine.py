"""Combining the model's probability with rule tips into one score and verdict."""

import pytest

from botlens.compose.combine import FINE_BELOW, SPAM_LIKE_FROM, ComposeVerdict, combine, verdict_for, wording_tip
from botlens.compose.rules import Tip


def tip(weight, code="x"):
    return Tip(code, "message", (0, 1), weight)


def test_no_tips_leaves_the_model_probability():
    for p in (0.01, 0.3, 0.5, 0.93):
        assert combine(p, []) == pytest.approx(p)


def test_tips_raise_the_score_and_more_tips_raise_it_more():
    one = combine(0.2, [tip(1.0)])
    two = combine(0.2, [tip(1.0), tip(1.5)])
    assert 0.2 < one < two < 1


def test_a_confident_human_text_needs_several_rules_to_become_spam_like():
    assert verdict_for(combine(0.02, [tip(1.5)])) != ComposeVerdict.spam_like
    assert verdict_for(combine(0.02, [tip(1.5)] * 4)) == ComposeVerdict.spam_like


def test_extreme_model_outputs_stay_finite():
    assert 0 < combine(0.0, [tip(2.0)]) < 1 and 0 < combine(1.0, []) <= 1


def test_verdict_thresholds():
    assert verdict_for(FINE_BELOW - 1e-9) == ComposeVerdict.fine
    assert verdict_for(FINE_BELOW) == ComposeVerdict.borderline
    assert verdict_for(SPAM_LIKE_FROM) == ComposeVerdict.spam_like


def test_wording_tip_only_when_the_model_alone_objects():
    assert wording_tip(0.9, []).code == "spam_like_wording"
    assert wording_tip(0.9, [tip(1.0)]) is None
    assert wording_tip(0.1, []) is None
