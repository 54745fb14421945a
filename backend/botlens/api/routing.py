"""``endpoint()``: validate the request with a pydantic model, call a thin handler, serialise its answer.

Every route declared here is recorded in ``ROUTES``, from which :mod:`botlens.openapi` builds the document,
so the schema that validates a request is the schema that documents it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass

from flask import Blueprint, Response, current_app, request
from pydantic import BaseModel, ValidationError

from botlens.auth import require_token
from botlens.errors import ApiError, field_errors

API_PREFIX = "/api/v1"


@dataclass(frozen=True)
class RouteSpec:
    path: str
    method: str
    summary: str
    tag: str
    request: type[BaseModel] | None
    response: type[BaseModel] | None
    auth: bool
    status: int
    body_limit_setting: str


ROUTES: list[RouteSpec] = []


def open_endpoints(app) -> set[str]:
    """Flask endpoint names of the routes that need no token (and so are not rate limited)."""
    open_paths = {route.path for route in ROUTES if not route.auth}
    return {rule.endpoint for rule in app.url_map.iter_rules() if rule.rule in open_paths}


def _read_json() -> object:
    raw = request.get_data(cache=False)
    if not raw.strip():
        raise ApiError(400, "Bad Request", "(body): a JSON object is required",
                       errors=[{"field": "(body)", "message": "a JSON object is required"}])
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        message = f"not valid JSON ({exc.__class__.__name__})"
        raise ApiError(400, "Bad Request", f"(body): {message}", errors=[{"field": "(body)", "message": message}])


def parse_body(model: type[BaseModel]) -> BaseModel:
    data = _read_json()
    if not isinstance(data, dict):
        raise ApiError(400, "Bad Request", "(body): a JSON object is required",
                       errors=[{"field": "(body)", "message": "a JSON object is required"}])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = field_errors(exc.errors(include_url=False, include_input=False))
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ApiError(400, "Bad Request", f"{first['field']}: {first['message']}{more}", errors=errors[:50])


def json_response(model: BaseModel | dict, status: int = 200) -> Response:
    payload = model.model_dump(mode="json") if isinstance(model, BaseModel) else model
    return Response(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), status=status,
                    mimetype="application/json")


def endpoint(
    bp: Blueprint,
    rule: str,
    *,
    method: str = "POST",
    summary: str,
    tag: str,
    request: type[BaseModel] | None = None,
    response: type[BaseModel] | None = None,
    auth: bool = True,
    status: int = 200,
    body_limit: str = "MAX_BODY_BYTES",
) -> Callable:
    """Register ``rule`` on ``bp``. The handler takes the validated body (if any) and returns a model."""
    request_model = request

    def decorator(handler: Callable) -> Callable:
        ROUTES.append(RouteSpec(API_PREFIX + rule, method.upper(), summary, tag, request_model, response, auth,
                                status, body_limit))

        @functools.wraps(handler)
        def view():
            if auth:
                require_token()
            if request_model is not None:
                _limit_body(current_app.config[body_limit])
                result = handler(parse_body(request_model))
            else:
                result = handler()
            return result if isinstance(result, Response) else json_response(result, status)

        bp.add_url_rule(rule, endpoint=handler.__name__, view_func=view, methods=[method.upper()])
        return handler

    return decorator


def _limit_body(limit: int) -> None:
    from flask import request as current_request

    if current_request.content_length is not None and current_request.content_length > limit:
        raise ApiError(413, "Payload Too Large", f"This endpoint accepts at most {limit} bytes.")
    # Also bounds chunked uploads that declare no length.
    current_request.max_content_length = limit
