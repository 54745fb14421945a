"""CORS answers extension origins only, by anchored patterns."""

import pytest

EXTENSION_ORIGINS = ["chrome-extension://abcdefghijklmnopabcdefghijklmnop",
                     "moz-extension://0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"]
FOREIGN_ORIGINS = ["https://evil.example", "chrome-extension://abcdefghijklmnopabcdefghijklmnop.evil.example",
                   "https://x.com", "null"]


def preflight(client, origin):
    return client.options("/api/v1/accounts/score", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})


@pytest.mark.parametrize("origin", EXTENSION_ORIGINS)
def test_extension_origins_are_allowed(client, origin):
    response = preflight(client, origin)
    assert response.headers.get("Access-Control-Allow-Origin") == origin
    assert "authorization" in response.headers.get("Access-Control-Allow-Headers", "").lower()


@pytest.mark.parametrize("origin", FOREIGN_ORIGINS)
def test_other_origins_are_not(client, origin):
    assert "Access-Control-Allow-Origin" not in preflight(client, origin).headers
