"""API tokens: shown once at creation, stored only as SHA-256, compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Engine, insert, select, update

from botlens.storage.tables import api_tokens

TOKEN_PREFIX = "bl_"


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class TokenInfo:
    id: int
    name: str
    created_at: datetime
    revoked_at: datetime | None


def create_token(engine: Engine, name: str) -> str:
    """Store a new token's digest and return the token itself, which is never stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(
            insert(api_tokens).values(name=name, token_sha256=token_digest(token), created_at=datetime.now(timezone.utc))
        )
    return token


def list_tokens(engine: Engine) -> list[TokenInfo]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(api_tokens.c.id, api_tokens.c.name, api_tokens.c.created_at, api_tokens.c.revoked_at).order_by(
                api_tokens.c.id
            )
        )
        return [TokenInfo(*row) for row in rows]


def revoke_token(engine: Engine, name_or_id: str) -> int:
    """Revoke active tokens by name or numeric id; returns how many were revoked."""
    condition = api_tokens.c.name == name_or_id
    if name_or_id.isdigit():
        condition = condition | (api_tokens.c.id == int(name_or_id))
    with engine.begin() as conn:
        result = conn.execute(
            update(api_tokens)
            .where(condition & api_tokens.c.revoked_at.is_(None))
            .values(revoked_at=datetime.now(timezone.utc))
        )
        return result.rowcount


def active_digests(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(select(api_tokens.c.token_sha256).where(api_tokens.c.revoked_at.is_(None))).scalars())


def digest_matches(candidate_digest: str, known_digests: list[str]) -> bool:
    # Compare against every known digest without stopping early, so timing does not reveal which matched.
    found = False
    for known in known_digests:
        found |= hmac.compare_digest(candidate_digest, known)
    return found
