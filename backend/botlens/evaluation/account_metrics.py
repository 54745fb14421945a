"""The account model's held-out figures: leave-one-dataset-out, Cresci-2015 cross-validation, calibration,
and the effect of missing fields. Every model here is refitted without the data it is judged on."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sklearn.metrics import accuracy_score, f1_score, matthews_corrcoef, roc_auc_score
from sklearn.model_selection import StratifiedKFold

from botlens.features.profile import ACCOUNT_FEATURES
from botlens.scoring.account_model import AccountModel
from botlens.scoring.accounts import verdicts
from botlens.training.account import SEED, AccountData, Params, fit_account_model, with_handle_likelihood
from botlens.training.masking import OPTIONAL_FIELDS, PAGE_VIEWS, mask_fields

_EVIDENCE_COLUMNS = [ACCOUNT_FEATURES.index(f) for f in
                     ("log_followers", "log_following", "log_posts", "log_likes", "log_listed")]


@dataclass
class HeldOut:
    """Predictions for one held-out source from a model that never saw it."""

    source: str
    y: np.ndarray  # 1 = bot or fake
    kinds: np.ndarray
    bot_p: np.ndarray
    fake_p: np.ndarray | None
    verdict: list
    masked: dict[str, tuple[np.ndarray, list]] = field(default_factory=dict)  # view -> (bot_p, verdicts)


def _verdicts(model: AccountModel, X: np.ndarray, bot_p: np.ndarray, fake_p: np.ndarray | None) -> list:
    evidence = (~np.isnan(X[:, _EVIDENCE_COLUMNS])).sum(axis=1)
    leading = bot_p if fake_p is None else np.maximum(bot_p, fake_p)
    return verdicts(leading, evidence, model.bot_threshold, model.human_threshold)


def _predict(model: AccountModel, X: np.ndarray):
    bot_p = model.bot.probability(X)
    fake_p = model.fake.probability(X) if model.fake is not None else None
    return bot_p, fake_p, _verdicts(model, X, bot_p, fake_p)


def masked_views(X: np.ndarray, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """The held-out rows as each page view shows them, plus each optional field hidden on its own."""
    views = {name: mask_fields(X, [f for f in OPTIONAL_FIELDS if f not in shown])
             for name, shown in PAGE_VIEWS.items()}
    views["random_30pct"] = X.copy()
    for name in OPTIONAL_FIELDS:
        hide = rng.random(len(X)) < 0.3
        views["random_30pct"][hide] = mask_fields(views["random_30pct"][hide], [name])
    return views


def leave_one_dataset_out(data: AccountData, params: Params = Params()) -> dict[str, HeldOut]:
    out: dict[str, HeldOut] = {}
    rng = np.random.default_rng(SEED)
    for source in dict.fromkeys(data.source):
        test = data.source == source
        model = fit_account_model(data, ~test, params)
        X = with_handle_likelihood(data.X[test], [h for h, t in zip(data.handles, test) if t], model.handle_model)
        bot_p, fake_p, verdict = _predict(model, X)
        held = HeldOut(source, data.is_bot[test], data.kinds[test], bot_p, fake_p, verdict)
        for view, Xv in masked_views(X, rng).items():
            vb, vf, vv = _predict(model, Xv)
            held.masked[view] = (vb, vv)
        out[source] = held
    return out


def binary_scores(y: np.ndarray, p: np.ndarray, threshold: float = 0.5) -> dict[str, float]:
    pred = (p >= threshold).astype(int)
    scores = {"n": int(len(y)), "mean_probability": float(p.mean()), "flagged_rate": float(pred.mean())}
    if len(np.unique(y)) == 2:
        scores.update(auc=float(roc_auc_score(y, p)), f1=float(f1_score(y, pred)),
                      mcc=float(matthews_corrcoef(y, pred)), accuracy=float(accuracy_score(y, pred)))
    return scores


def cresci2015_cv(data: AccountData, params: Params = Params(), folds: int = 5) -> dict[str, dict[str, float]]:
    """Genuine (E13) vs bought followers (INT): stratified k-fold inside Cresci-2015, other sources always in
    training. Scores the fake-follower head, and the bot head on the same rows."""
    rows = np.flatnonzero(data.source == "cresci2015")
    y = (data.kinds[rows] == "fake_follower").astype(int)
    fake_p = np.zeros(len(rows))
    bot_p = np.zeros(len(rows))
    for train_idx, test_idx in StratifiedKFold(folds, shuffle=True, random_state=SEED).split(rows, y):
        train = np.ones(len(data.source), dtype=bool)
        train[rows[test_idx]] = False
        model = fit_account_model(data, train, params)
        X = with_handle_likelihood(data.X[rows[test_idx]], [data.handles[i] for i in rows[test_idx]],
                                   model.handle_model)
        fake_p[test_idx] = model.fake.probability(X)
        bot_p[test_idx] = model.bot.probability(X)
    return {"fake_follower_head": binary_scores(y, fake_p), "bot_head": binary_scores(y, bot_p),
            "_y": y, "_fake_p": fake_p}


def expected_calibration_error(y: np.ndarray, p: np.ndarray, bins: int = 10) -> tuple[float, list[dict]]:
    """ECE over equal-width bins, and the table behind the reliability plot."""
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    table, ece = [], 0.0
    for b in range(bins):
        sel = which == b
        if not sel.any():
            continue
        mean_p, rate = float(p[sel].mean()), float(y[sel].mean())
        ece += sel.mean() * abs(mean_p - rate)
        table.append({"bin": b, "n": int(sel.sum()), "mean_probability": mean_p, "observed_rate": rate})
    return float(ece), table


def masking_effect(held: dict[str, HeldOut]) -> dict[str, dict[str, float]]:
    """Per page view, pooled over held-out sources: AUC, mean |change| in bot probability, and how many
    accounts flip wholesale (likely_bot <-> likely_human) or lose a firm verdict."""
    y = np.concatenate([h.y for h in held.values()])
    full_p = np.concatenate([h.bot_p for h in held.values()])
    full_v = np.array([v.value for h in held.values() for v in h.verdict])
    out = {"all_fields": {"auc": float(roc_auc_score(y, full_p)), "mean_abs_change": 0.0, "wholesale_flips": 0.0,
                          "to_uncertain": 0.0}}
    for view in next(iter(held.values())).masked:
        p = np.concatenate([h.masked[view][0] for h in held.values()])
        v = np.array([x.value for h in held.values() for x in h.masked[view][1]])
        flips = ((full_v == "likely_bot") & (v == "likely_human")) | ((full_v == "likely_human") & (v == "likely_bot"))
        out[view] = {"auc": float(roc_auc_score(y, p)), "mean_abs_change": float(np.abs(p - full_p).mean()),
                     "wholesale_flips": float(flips.mean()),
                     "to_uncertain": float(((full_v != "uncertain") & (v == "uncertain")).mean())}
    return out


def feature_importance(model: AccountModel, X: np.ndarray) -> dict[str, dict[str, float]]:
    """Mean absolute logit contribution of each feature on the given rows, per head."""
    return {head: dict(zip(ACCOUNT_FEATURES, np.abs(getattr(model, head).contributions(X)).mean(axis=0).tolist()))
            for head in ("bot", "fake")}


def pooled_cv(data: AccountData, params: Params = Params(), folds: int = 5) -> dict[str, np.ndarray]:
    """Out-of-fold probabilities over every source at once (folds stratified by source and kind): held-out
    data from the same collections, for calibration in the setting the model was fitted for."""
    strata = np.char.add(data.source.astype(str), data.kinds.astype(str))
    bot_p = np.zeros(len(strata))
    fake_p = np.zeros(len(strata))
    for train_idx, test_idx in StratifiedKFold(folds, shuffle=True, random_state=SEED).split(strata, strata):
        train = np.zeros(len(strata), dtype=bool)
        train[train_idx] = True
        model = fit_account_model(data, train, params)
        X = with_handle_likelihood(data.X[test_idx], [data.handles[i] for i in test_idx], model.handle_model)
        bot_p[test_idx] = model.bot.probability(X)
        fake_p[test_idx] = model.fake.probability(X)
    return {"bot_p": bot_p, "fake_p": fake_p}
