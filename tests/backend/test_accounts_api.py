"""POST /api/v1/accounts/score with the shipped model, over the real app and database."""

import pytest

from botlens.scoring.cached_accounts import fingerprint
from botlens.schemas.profile import Profile

HUMAN_LIKE = {"platform": "x", "handle": "maria_lopez", "display_name": "María López",
              "bio": "Teacher in Seville. Books, cycling and too much coffee.", "followers_count": 412,
              "following_count": 380, "posts_count": 5230, "likes_count": 8120, "listed_count": 6,
              "created_at": "2011-04-02T10:00:00Z", "observed_at": "2024-05-01T00:00:00Z",
              "default_avatar": False, "has_banner": True, "location": "Sevilla", "verified": False}
FAKE_LIKE = {"platform": "x", "handle": "jfk83920174", "display_name": "jfk83920174", "bio": "",
             "followers_count": 3, "following_count": 1640, "posts_count": 0, "likes_count": 0, "listed_count": 0,
             "created_at": "2024-02-20T10:00:00Z", "observed_at": "2024-05-01T00:00:00Z", "default_avatar": True,
             "has_banner": False}
SPARSE = {"platform": "bluesky", "handle": "someone.bsky.social"}


def score(client, auth_headers, accounts):
    response = client.post("/api/v1/accounts/score", json={"accounts": accounts}, headers=auth_headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_results_in_request_order_with_reasons(client, auth_headers):
    body = score(client, auth_headers, [FAKE_LIKE, HUMAN_LIKE, SPARSE])
    assert [r["handle"] for r in body["results"]] == ["jfk83920174", "maria_lopez", "someone.bsky.social"]
    fake, human, sparse = body["results"]
    assert fake["fake_follower_probability"] > human["fake_follower_probability"]
    assert fake["bot_probability"] > human["bot_probability"]
    assert fake["verdict"] in {"likely_bot", "uncertain"} and human["verdict"] == "likely_human"
    for result in body["results"]:
        assert 0 <= result["bot_probability"] <= 1 and 0 <= result["fake_follower_probability"] <= 1
        for reason in result["reasons"]:
            assert reason["code"] and reason["message"] and isinstance(reason["impact"], float)
    assert fake["reasons"], "a strongly fake-looking account must come with reasons"
    assert sparse["verdict"] != "likely_bot", "a handle alone is weak evidence"


def test_model_version_matches_health(client, auth_headers):
    version = score(client, auth_headers, [SPARSE])["model_version"]
    assert client.get("/api/v1/health").get_json()["models"]["account"] == version


def test_cached_results_equal_fresh_ones(client, auth_headers, app):
    first = score(client, auth_headers, [HUMAN_LIKE, FAKE_LIKE])
    second = score(client, auth_headers, [FAKE_LIKE, HUMAN_LIKE])
    assert second["results"] == list(reversed(first["results"]))


def test_cache_disabled_gives_the_same_scores(tmp_path, auth_headers):
    from tests.conftest import make_test_app

    cached = make_test_app(tmp_path / "a").test_client()
    uncached = make_test_app(tmp_path / "b", SCORE_CACHE=False).test_client()
    assert score(cached, auth_headers, [FAKE_LIKE]) == score(uncached, auth_headers, [FAKE_LIKE])


def test_cache_holds_no_handle(client, auth_headers, app):
    from sqlalchemy import select

    from botlens.storage.tables import score_cache

    score(client, auth_headers, [FAKE_LIKE])
    with app.extensions["botlens"].engine.connect() as conn:
        rows = conn.execute(select(score_cache)).mappings().all()
    assert len(rows) == 1
    assert "jfk83920174" not in str(dict(rows[0]))


def test_fingerprint_ignores_observed_at_and_handle_case():
    a = Profile.model_validate({**SPARSE, "observed_at": "2024-01-01T00:00:00Z"})
    b = Profile.model_validate({**SPARSE, "handle": "SomeOne.bsky.social"})
    assert fingerprint(a) == fingerprint(b)
    assert fingerprint(a) != fingerprint(Profile.model_validate({**SPARSE, "followers_count": 1}))


@pytest.mark.parametrize(
    "accounts, field",
    [
        ([], "accounts"),
        ([{"platform": "x", "handle": "a"}] * 1001, "accounts"),
        ([{"platform": "x", "handle": "a", "followers_count": -1}], "accounts[0].followers_count"),
        ([{"platform": "x", "handle": "a", "followers_count": "many"}], "accounts[0].followers_count"),
        ([SPARSE, {"platform": "x", "handle": "a", "created_at": "March 2015"}], "accounts[1].created_at"),
        ([{"platform": "x"}], "accounts[0].handle"),
        ([{"platform": "x", "handle": "a", "verified": "perhaps"}], "accounts[0].verified"),
        ([{"platform": "x", "handle": "a", "posts_count": True}], "accounts[0].posts_count"),
        ([{"platform": "x", "handle": "a", "following_count": 2.5}], "accounts[0].following_count"),
        ("not a list", "accounts"),
    ],
)
def test_bad_input_is_400_naming_the_field(client, auth_headers, accounts, field):
    response = client.post("/api/v1/accounts/score", json={"accounts": accounts}, headers=auth_headers)
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["errors"][0]["field"] == field


def test_thousand_accounts_in_one_batch(client, auth_headers):
    accounts = [{**HUMAN_LIKE, "handle": f"user{i}", "followers_count": i} for i in range(1000)]
    body = score(client, auth_headers, accounts)
    assert [r["handle"] for r in body["results"]] == [a["handle"] for a in accounts]


@pytest.mark.parametrize("value", [1700000000, True, 17.5])
def test_dates_must_be_iso_text_not_numbers(client, auth_headers, value):
    response = client.post("/api/v1/accounts/score", json={"accounts": [{**SPARSE, "created_at": value}]},
                           headers=auth_headers)
    assert response.status_code == 400
    assert response.get_json()["errors"][0]["field"] == "accounts[0].created_at"
