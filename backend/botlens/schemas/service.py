"""Health and feedback schemas."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from botlens.schemas.profile import Platform


class Health(BaseModel):
    status: str = Field(description='"ok" when every model in the manifest verified and the database answered.')
    version: str
    models: dict[str, str] = Field(description="Model name -> version.")


class FeedbackLabel(str, Enum):
    bot = "bot"
    human = "human"
    fake_follower = "fake_follower"


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    platform: Platform
    handle: str = Field(min_length=1, max_length=320)
    label: FeedbackLabel
    note: str | None = Field(default=None, max_length=2000)


class FeedbackStored(BaseModel):
    id: int
    status: str = "stored"
