"""The follower audit's quantifier reference: how the account model's probabilities are spread over accounts it
has not seen, per true class.

Adjusted probabilistic classify-and-count needs E[p | fake] and E[p | genuine] on held-out data. They come from
cross-fitting: the account model is refitted on k-1 folds of the labelled accounts and scores the k-th, so
every account gets a probability from a model that never saw it. Only per-bin counts and mean probabilities
are stored (a histogram), never the accounts. Runs after ``account``; deterministic.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from botlens.audit.bootstrap import Reference
from botlens.registry import read_manifest, save_artifact
from botlens.training.account import AccountData, cell_weights, fit_account_model, load_account_data, \
    with_handle_likelihood

FOLDS = 5
SEED = 20150215


def stratified_folds(strata: np.ndarray, k: int, seed: int) -> np.ndarray:
    """Fold number of every row, each stratum dealt evenly over the folds in a seeded random order."""
    rng = np.random.default_rng(seed)
    folds = np.empty(len(strata), dtype=np.int64)
    for value in np.unique(strata):
        rows = np.flatnonzero(strata == value)
        folds[rows] = np.arange(len(rows)) % k
        folds[rows] = rng.permutation(folds[rows])
    return folds


def cross_fitted(data: AccountData, usable: np.ndarray | None = None, k: int = FOLDS,
                 seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold (bot, fake) probabilities for the ``usable`` rows (NaN elsewhere). Rows outside ``usable``
    are neither trained on nor scored, so a caller can keep a test set away from every fold."""
    usable = np.ones(len(data.kinds), dtype=bool) if usable is None else usable
    strata = np.char.add(data.source.astype(str), data.kinds.astype(str))
    folds = stratified_folds(strata, k, seed)
    bot, fake = np.full(len(usable), np.nan), np.full(len(usable), np.nan)
    for fold in range(k):
        test = usable & (folds == fold)
        model = fit_account_model(data, rows=usable & (folds != fold))
        X = with_handle_likelihood(data.X[test], [h for h, t in zip(data.handles, test) if t], model.handle_model)
        bot[test], fake[test] = model.predict(X)
    return bot, fake


def training_priors(data: AccountData, rows: np.ndarray | None = None) -> tuple[float, float]:
    """The positive share each head is fitted to once every (source, label) cell weighs the same."""
    rows = np.ones(len(data.kinds), dtype=bool) if rows is None else rows
    y_bot = data.is_bot[rows]
    w_bot = cell_weights(data.source[rows], y_bot)
    fake_rows = rows & data.fake_rows
    y_fake = (data.kinds[fake_rows] == "fake_follower").astype(int)
    w_fake = cell_weights(data.source[fake_rows], y_fake)
    return float(w_bot @ y_bot / w_bot.sum()), float(w_fake @ y_fake / w_fake.sum())


def references(data: AccountData, bot: np.ndarray, fake: np.ndarray,
               rows: np.ndarray | None = None) -> tuple[Reference, Reference]:
    """(bot reference, fake-follower reference) from out-of-fold probabilities of ``rows``."""
    rows = np.ones(len(data.kinds), dtype=bool) if rows is None else rows
    rows = rows & ~np.isnan(bot)
    bot_prior, fake_prior = training_priors(data)
    fake_rows = rows & data.fake_rows
    bot_ref = Reference.from_scores(bot[rows], data.is_bot[rows], bot_prior)
    fake_ref = Reference.from_scores(fake[fake_rows], (data.kinds[fake_rows] == "fake_follower").astype(int),
                                     fake_prior)
    return bot_ref, fake_ref


def train_quantifier(data_dir: Path, model_dir: Path) -> dict:
    data = load_account_data(data_dir)
    bot, fake = cross_fitted(data)
    bot_ref, fake_ref = references(data, bot, fake)
    account_entry = read_manifest(model_dir).get("artifacts", {}).get("account", {})
    payload = {"bot": bot_ref.as_dict(), "fake": fake_ref.as_dict(), "folds": FOLDS, "seed": SEED}
    metrics = {
        "fake_conditional_means": dict(zip(("fake", "genuine"), fake_ref.conditional_means())),
        "bot_conditional_means": dict(zip(("bot", "human"), bot_ref.conditional_means())),
        "fake_training_prior": fake_ref.train_prior,
        "bot_training_prior": bot_ref.train_prior,
    }
    return save_artifact(model_dir, "quantifier", payload, training_files=data.training_files(), metrics=metrics,
                         extra={"account_version": account_entry.get("version")})
