"""Request and response of POST /api/v1/compose/check."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from botlens.compose.combine import TIP_CODES, ComposeVerdict
from botlens.features.text import strip_invisible
from botlens.schemas.profile import Platform

MAX_TEXT_CHARS = 10_000
MAX_RECENT_POSTS = 50


def _has_visible_text(value: str) -> str:
    if not strip_invisible(value).strip():
        raise ValueError("text must contain something other than white space")
    return value


class ComposeCheckRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    text: Annotated[str, Field(min_length=1, max_length=MAX_TEXT_CHARS), AfterValidator(_has_visible_text)] = Field(
        description="The draft as typed, up to 10,000 characters (the longest post any supported site allows)."
    )
    platform: Platform | None = Field(default=None, description="Where it will be posted; sets hashtag and mention norms.")
    recent_posts: list[Annotated[str, Field(max_length=MAX_TEXT_CHARS)]] | None = Field(
        default=None, max_length=MAX_RECENT_POSTS,
        description="The user's own recent posts (kept on their machine), to catch repeating one of them.",
    )


class ComposeTip(BaseModel):
    code: Literal[TIP_CODES] = Field(  # type: ignore[valid-type]  # one name per rule, listed in the document
        description="Stable machine-readable code: the rule that raised the tip, or 'spam_like_wording' when the "
                    "wording as a whole reads as spam.")
    message: str = Field(description="What to change, in a sentence.")
    span: tuple[int, int] | None = Field(
        default=None,
        description="[start, end) of the part of `text` the tip is about, in code points (Python str indices).",
    )


class ComposeCheckResponse(BaseModel):
    spam_probability: float = Field(ge=0, le=1)
    verdict: ComposeVerdict
    tips: list[ComposeTip]
    model_version: str
