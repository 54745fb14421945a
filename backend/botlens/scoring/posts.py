"""Score a timeline: automation probability from the posting-pattern model, the signals in plain sentences,
and each post's spam probability from the compose model."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from threadpoolctl import ThreadpoolController

from botlens.features.timeline import FEATURES, post_times, timeline_signals
from botlens.registry import LoadedModel
from botlens.schemas.posts import Post, PostSpam, ScorePostsRequest, ScorePostsResponse, Signal
from botlens.scoring.compose import ComposeChecker


# One timeline is one row: OpenMP's thread start-up across the boosted trees' 1,000 predict calls costs ten
# times the work itself (0.77 s against 0.06 s for 100 posts), so prediction runs on the calling thread only.
_THREADS = ThreadpoolController()


def _pct(value: float) -> str:
    return f"{value:.0%}"


def _sentence(code: str, value: float, n_posts: int, n_timed: int) -> str:
    if math.isnan(value):
        return {
            "interval_cv": "Too few posts with times to judge how regular the gaps between posts are.",
            "hours_active_share": "Too few posts with times to see a daily rhythm.",
            "longest_quiet_hours": "Too few posts with times to see a daily rhythm.",
            "near_duplicate_share": "A single post cannot repeat another.",
            "spam_share": "No spam model was available for the posts.",
        }.get(code, "Not shown by these posts.")
    sentences = {
        "interval_cv": f"The gaps between posts vary by {value:.2f} times their average (schedulers come near 0; "
                       "people usually 1 or more).",
        "hours_active_share": f"Posts fall in {round(value * min(n_timed, 24))} of the {min(n_timed, 24)} hours "
                              f"of the day that {n_timed} timed posts could cover ({_pct(value)}).",
        "longest_quiet_hours": f"The longest daily stretch without posts is {value:.0f} hours (people usually "
                               "sleep for 6 or more).",
        "exact_duplicate_share": f"{round(value * n_posts)} of {n_posts} posts repeat an earlier post word for "
                                 f"word ({_pct(value)}).",
        "near_duplicate_share": f"{_pct(value)} of posts closely resemble another post.",
        "url_share": f"{_pct(value)} of posts carry a link.",
        "hashtags_per_post": f"{value:.1f} hashtags per post.",
        "mentions_per_post": f"{value:.1f} mentions per post.",
        "repost_share": f"{_pct(value)} of posts are reposts.",
        "reply_share": f"{_pct(value)} of posts are replies.",
        "spam_share": f"{_pct(value)} of posts read as spam-like to the compose model.",
    }
    return sentences[code]


def signal_list(signals: dict[str, float], posts: Sequence[Post]) -> list[Signal]:
    n_timed = len(post_times(posts))
    return [Signal(code=code, message=_sentence(code, signals[code], len(posts), n_timed),
                   value=None if math.isnan(signals[code]) else round(float(signals[code]), 4))
            for code in FEATURES]


class PostsScorer:
    def __init__(self, loaded: LoadedModel, compose: ComposeChecker):
        features = tuple(loaded.entry.get("features") or FEATURES)
        if features != FEATURES:
            raise ValueError(f"the posts model was trained on {features}, this code computes {FEATURES}; retrain it")
        self.model = loaded.obj
        self.compose = compose
        self.version = loaded.version

    def automation_probability(self, signals: dict[str, float]) -> float:
        row = np.array([[signals[name] for name in FEATURES]], dtype=float)
        with _THREADS.limit(limits=1, user_api="openmp"):
            return float(self.model.predict_proba(row)[0, 1])

    def score(self, request: ScorePostsRequest) -> ScorePostsResponse:
        posts = request.posts
        spam = self.compose.model_probabilities([p.text for p in posts])
        signals = timeline_signals(posts, spam)
        return ScorePostsResponse(
            automation_probability=round(self.automation_probability(signals), 4),
            signals=signal_list(signals, posts),
            per_post=[PostSpam(spam_probability=round(float(s), 4)) for s in spam],
            model_version=self.version,
        )
