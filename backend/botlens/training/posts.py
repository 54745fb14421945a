"""Train the posting-pattern model: automation probability of a timeline from its signals.

Gradient-boosted trees over :data:`botlens.features.timeline.FEATURES` (NaN = the posts do not show it, which
the trees route on their own), calibrated by isotonic regression on cross-validated predictions. Each corpus
carries the same total weight, so PAN-2019's 2,880 authors do not drown Bot-or-Not's 446 timed timelines,
which are the only ones that teach the timing signals. The ``spam_share`` signal uses the compose model, so
this trainer runs after ``compose``. Deterministic: fixed seeds, single-threaded calibration folds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import StratifiedKFold

from botlens.features.timeline import FEATURES, timeline_matrix
from botlens.registry import ModelRegistry, save_artifact
from botlens.training.timelines import CITATIONS, LabelledTimeline, load_timeline_sources

SEED = 20240316
HELD_OUT_SUBSET = ("botornot_2024_timelines", "31")  # the French set: a whole set the trainer validates on


@dataclass
class TimelineData:
    X: np.ndarray
    y: np.ndarray
    corpus: np.ndarray
    subset: np.ndarray
    files: dict[str, str]
    spam_model: str | None


def spam_probabilities(timelines: list[LabelledTimeline], model_dir: Path) -> tuple[list | None, str | None]:
    """Per-post compose-model spam probabilities for every timeline, or None without a compose model."""
    registry = ModelRegistry(model_dir)
    if "compose" not in registry.available():
        return None, None
    from botlens.scoring.compose import ComposeChecker

    checker = ComposeChecker(registry.get("compose"))
    texts = [p.text for t in timelines for p in t.posts]
    # In slices: the text pipeline's sparse matrices for 300,000 posts at once would take gigabytes.
    flat = np.concatenate([checker.model_probabilities(texts[i:i + 20000]) for i in range(0, len(texts), 20000)])
    bounds = np.cumsum([0] + [len(t.posts) for t in timelines])
    return [flat[a:b] for a, b in zip(bounds[:-1], bounds[1:])], checker.version


def load_timeline_data(data_dir: Path, model_dir: Path) -> TimelineData:
    timelines, files = load_timeline_sources(data_dir)
    spam, spam_model = spam_probabilities(timelines, model_dir)
    X = timeline_matrix([t.posts for t in timelines], spam)
    return TimelineData(X=X, y=np.array([t.is_bot for t in timelines], dtype=int),
                        corpus=np.array([t.source for t in timelines]),
                        subset=np.array([f"{t.source}/{t.subset}" for t in timelines]),
                        files=files, spam_model=spam_model)


def corpus_weights(corpus: np.ndarray) -> np.ndarray:
    """Every corpus the same total weight; mean weight 1."""
    _, inverse, counts = np.unique(corpus, return_inverse=True, return_counts=True)
    weights = 1.0 / counts[inverse]
    return weights * len(weights) / weights.sum()


def fit_posts_model(X: np.ndarray, y: np.ndarray, corpus: np.ndarray, seed: int = SEED) -> CalibratedClassifierCV:
    trees = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15,
                                           min_samples_leaf=20, l2_regularization=1.0, random_state=seed)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    model = CalibratedClassifierCV(trees, method="isotonic", cv=folds)
    # A signal no training timeline shows (the timing ones, when only PAN-2019 is trained on) becomes a
    # constant: the trees never split on it, and scikit-learn's binning cannot take an all-missing column.
    X = np.where(np.isnan(X).all(axis=0), 0.0, X)
    model.fit(X, y, sample_weight=corpus_weights(corpus))
    return model


def held_out_metrics(data: TimelineData, test: np.ndarray) -> dict:
    from sklearn.metrics import brier_score_loss, roc_auc_score

    model = fit_posts_model(data.X[~test], data.y[~test], data.corpus[~test])
    p = model.predict_proba(data.X[test])[:, 1]
    return {"n": int(test.sum()), "bots": int(data.y[test].sum()), "auc": round(float(roc_auc_score(data.y[test], p)), 4),
            "brier": round(float(brier_score_loss(data.y[test], p)), 4), "mean_probability": round(float(p.mean()), 4)}


def train_posts(data_dir: Path, model_dir: Path) -> dict:
    data = load_timeline_data(data_dir, model_dir)
    held_out = data.subset == "/".join(HELD_OUT_SUBSET)
    metrics = {"held_out_" + "_".join(HELD_OUT_SUBSET): held_out_metrics(data, held_out),
               "training_timelines": {c: int((data.corpus == c).sum()) for c in np.unique(data.corpus)}}
    model = fit_posts_model(data.X, data.y, data.corpus)
    return save_artifact(model_dir, "posts", model, features=list(FEATURES), training_files=data.files,
                         metrics=metrics, extra={"spam_model": data.spam_model, "citations": CITATIONS})
