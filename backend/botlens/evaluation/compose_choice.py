"""How much of the leave-one-video-out F1 is owed to having picked the YouTube scorers on that evaluation.

The shipped YouTube weights average three scorers (see :func:`botlens.training.compose._youtube_members`), a set
picked among about twenty on the leave-one-video-out evaluation itself, so its pooled F1 there is optimistic. Here
each held-out fold picks its own set among every non-empty subset of the three, from the training videos'
out-of-fold scores alone (F1 with the rules, as the API serves), and scores the held-out video with it: the pooled
result is what the procedure achieves on a video it has not seen, rather than what the choice made with hindsight
achieves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from sklearn.metrics import f1_score

from botlens.compose.combine import combine
from botlens.compose.rules import Tip
from botlens.training.compose import YouTubeScorers, mean_calibration


@dataclass(frozen=True)
class FoldChoice:
    """One held-out video: the set of scorers its training videos chose and its spam probabilities with rules."""
    chosen: tuple[int, ...]
    with_rules: np.ndarray


def with_tips(probabilities: np.ndarray, tips: Sequence[Sequence[Tip]]) -> np.ndarray:
    """Each text's model probability combined with its rules' tips, as the API combines them."""
    return np.array([combine(p, text_tips) for p, text_tips in zip(probabilities, tips)])


def _with_rules(log_odds: np.ndarray, tips: Sequence[Sequence[Tip]]) -> np.ndarray:
    return with_tips(1.0 / (1.0 + np.exp(-log_odds)), tips)


def _calibrated_mean(log_odds: np.ndarray, subset: tuple[int, ...], scorers: YouTubeScorers) -> np.ndarray:
    slope, intercept = mean_calibration(scorers.out_of_fold[list(subset)], scorers.labels, scorers.weights)
    return slope * log_odds[list(subset)].mean(axis=0) + intercept


def choose_in_fold(scorers: YouTubeScorers, training_tips: Sequence[Sequence[Tip]], held_out_log_odds: np.ndarray,
                   held_out_tips: Sequence[Sequence[Tip]], decision: float) -> FoldChoice:
    """Picks the subset of scorers whose calibrated mean flags the training YouTube rows best at ``decision``
    (out of fold, with the rules), and scores the held-out rows (``held_out_log_odds``: a row per scorer) with it.
    ``training_tips``: the rules' tips for the training YouTube rows, in the order of ``scorers.labels``."""
    subsets = [s for size in range(1, len(scorers.scorers) + 1) for s in combinations(range(len(scorers.scorers)), size)]

    def training_f1(subset: tuple[int, ...]) -> float:
        flagged = _with_rules(_calibrated_mean(scorers.out_of_fold, subset, scorers), training_tips) >= decision
        return float(f1_score(scorers.labels, flagged))

    chosen = max(subsets, key=training_f1)  # the first of equals: the smaller set
    return FoldChoice(chosen, _with_rules(_calibrated_mean(held_out_log_odds, chosen, scorers), held_out_tips))
