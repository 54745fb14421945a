"""Settings: the defaults below, then ``instance/config.toml``, then ``BOTLENS_*`` environment variables.

Every setting is documented in docs/configuration.md; a test fails when one is not.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any

from flask import Flask

from botlens.registry import DEFAULT_MODEL_DIR

ENV_PREFIX = "BOTLENS_"
CONFIG_FILE = "config.toml"

DEFAULTS: dict[str, Any] = {
    # None means "SQLite file botlens.sqlite3 in the instance folder".
    "DATABASE_URL": None,
    # A fixed token accepted besides the stored ones (tests, containers).
    "API_TOKEN": None,
    "MODEL_DIR": str(DEFAULT_MODEL_DIR),
    "HOST": "127.0.0.1",
    "PORT": 8765,
    "RATE_LIMIT": "1200/minute",
    "RATELIMIT_STORAGE_URI": "memory://",
    "MAX_BODY_BYTES": 256 * 1024,
    "MAX_BATCH_BODY_BYTES": 8 * 1024 * 1024,
    "MAX_AUDIT_BODY_BYTES": 96 * 1024 * 1024,
    "SCORE_CACHE": True,
    "SCORE_CACHE_TTL_SECONDS": 24 * 3600,
    "CORS_ORIGIN_PATTERNS": [r"^chrome-extension://[a-p]{32}$", r"^moz-extension://[0-9a-f-]{36}$"],
    "PRELOAD_MODELS": False,
    "LOG_LEVEL": "INFO",
}


def _coerce(raw: str, default: Any) -> Any:
    """Environment values are strings; read them as the default's type."""
    if isinstance(default, bool):
        if raw.lower() in {"1", "true", "yes", "on"}:
            return True
        if raw.lower() in {"0", "false", "no", "off"}:
            return False
        raise ValueError(f"expected a boolean, got {raw!r}")
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, list):
        return json.loads(raw)
    return raw


def from_environment(environ: dict[str, str] | None = None) -> dict[str, Any]:
    environ = os.environ if environ is None else environ
    settings = {}
    for key, default in DEFAULTS.items():
        name = ENV_PREFIX + key
        if name in environ and environ[name] != "":
            try:
                settings[key] = _coerce(environ[name], default)
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from exc
    return settings


def load(app: Flask, overrides: dict[str, Any] | None = None) -> None:
    """Apply defaults, the instance file, the environment, then explicit overrides (tests, the CLI)."""
    app.config.update(DEFAULTS)
    app.config.from_file(CONFIG_FILE, load=tomllib.load, text=False, silent=True)
    app.config.update(from_environment())
    app.config.update(overrides or {})
    if not app.config.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = "sqlite:///" + str(Path(app.instance_path) / "botlens.sqlite3")
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_AUDIT_BODY_BYTES"]
