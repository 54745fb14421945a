"""Posting-pattern signals of one account's timeline: pure functions of its posts.

A post is anything with ``text``, ``created_at`` (aware datetime or None), ``is_repost`` and ``is_reply``
(bool or None): the API's :class:`botlens.schemas.posts.Post` or a training row. Each signal is NaN when the
posts do not show it (no timestamps, too few posts), never a guess: the model treats NaN as missing.

Why these: scheduled accounts post at regular intervals and around the clock (people sleep); template and
feed bots repeat themselves and stuff links, hashtags and mentions; amplification accounts mostly repost.
(Chu et al. 2012, "Detecting automation of Twitter accounts"; Gilani et al. 2017; Varol et al. 2017.)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

import re

import numpy as np
from scipy import sparse

from botlens.features.text import comparable_text, find_hashtags, find_mentions, find_urls, shingles, text_view

FEATURES: tuple[str, ...] = (
    "interval_cv",
    "hours_active_share",
    "longest_quiet_hours",
    "exact_duplicate_share",
    "near_duplicate_share",
    "url_share",
    "hashtags_per_post",
    "mentions_per_post",
    "repost_share",
    "reply_share",
    "spam_share",
)

MIN_INTERVALS = 4  # intervals needed before their regularity means anything
MIN_TIMED_FOR_HOURS = 12  # posts with times needed before a daily rhythm can show
SPAM_THRESHOLD = 0.5


NEAR_DUPLICATE_JACCARD = 0.6
_MENTION_OR_PUNCTUATION = re.compile(r"@[\w.@-]+|[^\w\s]+")


def duplicate_key(text: str) -> str:
    """What stays when a template repeats: no links, digits, mentions, punctuation, case or spacing."""
    return " ".join(_MENTION_OR_PUNCTUATION.sub(" ", comparable_text(text)).split())


def url_count(text: str) -> int:
    return len(find_urls(text_view(text)))


def hashtag_count(text: str) -> int:
    return len(find_hashtags(text_view(text)))


def mention_count(text: str) -> int:
    return len(find_mentions(text_view(text)))


def token_counts(text: str) -> tuple[int, int, int]:
    """(links, hashtags, mentions) of one post, folding the text once for all three."""
    view = text_view(text)
    return len(find_urls(view)), len(find_hashtags(view)), len(find_mentions(view))


def near_duplicate_flags(texts: Sequence[str], threshold: float = NEAR_DUPLICATE_JACCARD) -> np.ndarray:
    """For each post, whether another post of the same timeline shares most of its character shingles.

    Exact Jaccard for every pair at once: a sparse post x shingle matrix times its transpose gives the pairwise
    intersections, which for a 1,000-post timeline is far cheaper than comparing sets pair by pair.
    """
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for i, text in enumerate(texts):
        for shingle in shingles(text):
            rows.append(i)
            cols.append(vocabulary.setdefault(shingle, len(vocabulary)))
    n = len(texts)
    if not cols:
        return np.zeros(n, dtype=bool)
    x = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(n, len(vocabulary)))
    overlap = (x @ x.T).tocoo()
    sizes = np.asarray(x.sum(axis=1)).ravel()
    off_diagonal = overlap.row != overlap.col
    r, c, inter = overlap.row[off_diagonal], overlap.col[off_diagonal], overlap.data[off_diagonal]
    jaccard = inter / (sizes[r] + sizes[c] - inter)
    flags = np.zeros(n, dtype=bool)
    flags[r[jaccard >= threshold]] = True
    return flags


class PostLike(Protocol):
    text: str
    created_at: datetime | None
    is_repost: bool | None
    is_reply: bool | None


def is_repost(post: PostLike) -> bool:
    # Pages mark reposts; exports of old Twitter data only show the "RT @user:" prefix.
    if post.is_repost is not None:
        return bool(post.is_repost)
    return post.text.startswith("RT @")


def is_reply(post: PostLike) -> bool:
    if post.is_reply is not None:
        return bool(post.is_reply)
    return post.text.startswith("@")


def post_times(posts: Sequence[PostLike]) -> np.ndarray:
    """POSIX seconds of the posts that carry a time, sorted."""
    return np.sort(np.array([p.created_at.timestamp() for p in posts if p.created_at is not None], dtype=float))


def interval_cv(times: np.ndarray) -> float:
    """Coefficient of variation of the gaps between posts: near 0 for a scheduler, about 1 or more for people."""
    gaps = np.diff(times)
    if len(gaps) < MIN_INTERVALS or gaps.mean() <= 0:
        return float("nan")
    return float(gaps.std() / gaps.mean())


def hour_histogram(times: np.ndarray) -> np.ndarray:
    return np.bincount(((times // 3600) % 24).astype(np.int64), minlength=24)


def hours_active_share(times: np.ndarray) -> float:
    """Share of the hours of the day (UTC) with any post, out of the hours the post count could fill."""
    if len(times) < MIN_TIMED_FOR_HOURS:
        return float("nan")
    return float((hour_histogram(times) > 0).sum() / min(len(times), 24))


def longest_quiet_hours(times: np.ndarray) -> float:
    """Longest run of hours of the day with no post, wrapping past midnight (people sleep; schedulers don't)."""
    if len(times) < MIN_TIMED_FOR_HOURS:
        return float("nan")
    quiet = np.concatenate([hour_histogram(times) == 0] * 2)
    longest = run = 0
    for hour_is_quiet in quiet:
        run = run + 1 if hour_is_quiet else 0
        longest = max(longest, run)
    return float(min(longest, 24))


def exact_duplicate_share(texts: Sequence[str]) -> float:
    """Share of posts whose :func:`duplicate_key` already appeared in an earlier post."""
    seen: set[str] = set()
    repeats = 0
    for text in texts:
        key = duplicate_key(text)
        if key in seen and key:
            repeats += 1
        seen.add(key)
    return repeats / len(texts) if texts else float("nan")


def timeline_signals(posts: Sequence[PostLike], spam_probabilities: np.ndarray | None = None) -> dict[str, float]:
    """Every signal in :data:`FEATURES` for one timeline."""
    nan = float("nan")
    if not posts:
        return dict.fromkeys(FEATURES, nan)
    texts = [p.text for p in posts]
    times = post_times(posts)
    n = len(posts)
    counts = np.array([token_counts(t) for t in texts], dtype=float).reshape(-1, 3)
    spam = np.asarray(spam_probabilities, dtype=float) if spam_probabilities is not None else None
    return {
        "interval_cv": interval_cv(times),
        "hours_active_share": hours_active_share(times),
        "longest_quiet_hours": longest_quiet_hours(times),
        "exact_duplicate_share": exact_duplicate_share(texts),
        "near_duplicate_share": float(np.mean(near_duplicate_flags(texts))) if n > 1 else nan,
        "url_share": float(np.mean(counts[:, 0] > 0)),
        "hashtags_per_post": float(counts[:, 1].mean()),
        "mentions_per_post": float(counts[:, 2].mean()),
        "repost_share": sum(is_repost(p) for p in posts) / n,
        "reply_share": sum(is_reply(p) for p in posts) / n,
        "spam_share": float(np.mean(spam >= SPAM_THRESHOLD)) if spam is not None and len(spam) else nan,
    }


def timeline_matrix(timelines: Sequence[Sequence[PostLike]],
                    spam_probabilities: Sequence[np.ndarray | None] | None = None) -> np.ndarray:
    """One row of :data:`FEATURES` per timeline."""
    spam = spam_probabilities if spam_probabilities is not None else [None] * len(timelines)
    rows = [timeline_signals(posts, s) for posts, s in zip(timelines, spam, strict=True)]
    return np.array([[row[name] for name in FEATURES] for row in rows], dtype=float).reshape(-1, len(FEATURES))
