"""Score profiles with the account model: two probabilities, a verdict with an uncertain band, and reasons.

Everything per batch is numpy, and ``score`` returns columns (``ScoredAccounts``); per profile there is only
the rendering of results and sentences, done when they are read. Reasons come from the exact per-feature
logit contributions of the additive model, taken from the head whose probability is higher (the one the
verdict rests on).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from botlens.features.profile import RAW_FIELDS, profile_columns
from botlens.registry import LoadedModel
from botlens.schemas.accounts import Verdict
from botlens.scoring.account_model import AccountModel
from botlens.scoring.account_results import VERDICTS, ScoredAccounts, gc_paused

MAX_REASONS = 3
MIN_IMPACT = 0.15  # logit; smaller contributions are noise, not reasons
# Fields that carry most of the evidence; with fewer than two of them the verdict stays "uncertain".
_EVIDENCE_KEYS = ("followers", "following", "posts", "likes", "listed")


def verdict_codes(probability: np.ndarray, evidence: np.ndarray, bot_threshold: float, human_threshold: float,
                  min_evidence: int = 2) -> np.ndarray:
    """0 likely_human / 1 uncertain / 2 likely_bot per row (see ``VERDICTS``); too little evidence is uncertain."""
    enough = evidence >= min_evidence
    code = np.ones(probability.shape, dtype=np.int8)
    code[enough & (probability >= bot_threshold)] = 2
    code[enough & (probability <= human_threshold)] = 0
    return code


def verdicts(probability: np.ndarray, evidence: np.ndarray, bot_threshold: float, human_threshold: float,
             min_evidence: int = 2) -> list[Verdict]:
    """likely_bot / uncertain / likely_human per row; too little evidence is always uncertain."""
    codes = verdict_codes(probability, evidence, bot_threshold, human_threshold, min_evidence)
    return [VERDICTS[c] for c in codes.tolist()]


def top_reasons(contributions: np.ndarray, k: int = MAX_REASONS, min_impact: float = MIN_IMPACT):
    """Indices (rows x k) of the largest absolute contributions, largest first, and whether each counts.

    Ties are broken as ``np.argpartition`` then a stable sort break them: rows where one of the k largest
    ties with the next (a few rows with mostly missing fields) are chosen that way; all other rows have only one
    possible answer, found with k rounds of a maximum over all rows at once, several times cheaper than
    partitioning row by row."""
    k = min(k, contributions.shape[1])
    rows = np.arange(len(contributions))[:, None]  # plain fancy indexing: take_along_axis costs more per call
    if len(contributions) >= _MANY_ROWS and k < contributions.shape[1]:
        idx, tied = _largest_untied(contributions, k)
        if tied.size:
            idx[tied] = _partitioned(np.abs(contributions[tied]), k)
    else:
        idx = _partitioned(np.abs(contributions), k)
    return idx, np.abs(contributions[rows, idx]) >= min_impact


_MANY_ROWS = 256  # below this, numpy's per-call cost outweighs what the rounds save


def _partitioned(magnitude: np.ndarray, k: int) -> np.ndarray:
    rows = np.arange(len(magnitude))[:, None]
    part = np.argpartition(-magnitude, k - 1, axis=1)[:, :k]
    order = np.argsort(-magnitude[rows, part], axis=1, kind="stable")
    return part[rows, order]


def _largest_untied(contributions: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k largest magnitudes per row, largest first, and the rows where one ties with the next (or is NaN).

    Works on the transpose, so that each round's maximum is one reduction across all rows; an equality
    mask times (1, column index) gives how often the maximum occurs and, when once, where. Magnitudes are
    rounded to float32 (half the memory to touch): rounding keeps order, so it can only merge values into a
    tie, and a tied row is chosen from the exact values anyway."""
    work = np.abs(contributions.T, dtype=np.float32, order="C")
    columns = np.arange(work.shape[1])
    weights = np.vstack([np.ones(work.shape[0]), np.arange(work.shape[0])]).astype(np.float32)
    picks = np.empty((work.shape[1], k), dtype=np.intp)
    tied = np.zeros(work.shape[1], dtype=bool)
    for r in range(k):
        top = work.max(axis=0)
        count, where = weights @ (work == top).astype(np.float32)
        once = count == 1  # twice or more: a tie with the next largest; never: NaN
        tied |= ~once
        picks[:, r] = pick = np.where(once, where, 0).astype(np.intp)
        work[pick, columns] = -np.inf
    return picks, np.flatnonzero(tied)


class AccountScorer:
    def __init__(self, loaded: LoadedModel):
        model: AccountModel = loaded.obj
        if not isinstance(model, AccountModel):
            raise TypeError(f"artifact '{loaded.name}' is not an account model")
        self.model = model
        self.version = loaded.version

    def probabilities(self, profiles: Sequence, now: float | None = None):
        """Feature matrix, raw numbers, and per-head contributions and probabilities for a batch."""
        return self._probabilities(profile_columns(profiles), len(profiles), now)

    def _probabilities(self, cols: dict, size: int, now: float | None):
        X, raw = self.model.features_of_columns(cols, size, now=now)
        bot_c = self.model.bot.contributions(X)
        fake_c = self.model.fake.contributions(X)
        bot_p = 1.0 / (1.0 + np.exp(-self.model.bot.logit(bot_c)))
        fake_p = 1.0 / (1.0 + np.exp(-self.model.fake.logit(fake_c)))
        return X, raw, bot_c, fake_c, bot_p, fake_p

    def score(self, profiles: Sequence, now: float | None = None) -> ScoredAccounts:
        """Probabilities, verdicts and reasons of a batch as columns; sentences are rendered when read."""
        with gc_paused():
            # One read of every field, the identities passed through to the results included.
            cols = profile_columns(profiles, _SCORED_FIELDS)
            X, raw, bot_c, contributions, bot_p, fake_p = self._probabilities(cols, len(profiles), now)
            fake_leads = fake_p > bot_p
            leading = np.where(fake_leads, fake_p, bot_p)
            evidence = sum((~np.isnan(raw[key])).astype(int) for key in _EVIDENCE_KEYS)
            codes = verdict_codes(leading, evidence, self.model.bot_threshold, self.model.human_threshold)
            # The leading head's contributions, written over the fake head's: no new rows x features array
            # (each fresh one costs page faults), and the bot head's freed before choosing reasons.
            np.copyto(contributions, bot_c, where=~fake_leads[:, None])
            del bot_c
            idx, keep = top_reasons(contributions)
            rows = np.arange(len(X))[:, None]
            return ScoredAccounts(cols["platform"], cols["handle"], cols["self_declared_bot"], bot_p.round(4),
                                  fake_p.round(4), codes, idx, contributions[rows, idx].round(3), X[rows, idx],
                                  keep, raw)


# Platform, handle and the platform's own bot flag are passed through to the results.
_SCORED_FIELDS = (*RAW_FIELDS, "platform", "self_declared_bot")
