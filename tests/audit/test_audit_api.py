"""POST /api/v1/followers/audit over the real app with the shipped account model and quantifier."""

import pytest

from tests.audit.profiles import FAKE, GENUINE, followers

URL = "/api/v1/followers/audit"


def audit(client, auth_headers, body, status=200):
    response = client.post(URL, json=body, headers=auth_headers)
    assert response.status_code == status, response.get_data(as_text=True)
    return response.get_json()


def test_report_has_every_field_and_consistent_numbers(client, auth_headers):
    report = audit(client, auth_headers, {"followers": followers(60, 40), "followers_total": 5000,
                                          "sampling": "random"})
    assert report["n_scored"] == 100 and report["followers_total"] == 5000
    for name in ("fake_share", "bot_share", "inactive_share"):
        lo, hi = report[f"{name}_ci95"]
        assert 0 <= lo <= report[name] <= hi <= 1
    assert sum(report["histogram"]["counts"]) == 100
    assert report["histogram"]["edges"][0] == 0 and report["histogram"]["edges"][-1] == 1
    lo, hi = report["effective_audience_ci95"]
    assert lo <= report["effective_audience"] <= hi <= 5000
    expected = 5000 * (1 - report["fake_share"] - report["inactive_share"])
    assert report["effective_audience"] == pytest.approx(expected, abs=2)
    assert report["top_reasons"] and all(r["count"] > 0 and r["message"] for r in report["top_reasons"])
    assert any("random sample" in note for note in report["notes"])
    assert report["model_version"].startswith("account-")


def test_more_fake_followers_raise_the_fake_share(client, auth_headers):
    few = audit(client, auth_headers, {"followers": followers(90, 10), "sampling": "random"})
    many = audit(client, auth_headers, {"followers": followers(40, 60), "sampling": "random"})
    assert many["fake_share"] > few["fake_share"] + 0.3
    assert many["fake_share_ci95"][0] > few["fake_share_ci95"][1]
    assert few["effective_audience"] is None  # no total known


def test_silent_genuine_followers_are_inactive_not_fake(client, auth_headers):
    report = audit(client, auth_headers, {"followers": followers(50, 0, n_silent=50), "sampling": "recent",
                                          "followers_total": 100})
    assert report["inactive_share"] > 0.3
    assert report["fake_share"] < 0.2
    assert any("not a random sample" in note for note in report["notes"])


def test_few_followers_give_a_wider_interval(client, auth_headers):
    small = audit(client, auth_headers, {"followers": followers(6, 4), "sampling": "visible"})
    large = audit(client, auth_headers, {"followers": followers(150, 100), "sampling": "visible"})
    width = lambda r: r["fake_share_ci95"][1] - r["fake_share_ci95"][0]  # noqa: E731
    assert width(small) > width(large)
    assert any("Only 10 followers" in note for note in small["notes"])


def test_followers_total_defaults_to_the_accounts_count(client, auth_headers):
    account = {**GENUINE, "handle": "audited", "followers_count": 2000}
    report = audit(client, auth_headers, {"account": account, "followers": followers(20, 5), "sampling": "random"})
    assert report["followers_total"] == 2000 and report["effective_audience"] <= 2000


def test_engagement_far_below_the_tier_is_flagged(client, auth_headers):
    account = {**GENUINE, "handle": "big_account", "followers_count": 500_000}
    posts = [{"text": f"post {i}", "likes": 3, "replies": 0, "reposts": 1} for i in range(10)]
    report = audit(client, auth_headers, {"account": account, "followers": followers(10, 10), "sampling": "visible",
                                          "posts": posts})
    assert report["engagement"]["flagged"] is True
    assert report["engagement"]["rate"] == pytest.approx(4 / 500_000)
    lively = [{**p, "likes": 4000} for p in posts]
    report = audit(client, auth_headers, {"account": account, "followers": followers(10, 10), "sampling": "visible",
                                          "posts": lively})
    assert report["engagement"]["flagged"] is False


@pytest.mark.parametrize("body, field", [
    ({"followers": [], "sampling": "random"}, "followers"),
    ({"followers": [{**FAKE, "following_count": -1}], "sampling": "random"}, "followers[0].following_count"),
    ({"followers": [{**FAKE, "created_at": "last spring"}], "sampling": "random"}, "followers[0].created_at"),
    ({"followers": [FAKE], "sampling": "everyone"}, "sampling"),
    ({"followers": [FAKE]}, "sampling"),
    ({"followers": [FAKE], "sampling": "random", "followers_total": -5}, "followers_total"),
    ({"followers": "many", "sampling": "random"}, "followers"),
    ({"followers": [{"handle": "x"}], "sampling": "random"}, "followers[0].platform"),
])
def test_bad_input_is_a_400_naming_the_field(client, auth_headers, body, field):
    problem = audit(client, auth_headers, body, status=400)
    assert field in {e["field"] for e in problem["errors"]}


def test_more_than_50000_followers_is_refused(client, auth_headers):
    minimal = {"platform": "x", "handle": "a"}
    problem = audit(client, auth_headers, {"followers": [minimal] * 50_001, "sampling": "random"}, status=400)
    assert problem["errors"][0]["field"] == "followers"


def test_token_required(client):
    assert client.post(URL, json={"followers": [FAKE], "sampling": "random"}).status_code == 401


def test_route_is_in_the_openapi_document(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert "post" in document["paths"]["/api/v1/followers/audit"]


def test_followers_dormant_for_months_are_inactive(client, auth_headers):
    dormant = [{**f, "last_post_at": "2023-01-10T00:00:00Z"} for f in followers(50, 0)]  # 16 months before seen
    recent = [{**f, "handle": f"recent{i}", "last_post_at": "2024-04-20T00:00:00Z"}
              for i, f in enumerate(followers(50, 0))]
    report = audit(client, auth_headers, {"followers": dormant + recent, "sampling": "random"})
    assert report["inactive_share"] == pytest.approx(0.5, abs=0.05)
    fresh = audit(client, auth_headers, {"followers": recent, "sampling": "random"})
    assert fresh["inactive_share"] < 0.05
