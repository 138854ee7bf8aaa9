"""Property-based tests from the OpenAPI schema (Schemathesis) against the real server.

Whatever a client sends that the schema allows or not, the service answers without a 5xx, in
the documented shape, and every error is problem+json.
"""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.conftest import LiveServer


@pytest.fixture(scope="session")
def api_schema(live_server: LiveServer) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(live_server.url + "/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema_and_never_fails(case: schemathesis.Case) -> None:
    response = case.call(timeout=30)
    assert response.status_code < 500, f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text}"
    if response.status_code >= 400:
        assert response.headers["content-type"][0].startswith("application/problem+json")
    case.validate_response(response, excluded_checks=[schemathesis.checks.positive_data_acceptance])


def test_schemathesis_reaches_the_live_server(live_server: LiveServer) -> None:
    assert httpx.get(live_server.url + "/openapi.json").json()["info"]["title"] == "AnkleKG"
