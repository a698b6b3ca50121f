from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from app.metrics import BuildLabels, MetricsSettingsError
from tests.unit.helpers import TOKEN, ClientFactory

BUILD = {"commit": "0123abc", "track": "canary"}


def samples(client: TestClient) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def requests(
    route: str, status_class: str, client: str = "other", method: str = "GET"
) -> tuple[str, frozenset[tuple[str, str]]]:
    labels = {
        "route": route,
        "method": method,
        "status_class": status_class,
        "client": client,
        **BUILD,
    }
    return "sovd_http_requests_total", frozenset(labels.items())


def test_metrics_count_requests_by_route_template_status_class_and_client(
    make_client: ClientFactory,
) -> None:
    client = make_client(build=BuildLabels(**BUILD))

    client.get("/api/v1/vehicles")
    client.get("/api/v1/vehicles", headers={"X-Sovd-Client": "web"})
    client.get("/api/v1/vehicles/no-such-vehicle")

    found = samples(client)
    assert found[requests("/api/v1/vehicles", "2xx")] == 1
    assert found[requests("/api/v1/vehicles", "2xx", client="web")] == 1
    assert found[requests("/api/v1/vehicles/{vehicle_id}", "4xx")] == 1


def test_metrics_create_every_route_series_at_zero_before_the_first_request(
    make_client: ClientFactory,
) -> None:
    client = make_client(build=BuildLabels(**BUILD))

    found = samples(client)

    assert found[requests("/api/v1/vehicles", "5xx")] == 0
    assert found[requests("/api/v1/vehicles/{vehicle_id}/commands", "5xx", method="POST")] == 0


def test_metrics_count_the_token_checks_401_and_an_unmatched_path_under_one_label(
    make_client: ClientFactory,
) -> None:
    client = make_client(token=TOKEN, build=BuildLabels(**BUILD))

    client.get("/api/v1/vehicles")
    client.get("/api/unknown/path")

    found = samples(client)
    assert found[requests("/api/v1/vehicles", "4xx")] == 1
    assert found[requests("unmatched", "4xx")] == 1


def test_metrics_histogram_observes_each_request_with_the_build_labels(
    make_client: ClientFactory,
) -> None:
    client = make_client(build=BuildLabels(**BUILD))

    client.get("/health/live")

    labels = frozenset({"route": "/health/live", "client": "other", **BUILD}.items())
    assert samples(client)[("sovd_http_request_duration_seconds_count", labels)] == 1


def test_metrics_endpoint_needs_no_token_and_is_not_in_the_openapi_document(
    make_client: ClientFactory,
) -> None:
    client = make_client(token=TOKEN)

    assert client.get("/metrics").status_code == 200
    assert "/metrics" not in client.get("/openapi.json").json()["paths"]


def test_build_labels_from_env_default_to_stable_and_unknown() -> None:
    assert BuildLabels.from_env({}) == BuildLabels(commit="unknown", track="stable")


def test_build_labels_from_env_reject_an_unknown_track() -> None:
    with pytest.raises(
        MetricsSettingsError, match="SOVD_TRACK must be 'stable' or 'canary', got 'blue'"
    ):
        BuildLabels.from_env({"SOVD_TRACK": "blue"})


def test_build_labels_from_env_reject_a_commit_with_label_breaking_characters() -> None:
    with pytest.raises(MetricsSettingsError, match="SOVD_COMMIT must be a commit SHA or tag"):
        BuildLabels.from_env({"SOVD_COMMIT": 'abc"} evil'})
