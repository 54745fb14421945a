"""Request and response of POST /api/v1/accounts/score."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field

from botlens.schemas.profile import Platform, Profile


class Verdict(str, Enum):
    likely_human = "likely_human"
    uncertain = "uncertain"
    likely_bot = "likely_bot"


class Reason(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. 'following_ratio'.")
    message: str = Field(description="A plain sentence with the numbers behind it.")
    impact: float = Field(description="Signed contribution to the score: positive pushes towards bot/fake.")


class AccountScore(BaseModel):
    platform: Platform
    handle: str
    bot_probability: float = Field(ge=0, le=1)
    fake_follower_probability: float = Field(ge=0, le=1)
    verdict: Verdict
    reasons: list[Reason]
    self_declared_bot: bool | None = Field(
        default=None, description="The platform's own bot flag, reported as such and not folded into the model."
    )


class ScoreAccountsRequest(BaseModel):
    accounts: list[Profile] = Field(min_length=1, max_length=1000)


class ScoreAccountsResponse(BaseModel):
    model_version: str
    results: list[AccountScore]
