"""The same storage on PostgreSQL, for teams: migrations, tokens, feedback and the score cache.

Runs when BOTLENS_TEST_DATABASE_URL points at a PostgreSQL database (`make test` starts one where it can).
"""

import os
import uuid

import pytest
from sqlalchemy import text

from botlens import auth

URL = os.environ.get("BOTLENS_TEST_DATABASE_URL", "")
pytestmark = pytest.mark.skipif(not URL.startswith("postgresql"),
                                reason="BOTLENS_TEST_DATABASE_URL does not name a PostgreSQL database")


@pytest.fixture
def pg_app(tmp_path):
    from botlens.db import make_engine
    from tests.conftest import make_test_app

    # A schema of its own per test, so runs never see each other's rows.
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in URL else "?"
    app = make_test_app(tmp_path, DATABASE_URL=f"{URL}{separator}options=-csearch_path%3D{schema}")
    yield app
    app.extensions["botlens"].engine.dispose()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def test_tokens_feedback_and_cache_on_postgres(pg_app, monkeypatch):
    from botlens.storage.feedback import count_feedback
    from botlens.storage.tokens import create_token

    monkeypatch.setattr(auth, "TOKEN_REFRESH_SECONDS", 0.0)
    engine = pg_app.extensions["botlens"].engine
    assert engine.dialect.name == "postgresql"
    token = create_token(engine, "team")
    client = pg_app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    response = client.post("/api/v1/feedback", json={"platform": "x", "handle": "a", "label": "bot"}, headers=headers)
    assert response.status_code == 201
    assert count_feedback(engine) == 1
    profile = {"platform": "x", "handle": "someone", "followers_count": 3, "following_count": 900}
    first = client.post("/api/v1/accounts/score", json={"accounts": [profile]}, headers=headers).get_json()
    second = client.post("/api/v1/accounts/score", json={"accounts": [profile]}, headers=headers).get_json()
    assert first == second
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM score_cache")).scalar_one() == 1
