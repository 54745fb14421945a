"""Requests generated from the OpenAPI document (schemathesis) never make the server fail, and every answer
matches the documented schema."""

import pytest
from hypothesis import HealthCheck, given, settings

schemathesis = pytest.importorskip("schemathesis")

from tests.conftest import TEST_TOKEN, make_test_app  # noqa: E402


def test_no_server_errors_and_responses_match_the_schema(tmp_path):
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import response_schema_conformance

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", make_test_app(tmp_path))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 6

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
        def check(case):
            response = case.call(headers={"Authorization": f"Bearer {TEST_TOKEN}"})
            case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])

        check()
