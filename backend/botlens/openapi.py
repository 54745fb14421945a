"""The OpenAPI 3.1 document, built from the routes ``endpoint()`` recorded and their pydantic models."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

import botlens
from botlens.api.routing import ROUTES, RouteSpec

REF = "#/components/schemas/{model}"

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}


def _problem(description: str) -> dict:
    return {"description": description,
            "content": {"application/problem+json": {"schema": {"$ref": REF.format(model="Problem")}}}}


def _operation(route: RouteSpec, refs: dict) -> dict[str, Any]:
    op: dict[str, Any] = {"summary": route.summary, "tags": [route.tag],
                          "operationId": route.path.removeprefix("/api/v1/").replace("/", "_").replace(".", "_")}
    responses: dict[str, Any] = {}
    ok = {"description": "Success"}
    if route.response is not None:
        ok["content"] = {"application/json": {"schema": refs[(route.response, "serialization")]}}
    responses[str(route.status)] = ok
    if route.request is not None:
        op["requestBody"] = {"required": True,
                             "content": {"application/json": {"schema": refs[(route.request, "validation")]}}}
        responses["400"] = _problem("Invalid body; `errors` names each offending field.")
        responses["413"] = _problem("Body larger than this endpoint accepts.")
    if route.auth:
        op["security"] = [{"bearerAuth": []}]
        responses["401"] = _problem("Missing or wrong token.")
        responses["429"] = _problem("Rate limit reached; see Retry-After.")
    responses["500"] = _problem("Unexpected error (no internals are shown).")
    op["responses"] = responses
    return op


def build_document() -> dict[str, Any]:
    models = []
    for route in ROUTES:
        if route.request is not None:
            models.append((route.request, "validation"))
        if route.response is not None:
            models.append((route.response, "serialization"))
    refs, schema = models_json_schema(list(dict.fromkeys(models)), ref_template=REF)
    components = dict(schema.get("$defs", {}))
    components["Problem"] = PROBLEM_SCHEMA
    paths: dict[str, dict] = {}
    for route in ROUTES:
        paths.setdefault(route.path, {})[route.method.lower()] = _operation(route, refs)
    return {
        "openapi": "3.1.0",
        "info": {"title": "BotLens API", "version": botlens.__version__,
                 "description": "Self-hosted scoring of how bot-like or fake social-media accounts look."},
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
        },
    }
