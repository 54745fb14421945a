"""Bearer-token authentication for every endpoint but health and the OpenAPI document."""

from __future__ import annotations

import time

from flask import Flask, current_app, g, request

from botlens.errors import ApiError
from botlens.storage.tokens import active_digests, digest_matches, token_digest

# Stored tokens are re-read this often, so a revocation takes effect within this many seconds.
TOKEN_REFRESH_SECONDS = 5.0


class TokenChecker:
    def __init__(self, engine, fixed_token: str | None):
        self.engine = engine
        self.fixed_digest = token_digest(fixed_token) if fixed_token else None
        self._digests: list[str] = []
        self._read_at = float("-inf")

    def _known(self) -> list[str]:
        if time.monotonic() - self._read_at > TOKEN_REFRESH_SECONDS:
            digests = active_digests(self.engine)
            self._digests = digests + ([self.fixed_digest] if self.fixed_digest else [])
            self._read_at = time.monotonic()
        return self._digests

    def check(self, token: str) -> str | None:
        """The token's digest if it is valid, else None."""
        digest = token_digest(token)
        return digest if digest_matches(digest, self._known()) else None


def _unauthorized(detail: str) -> ApiError:
    return ApiError(401, "Unauthorized", detail, headers={"WWW-Authenticate": 'Bearer realm="botlens"'})


def require_token() -> None:
    """Raise 401 unless the request carries a valid Bearer token; remember its digest for rate limiting."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("Send the API token as 'Authorization: Bearer <token>'.")
    digest = current_app.extensions["botlens_tokens"].check(token.strip())
    if digest is None:
        raise _unauthorized("The API token is not valid (wrong, or revoked).")
    g.token_digest = digest


def init_app(app: Flask, engine) -> None:
    app.extensions["botlens_tokens"] = TokenChecker(engine, app.config.get("API_TOKEN"))
