"""POST /api/v1/accounts/score: how bot-like and how fake-follower-like each account looks, and why."""

import json

from flask import Blueprint, Response, current_app

from botlens.api.routing import endpoint
from botlens.schemas.accounts import ScoreAccountsRequest, ScoreAccountsResponse
from botlens.scoring.cached_accounts import score_with_cache
from botlens.services import current_services
from botlens.storage.score_cache import ScoreCache
from botlens.storage.secrets import instance_secret

bp = Blueprint("accounts", __name__)


def account_scorer():
    from botlens.scoring.accounts import AccountScorer  # imports the model's feature code only when first used

    return current_services().cached("account_scorer", lambda registry: AccountScorer(registry.get("account")))


def score_cache() -> ScoreCache | None:
    if not current_app.config["SCORE_CACHE"]:
        return None
    services = current_services()
    ttl = current_app.config["SCORE_CACHE_TTL_SECONDS"]
    return services.cached(
        "score_cache", lambda _registry: ScoreCache(services.engine, instance_secret(services.engine, "cache"), ttl)
    )


@endpoint(bp, "/accounts/score", summary="Score accounts (1 to 1,000 Profiles)", tag="accounts",
          request=ScoreAccountsRequest, response=ScoreAccountsResponse, body_limit="MAX_BATCH_BODY_BYTES")
def score_accounts(body: ScoreAccountsRequest) -> Response:
    scorer = account_scorer()
    results = score_with_cache(scorer, score_cache(), body.accounts)
    return score_response(scorer.version, results)


def score_response(model_version: str, rows: list[str]) -> Response:
    """The JSON of ``ScoreAccountsResponse`` (byte for byte what ``routing.json_response`` writes for it), from
    each result's JSON text: building and dumping the models again would cost more than scoring."""
    body = f'{{"model_version":{json.dumps(model_version, ensure_ascii=False)},"results":[{",".join(rows)}]}}'
    return Response(body, status=200, mimetype="application/json")
