"""POST /api/v1/followers/audit: how many of an account's followers look fake, bot or inactive."""

from flask import Blueprint

from botlens.api.routing import endpoint
from botlens.schemas.audit import AuditRequest, AuditResponse
from botlens.services import current_services

bp = Blueprint("followers", __name__)


def follower_auditor():
    from botlens.audit.auditor import FollowerAuditor
    from botlens.scoring.accounts import AccountScorer

    services = current_services()
    # The account scorer the accounts endpoint caches, so the model is loaded once (fetched before the
    # auditor is built: the services lock is not re-entrant).
    scorer = services.cached("account_scorer", lambda registry: AccountScorer(registry.get("account")))
    return services.cached("follower_auditor", lambda registry: FollowerAuditor(scorer, registry.get("quantifier")))


@endpoint(bp, "/followers/audit", summary="Audit an account's followers (1 to 50,000 Profiles)", tag="followers",
          request=AuditRequest, response=AuditResponse, body_limit="MAX_AUDIT_BODY_BYTES")
def audit_followers(body: AuditRequest) -> AuditResponse:
    return follower_auditor().audit(body)
