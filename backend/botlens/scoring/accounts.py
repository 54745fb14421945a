"""Score profiles with the account model: two probabilities, a verdict with an uncertain band, and reasons.

Everything per batch is numpy, and ``score`` returns columns (``ScoredAccounts``); per profile there is only
the rendering of results and sentences, done when they are read. Reasons come from the exact per-feature
logit contributions of the additive model, taken from the head whose probability is higher (the one the
verdict rests on).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter, itemgetter

import numpy as np
from pydantic import BaseModel

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
    """Indices (rows x k) of the largest absolute contributions, largest first, and whether each counts."""
    k = min(k, contributions.shape[1])
    magnitude = np.abs(contributions)
    rows = np.arange(len(contributions))[:, None]  # plain fancy indexing: take_along_axis costs more per call
    part = np.argpartition(-magnitude, k - 1, axis=1)[:, :k]
    order = np.argsort(-magnitude[rows, part], axis=1, kind="stable")
    idx = part[rows, order]
    return idx, magnitude[rows, idx] >= min_impact


class AccountScorer:
    def __init__(self, loaded: LoadedModel):
        model: AccountModel = loaded.obj
        if not isinstance(model, AccountModel):
            raise TypeError(f"artifact '{loaded.name}' is not an account model")
        self.model = model
        self.version = loaded.version

    def probabilities(self, profiles: Sequence, now: float | None = None):
        """Feature matrix, raw numbers, and per-head contributions and probabilities for a batch."""
        X, raw = self.model.features_of(profiles, now=now)
        bot_c = self.model.bot.contributions(X)
        fake_c = self.model.fake.contributions(X)
        bot_p = 1.0 / (1.0 + np.exp(-self.model.bot.logit(bot_c)))
        fake_p = 1.0 / (1.0 + np.exp(-self.model.fake.logit(fake_c)))
        return X, raw, bot_c, fake_c, bot_p, fake_p

    def score(self, profiles: Sequence, now: float | None = None) -> ScoredAccounts:
        """Probabilities, verdicts and reasons of a batch as columns; sentences are rendered when read."""
        with gc_paused():
            X, raw, bot_c, fake_c, bot_p, fake_p = self.probabilities(profiles, now=now)
            fake_leads = fake_p > bot_p
            leading = np.where(fake_leads, fake_p, bot_p)
            evidence = sum((~np.isnan(raw[key])).astype(int) for key in _EVIDENCE_KEYS)
            codes = verdict_codes(leading, evidence, self.model.bot_threshold, self.model.human_threshold)
            contributions = np.where(fake_leads[:, None], fake_c, bot_c)
            idx, keep = top_reasons(contributions)
            platforms, handles, declared = _identities(profiles)
            rows = np.arange(len(X))[:, None]
            return ScoredAccounts(platforms, handles, declared, bot_p.round(4), fake_p.round(4), codes, idx,
                                  contributions[rows, idx].round(3), X[rows, idx], keep, raw)


_IDENTITY = attrgetter("platform", "handle", "self_declared_bot")
_IDENTITY_ITEMS = itemgetter("platform", "handle", "self_declared_bot")


def _identities(profiles: Sequence) -> tuple[list, list, list]:
    """Platforms, handles and the platforms' own bot flags, passed through to the results."""
    if not profiles:
        return [], [], []
    if isinstance(profiles[0], dict):
        rows = [(p.get("platform"), p.get("handle"), p.get("self_declared_bot")) for p in profiles]
    elif isinstance(profiles[0], BaseModel):  # fields live in __dict__: an item getter reads them faster
        rows = list(map(_IDENTITY_ITEMS, map(vars, profiles)))
    else:
        rows = list(map(_IDENTITY, profiles))
    platforms, handles, declared = zip(*rows)
    return list(platforms), list(handles), list(declared)
