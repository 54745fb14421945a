"""Per-token rate limiting (Flask-Limiter; in memory, or shared through RATELIMIT_STORAGE_URI such as redis://)."""

from __future__ import annotations

import hashlib

from flask import Flask, request
from flask_limiter import Limiter


def _token_key() -> str:
    # The limit belongs to the token, not the address: every client of a self-hosted backend shares 127.0.0.1.
    header = request.headers.get("Authorization", "")
    return "token:" + hashlib.sha256(header.encode("utf-8")).hexdigest()[:32]


def init_app(app: Flask, open_endpoints: set[str]) -> Limiter:
    """One limiter per app, applying RATE_LIMIT to every endpoint that needs a token."""
    app.config["RATELIMIT_HEADERS_ENABLED"] = True
    rate = app.config["RATE_LIMIT"]
    limiter = Limiter(
        key_func=_token_key,
        app=app,
        default_limits=[rate],
        storage_uri=app.config["RATELIMIT_STORAGE_URI"],
        default_limits_exempt_when=lambda: request.endpoint in open_endpoints or request.method == "OPTIONS",
    )
    return limiter
