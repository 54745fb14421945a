"""An additive (GAM-like) account model whose per-feature contributions are exact and cheap.

Each feature is cut into quantile bins and encoded as a "thermometer" (column k is 1 when the value is in
bin k or above), centred on the training mean; a missing value encodes as all zeros, that is, the average
contribution, so an unknown field neither accuses nor excuses. A logistic regression over these columns is
then a sum of one step function per feature, and L2 on the steps keeps each function smooth.

After fitting, each feature's step function is folded into a lookup table (bin -> logit contribution), so
scoring is a ``searchsorted`` and a table lookup per feature: the same numbers as the Pipeline's
``decision_function``, computed without building the encoded matrix.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.pipeline import Pipeline

from botlens.scoring.bounded_logit import BoundedLogisticRegression


class ThermometerBins(TransformerMixin, BaseEstimator):
    """Quantile bins per column, thermometer-encoded and centred; NaN -> 0 (the training average)."""

    def __init__(self, max_bins: int = 12):
        self.max_bins = max_bins

    def fit(self, X, y=None, sample_weight=None):
        X = np.asarray(X, dtype=np.float64)
        self.edges_: list[np.ndarray] = []
        self.means_: list[np.ndarray] = []
        quantiles = np.linspace(0, 1, self.max_bins + 1)[1:-1]
        for j in range(X.shape[1]):
            present = X[~np.isnan(X[:, j]), j]
            if present.size == 0:
                edges = np.zeros(0)
            else:
                values = np.unique(present)
                if values.size <= self.max_bins:
                    edges = values[1:]  # few distinct values (flags, small counts): one bin each
                else:
                    edges = np.unique(np.quantile(present, quantiles, method="nearest"))
                    edges = edges[edges > values[0]]
            self.edges_.append(edges)
            bins = np.searchsorted(edges, present, side="right")
            self.means_.append(np.array([(bins >= k).mean() for k in range(1, edges.size + 1)]))
        self.n_features_in_ = X.shape[1]
        self.column_feature_ = np.concatenate(
            [np.full(e.size, j, dtype=np.int64) for j, e in enumerate(self.edges_)] or [np.zeros(0, np.int64)])
        return self

    def step_bounds(self, directions) -> tuple[np.ndarray, np.ndarray]:
        """Bounds on the step coefficients: +1 -> steps >= 0 (monotone up), -1 -> <= 0, 0 -> free."""
        sign = np.asarray(directions, dtype=np.float64)[self.column_feature_]
        lower = np.where(sign > 0, 0.0, -np.inf)
        upper = np.where(sign < 0, 0.0, np.inf)
        return lower, upper

    def bin_index(self, X) -> np.ndarray:
        """Bin of each value (0..len(edges)), -1 where missing."""
        X = np.asarray(X, dtype=np.float64)
        out = np.empty(X.shape, dtype=np.int64)
        for j, edges in enumerate(self.edges_):
            column = X[:, j]
            out[:, j] = np.where(np.isnan(column), -1, np.searchsorted(edges, column, side="right"))
        return out

    def transform(self, X):
        bins = self.bin_index(X)
        blocks = []
        for j, edges in enumerate(self.edges_):
            if edges.size == 0:
                continue
            thermo = (bins[:, j:j + 1] >= np.arange(1, edges.size + 1)).astype(np.float64) - self.means_[j]
            thermo[bins[:, j] < 0] = 0.0
            blocks.append(thermo)
        return np.hstack(blocks) if blocks else np.zeros((len(bins), 0))


def fit_head(X, y, sample_weight, *, C: float, max_bins: int, directions, fixed_steps=None) -> Pipeline:
    """Bins, then a logistic regression whose steps follow ``directions`` (one of +1, -1, 0 per feature).

    ``fixed_steps`` ({feature index: logit}) pins every step of those features to a value set by judgement
    rather than learned (for a binary feature: its whole effect), for evidence no training set can weigh.
    """
    bins = ThermometerBins(max_bins=max_bins).fit(X)
    lower, upper = bins.step_bounds(directions)
    for j, step in (fixed_steps or {}).items():
        lower[bins.column_feature_ == j] = step
        upper[bins.column_feature_ == j] = step
    pipeline = Pipeline([("bins", bins), ("logit", BoundedLogisticRegression(C=C, lower=lower, upper=upper))])
    return pipeline.fit(X, y, logit__sample_weight=sample_weight)


@dataclass
class AdditiveHead:
    """A fitted head folded into lookup tables: ``tables[j][bin]`` is feature j's logit contribution."""

    pipeline: Pipeline
    edges: list[np.ndarray] = field(default_factory=list)
    tables: list[np.ndarray] = field(default_factory=list)
    intercept: float = 0.0
    scale: float = 1.0  # temperature from calibration, applied to the whole logit
    shift: float = 0.0

    @classmethod
    def from_pipeline(cls, pipeline: Pipeline) -> "AdditiveHead":
        bins: ThermometerBins = pipeline.named_steps["bins"]
        weights = pipeline.named_steps["logit"].coef_[0]
        head = cls(pipeline=pipeline, intercept=float(pipeline.named_steps["logit"].intercept_[0]))
        start = 0
        for edges, means in zip(bins.edges_, bins.means_):
            w = weights[start:start + edges.size]
            start += edges.size
            steps = np.concatenate(([0.0], np.cumsum(w)))
            head.edges.append(edges)
            head.tables.append(steps - float(w @ means))
        return head

    def contributions(self, X: np.ndarray) -> np.ndarray:
        """Calibrated logit contribution of every feature (rows x features); 0 for a missing value.

        Each value's bin (``searchsorted(edges, value, side="right")``) indexes all features' tables joined
        into one array, whose last entry, 0.0, is where missing values point; one lookup then fills every
        column. A few rows count their bins instead, against every feature's edges at once (padded with NaN,
        which is never <= anything): a handful of numpy calls rather than a few per feature."""
        padded, offsets, joined = _lookup_of(self)
        if X.shape[0] <= _FEW_ROWS:
            index = (X[:, :, None] >= padded).sum(axis=2)
        else:
            index = np.empty(X.shape, dtype=np.intp)
            for j, edges in enumerate(self.edges):
                index[:, j] = np.searchsorted(edges, X[:, j], side="right")
        index += offsets
        index[np.isnan(X)] = joined.size - 1
        return joined[index] * self.scale

    def logit(self, contributions: np.ndarray) -> np.ndarray:
        return contributions.sum(axis=1) + self.intercept * self.scale + self.shift

    def probability(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logit(self.contributions(X))))


_FEW_ROWS = 64  # below this the per-feature calls cost more than counting against all edges
# Lookup arrays per head, built on first use; dropped with the head (weakref.finalize), rebuilt if its lists change.
_LOOKUPS: dict[int, tuple] = {}


def _lookup_of(head: AdditiveHead) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    identity = tuple(map(id, head.edges)) + tuple(map(id, head.tables))
    cached = _LOOKUPS.get(id(head))
    if cached is not None and cached[0] == identity:
        return cached[1]
    width = max((e.size for e in head.edges), default=0)
    padded = np.full((len(head.edges), max(width, 1)), np.nan)
    for j, edges in enumerate(head.edges):
        padded[j, :edges.size] = edges
    sizes = np.array([t.size for t in head.tables], dtype=np.int64)
    offsets = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
    joined = np.concatenate([*head.tables, [0.0]]).astype(np.float64)
    lookup = (padded, offsets, joined)
    if cached is None:
        weakref.finalize(head, _LOOKUPS.pop, id(head), None)
    # The arrays themselves are kept too, so that no other array can take one of their ids meanwhile.
    _LOOKUPS[id(head)] = (identity, lookup, (*head.edges, *head.tables))
    return lookup
