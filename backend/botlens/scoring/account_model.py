"""The object stored in ``model/account.joblib``: the handle bigram table and the two additive heads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from botlens.features.handle_likelihood import HandleBigramModel
from botlens.features.profile import (
    ACCOUNT_FEATURES,
    columns_features,
    features_and_raw,
)
from botlens.scoring.additive import AdditiveHead


@dataclass
class AccountModel:
    handle_model: HandleBigramModel
    bot: AdditiveHead  # automated or spam accounts vs humans
    fake: AdditiveHead  # bought fake followers vs genuine accounts
    features: tuple[str, ...] = ACCOUNT_FEATURES
    # Verdict bands on the larger of the two probabilities; between them the verdict is "uncertain".
    bot_threshold: float = 0.8
    human_threshold: float = 0.3
    info: dict = field(default_factory=dict)

    def features_of(self, profiles: Sequence, now: float | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        return features_and_raw(profiles, self.handle_model, now=now)

    def features_of_columns(self, cols: dict[str, Sequence], size: int,
                            now: float | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """``features_of`` from fields already read into columns (``features.profile.profile_columns``)."""
        return columns_features(cols, size, self.handle_model, now=now)

    def predict(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(bot probability, fake-follower probability) for a precomputed feature matrix."""
        return self.bot.probability(X), self.fake.probability(X)
