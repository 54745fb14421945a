"""The YouTube weights as the mean of three calibrated scorers, collapsed into one weight vector and calibrated
once more."""

import numpy as np
import scipy.sparse as sp
from botlens.evaluation.account_metrics import expected_calibration_error
from botlens.training.compose import _averaged_youtube, _mean_calibration, _naive_bayes_ratio


def _calibrated(scores: np.ndarray, calibration: tuple[float, float]) -> np.ndarray:
    slope, intercept = calibration
    return slope * scores + intercept


def test_one_dot_product_gives_the_mean_of_the_calibrated_log_odds():
    rng = np.random.default_rng(7)
    n_words, n_chars, n_cues = 6, 4, 3
    n_features = n_words + n_chars
    X = rng.random((5, n_features))
    cues = rng.random((5, n_cues))
    full = (rng.normal(size=n_features + n_cues), 0.3, (1.7, -0.4))
    members = [(rng.normal(size=n_words), rng.normal(size=n_cues), -0.2, (0.9, 0.1)),
               (rng.normal(size=n_words), np.zeros(n_cues), 0.0, (0.5, -1.2))]
    expected = [_calibrated(np.hstack([X, cues]) @ full[0] + full[1], full[2])]
    for n_gram_weights, cue_weights, bias, calibration in members:
        expected.append(_calibrated(X[:, :n_words] @ n_gram_weights + cues @ cue_weights + bias, calibration))

    weights, bias = _averaged_youtube((full[0].copy(), full[1], full[2]), members, n_features, n_words)

    assert weights.shape == full[0].shape
    np.testing.assert_allclose(np.hstack([X, cues]) @ weights + bias, np.mean(expected, axis=0), rtol=1e-12)


def test_averaging_leaves_the_full_models_weights_untouched():
    weights = np.arange(5, dtype=float)
    _averaged_youtube((weights, 0.0, (2.0, 0.0)), [(np.ones(2), np.zeros(1), 0.0, (1.0, 0.0))], 4, 2)
    np.testing.assert_array_equal(weights, np.arange(5, dtype=float))


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

    slope, intercept = _mean_calibration(scorers, labels, np.full(20000, 3.0))

    assert 1.7 < slope < 2.3
    assert abs(intercept) < 0.15
    sharpened = 1 / (1 + np.exp(-(slope * scorers.mean(axis=0) + intercept)))
    plain = 1 / (1 + np.exp(-scorers.mean(axis=0)))
    assert expected_calibration_error(labels, sharpened)[0] < expected_calibration_error(labels, plain)[0] / 2
