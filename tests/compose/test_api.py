"""POST /api/v1/compose/check through the real app, with the shipped compose model."""

import pytest

from botlens.registry import DEFAULT_MODEL_DIR, read_manifest

URL = "/api/v1/compose/check"

pytestmark = pytest.mark.skipif(
    "compose" not in read_manifest(DEFAULT_MODEL_DIR).get("artifacts", {}),
    reason="model/compose.joblib has not been trained (run `botlens train`)",
)


def check(client, auth_headers, **body):
    response = client.post(URL, json=body, headers=auth_headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def bad_request(client, auth_headers, **kwargs):
    response = client.post(URL, headers=auth_headers, **kwargs)
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    return response.get_json()


def test_ordinary_post_is_fine_and_carries_the_model_version(client, auth_headers):
    body = check(client, auth_headers, text="Finally finished the bookshelf I was building, pics tomorrow", platform="x")
    assert body["verdict"] == "fine" and body["spam_probability"] < 0.35
    assert body["tips"] == []
    assert body["model_version"] == client.get("/api/v1/health").get_json()["models"]["compose"]


def test_spammy_post_gets_tips_with_spans_into_the_text(client, auth_headers):
    text = "FOLLOW BACK!!!! Free iPhone giveaway 🔥🔥🔥🔥 bit.ly/win #free #win #iphone #giveaway"
    body = check(client, auth_headers, text=text, platform="x")
    assert body["verdict"] == "spam_like" and body["spam_probability"] > 0.9
    by_code = {tip["code"]: tip for tip in body["tips"]}
    assert {"follow_back", "giveaway", "link_shortener", "too_many_hashtags", "emoji_run"} <= set(by_code)
    start, end = by_code["link_shortener"]["span"]
    assert text[start:end] == "bit.ly/win"
    start, end = by_code["emoji_run"]["span"]
    assert text[start:end] == "🔥🔥🔥🔥", "spans count code points, so emoji before a span do not shift it"


def test_platform_changes_the_hashtag_norm(client, auth_headers):
    text = "Morning light over the harbour #photo #sea #harbour #morning"
    on_x = {t["code"] for t in check(client, auth_headers, text=text, platform="x")["tips"]}
    on_instagram = {t["code"] for t in check(client, auth_headers, text=text, platform="instagram")["tips"]}
    assert "too_many_hashtags" in on_x and "too_many_hashtags" not in on_instagram


def test_recent_posts_catch_a_repeat_and_raise_the_score(client, auth_headers):
    text = "Our community garden needs volunteers this Saturday morning, bring gloves"
    alone = check(client, auth_headers, text=text)
    repeated = check(client, auth_headers, text=text, recent_posts=["unrelated post", text + "!"])
    assert "repeated_post" in {t["code"] for t in repeated["tips"]}
    assert repeated["spam_probability"] > alone["spam_probability"]


def test_rtl_and_zero_width_text_is_checked(client, auth_headers):
    text = "\u200fשלום לכולם\u200b, תודה על הערב"
    body = check(client, auth_headers, text=text, platform="other")
    assert body["verdict"] in {"fine", "borderline", "spam_like"}
    for tip in body["tips"]:
        if tip.get("span"):
            assert 0 <= tip["span"][0] < tip["span"][1] <= len(text)


@pytest.mark.parametrize("body, field", [
    ({"text": ""}, "text"),
    ({"text": "   \n\t "}, "text"),
    ({"text": "\u200b\u200b \ufeff"}, "text"),
    ({"text": "x" * 10_001}, "text"),
    ({"text": 42}, "text"),
    ({"text": None}, "text"),
    ({}, "text"),
    ({"text": "hello", "platform": "myspace"}, "platform"),
    ({"text": "hello", "recent_posts": "not a list"}, "recent_posts"),
    ({"text": "hello", "recent_posts": [1, 2]}, "recent_posts[0]"),
    ({"text": "hello", "recent_posts": ["a"] * 51}, "recent_posts"),
])
def test_bad_input_is_a_400_naming_the_field(client, auth_headers, body, field):
    problem = bad_request(client, auth_headers, json=body)
    assert problem["status"] == 400
    assert field in {error["field"] for error in problem["errors"]}


@pytest.mark.parametrize("kwargs", [
    {},
    {"data": "not json", "content_type": "application/json"},
    {"json": ["a", "list"]},
])
def test_missing_or_malformed_body_is_a_400(client, auth_headers, kwargs):
    problem = bad_request(client, auth_headers, **kwargs)
    assert problem["errors"][0]["field"] == "(body)"


def test_token_is_required(client):
    response = client.post(URL, json={"text": "hello there"})
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"


def test_route_is_in_the_openapi_document(client):
    document = client.get("/api/v1/openapi.json").get_json()
    operation = document["paths"]["/api/v1/compose/check"]["post"]
    assert "compose" in operation.get("tags", [])


def test_youtube_comments_are_scored_with_the_youtube_weights(client, auth_headers):
    # On 2014 YouTube a comment pointing at an outside site was nearly always spam; in posts by people today
    # a link is ordinary. The platform decides which of the two the model applies.
    text = "nice one, more like this on www.example.com/me"
    on_youtube = check(client, auth_headers, text=text, platform="youtube")
    on_x = check(client, auth_headers, text=text, platform="x")
    assert on_youtube["spam_probability"] > on_x["spam_probability"]
    assert on_youtube["verdict"] != "fine"
