"""Fixtures shared by every backend test: the real app over a real database, and the shared data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from botlens.app import create_app
from botlens.db import migrate
from botlens.training import DEFAULT_DATA_DIR

TEST_TOKEN = "test-token-0123456789"
DATA_DIR = Path(os.environ.get("BOTLENS_DATA_DIR", DEFAULT_DATA_DIR))


def pytest_collection_modifyitems(config, items):
    if DATA_DIR.is_dir():
        return
    skip = pytest.mark.skip(reason=f"labelled data not found at {DATA_DIR} (set BOTLENS_DATA_DIR)")
    for item in items:
        if "needs_data" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA_DIR.is_dir():
        pytest.skip(f"labelled data not found at {DATA_DIR}")
    return DATA_DIR


def make_test_app(tmp_path: Path, **overrides):
    settings = {"INSTANCE_PATH": str(tmp_path / "instance"), "API_TOKEN": TEST_TOKEN, "RATE_LIMIT": "100000/minute"}
    settings.update(overrides)
    app = create_app(settings)
    app.config["TESTING"] = True
    migrate(app.extensions["botlens"].engine)
    return app


@pytest.fixture
def app(tmp_path):
    return make_test_app(tmp_path)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def auth_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {TEST_TOKEN}"}
