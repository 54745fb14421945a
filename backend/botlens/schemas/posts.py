"""Request and response of POST /api/v1/posts/score."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from botlens.schemas.profile import AwareDatetime, Count, Flag, Profile

MAX_POSTS = 1000


class Post(BaseModel):
    """One post as a page shows it. Only ``text`` is required."""

    model_config = ConfigDict(extra="ignore", str_max_length=20000)

    text: str = Field(max_length=20000)
    created_at: AwareDatetime | None = None
    is_repost: Flag | None = None
    is_reply: Flag | None = None
    likes: Count | None = None
    reposts: Count | None = None
    replies: Count | None = None


class ScorePostsRequest(BaseModel):
    account: Profile | None = None
    posts: list[Post] = Field(min_length=1, max_length=MAX_POSTS)


class Signal(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. 'interval_regularity'.")
    message: str = Field(description="A plain sentence with the numbers behind it.")
    value: float | None = Field(description="The signal's value; null when the posts do not show it.")


class PostSpam(BaseModel):
    spam_probability: float = Field(ge=0, le=1)


class ScorePostsResponse(BaseModel):
    automation_probability: float = Field(ge=0, le=1)
    signals: list[Signal]
    per_post: list[PostSpam] = Field(description="One entry per post, in request order.")
    model_version: str
