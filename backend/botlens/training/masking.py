"""Random masking of optional Profile fields, so the model learns to score any subset of fields.

Masking works on the feature matrix: hiding a field blanks every feature computed from it (see
``FEATURE_FIELDS``). Besides independent random masks, a few masks copy what real pages show.
"""

from __future__ import annotations

import numpy as np

from botlens.features.profile import ACCOUNT_FEATURES, FEATURE_FIELDS

OPTIONAL_FIELDS: tuple[str, ...] = (
    "display_name", "bio", "followers_count", "following_count", "posts_count", "likes_count", "listed_count",
    "created_at", "default_avatar", "has_banner", "location", "url",
)

# What a page typically shows (the remaining optional fields are hidden).
PAGE_VIEWS: dict[str, tuple[str, ...]] = {
    # A follower/following list card or a hover card: name, bio, avatar, sometimes the two counts.
    "list_card": ("display_name", "bio", "default_avatar"),
    "hover_card": ("display_name", "bio", "default_avatar", "followers_count", "following_count"),
    # A profile page: no likes or list count.
    "profile_page": ("display_name", "bio", "followers_count", "following_count", "posts_count", "created_at",
                     "default_avatar", "has_banner", "location", "url"),
}


def field_columns(fields: tuple[str, ...] | list[str]) -> np.ndarray:
    """Boolean mask over ACCOUNT_FEATURES of the features that read any of ``fields``."""
    wanted = set(fields)
    return np.array([bool(wanted.intersection(FEATURE_FIELDS[f])) for f in ACCOUNT_FEATURES])


def mask_fields(X: np.ndarray, fields: tuple[str, ...] | list[str]) -> np.ndarray:
    """A copy of X with every feature that depends on ``fields`` set to missing."""
    out = X.copy()
    out[:, field_columns(fields)] = np.nan
    return out


def random_masks(X: np.ndarray, rng: np.random.Generator, p_field: float = 0.3) -> np.ndarray:
    """Each optional field hidden independently with probability ``p_field``, per row."""
    out = X.copy()
    for name in OPTIONAL_FIELDS:
        rows = rng.random(len(X)) < p_field
        out[np.ix_(rows, field_columns([name]))] = np.nan
    return out


def page_view_masks(X: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Each row shown as one of the PAGE_VIEWS, chosen at random."""
    out = X.copy()
    views = list(PAGE_VIEWS.values())
    choice = rng.integers(len(views), size=len(X))
    for i, shown in enumerate(views):
        hidden = [f for f in OPTIONAL_FIELDS if f not in shown]
        out[np.ix_(choice == i, field_columns(hidden))] = np.nan
    return out
