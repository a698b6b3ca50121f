from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from app import main
from app.main import create_app
from app.settings import Settings


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


def test_the_app_closes_its_database_when_it_shuts_down(tmp_path: Path) -> None:
    app = create_app(Settings(db_path=str(tmp_path / "sovd.sqlite3")))

    with TestClient(app) as client:
        client.get("/api/v1/vehicles")
        assert app.state.db.is_open

    assert not app.state.db.is_open
