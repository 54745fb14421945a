"""POST /api/v1/compose/check: how spam-like a draft reads, and which part to change."""

from flask import Blueprint

from botlens.api.routing import endpoint
from botlens.schemas.compose import ComposeCheckRequest, ComposeCheckResponse
from botlens.services import current_services

bp = Blueprint("compose", __name__)


@endpoint(bp, "/compose/check", method="POST", request=ComposeCheckRequest, response=ComposeCheckResponse,
          summary="Check a draft post: spam probability, verdict and tips with spans", tag="compose",
          body_limit="MAX_BATCH_BODY_BYTES")
def check_compose(body: ComposeCheckRequest) -> ComposeCheckResponse:
    from botlens.scoring.compose import ComposeChecker  # loads the model's code only when first used

    checker = current_services().cached("compose_checker", lambda registry: ComposeChecker(registry.get("compose")))
    return checker.check(body)
