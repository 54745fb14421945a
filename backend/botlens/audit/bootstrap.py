"""Bootstrap intervals for the fake, bot and inactive shares of an audited follower sample.

Each replicate (1) resamples the followers (a multinomial draw over cells, unless the whole population was
seen), (2) re-estimates the prevalence with the chosen quantifier, and, for PACC, with the conditional means
re-measured on a resample of the held-out reference set, so the interval carries the model's own uncertainty
too, and (3) draws which followers of each cell are actually fake from their posteriors, shifted so that their
mean is the replicate's estimate. Step 3 keeps the interval honest when few followers were seen: three followers
at p = 0.1 each can hide one fake. A Wilson interval for the sample size is the floor of every interval.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from botlens.audit import quantify

INACTIVE, ACTIVE, UNKNOWN = 1, 0, 2
# A follower whose last post is older than this is inactive (platforms' dormancy rules start near six months).
INACTIVE_AFTER_DAYS = 180
N_STATES = 3


@dataclass(frozen=True)
class Reference:
    """Held-out labelled probabilities the quantifier is adjusted with, kept as per-bin counts and means
    (so an artifact carries a histogram, never the scored accounts)."""

    pos_counts: np.ndarray
    pos_means: np.ndarray
    neg_counts: np.ndarray
    neg_means: np.ndarray
    train_prior: float  # the positive share the model's probabilities are calibrated to

    @classmethod
    def from_scores(cls, probabilities: np.ndarray, labels: np.ndarray, train_prior: float) -> "Reference":
        probabilities, labels = np.asarray(probabilities, dtype=float), np.asarray(labels)
        pos, neg = probabilities[labels == 1], probabilities[labels == 0]
        if len(pos) == 0 or len(neg) == 0:
            raise ValueError("a reference needs labelled examples of both classes")
        pos_counts, pos_means = quantify.cell_means(pos, quantify.bin_index(pos), quantify.N_BINS)
        neg_counts, neg_means = quantify.cell_means(neg, quantify.bin_index(neg), quantify.N_BINS)
        return cls(pos_counts, pos_means, neg_counts, neg_means, float(train_prior))

    def as_dict(self) -> dict:
        return {"pos_counts": self.pos_counts.tolist(), "pos_means": self.pos_means.tolist(),
                "neg_counts": self.neg_counts.tolist(), "neg_means": self.neg_means.tolist(),
                "train_prior": self.train_prior}

    @classmethod
    def from_dict(cls, data: dict) -> "Reference":
        arrays = {k: np.asarray(data[k], dtype=float) for k in ("pos_counts", "pos_means", "neg_counts", "neg_means")}
        return cls(**arrays, train_prior=float(data["train_prior"]))

    def conditional_means(self, rng: np.random.Generator | None = None, n_boot: int = 0) -> tuple:
        """E[p | positive] and E[p | negative]; with ``rng``, one pair per resample of the reference."""
        if rng is None or n_boot == 0:
            return (float(self.pos_counts @ self.pos_means / self.pos_counts.sum()),
                    float(self.neg_counts @ self.neg_means / self.neg_counts.sum()))
        return (_resampled_means(self.pos_counts, self.pos_means, rng, n_boot),
                _resampled_means(self.neg_counts, self.neg_means, rng, n_boot))


def _resampled_means(counts: np.ndarray, means: np.ndarray, rng: np.random.Generator, n_boot: int) -> np.ndarray:
    total = int(counts.sum())
    draws = rng.multinomial(total, counts / total, size=n_boot)
    return draws @ means / total


@dataclass(frozen=True)
class ShareInterval:
    value: float
    lo: float
    hi: float
    replicates: np.ndarray


@dataclass(frozen=True)
class AuditShares:
    fake: ShareInterval
    inactive: ShareInterval


def _prevalence(weights, means, method: str, reference: Reference, pos_mean, neg_mean) -> np.ndarray:
    if method == "pcc":
        return quantify.pcc(weights, means)
    if method == "em":
        return quantify.em_prior(weights, means, reference.train_prior)
    if method == "pacc":
        return quantify.adjusted_pcc(weights, means, pos_mean, neg_mean)
    raise ValueError(f"unknown quantification method {method!r}")


def _posteriors(weights, means, prior, method: str, reference: Reference) -> np.ndarray:
    if method == "pcc":
        return np.broadcast_to(means, (len(np.atleast_1d(prior)), len(means)))
    if method == "em":
        return quantify.adjust_posteriors(means, prior, reference.train_prior)
    return quantify.posteriors_for_prior(weights, means, prior)


def wilson(share: float, n: float, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for a share seen in ``n`` draws."""
    if n <= 0:
        return 0.0, 1.0
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * np.sqrt(share * (1 - share) / n + z * z / (4 * n * n))
    return float(max(0.0, centre - half)), float(min(1.0, centre + half))


def _interval(point: float, replicates: np.ndarray, n_sampled: float | None) -> ShareInterval:
    """Percentile interval, never narrower than the Wilson interval of a sample of ``n_sampled``.

    The floor matters for small samples, where the estimator can sit at 0 in every replicate although a
    handful of followers cannot rule out a tenth of the population being fake.
    """
    lo, hi = np.quantile(replicates, [0.025, 0.975])
    lo, hi = min(lo, point), max(hi, point)
    if n_sampled is not None:
        w_lo, w_hi = wilson(point, n_sampled)
        lo, hi = min(lo, w_lo), max(hi, w_hi)
    return ShareInterval(float(point), float(lo), float(hi), replicates)


def audit_shares(probabilities: np.ndarray, states: np.ndarray, reference: Reference, *, method: str = "pacc",
                 n_boot: int = 1000, seed: int = 0, whole_population: bool = False) -> AuditShares:
    """Fake share and inactive-but-not-fake share, each with a 95% percentile interval.

    ``states`` holds ACTIVE, INACTIVE or UNKNOWN per follower; the inactive share is measured on the followers
    whose activity is known and read as a share of all followers.
    """
    probabilities = np.asarray(probabilities, dtype=np.float64)
    states = np.asarray(states, dtype=np.int64)
    n = len(probabilities)
    if n == 0:
        raise ValueError("no followers to audit")
    n_cells = quantify.N_BINS * N_STATES
    cells = quantify.bin_index(probabilities) * N_STATES + states
    counts, means = quantify.cell_means(probabilities, cells, n_cells)
    # Only occupied cells can be drawn; dropping the rest makes every replicate several times cheaper.
    occupied = np.flatnonzero(counts)
    counts, means = counts[occupied], means[occupied]
    inactive_cells = (occupied % N_STATES) == INACTIVE
    known_cells = (occupied % N_STATES) != UNKNOWN
    n_cells = len(occupied)

    pos_mean, neg_mean = reference.conditional_means()
    prior = float(_prevalence(counts, means, method, reference, pos_mean, neg_mean)[0])
    posterior = _posteriors(counts, means, prior, method, reference)[0]
    known = counts[known_cells].sum()
    inactive_point = float((counts * (1 - posterior))[inactive_cells].sum() / known) if known else 0.0

    rng = np.random.default_rng(seed)
    if whole_population:
        weights = np.broadcast_to(counts, (n_boot, n_cells)).astype(np.int64)
    else:
        weights = rng.multinomial(n, counts / n, size=n_boot)
    pos_r, neg_r = reference.conditional_means(rng, n_boot) if method == "pacc" else (pos_mean, neg_mean)
    priors = _prevalence(weights.astype(np.float64), means, method, reference, pos_r, neg_r)
    fakes = rng.binomial(weights, np.clip(_posteriors(weights, means, priors, method, reference), 0.0, 1.0))
    fake_reps = fakes.sum(axis=1) / n
    known_reps = weights[:, known_cells].sum(axis=1)
    inactive_reps = np.divide((weights - fakes)[:, inactive_cells].sum(axis=1), known_reps,
                              out=np.zeros(n_boot), where=known_reps > 0)
    if known == 0:
        # Nothing shows whether these followers post: the share is unknown, anywhere in [0, 1 - fake].
        inactive = ShareInterval(0.0, 0.0, float(1 - prior), np.zeros(n_boot))
    else:
        inactive = _interval(inactive_point, inactive_reps, None if whole_population else known)
    return AuditShares(fake=_interval(prior, fake_reps, None if whole_population else n), inactive=inactive)


def share_interval(probabilities: np.ndarray, reference: Reference, *, method: str = "pacc", n_boot: int = 1000,
                   seed: int = 0, whole_population: bool = False) -> ShareInterval:
    """Prevalence of one class (e.g. bots) with its interval, no activity states."""
    states = np.full(len(probabilities), UNKNOWN)
    return audit_shares(probabilities, states, reference, method=method, n_boot=n_boot, seed=seed,
                        whole_population=whole_population).fake
