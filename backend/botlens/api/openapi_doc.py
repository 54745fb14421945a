"""GET /api/v1/openapi.json."""

from flask import Blueprint

from botlens.api.routing import endpoint, json_response

bp = Blueprint("openapi", __name__)


@endpoint(bp, "/openapi.json", method="GET", summary="This API's OpenAPI 3.1 document", tag="service", auth=False)
def openapi_document():
    from botlens.openapi import build_document

    return json_response(build_document())
