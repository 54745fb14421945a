"""The YouTube weights as the mean of three calibrated scorers, collapsed into one weight vector and calibrated
once more."""

import numpy as np
import scipy.sparse as sp
from botlens.evaluation.account_metrics import expected_calibration_error
from botlens.features.text import model_texts
from botlens.scoring.text_model import dense_matrix
from botlens.training.compose import (
    LinearScorer,
    YouTubeScorers,
    _averaged_youtube,
    _naive_bayes_ratio,
    fit_text_model_and_scorers,
    mean_calibration,
)

from tests.compose.test_model import _small_corpus


def _calibrated(scores: np.ndarray, calibration: tuple[float, float]) -> np.ndarray:
    slope, intercept = calibration
    return slope * scores + intercept


def _scorers(rng: np.random.Generator, n_words: int, n_features: int, n_cues: int) -> list[LinearScorer]:
    """The full model over every n-gram column, two members over the word columns only."""
    return [LinearScorer(rng.normal(size=n_features), rng.normal(size=n_cues), 0.3, (1.7, -0.4)),
            LinearScorer(rng.normal(size=n_words), rng.normal(size=n_cues), -0.2, (0.9, 0.1)),
            LinearScorer(rng.normal(size=n_words), np.zeros(n_cues), 0.0, (0.5, -1.2))]


def test_one_dot_product_gives_the_mean_of_the_calibrated_log_odds():
    rng = np.random.default_rng(7)
    n_words, n_chars, n_cues = 6, 4, 3
    n_features = n_words + n_chars
    X = rng.random((5, n_features))
    cues = rng.random((5, n_cues))
    scorers = _scorers(rng, n_words, n_features, n_cues)
    expected = [_calibrated(X[:, :len(n_grams)] @ n_grams + cues @ cue_weights + bias, calibration)
                for n_grams, cue_weights, bias, calibration in scorers]

    weights, bias = _averaged_youtube(scorers, n_features)

    assert weights.shape == (n_features + n_cues,)
    np.testing.assert_allclose(np.hstack([X, cues]) @ weights + bias, np.mean(expected, axis=0), rtol=1e-12)
    # What the evaluation reads per scorer is the same thing, a row each.
    kept = YouTubeScorers(scorers, np.zeros((3, 1)), np.zeros(1), np.ones(1))
    np.testing.assert_allclose(kept.log_odds(sp.csr_matrix(X), cues), expected, rtol=1e-12)


def test_averaging_leaves_the_scorers_weights_untouched():
    scorers = _scorers(np.random.default_rng(3), 2, 4, 1)
    before = [weights.copy() for weights, *_ in scorers]
    _averaged_youtube(scorers, 4)
    for kept, (weights, *_) in zip(before, scorers):
        np.testing.assert_array_equal(weights, kept)


def test_naive_bayes_ratio_favours_the_words_each_class_uses():
    # Columns: "subscribe", "song", "channel". Spam rows use the first and last, ham rows mostly the middle one.
    X = sp.csr_matrix(np.array([[1, 0, 1], [2, 0, 1], [0, 3, 0], [0, 2, 1]], dtype=float))
    labels = np.array([1, 1, 0, 0])
    ratio = _naive_bayes_ratio(X, labels, np.ones(4))
    assert ratio[0] > 0 > ratio[1]
    assert ratio[0] > ratio[2]
    weighted = _naive_bayes_ratio(X, labels, np.array([1.0, 1.0, 1.0, 5.0]))
    assert weighted[2] < ratio[2]  # the ham row with "channel" now counts five times


def test_the_mean_of_under_confident_scorers_is_sharpened_back():
    rng = np.random.default_rng(11)
    true_log_odds = rng.normal(0.0, 3.0, size=20000)
    labels = (rng.random(20000) < 1 / (1 + np.exp(-true_log_odds))).astype(int)
    # Three scorers that each see half the evidence, as a mean of disagreeing scorers does.
    scorers = np.array([true_log_odds / 2 + rng.normal(0.0, 0.2, size=20000) for _ in range(3)])

    slope, intercept = mean_calibration(scorers, labels, np.full(20000, 3.0))

    assert 1.7 < slope < 2.3
    assert abs(intercept) < 0.15
    sharpened = 1 / (1 + np.exp(-(slope * scorers.mean(axis=0) + intercept)))
    plain = 1 / (1 + np.exp(-scorers.mean(axis=0)))
    assert expected_calibration_error(labels, sharpened)[0] < expected_calibration_error(labels, plain)[0] / 2


def test_the_kept_scorers_give_back_the_served_youtube_score():
    # The evaluation re-chooses scorers from what training kept; with all three it must be scoring the shipped model.
    model, kept = fit_text_model_and_scorers(_small_corpus(), calibration_folds=2)
    texts = ["check my channel www.q.com", "love this song", "free prize, call now", "\u200b"]
    held_out = kept.log_odds(model.features.transform(model_texts(texts)).tocsr(), dense_matrix(texts))
    slope, intercept = mean_calibration(kept.out_of_fold, kept.labels, kept.weights)

    served_slope, served_intercept = model.calibration["youtube"]
    np.testing.assert_allclose(slope * held_out.mean(axis=0) + intercept,
                               served_slope * model.decision_function(texts, "youtube") + served_intercept,
                               rtol=1e-9, atol=1e-9)
    # One row per scorer over the 24 video comments of the corpus (the SMS rows are not YouTube's).
    assert kept.out_of_fold.shape == (3, 24) and len(kept.labels) == 24 and set(kept.labels) == {0, 1}
