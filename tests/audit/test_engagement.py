"""The engagement check's tiers, rate and flag."""

import pytest

from botlens.audit.engagement import FLAG_FACTOR, MIN_POSTS, check_engagement, engagement_rate, tier_of
from botlens.schemas.posts import Post


def posts(likes, n=5, **extra):
    return [Post(text=f"p{i}", likes=likes, replies=0, reposts=0, **extra) for i in range(n)]


def test_tiers_follow_the_follower_count():
    assert tier_of(500, "instagram")[0].startswith("nano")
    assert tier_of(50_000, "instagram")[0].startswith("micro")
    assert tier_of(2_000_000, "instagram")[0].startswith("mega")
    # X's ranges are Instagram's scaled down by the platforms' median rates.
    assert tier_of(500, "x")[1][0] < tier_of(500, "instagram")[1][0]


def test_rate_is_the_median_over_own_posts():
    mixed = posts(10, n=4) + [Post(text="viral", likes=100_000)] + posts(0, n=2, is_repost=True)
    rate, n = engagement_rate(mixed, 1000)
    assert n == 5 and rate == pytest.approx(10 / 1000)


@pytest.mark.parametrize("platform", ["x", "instagram", "mastodon"])
def test_flag_only_an_order_of_magnitude_below_typical(platform):
    followers = 50_000
    low = tier_of(followers, platform)[1][0]
    flagged = check_engagement(posts(int(followers * low * FLAG_FACTOR * 0.5)), followers, platform)
    typical = check_engagement(posts(int(followers * low * 1.5)), followers, platform)
    assert flagged.flagged and "implausibly low" in flagged.message.lower()
    assert not typical.flagged


def test_too_few_posts_are_not_judged():
    result = check_engagement(posts(0, n=MIN_POSTS - 1), 10_000, "x")
    assert not result.flagged and "Too few" in result.message
    assert check_engagement([], 10_000, "x") is None
    assert check_engagement(posts(5), None, "x") is None
