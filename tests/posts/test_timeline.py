"""The posting-pattern signals, one behaviour at a time."""

import math
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from botlens.features.timeline import FEATURES, near_duplicate_flags, timeline_matrix, timeline_signals
from botlens.schemas.posts import Post

START = datetime(2024, 3, 16, tzinfo=timezone.utc)


def timed(texts, times):
    return [Post(text=t, created_at=when) for t, when in zip(texts, times)]


def test_a_scheduler_is_regular_and_never_sleeps():
    hourly = [START + timedelta(hours=i) for i in range(48)]
    signals = timeline_signals(timed([f"update {i} on the weather" for i in range(48)], hourly))
    assert signals["interval_cv"] == pytest.approx(0.0)
    assert signals["hours_active_share"] == 1.0
    assert signals["longest_quiet_hours"] == 0


def test_a_person_posts_in_bursts_and_sleeps():
    rng = np.random.default_rng(0)
    times = sorted(START + timedelta(days=int(d), hours=int(h), minutes=int(m))
                   for d, h, m in zip(rng.integers(0, 3, 40), rng.integers(8, 23, 40), rng.integers(0, 60, 40)))
    signals = timeline_signals(timed([f"thought number {i}" for i in range(40)], times))
    assert signals["interval_cv"] > 1.0
    assert signals["longest_quiet_hours"] >= 9  # 23:00-08:00 never used
    assert signals["hours_active_share"] < 0.7


def test_timing_signals_are_missing_without_times():
    signals = timeline_signals([Post(text=f"post {i}") for i in range(30)])
    for name in ("interval_cv", "hours_active_share", "longest_quiet_hours"):
        assert math.isnan(signals[name])


def test_duplicates_exact_and_near():
    texts = ["Buy cheap followers now at http://a.example/1 !!!", "buy CHEAP followers now at http://b.example/2",
             "Lovely walk by the river this morning with my dog and the kids",
             "Lovely walk by the river this morning with my dog and the kids, again",
             "Completely different thought about football results tonight"]
    signals = timeline_signals([Post(text=t) for t in texts])
    assert signals["exact_duplicate_share"] == pytest.approx(1 / 5)  # links and case do not matter
    assert near_duplicate_flags(texts).tolist() == [True, True, True, True, False]
    assert signals["near_duplicate_share"] == pytest.approx(4 / 5)


def test_links_hashtags_mentions_reposts_replies():
    posts = [Post(text="RT @news: big story https://t.co/x #breaking #news"),
             Post(text="@friend see you at 8"),
             Post(text="Shared this", is_repost=True),
             Post(text="@someone not a reply in this case", is_reply=False)]
    signals = timeline_signals(posts)
    assert signals["url_share"] == pytest.approx(1 / 4)
    assert signals["hashtags_per_post"] == pytest.approx(2 / 4)
    assert signals["mentions_per_post"] == pytest.approx(3 / 4)
    assert signals["repost_share"] == pytest.approx(2 / 4)  # the RT prefix, and the explicit flag
    assert signals["reply_share"] == pytest.approx(1 / 4)  # the explicit False wins over the "@" prefix


def test_spam_share_needs_spam_probabilities():
    posts = [Post(text="a"), Post(text="b"), Post(text="c"), Post(text="d")]
    assert math.isnan(timeline_signals(posts)["spam_share"])
    assert timeline_signals(posts, np.array([0.9, 0.2, 0.6, 0.1]))["spam_share"] == pytest.approx(0.5)


def test_matrix_has_one_row_per_timeline_in_feature_order():
    timelines = [[Post(text="hello @a")], [Post(text="x #y"), Post(text="x #y")]]
    X = timeline_matrix(timelines)
    assert X.shape == (2, len(FEATURES))
    assert X[1, FEATURES.index("exact_duplicate_share")] == pytest.approx(0.5)
    assert X[0, FEATURES.index("mentions_per_post")] == 1.0
