"""Prevalence estimation ("quantification") from calibrated per-account probabilities.

A share of followers above a threshold is not the share of fake followers: when the audited sample's make-up
differs from the training data, classify-and-count is biased towards the training prior. These estimators work
on probabilities compressed into cells (a probability bin, optionally crossed with another state), so that the
same code serves 50 followers and 50,000 and vectorises over bootstrap replicates (rows of ``weights``).

- probabilistic classify-and-count (PCC): the mean calibrated probability.
- adjusted PCC (Bella et al. 2010): (PCC - E[p | negative]) / (E[p | positive] - E[p | negative]), with the two
  conditional means measured on held-out labelled data.
- EM prior adjustment (Saerens, Latinne & Decaestecker 2002): re-weight each posterior by the ratio of the new
  prior to the training prior, re-estimate the prior as the mean re-weighted posterior, repeat to a fixed point.
"""

from __future__ import annotations

import numpy as np

N_BINS = 100


def bin_index(p: np.ndarray, n_bins: int = N_BINS) -> np.ndarray:
    """Cell of each probability: ``floor(p * n_bins)``, with 1.0 in the last bin."""
    return np.minimum((np.clip(p, 0.0, 1.0) * n_bins).astype(np.int64), n_bins - 1)


def cell_means(p: np.ndarray, cells: np.ndarray, n_cells: int) -> tuple[np.ndarray, np.ndarray]:
    """Count and mean probability of every cell (empty cells get their count 0 and mean 0)."""
    counts = np.bincount(cells, minlength=n_cells).astype(np.float64)
    sums = np.bincount(cells, weights=p, minlength=n_cells)
    means = np.divide(sums, counts, out=np.zeros(n_cells), where=counts > 0)
    return counts, means


def pcc(weights: np.ndarray, means: np.ndarray) -> np.ndarray:
    """Mean probability for each row of ``weights`` (replicates x cells)."""
    weights = np.atleast_2d(weights)
    return weights @ means / weights.sum(axis=1)


def adjusted_pcc(weights: np.ndarray, means: np.ndarray, pos_mean: np.ndarray | float,
                 neg_mean: np.ndarray | float) -> np.ndarray:
    """PCC corrected by the conditional mean probabilities of positives and negatives, clipped to [0, 1]."""
    spread = np.maximum(np.asarray(pos_mean, dtype=float) - np.asarray(neg_mean, dtype=float), 1e-6)
    return np.clip((pcc(weights, means) - neg_mean) / spread, 0.0, 1.0)


def adjust_posteriors(means: np.ndarray, prior: np.ndarray, train_prior: float) -> np.ndarray:
    """Bayes' rule with a new prior: posteriors (replicates x cells) for the prior of each replicate."""
    prior = np.asarray(prior, dtype=float).reshape(-1, 1)
    pos = prior / train_prior * means
    neg = (1.0 - prior) / (1.0 - train_prior) * (1.0 - means)
    total = pos + neg
    return np.divide(pos, total, out=np.zeros_like(total), where=total > 0)


def em_prior(weights: np.ndarray, means: np.ndarray, train_prior: float, *, tol: float = 1e-7,
             max_iter: int = 500) -> np.ndarray:
    """Saerens-Latinne-Decaestecker EM: the prior at which the mean adjusted posterior equals the prior."""
    if not 0.0 < train_prior < 1.0:
        raise ValueError("train_prior must lie strictly between 0 and 1")
    weights = np.atleast_2d(weights)
    totals = weights.sum(axis=1)
    prior = pcc(weights, means)
    for _ in range(max_iter):
        updated = (weights * adjust_posteriors(means, prior, train_prior)).sum(axis=1) / totals
        if np.max(np.abs(updated - prior)) < tol:
            return updated
        prior = updated
    return prior


def posteriors_for_prior(weights: np.ndarray, means: np.ndarray, prior: np.ndarray, *, iterations: int = 40
                         ) -> np.ndarray:
    """Posteriors (replicates x cells) shifted on the logit scale until their weighted mean is ``prior``.

    A change of prior is exactly such a shift, so this is Bayes' rule with the shift solved for rather than
    taken from the training prior: it keeps which followers are likely fake consistent with the estimated
    share even when the probabilities are over-confident.
    """
    weights = np.atleast_2d(weights)
    target = np.asarray(prior, dtype=float).reshape(-1, 1)
    logits = np.log(np.clip(means, 1e-6, 1 - 1e-6)) - np.log1p(-np.clip(means, 1e-6, 1 - 1e-6))
    totals = weights.sum(axis=1, keepdims=True)
    low = np.full(target.shape, -30.0)
    high = np.full(target.shape, 30.0)
    for _ in range(iterations):
        mid = (low + high) / 2
        mean = (weights / (1.0 + np.exp(-(logits + mid)))).sum(axis=1, keepdims=True) / totals
        too_high = mean > target
        high = np.where(too_high, mid, high)
        low = np.where(too_high, low, mid)
    return 1.0 / (1.0 + np.exp(-(logits + (low + high) / 2)))
