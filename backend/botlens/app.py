"""The application factory."""

from __future__ import annotations

import logging
import os
import re
import time
from pathlib import Path
from typing import Any

from flask import Flask, g, request
from flask_cors import CORS

from botlens import api, auth, config, errors, limits, services
from botlens.api.routing import open_endpoints
from botlens.db import make_engine
from botlens.registry import ModelRegistry

DEFAULT_INSTANCE_PATH = Path(__file__).resolve().parents[2] / "instance"
access_log = logging.getLogger("botlens.access")


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """Build the app. ``overrides`` win over the instance file and the environment (tests, the CLI)."""
    overrides = dict(overrides or {})
    instance_path = overrides.pop("INSTANCE_PATH", None) or os.environ.get("BOTLENS_INSTANCE_PATH") \
        or str(DEFAULT_INSTANCE_PATH)
    app = Flask("botlens", instance_path=str(Path(instance_path).resolve()), instance_relative_config=True)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    config.load(app, overrides)
    logging.getLogger("botlens").setLevel(app.config["LOG_LEVEL"])

    engine = make_engine(app.config["DATABASE_URL"])
    registry = ModelRegistry(app.config["MODEL_DIR"])
    services.init_app(app, services.Services(engine, registry))
    errors.init_app(app)
    auth.init_app(app, engine)
    CORS(app, resources={r"/api/*": {"origins": [re.compile(p) for p in app.config["CORS_ORIGIN_PATTERNS"]]}},
         allow_headers=["Authorization", "Content-Type"], max_age=600)
    api.init_app(app)
    limits.init_app(app, open_endpoints(app))
    _log_requests(app)
    if app.config["PRELOAD_MODELS"]:
        registry.preload()
    return app


def _log_requests(app: Flask) -> None:
    @app.before_request
    def _start_timer():
        g.started = time.perf_counter()

    @app.after_request
    def _finish(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Cache-Control", "no-store")
        if response.status_code != 429:
            response.headers.pop("Retry-After", None)  # Flask-Limiter adds it to every response
        # Method, route and status only: no query string, body, handle or address.
        elapsed_ms = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        access_log.info("%s %s %s %.1fms", request.method, request.url_rule or "-", response.status_code, elapsed_ms)
        return response
