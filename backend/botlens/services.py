"""What the handlers share for the life of the app: the database engine, the model registry, scorers."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, current_app
from sqlalchemy import Engine

from botlens.registry import ModelRegistry

T = TypeVar("T")


class Services:
    def __init__(self, engine: Engine, registry: ModelRegistry):
        self.engine = engine
        self.registry = registry
        self._cached: dict[str, Any] = {}
        self._lock = threading.Lock()

    def cached(self, name: str, build: Callable[[ModelRegistry], T]) -> T:
        """Build a scorer once per process (models load lazily, or up front with PRELOAD_MODELS)."""
        if name not in self._cached:
            with self._lock:
                if name not in self._cached:
                    self._cached[name] = build(self.registry)
        return self._cached[name]


def current_services() -> Services:
    return current_app.extensions["botlens"]


def init_app(app: Flask, services: Services) -> None:
    app.extensions["botlens"] = services
