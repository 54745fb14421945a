"""Per-token rate limiting (Flask-Limiter; in memory, or shared through RATELIMIT_STORAGE_URI such as redis://)."""

from __future__ import annotations

import hashlib

from flask import Flask, current_app, request
from flask_limiter import Limiter


def _token_key() -> str:
    # The limit belongs to the token, not the address: every client of a self-hosted backend shares 127.0.0.1.
    header = request.headers.get("Authorization", "")
    return "token:" + hashlib.sha256(header.encode("utf-8")).hexdigest()[:32]


limiter = Limiter(key_func=_token_key, default_limits=[], headers_enabled=True)


def token_rate_limit():
    """Decorator: the configured RATE_LIMIT, counted per token."""
    return limiter.limit(lambda: current_app.config["RATE_LIMIT"], key_func=_token_key)


def init_app(app: Flask) -> None:
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    app.config["RATELIMIT_HEADERS_ENABLED"] = True
    limiter.init_app(app)
