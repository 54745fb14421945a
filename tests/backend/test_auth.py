"""Tokens: created once, stored as SHA-256, revocable; the fixed BOTLENS_API_TOKEN works alongside."""

from sqlalchemy import select

from botlens import auth
from botlens.storage.tables import api_tokens
from botlens.storage.tokens import create_token, digest_matches, revoke_token, token_digest

FEEDBACK = {"platform": "x", "handle": "someone", "label": "human"}


def test_stored_token_works_and_only_its_digest_is_kept(app, client, monkeypatch):
    monkeypatch.setattr(auth, "TOKEN_REFRESH_SECONDS", 0.0)
    engine = app.extensions["botlens"].engine
    token = create_token(engine, "laptop")
    with engine.connect() as conn:
        stored = conn.execute(select(api_tokens.c.token_sha256)).scalars().all()
    assert stored == [token_digest(token)]
    assert token not in stored
    assert client.post("/api/v1/feedback", json=FEEDBACK, headers={"Authorization": f"Bearer {token}"}).status_code == 201


def test_revoked_token_is_refused(app, client, monkeypatch):
    monkeypatch.setattr(auth, "TOKEN_REFRESH_SECONDS", 0.0)
    engine = app.extensions["botlens"].engine
    token = create_token(engine, "old")
    headers = {"Authorization": f"Bearer {token}"}
    assert client.post("/api/v1/feedback", json=FEEDBACK, headers=headers).status_code == 201
    assert revoke_token(engine, "old") == 1
    assert client.post("/api/v1/feedback", json=FEEDBACK, headers=headers).status_code == 401


def test_wrong_scheme_or_token_is_refused(client, auth_headers):
    token = auth_headers["Authorization"].split()[1]
    for header in [f"Basic {token}", "Bearer", f"Bearer {token}x", ""]:
        response = client.post("/api/v1/feedback", json=FEEDBACK, headers={"Authorization": header})
        assert response.status_code == 401, header


def test_health_and_openapi_need_no_token(client):
    assert client.get("/api/v1/health").status_code == 200
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_digest_matching():
    known = [token_digest("a"), token_digest("b")]
    assert digest_matches(token_digest("b"), known)
    assert not digest_matches(token_digest("c"), known)
    assert not digest_matches(token_digest("a"), [])
