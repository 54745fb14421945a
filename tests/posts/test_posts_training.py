"""The posts model's loaders and trainer pieces."""

import numpy as np
import pytest

from botlens.features.timeline import FEATURES
from botlens.training.posts import corpus_weights, fit_posts_model
from botlens.training.timelines import load_botornot, load_pan19


@pytest.mark.needs_data
def test_botornot_timestamps_stay_inside_the_window(data_dir):
    timelines, files = load_botornot(data_dir)
    assert len(timelines) == 446 and sum(t.is_bot for t in timelines) == 93
    times = [p.created_at for t in timelines for p in t.posts if p.created_at is not None]
    assert min(times).isoformat() >= "2024-03-16" and max(times).isoformat() <= "2024-03-18T00:00:00+00:00"
    # The generator's out-of-window posts keep their text: every post of the files is still there.
    assert sum(len(t.posts) for t in timelines) == 7528 + 4643
    assert all(len(digest) == 64 for digest in files.values())


@pytest.mark.needs_data
def test_pan19_has_100_posts_per_author_and_balanced_labels(data_dir):
    timelines, _ = load_pan19(data_dir)
    assert len(timelines) == 2880 and sum(t.is_bot for t in timelines) == 1440
    assert {len(t.posts) for t in timelines} == {100}
    assert all(p.created_at is None for p in timelines[0].posts)


def test_corpus_weights_balance_corpora():
    corpus = np.array(["a"] * 90 + ["b"] * 10)
    w = corpus_weights(corpus)
    assert w[corpus == "a"].sum() == pytest.approx(w[corpus == "b"].sum())
    assert w.mean() == pytest.approx(1.0)


def test_fit_is_deterministic_and_handles_missing_signals():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, len(FEATURES)))
    X[:150, :3] = np.nan  # a corpus without timestamps
    y = (X[:, 5] + rng.normal(scale=0.5, size=300) > 0).astype(int)
    corpus = np.array(["untimed"] * 150 + ["timed"] * 150)
    first = fit_posts_model(X, y, corpus).predict_proba(X)[:, 1]
    second = fit_posts_model(X, y, corpus).predict_proba(X)[:, 1]
    assert np.array_equal(first, second)
    assert np.corrcoef(first, X[:, 5])[0, 1] > 0.5
