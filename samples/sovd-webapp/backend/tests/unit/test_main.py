from __future__ import annotations

from fastapi.testclient import TestClient

from app import main


def test_module_level_app_serves_liveness() -> None:
    response = TestClient(main.app).get("/health/live")

    assert response.json() == {"status": "alive"}


def test_openapi_document_lists_the_api_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]

    assert set(paths) == {
        "/health/live",
        "/health/ready",
        "/api/v1/vehicles",
        "/api/v1/vehicles/{vehicle_id}",
        "/api/v1/vehicles/{vehicle_id}/commands",
        "/api/v1/commands/{command_id}",
    }
