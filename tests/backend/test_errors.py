"""Every error is one shape: RFC 9457 problem+json with type, title and status (and field names for 400s)."""

import pytest

from botlens.errors import PROBLEM_MIME


def assert_problem(response, status):
    assert response.status_code == status
    assert response.mimetype == PROBLEM_MIME
    body = response.get_json(force=True)
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert isinstance(body["title"], str) and body["title"]
    return body


def test_unknown_path_is_404_problem(client):
    assert_problem(client.get("/api/v1/nope"), 404)


def test_wrong_method_is_405_problem_with_allow(client, auth_headers):
    response = client.get("/api/v1/accounts/score", headers=auth_headers)
    assert_problem(response, 405)
    assert "POST" in response.headers["Allow"]


def test_missing_token_is_401_problem(client):
    response = client.post("/api/v1/feedback", json={"platform": "x", "handle": "a", "label": "bot"})
    assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"platform": "x", "handle": "a", "label": "robot"}, "label"),
        ({"platform": "myspace", "handle": "a", "label": "bot"}, "platform"),
        ({"handle": "a", "label": "bot"}, "platform"),
        ({"platform": "x", "handle": "", "label": "bot"}, "handle"),
        ({"platform": "x", "handle": 5, "label": "bot"}, "handle"),
    ],
)
def test_invalid_field_is_400_naming_it(client, auth_headers, payload, field):
    body = assert_problem(client.post("/api/v1/feedback", json=payload, headers=auth_headers), 400)
    assert body["errors"][0]["field"] == field
    assert body["detail"].startswith(field)


@pytest.mark.parametrize("raw", [b"", b"{not json", b"[1, 2]", b"\xff\xfe", b"null"])
def test_body_that_is_not_a_json_object_is_400(client, auth_headers, raw):
    response = client.post("/api/v1/feedback", data=raw, headers={**auth_headers, "Content-Type": "application/json"})
    body = assert_problem(response, 400)
    assert body["errors"][0]["field"] == "(body)"


def test_unexpected_exception_is_500_without_internals(tmp_path):
    from tests.conftest import make_test_app

    app = make_test_app(tmp_path)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.config["TESTING"] = False

    def explode():
        raise RuntimeError("secret internal detail /etc/passwd")

    app.add_url_rule("/api/v1/explode", "explode", explode)
    body = assert_problem(app.test_client().get("/api/v1/explode"), 500)
    assert "secret" not in str(body) and "RuntimeError" not in str(body)


def test_oversized_body_is_413_problem(client, auth_headers):
    big = {"platform": "x", "handle": "a", "label": "bot", "note": "n" * 400_000}
    assert_problem(client.post("/api/v1/feedback", json=big, headers=auth_headers), 413)


def test_rate_limit_is_429_with_retry_after(tmp_path, auth_headers):
    from tests.conftest import make_test_app

    client = make_test_app(tmp_path, RATE_LIMIT="3/minute").test_client()
    payload = {"platform": "x", "handle": "a", "label": "bot"}
    statuses = [client.post("/api/v1/feedback", json=payload, headers=auth_headers).status_code for _ in range(3)]
    assert statuses == [201, 201, 201]
    response = client.post("/api/v1/feedback", json=payload, headers=auth_headers)
    assert_problem(response, 429)
    assert int(response.headers["Retry-After"]) > 0
    # Another token has its own budget, and the open endpoints are never limited.
    other = client.post("/api/v1/feedback", json=payload, headers={"Authorization": "Bearer other"})
    assert other.status_code == 401
    assert all(client.get("/api/v1/health").status_code == 200 for _ in range(5))
