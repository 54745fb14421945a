"""The one account schema shared by the API, the extension and training."""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, NonNegativeInt, StrictBool


class Platform(str, Enum):
    x = "x"
    mastodon = "mastodon"
    bluesky = "bluesky"
    reddit = "reddit"
    youtube = "youtube"
    instagram = "instagram"
    other = "other"


def _aware(value: datetime | None) -> datetime | None:
    # Naive timestamps are read as UTC so that age arithmetic never mixes naive and aware values.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


def _text_or_datetime(value):
    # JSON carries dates as ISO 8601 text; a bare number would silently be read as a Unix time.
    if isinstance(value, (bool, int, float)):
        raise ValueError("must be an ISO 8601 date-time string")
    return value


AwareDatetime = Annotated[datetime, BeforeValidator(_text_or_datetime), AfterValidator(_aware)]
def _no_bool_or_text(value):
    # A count sent as true or "12" is a client bug to report, not a value to guess at; 12.0 is still 12.
    if isinstance(value, (bool, str)):
        raise ValueError("must be a JSON number")
    return value


Count = Annotated[NonNegativeInt, BeforeValidator(_no_bool_or_text)]
Flag = StrictBool


class Profile(BaseModel):
    """What a page shows of an account. Every field but ``platform`` and ``handle`` may be missing."""

    model_config = ConfigDict(extra="ignore", str_max_length=5000)

    platform: Platform
    handle: str = Field(min_length=1, max_length=320)
    display_name: str | None = None
    bio: str | None = None
    followers_count: Count | None = None
    following_count: Count | None = None
    posts_count: Count | None = None
    likes_count: Count | None = None
    listed_count: Count | None = None
    created_at: AwareDatetime | None = None
    observed_at: AwareDatetime | None = Field(default=None, description="When the page was seen; default now.")
    verified: Flag | None = None
    default_avatar: Flag | None = None
    has_banner: Flag | None = None
    location: str | None = None
    url: str | None = None
    protected: Flag | None = None
    self_declared_bot: Flag | None = Field(
        default=None, description="Mastodon's bot flag or Bluesky's automated label, shown apart from the model."
    )
    counts_approximate: Flag | None = Field(default=None, description='True when counts were read as "12.3K".')
    last_post_at: AwareDatetime | None = Field(
        default=None, description="When the account last posted, where the page or API shows it (inactivity)."
    )

    def observed(self) -> datetime:
        return self.observed_at or datetime.now(timezone.utc)


PROFILE_FIELDS: tuple[str, ...] = tuple(Profile.model_fields)
