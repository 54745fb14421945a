"""`botlens serve` as a user runs it: a subprocess on a free port, spoken to over HTTP with a token."""

import re

import requests

from tests.serving import running_backend

PROFILE = {"platform": "x", "handle": "someone", "followers_count": 10, "following_count": 900}


def test_development_server_scores_over_http(tmp_path):
    with running_backend(tmp_path / "instance", token="live-token") as (base_url, _process, log):
        health = requests.get(f"{base_url}/api/v1/health", timeout=5).json()
        assert health["status"] == "ok" and "account" in health["models"]
        denied = requests.post(f"{base_url}/api/v1/accounts/score", json={"accounts": [PROFILE]}, timeout=5)
        assert denied.status_code == 401
        assert denied.headers["Content-Type"] == "application/problem+json"
        response = requests.post(f"{base_url}/api/v1/accounts/score", json={"accounts": [PROFILE]},
                                 headers={"Authorization": "Bearer live-token"}, timeout=30)
        assert response.status_code == 200
        assert response.json()["results"][0]["handle"] == "someone"
    assert "someone" not in log.read_text(), "handles never reach the log"


def test_gunicorn_workers_serve_and_first_run_prints_a_token(tmp_path):
    instance = tmp_path / "instance"
    with running_backend(instance, workers=2) as (_base_url, _process, log):
        first_output = log.read_text()
    token = re.search(r"^\s+(bl_\S+)$", first_output, re.MULTILINE).group(1)
    with running_backend(instance, workers=2) as (base_url, _process, log):
        bodies = [requests.post(f"{base_url}/api/v1/accounts/score", json={"accounts": [PROFILE]},
                                headers={"Authorization": f"Bearer {token}"}, timeout=30) for _ in range(4)]
        assert all(r.status_code == 200 for r in bodies)
        assert len({r.json()["results"][0]["bot_probability"] for r in bodies}) == 1
        second_output = log.read_text()
    assert "bl_" not in second_output, "a token is printed only on the first run"
    assert "Booting worker" in second_output
