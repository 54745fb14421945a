"""The OpenAPI document is valid 3.1, covers every route, and every endpoint is documented for users."""

from pathlib import Path

from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]


def api_rules(app):
    return {(rule.rule, method) for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/v1")
            for method in rule.methods - {"HEAD", "OPTIONS"}}


def test_document_is_valid_openapi_3_1(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_every_route_is_in_the_document(app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    documented = {(path, method.upper()) for path, ops in document["paths"].items() for method in ops}
    assert api_rules(app) == documented


def test_request_schemas_come_from_the_validating_models(client):
    document = client.get("/api/v1/openapi.json").get_json()
    profile = document["components"]["schemas"]["Profile"]
    assert set(profile["required"]) == {"platform", "handle"}
    assert profile["properties"]["followers_count"]["anyOf"][0]["minimum"] == 0


def test_every_endpoint_is_documented_in_the_readme(app):
    readme = (ROOT / "README.md").read_text()
    missing = sorted(path for path, _ in api_rules(app) if path not in readme)
    assert not missing, f"endpoints missing from README.md: {missing}"


def test_tip_codes_are_listed_and_every_rule_raises_its_own(client):
    from botlens.compose.combine import TIP_CODES
    from botlens.compose.rules import RULES, Draft

    document = client.get("/api/v1/openapi.json").get_json()
    listed = document["components"]["schemas"]["ComposeTip"]["properties"]["code"]["enum"]
    assert set(listed) == set(TIP_CODES) and "engagement_bait" in listed and "spam_like_wording" in listed
    text = ("FOLLOW BACK!!!! Like this comment if you agree, check out my channel, DM me, GIVEAWAY, make $500 a day "
            "🔥🔥🔥🔥 bit.ly/x tinyurl.com/y http://a.co #a #b #c #d @q @w @e @r @t @y "
            "SHOUTING AT EVERYONE HERE NOW, more at gems dot com")
    fired = set()
    for rule in RULES:
        for draft in (Draft(text, "x", [text]), Draft("https://bit.ly/x", "x")):
            for tip in rule(draft):
                assert tip.code == rule.__name__
                fired.add(rule.__name__)
    assert fired == {rule.__name__ for rule in RULES}


def test_every_tip_code_is_documented_in_the_readme():
    from botlens.compose.combine import TIP_CODES

    readme = (ROOT / "README.md").read_text()
    missing = [code for code in TIP_CODES if f"`{code}`" not in readme]
    assert not missing, f"tip codes missing from README.md: {missing}"
