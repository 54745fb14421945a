"""Choosing the YouTube scorers inside a leave-one-video-out fold, from the training videos alone."""

import numpy as np
import pytest
from botlens.compose.rules import Tip
from botlens.evaluation.compose_choice import choose_in_fold
from botlens.training.compose import YouTubeScorers


def _kept(out_of_fold: np.ndarray, labels: np.ndarray) -> YouTubeScorers:
    return YouTubeScorers([None] * len(out_of_fold), out_of_fold, labels, np.ones(len(labels)))


def test_the_fold_keeps_the_smallest_set_that_flags_its_training_rows_best():
    rng = np.random.default_rng(5)
    labels = np.array([0, 1] * 200)
    telling = np.where(labels == 1, 3.0, -3.0) + rng.normal(0.0, 0.5, 400)
    kept = _kept(np.array([rng.normal(0.0, 1.0, 400), telling, rng.normal(0.0, 1.0, 400)]), labels)
    held_out = np.array([[5.0, -5.0], [4.0, -4.0], [-5.0, 5.0]])  # the first and last scorers are wrong here

    choice = choose_in_fold(kept, [[]] * 400, held_out, [[], []], 0.5)

    assert choice.chosen == (1,)
    assert choice.with_rules[0] > 0.9 > 0.1 > choice.with_rules[1]


def test_the_held_out_scores_carry_the_rules_on_top_of_the_calibrated_mean():
    rng = np.random.default_rng(9)
    labels = np.array([0, 1] * 300)
    kept = _kept(np.array([rng.normal(labels - 0.5, 1.0)]), labels)  # a weak scorer: moderate calibration
    rule = Tip("many_links", "two links", None, 2.0)

    with_rule = choose_in_fold(kept, [[]] * 600, np.array([[0.0]]), [[rule]], 0.5).with_rules[0]
    without = choose_in_fold(kept, [[]] * 600, np.array([[0.0]]), [[]], 0.5).with_rules[0]

    assert 0.2 < without < 0.8
    assert np.log(with_rule / (1 - with_rule)) - np.log(without / (1 - without)) == pytest.approx(2.0)
