"""Building the app for a CLI command, with the database migrated."""

from __future__ import annotations

from typing import Any

from flask import Flask

from botlens.db import migrate


def app_for_cli(overrides: dict[str, Any] | None = None) -> Flask:
    from botlens.app import create_app

    app = create_app(overrides)
    migrate(app.extensions["botlens"].engine)
    return app
