"""Request and response of POST /api/v1/followers/audit."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field

from botlens.schemas.posts import Post
from botlens.schemas.profile import Count, Profile

MAX_FOLLOWERS = 50_000
Interval = tuple[float, float]


class Sampling(str, Enum):
    random = "random"
    recent = "recent"
    visible = "visible"


class AuditRequest(BaseModel):
    account: Profile | None = Field(default=None, description="The audited account, when known.")
    followers: list[Profile] = Field(min_length=1, max_length=MAX_FOLLOWERS)
    followers_total: Count | None = Field(
        default=None, description="The account's follower count; default the account's followers_count.")
    sampling: Sampling = Field(description="How the followers were collected: a random sample, the most recent "
                                           "followers (a platform's API order), or those a page happened to show.")
    posts: list[Post] | None = Field(
        default=None, max_length=1000,
        description="The account's recent posts with like, reply and repost counts, for the engagement check.")


class Histogram(BaseModel):
    edges: list[float] = Field(description="Bin edges of the fake-follower probability, from 0 to 1.")
    counts: list[int]


class TopReason(BaseModel):
    code: str
    message: str = Field(description="What the reason means, in general terms.")
    count: int = Field(description="Followers judged likely fake or bot for whom this is a leading reason.")
    share: float = Field(ge=0, le=1, description="That count over the followers judged likely fake or bot.")


class Engagement(BaseModel):
    n_posts: int
    rate: float | None = Field(description="Median (likes + replies + reposts) per post over the follower count.")
    tier: str = Field(description="Follower tier the reference range belongs to.")
    reference_range: Interval = Field(description="Typical engagement rate per post for that tier.")
    flagged: bool = Field(description="True when the rate is implausibly low for the tier.")
    message: str


class AuditResponse(BaseModel):
    n_scored: int
    followers_total: int | None
    fake_share: float = Field(ge=0, le=1)
    fake_share_ci95: Interval
    bot_share: float = Field(ge=0, le=1)
    bot_share_ci95: Interval
    inactive_share: float = Field(ge=0, le=1)
    inactive_share_ci95: Interval
    effective_audience: int | None
    effective_audience_ci95: tuple[int, int] | None
    histogram: Histogram
    top_reasons: list[TopReason]
    notes: list[str]
    engagement: Engagement | None = None
    model_version: str
