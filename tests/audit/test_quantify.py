"""The quantification maths on synthetic scores whose true prevalence is known."""

import numpy as np
import pytest

from botlens.audit import quantify
from botlens.audit.bootstrap import ACTIVE, INACTIVE, UNKNOWN, Reference, audit_shares, share_interval, wilson


def calibrated_scores(rng, n, prevalence):
    """Labels at ``prevalence`` and the posterior a perfect model calibrated at prior 0.5 would give:
    scores N(+1, 1) for positives and N(-1, 1) for negatives, so P(pos | x) = sigmoid(2x) at prior 0.5."""
    labels = rng.random(n) < prevalence
    x = np.where(labels, rng.normal(1, 1, n), rng.normal(-1, 1, n))
    return 1 / (1 + np.exp(-2 * x)), labels.astype(int)


@pytest.fixture(scope="module")
def reference():
    p, y = calibrated_scores(np.random.default_rng(99), 4000, 0.5)
    return Reference.from_scores(p, y, train_prior=0.5)


def cells(p):
    return quantify.cell_means(p, quantify.bin_index(p), quantify.N_BINS)


@pytest.mark.parametrize("prevalence", [0.05, 0.2, 0.8])
def test_em_and_adjusted_pcc_undo_the_pull_towards_the_training_prior(prevalence, reference):
    p, y = calibrated_scores(np.random.default_rng(1), 20000, prevalence)
    counts, means = cells(p)
    naive = quantify.pcc(counts, means)[0]
    em = quantify.em_prior(counts, means, train_prior=0.5)[0]
    pacc = quantify.adjusted_pcc(counts, means, *reference.conditional_means())[0]
    truth = y.mean()
    assert abs(naive - truth) > 0.05  # the bias the adjustments exist for
    assert abs(em - truth) < 0.02
    assert abs(pacc - truth) < 0.02


def test_posteriors_for_prior_hit_the_requested_mean():
    p, _ = calibrated_scores(np.random.default_rng(2), 5000, 0.3)
    counts, means = cells(p)
    weights = np.vstack([counts, counts])
    post = quantify.posteriors_for_prior(weights, means, np.array([0.1, 0.7]))
    assert np.allclose((weights * post).sum(axis=1) / counts.sum(), [0.1, 0.7], atol=1e-4)
    # A prior shift keeps the order of the followers.
    assert np.all(np.diff(post[0][np.argsort(means)]) >= -1e-12)


@pytest.mark.parametrize("prevalence", [0.1, 0.3, 0.5])
def test_interval_covers_the_truth_and_narrows_with_more_followers(prevalence, reference):
    rng = np.random.default_rng(3)
    widths = []
    for n in (60, 600, 6000):
        p, y = calibrated_scores(rng, n, prevalence)
        share = share_interval(p, reference, seed=4)
        assert share.lo <= y.mean() <= share.hi
        widths.append(share.hi - share.lo)
    assert widths[0] > widths[1] > widths[2]


def test_few_confident_genuine_followers_cannot_rule_out_fakes(reference):
    share = share_interval(np.full(5, 0.01), reference, seed=0)
    assert share.value < 0.05
    assert share.hi >= wilson(share.value, 5)[1] > 0.3


def test_seeing_every_follower_leaves_only_model_uncertainty(reference):
    p, _ = calibrated_scores(np.random.default_rng(5), 400, 0.3)
    sample = share_interval(p, reference, seed=1)
    everyone = share_interval(p, reference, seed=1, whole_population=True)
    assert everyone.value == pytest.approx(sample.value)
    assert everyone.hi - everyone.lo < sample.hi - sample.lo


def test_same_seed_same_interval(reference):
    p, _ = calibrated_scores(np.random.default_rng(6), 300, 0.2)
    first, second = share_interval(p, reference, seed=7), share_interval(p, reference, seed=7)
    assert (first.value, first.lo, first.hi) == (second.value, second.lo, second.hi)
    assert np.array_equal(first.replicates, second.replicates)


def test_inactive_share_counts_only_followers_that_are_not_fake():
    sharp = Reference.from_scores(np.array([0.999] * 50 + [0.001] * 50), np.array([1] * 50 + [0] * 50), 0.5)
    # 100 confident fakes with no posts, 100 confident genuine accounts with no posts, 200 active genuine.
    p = np.concatenate([np.full(100, 0.999), np.full(100, 0.001), np.full(200, 0.001)])
    states = np.concatenate([np.full(200, INACTIVE), np.full(200, ACTIVE)])
    shares = audit_shares(p, states, sharp, seed=0)
    assert shares.fake.value == pytest.approx(0.25, abs=0.02)
    assert shares.inactive.value == pytest.approx(0.25, abs=0.02)  # 100 of 400, the fakes not counted again
    assert shares.inactive.lo <= 0.25 <= shares.inactive.hi


def test_unknown_activity_gives_an_open_inactive_interval(reference):
    p = np.full(50, 0.01)
    shares = audit_shares(p, np.full(50, UNKNOWN), reference, seed=0)
    assert shares.inactive.value == 0.0
    assert shares.inactive.hi == pytest.approx(1 - shares.fake.value)


def test_reference_round_trips_through_a_dict(reference):
    again = Reference.from_dict(reference.as_dict())
    assert again.conditional_means() == pytest.approx(reference.conditional_means())
    assert again.train_prior == reference.train_prior


def test_reference_needs_both_classes():
    with pytest.raises(ValueError):
        Reference.from_scores(np.array([0.2, 0.9]), np.array([1, 1]), 0.5)
