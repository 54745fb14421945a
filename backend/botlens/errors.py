"""Every error leaves the API as RFC 9457 ``application/problem+json``."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, json
from werkzeug.exceptions import HTTPException

PROBLEM_MIME = "application/problem+json"
log = logging.getLogger("botlens")


class ApiError(Exception):
    """An error a handler raises on purpose; becomes a problem document."""

    def __init__(self, status: int, title: str, detail: str | None = None, *, errors: list[dict] | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(detail or title)
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}


def problem(status: int, title: str, detail: str | None = None, *, errors: list[dict] | None = None,
            headers: dict[str, str] | None = None) -> Response:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_MIME)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def field_errors(validation_errors: list[dict]) -> list[dict]:
    """pydantic's error list as ``{"field": "accounts[3].followers_count", "message": ...}`` entries."""
    out = []
    for err in validation_errors:
        path = ""
        for part in err.get("loc", ()):
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        out.append({"field": path or "(body)", "message": err.get("msg", "invalid value")})
    return out


def _http_error(exc: HTTPException) -> Response:
    headers = {}
    if exc.code == 405 and exc.valid_methods:
        headers["Allow"] = ", ".join(sorted(exc.valid_methods))
    if exc.code == 413:
        return problem(413, "Payload Too Large", "The request body is larger than this endpoint accepts.")
    return problem(exc.code or 500, exc.name, exc.description, headers=headers)


def _api_error(exc: ApiError) -> Response:
    return problem(exc.status, exc.title, exc.detail, errors=exc.errors, headers=exc.headers)


def _unexpected(exc: Exception) -> Response:
    # The traceback goes to the server log (with no request data); the client learns nothing internal.
    log.exception("unhandled error: %s", type(exc).__name__)
    return problem(500, "Internal Server Error", "The server could not complete the request.")


def init_app(app: Flask) -> None:
    app.register_error_handler(ApiError, _api_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
