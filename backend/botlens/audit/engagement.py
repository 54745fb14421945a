"""Engagement check: do an account's recent posts draw the reactions its follower count would lead one to expect?

Engagement rate per post = (likes + replies + reposts) / followers, the definition used by the benchmark
reports below; we take the median over the posts so that one viral post does not hide the rest.

Reference ranges (typical per-post rates, by follower tier). Published benchmarks exist for Instagram by tier
and for X and Instagram as platform medians, not for Mastodon or Bluesky:
- Instagram by tier: Later x Fohr, "Influencer Marketing Report" (2021, 3.5M posts), and HypeAuditor's tier
  study of 36,000 influencers: roughly 2-5% below 10k followers, 1-2.5% at 10k-100k, about 1-1.5% at
  100k-1M and 0.5-2% above 1M. (Statista's 2023 summary: 2.19% for 1k-10k, 1.85% overall.)
- Platform medians: Rival IQ, "Social Media Industry Benchmark Report" 2023 (2022 data, brands with 5,000+
  followers): Instagram 0.47%, X/Twitter 0.035%, Facebook 0.06%, TikTok 5.69%. X's tier ranges below are the
  Instagram tier ranges scaled by that ratio (0.035 / 0.47); platforms with no benchmark use X's.
A rate below a tenth of the tier's lower bound is flagged as implausibly low: an order of magnitude under
typical, which bought followers (who never react) produce and ordinary variation rarely does.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from botlens.schemas.audit import Engagement
from botlens.schemas.posts import Post

# (name, lowest follower count of the tier, typical per-post rate range on Instagram)
TIERS: tuple[tuple[str, int, tuple[float, float]], ...] = (
    ("nano (under 10k followers)", 0, (0.02, 0.05)),
    ("micro (10k-100k followers)", 10_000, (0.01, 0.025)),
    ("mid (100k-1M followers)", 100_000, (0.01, 0.015)),
    ("mega (1M+ followers)", 1_000_000, (0.005, 0.02)),
)
PLATFORM_SCALE = {"instagram": 1.0, "x": 0.035 / 0.47}
DEFAULT_SCALE = PLATFORM_SCALE["x"]
FLAG_FACTOR = 0.1
MIN_POSTS = 3


def tier_of(followers: int, platform: str) -> tuple[str, tuple[float, float]]:
    name, low_high = next((n, r) for n, floor, r in reversed(TIERS) if followers >= floor)
    scale = PLATFORM_SCALE.get(platform, DEFAULT_SCALE)
    return name, (low_high[0] * scale, low_high[1] * scale)


def engagement_rate(posts: Sequence[Post], followers: int) -> tuple[float | None, int]:
    """Median per-post rate over the posts that show at least one count, and how many did."""
    totals = [(p.likes or 0) + (p.replies or 0) + (p.reposts or 0) for p in posts
              if not p.is_repost and any(v is not None for v in (p.likes, p.replies, p.reposts))]
    if not totals or followers <= 0:
        return None, len(totals)
    return float(np.median(totals) / followers), len(totals)


def check_engagement(posts: Sequence[Post], followers: int | None, platform: str) -> Engagement | None:
    if not posts or not followers:
        return None
    rate, n = engagement_rate(posts, followers)
    tier, (low, high) = tier_of(followers, platform)
    if rate is None or n < MIN_POSTS:
        return Engagement(n_posts=n, rate=rate, tier=tier, reference_range=(low, high), flagged=False,
                          message=f"Too few own posts with reaction counts ({n}; {MIN_POSTS} needed) to judge "
                                  "engagement.")
    flagged = rate < low * FLAG_FACTOR
    verdict = ("implausibly low for this tier: many followers may never see or react to the posts"
               if flagged else "below the typical range" if rate < low else "within or above the typical range")
    message = (f"Median engagement {rate:.3%} per post over {n} posts against {followers:,} followers; "
               f"typical for {tier} on {platform}: {low:.3%}-{high:.3%}. {verdict[0].upper()}{verdict[1:]}.")
    return Engagement(n_posts=n, rate=rate, tier=tier, reference_range=(low, high), flagged=flagged,
                      message=message)
