"""Account features from Profile fields only: ``profile_features(profiles) -> float matrix`` (NaN = missing).

The set starts from BotometerLite's profile features (counts, counts per day of account age, the
followers/following ratio, lengths and digit counts of handle, name and bio, handle likelihood, default
avatar), adds the fake-follower rules of thumb (following far above followers, no bio, few posts, no
banner/location/URL), a few bio signals and whether the account says it is a bot. ``verified`` is not a
feature: no training source records it honestly (see the model card). Pure and vectorised: one pass per
field over the batch, then numpy.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from operator import attrgetter, itemgetter

import numpy as np
from pydantic import BaseModel

from botlens.features.handle_likelihood import HandleBigramModel
from botlens.features.profile_text import text_features

ACCOUNT_FEATURES: tuple[str, ...] = (
    "log_followers",
    "log_following",
    "log_posts",
    "log_likes",
    "log_listed",
    "log_age_days",
    "log_followers_per_day",
    "log_following_per_day",
    "log_posts_per_day",
    "log_likes_per_day",
    "log_listed_per_day",
    "followers_following_log_ratio",
    "handle_length",
    "handle_digits",
    "handle_likelihood",
    "name_length",
    "name_digits",
    "bio_length",
    "bio_digits",
    "bio_has_link",
    "self_described_bot",
    "default_avatar",
    "has_banner",
    "has_location",
    "has_url",
)

# Which Profile field each feature reads: masking a field blanks every feature that depends on it.
FEATURE_FIELDS: dict[str, tuple[str, ...]] = {
    "log_followers": ("followers_count",),
    "log_following": ("following_count",),
    "log_posts": ("posts_count",),
    "log_likes": ("likes_count",),
    "log_listed": ("listed_count",),
    "log_age_days": ("created_at",),
    "log_followers_per_day": ("followers_count", "created_at"),
    "log_following_per_day": ("following_count", "created_at"),
    "log_posts_per_day": ("posts_count", "created_at"),
    "log_likes_per_day": ("likes_count", "created_at"),
    "log_listed_per_day": ("listed_count", "created_at"),
    "followers_following_log_ratio": ("followers_count", "following_count"),
    "handle_length": ("handle",),
    "handle_digits": ("handle",),
    "handle_likelihood": ("handle",),
    "name_length": ("display_name",),
    "name_digits": ("display_name",),
    "bio_length": ("bio",),
    "bio_digits": ("bio",),
    "bio_has_link": ("bio",),
    "self_described_bot": ("handle", "display_name", "bio"),
    "default_avatar": ("default_avatar",),
    "has_banner": ("has_banner",),
    "has_location": ("location",),
    "has_url": ("url",),
}

RAW_FIELDS = ("handle", "display_name", "bio", "followers_count", "following_count", "posts_count", "likes_count",
              "listed_count", "created_at", "observed_at", "default_avatar", "has_banner", "location", "url")


def profile_columns(profiles: Sequence, fields: tuple[str, ...] = RAW_FIELDS) -> dict[str, Sequence]:
    """Field name -> that field of every profile (``Profile`` objects, other objects, or dicts), in one pass."""
    if not profiles:
        return {name: [] for name in fields}
    if isinstance(profiles[0], dict):
        return {name: [p.get(name) for p in profiles] for name in fields}
    if isinstance(profiles[0], BaseModel):
        # A pydantic model keeps its fields in __dict__: one C-level item getter per profile reads them all
        # (twice as fast as the attribute getter), then a transpose.
        rows = map(itemgetter(*fields), map(vars, profiles))
    else:
        rows = map(attrgetter(*fields), profiles)
    if len(fields) == 1:
        return {fields[0]: list(rows)}
    return dict(zip(fields, map(list, zip(*rows))))


def _numbers(values: list) -> np.ndarray:
    # numpy stores None as NaN (the same NaN as np.nan) when asked for floats.
    return np.array(values, dtype=np.float64)


_FLAG_VALUES = {None: np.nan, True: 1.0, False: 0.0}


def _flags(values: list) -> np.ndarray:
    """1.0 where truthy, 0.0 where not, NaN where None; a dict lookup per value (1 and 0 find True and False)."""
    try:
        return np.fromiter(map(_FLAG_VALUES.__getitem__, values), dtype=np.float64, count=len(values))
    except (KeyError, TypeError):  # other values, e.g. from dicts: their truth
        return np.array([np.nan if v is None else (1.0 if v else 0.0) for v in values], dtype=np.float64)


def _timestamps(values: list) -> np.ndarray:
    return np.array(
        [np.nan if v is None else (v.timestamp() if isinstance(v, datetime) else _parse(v)) for v in values],
        dtype=np.float64,
    )


def _parse(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def _raw_numeric(cols: dict[str, list], now: float | None) -> dict[str, np.ndarray]:
    created = _timestamps(cols["created_at"])
    observed = _timestamps(cols["observed_at"])
    if now is None:
        now = datetime.now().timestamp()
    observed = np.where(np.isnan(observed), now, observed)
    return {
        "followers": _numbers(cols["followers_count"]),
        "following": _numbers(cols["following_count"]),
        "posts": _numbers(cols["posts_count"]),
        "likes": _numbers(cols["likes_count"]),
        "listed": _numbers(cols["listed_count"]),
        # A day at least, so that a brand-new account's rates stay finite.
        "age_days": np.maximum((observed - created) / 86400.0, 1.0),
    }


def profile_features(
    profiles: Sequence, handle_model: HandleBigramModel | None = None, *, now: float | None = None
) -> np.ndarray:
    """Feature matrix: rows = profiles (``Profile`` objects or dicts), columns = ACCOUNT_FEATURES, NaN = missing."""
    return features_and_raw(profiles, handle_model, now=now)[0]


def features_and_raw(
    profiles: Sequence, handle_model: HandleBigramModel | None = None, *, now: float | None = None
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The feature matrix and the raw numbers behind it (counts, age in days), which reasons quote.

    ``handle_model`` is the fitted bigram table from the artifact (without it ``handle_likelihood`` is
    missing). ``now`` (a POSIX time) stands in for a missing ``observed_at``; it defaults to the clock, which is
    the only impure input and matches the Profile schema's "default now".
    """
    return columns_features(profile_columns(profiles), len(profiles), handle_model, now=now)


def columns_features(
    cols: dict[str, Sequence], size: int, handle_model: HandleBigramModel | None = None, *, now: float | None = None
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """``features_and_raw`` from the fields already read into columns (``profile_columns``)."""
    raw = _raw_numeric(cols, now)
    log = {k: np.log1p(v) for k, v in raw.items() if k != "age_days"}
    log_age = np.log(raw["age_days"])
    per_day = {k: np.log1p(raw[k] / raw["age_days"]) for k in ("followers", "following", "posts", "likes", "listed")}
    if not size:
        return np.zeros((0, len(ACCOUNT_FEATURES))), raw
    text = text_features(cols)
    likelihood = handle_model.score(cols["handle"]) if handle_model is not None else np.full(size, np.nan)
    matrix = np.column_stack([
        log["followers"], log["following"], log["posts"], log["likes"], log["listed"], log_age,
        per_day["followers"], per_day["following"], per_day["posts"], per_day["likes"], per_day["listed"],
        log["followers"] - log["following"],
        text["handle_length"], text["handle_digits"], likelihood, text["name_length"], text["name_digits"],
        text["bio_length"], text["bio_digits"], text["bio_has_link"], text["self_described_bot"],
        _flags(cols["default_avatar"]), _flags(cols["has_banner"]), text["has_location"], text["has_url"],
    ])
    return matrix, raw
