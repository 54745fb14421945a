"""Train the account model: bot probability and fake-follower probability from Profile fields.

Deterministic (fixed seeds, no threads that change results) and quick: one pass of feature extraction, then
logistic regressions over binned features. Each (source, label) cell gets the same total weight, so that
no single dataset's quirks dominate and both classes weigh the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from botlens.features.handle_likelihood import HandleBigramModel
from botlens.features.profile import ACCOUNT_FEATURES, profile_features
from botlens.registry import save_artifact
from botlens.scoring.account_model import AccountModel
from botlens.scoring.additive import AdditiveHead, fit_head
from botlens.training.masking import page_view_masks, random_masks
from botlens.training.sources import LabelledSource, load_account_sources

SEED = 20150214
BOT_KINDS = ("fake_follower", "spambot", "bot")
HANDLE_COLUMN = ACCOUNT_FEATURES.index("handle_likelihood")


# Known direction of each feature's effect on "bot or fake" (+1 up, -1 down, 0 free), from the literature
# (BotometerLite; Cresci et al. 2015's rules of thumb) rather than from any one dataset, so that a source's
# quirks (its collection date, its typical list count) cannot bend a shape function the wrong way.
DIRECTIONS: dict[str, int] = {
    "log_followers": -1, "log_likes": -1, "log_listed": -1, "log_age_days": 0,
    "log_likes_per_day": -1, "log_listed_per_day": -1, "followers_following_log_ratio": -1,
    "handle_digits": +1, "handle_likelihood": -1, "name_digits": +1, "bio_length": -1,
    "self_described_bot": +1, "default_avatar": +1, "has_banner": -1, "has_location": -1, "has_url": -1,
}


# Features the bot head leaves out, chosen by leave-one-dataset-out results (see the model card): how many
# accounts a spambot follows, how fast it gains followers and how much it has posted differ so much between
# bot families (bought followers follow hundreds and hardly post; Botwiki bots follow almost no one) that
# learning them from some families misleads on the others. The ratio of followers to following stays.
# Whether a location is given and how long the bio is vary more between collections (languages, years) than
# between people and bots: learned from the others, both pointed the wrong way on Cresci-2015 held out.
BOT_HEAD_EXCLUDES: tuple[str, ...] = ("log_following", "log_following_per_day", "log_followers_per_day", "log_posts",
                                      "has_location", "bio_length")


@dataclass(frozen=True)
class Params:
    C: float = 0.01  # bot head (chosen by leave-one-dataset-out)
    max_bins: int = 10
    # The fake-follower head learns from one collection's two classes, which are far apart: finer bins and
    # weaker regularisation (chosen by Cresci-2015 cross-validation) fit them better.
    fake_C: float = 3.0
    fake_max_bins: int = 16
    p_field: float = 0.3
    monotone: bool = True
    bot_excludes: tuple[str, ...] = BOT_HEAD_EXCLUDES
    fake_excludes: tuple[str, ...] = ()
    # A profile that says it is a bot is taken at its word with a fixed weight: the bot families in any
    # training set are too few to learn how much that statement is worth, and learning it from them would
    # teach the model that such accounts are whatever those few families happen to be.
    bot_fixed_steps: tuple[tuple[str, float], ...] = (("self_described_bot", 8.0),)

    def directions(self) -> list[int]:
        return [DIRECTIONS.get(f, 0) if self.monotone else 0 for f in ACCOUNT_FEATURES]


def _without(X: np.ndarray, excluded: tuple[str, ...]) -> np.ndarray:
    """Excluded features blanked: they get no bins, so their contribution is 0 whatever the value."""
    if not excluded:
        return X
    out = X.copy()
    out[:, [ACCOUNT_FEATURES.index(f) for f in excluded]] = np.nan
    return out


@dataclass
class AccountData:
    sources: list[LabelledSource]
    X: np.ndarray  # features without handle_likelihood (fitted per training fold)
    handles: list[str]
    kinds: np.ndarray
    source: np.ndarray

    @property
    def is_bot(self) -> np.ndarray:
        return np.isin(self.kinds, BOT_KINDS).astype(int)

    @property
    def fake_rows(self) -> np.ndarray:
        return np.isin(self.kinds, ("human", "fake_follower"))

    def training_files(self) -> dict[str, str]:
        return {path: digest for s in self.sources for path, digest in s.files.items()}


def load_account_data(data_dir: Path) -> AccountData:
    sources = load_account_sources(Path(data_dir))
    profiles = [p for s in sources for p in s.profiles]
    return AccountData(
        sources=sources,
        X=profile_features(profiles),
        handles=[p.handle for p in profiles],
        kinds=np.array([k for s in sources for k in s.kinds]),
        source=np.array([s.name for s in sources for _ in s.profiles]),
    )


def cell_weights(source: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Weights giving every (source, label) cell the same total, normalised to mean 1."""
    cells = np.char.add(source.astype(str), y.astype(str))
    _, inverse, counts = np.unique(cells, return_inverse=True, return_counts=True)
    weights = 1.0 / counts[inverse]
    return weights * len(weights) / weights.sum()


def with_handle_likelihood(X: np.ndarray, handles: list[str], model: HandleBigramModel) -> np.ndarray:
    out = X.copy()
    out[:, HANDLE_COLUMN] = model.score(handles)
    return out


def _augment(X, y, w, rng, params: Params):
    """The rows as they are, once with random fields hidden, once as a random page view shows them."""
    X_all = np.vstack([X, random_masks(X, rng, params.p_field), page_view_masks(X, rng)])
    return X_all, np.tile(y, 3), np.tile(w, 3)


def _fit_head(X, y, source, params: Params, seed: int, fake: bool = False) -> AdditiveHead:
    rng = np.random.default_rng(seed)
    X_aug, y_aug, w_aug = _augment(X, y, cell_weights(source, y), rng, params)
    fixed = {} if fake else {ACCOUNT_FEATURES.index(name): step for name, step in params.bot_fixed_steps}
    pipeline = fit_head(X_aug, y_aug, w_aug, C=params.fake_C if fake else params.C,
                        max_bins=params.fake_max_bins if fake else params.max_bins, directions=params.directions(),
                        fixed_steps=fixed)
    return AdditiveHead.from_pipeline(pipeline)


def fit_account_model(data: AccountData, rows: np.ndarray | None = None, params: Params = Params(),
                      seed: int = SEED) -> AccountModel:
    """Fit both heads on ``rows`` (a boolean mask; all rows by default)."""
    rows = np.ones(len(data.kinds), dtype=bool) if rows is None else rows
    genuine = [h for h, keep in zip(data.handles, rows & (data.kinds == "human")) if keep]
    handle_model = HandleBigramModel().fit(genuine)
    X = with_handle_likelihood(data.X, data.handles, handle_model)
    bot = _fit_head(_without(X[rows], params.bot_excludes), data.is_bot[rows], data.source[rows], params, seed)
    fake_rows = rows & data.fake_rows
    if (data.kinds[fake_rows] == "fake_follower").any():
        fake = _fit_head(_without(X[fake_rows], params.fake_excludes),
                         (data.kinds[fake_rows] == "fake_follower").astype(int),
                         data.source[fake_rows], params, seed + 1, fake=True)
    else:
        fake = None  # no fake followers in this training fold (Cresci-2015 held out)
    return AccountModel(handle_model=handle_model, bot=bot, fake=fake,
                        info={"params": {k: list(v) if isinstance(v, tuple) else v
                                         for k, v in params.__dict__.items()}, "seed": seed})


def train_account(data_dir: Path, model_dir: Path) -> dict:
    data = load_account_data(data_dir)
    model = fit_account_model(data)
    # Pipelines are kept only as fitted lookup tables plus their parameters, to keep the artifact small.
    metrics = {"training_rows": int(len(data.kinds)),
               "rows_per_source": {s.name: len(s.profiles) for s in data.sources}}
    extra = {"audit": [s.audit.as_dict() for s in data.sources],
             "heads": {"bot_probability": "fake_follower, spambot, bot vs human",
                       "fake_follower_probability": "fake_follower vs human"}}
    return save_artifact(model_dir, "account", model, features=list(ACCOUNT_FEATURES),
                         training_files=data.training_files(), metrics=metrics, extra=extra)
