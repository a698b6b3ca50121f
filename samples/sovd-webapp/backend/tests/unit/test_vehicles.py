from __future__ import annotations

from fastapi.testclient import TestClient

from app.database import SEED_VEHICLES
from tests.unit.helpers import OFFLINE_VEHICLE, ONLINE_VEHICLE, ClientFactory


def test_list_returns_the_seeded_vehicles(client: TestClient) -> None:
    response = client.get("/api/v1/vehicles")

    assert response.status_code == 200
    vehicles = response.json()
    assert [v["id"] for v in vehicles] == [seed[0] for seed in SEED_VEHICLES]
    assert all(set(v) == {"id", "name", "model", "status"} for v in vehicles)
    assert {v["status"] for v in vehicles} == {"online", "offline"}


def test_get_returns_one_vehicle(client: TestClient) -> None:
    response = client.get(f"/api/v1/vehicles/{ONLINE_VEHICLE}")

    assert response.status_code == 200
    assert response.json() == {
        "id": ONLINE_VEHICLE,
        "name": "Workshop Golf",
        "model": "Golf VIII",
        "status": "online",
    }


def test_get_reports_an_offline_vehicle_as_offline(client: TestClient) -> None:
    assert client.get(f"/api/v1/vehicles/{OFFLINE_VEHICLE}").json()["status"] == "offline"


def test_get_unknown_vehicle_is_404_naming_the_id(client: TestClient) -> None:
    response = client.get("/api/v1/vehicles/NOPE123")

    assert response.status_code == 404
    assert response.json() == {"detail": "Vehicle 'NOPE123' not found"}


def test_seeding_happens_once_and_state_survives_a_restart(make_client: ClientFactory) -> None:
    first = make_client()
    first.post(f"/api/v1/vehicles/{ONLINE_VEHICLE}/commands", json={"command": "clear_dtc"})

    second = make_client()  # same database file, new app instance
    vehicles = second.get("/api/v1/vehicles").json()
    dtcs = second.post(
        f"/api/v1/vehicles/{ONLINE_VEHICLE}/commands", json={"command": "read_dtc"}
    ).json()["result"]

    assert len(vehicles) == len(SEED_VEHICLES)
    assert dtcs == {"dtcs": [], "count": 0}
