"""Feedback is stored and exported as JSONL for retraining."""

import io
import json

from botlens.storage.feedback import export_jsonl


def test_feedback_is_stored_and_exported(app, client, auth_headers):
    sent = [
        {"platform": "mastodon", "handle": "@alice@example.social", "label": "human", "note": "I know her"},
        {"platform": "x", "handle": "promo_bot_77", "label": "bot"},
        {"platform": "instagram", "handle": "z.z", "label": "fake_follower", "note": None, "extra": "ignored"},
    ]
    ids = []
    for payload in sent:
        response = client.post("/api/v1/feedback", json=payload, headers=auth_headers)
        assert response.status_code == 201
        ids.append(response.get_json()["id"])
    assert len(set(ids)) == 3
    out = io.StringIO()
    assert export_jsonl(app.extensions["botlens"].engine, out) == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["platform"], r["handle"], r["label"]) for r in records] == [
        (p["platform"], p["handle"], p["label"]) for p in sent]
    assert records[0]["note"] == "I know her"
    assert "extra" not in records[2]
    assert records[0]["created_at"].endswith("+00:00")
