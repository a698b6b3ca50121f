from __future__ import annotations

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def online_vehicle(api: httpx.Client) -> dict[str, Any]:
    vehicles: list[dict[str, Any]] = api.get("/api/v1/vehicles").json()
    online = [v for v in vehicles if v["status"] == "online"]
    assert online, f"the server lists no online vehicle: {vehicles}"
    return online[0]


def test_health_endpoints_answer(api: httpx.Client) -> None:
    assert api.get("/health/live").json() == {"status": "alive"}
    assert api.get("/health/ready").json() == {"status": "ready"}


def test_vehicles_are_listed_with_the_contract_fields(api: httpx.Client) -> None:
    response = api.get("/api/v1/vehicles")

    assert response.status_code == 200
    vehicles = response.json()
    assert vehicles, "expected the seeded vehicles"
    for vehicle in vehicles:
        assert set(vehicle) == {"id", "name", "model", "status"}
        assert vehicle["status"] in ("online", "offline")


def test_submitted_command_can_be_read_back(
    api: httpx.Client, online_vehicle: dict[str, Any]
) -> None:
    vehicle_id = online_vehicle["id"]
    body = {"command": "read_data", "parameters": {"did": "F190"}}

    created = api.post(f"/api/v1/vehicles/{vehicle_id}/commands", json=body)
    assert created.status_code == 201, created.text
    record = created.json()
    fetched = api.get(f"/api/v1/commands/{record['id']}")
    history = api.get(f"/api/v1/vehicles/{vehicle_id}/commands")

    assert record["status"] == "completed"
    assert record["result"] == {"values": {"F190": vehicle_id}}
    assert fetched.status_code == 200
    assert fetched.json() == record
    assert history.json()[0]["id"] == record["id"]


def test_unknown_ids_are_404(api: httpx.Client) -> None:
    vehicle = api.get("/api/v1/vehicles/NO-SUCH-VEHICLE")
    command = api.get("/api/v1/commands/no-such-command")

    assert (vehicle.status_code, vehicle.json()) == (
        404,
        {"detail": "Vehicle 'NO-SUCH-VEHICLE' not found"},
    )
    assert command.status_code == 404


def test_invalid_command_is_422(api: httpx.Client, online_vehicle: dict[str, Any]) -> None:
    response = api.post(
        f"/api/v1/vehicles/{online_vehicle['id']}/commands", json={"command": "self_destruct"}
    )

    assert response.status_code == 422


def test_api_refuses_requests_without_the_token(base_url: str, token: str | None) -> None:
    if token is None:
        pytest.skip("API_TOKEN is not set, so the server is assumed to run without auth")
    response = httpx.get(f"{base_url}/api/v1/vehicles", timeout=10.0)

    assert response.status_code == 401
