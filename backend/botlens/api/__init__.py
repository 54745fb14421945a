"""The /api/v1 blueprints: one per resource."""

from __future__ import annotations

from flask import Flask

from botlens.api import accounts, feedback, health, openapi_doc
from botlens.api import compose
from botlens.api import followers, posts
from botlens.api.routing import API_PREFIX

BLUEPRINTS = [
    health.bp,
    openapi_doc.bp,
    accounts.bp,
    feedback.bp,
    compose.bp,
    followers.bp,
    posts.bp,
]


def init_app(app: Flask) -> None:
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint, url_prefix=API_PREFIX)
