from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.unit.helpers import OFFLINE_VEHICLE, ONLINE_VEHICLE, SECOND_ONLINE_VEHICLE


def submit(client: TestClient, vehicle_id: str, body: dict[str, Any]) -> httpx.Response:
    return client.post(f"/api/v1/vehicles/{vehicle_id}/commands", json=body)


def test_submit_returns_201_with_the_full_record(client: TestClient) -> None:
    response = submit(client, ONLINE_VEHICLE, {"command": "read_dtc"})

    assert response.status_code == 201
    record = response.json()
    assert set(record) == {"id", "vehicle_id", "command", "parameters", "status", "result"} | {
        "created_at"
    }
    assert uuid.UUID(record["id"]).version == 4
    assert record["vehicle_id"] == ONLINE_VEHICLE
    assert record["command"] == "read_dtc"
    assert record["parameters"] == {}
    assert record["status"] == "completed"
    assert record["result"] == {"dtcs": ["P0301", "U0100"], "count": 2}
    assert datetime.fromisoformat(record["created_at"]).utcoffset() is not None


def test_read_dtc_reflects_each_vehicles_own_codes(client: TestClient) -> None:
    result = submit(client, SECOND_ONLINE_VEHICLE, {"command": "read_dtc"}).json()["result"]

    assert result == {"dtcs": ["P0420"], "count": 1}


def test_clear_dtc_empties_the_codes_of_that_vehicle_only(client: TestClient) -> None:
    cleared = submit(client, ONLINE_VEHICLE, {"command": "clear_dtc"}).json()
    after = submit(client, ONLINE_VEHICLE, {"command": "read_dtc"}).json()["result"]
    other = submit(client, SECOND_ONLINE_VEHICLE, {"command": "read_dtc"}).json()["result"]

    assert (cleared["status"], cleared["result"]) == ("completed", {"cleared": 2})
    assert after == {"dtcs": [], "count": 0}
    assert other["count"] == 1


def test_read_data_without_did_returns_all_identifiers(client: TestClient) -> None:
    result = submit(client, ONLINE_VEHICLE, {"command": "read_data"}).json()["result"]

    assert result == {
        "values": {"F190": ONLINE_VEHICLE, "F18C": "SN000001", "F187": "GOLF-VIII-ECU-01"}
    }


def test_read_data_with_did_returns_that_identifier(client: TestClient) -> None:
    body = {"command": "read_data", "parameters": {"did": "f190"}}
    record = submit(client, ONLINE_VEHICLE, body).json()

    assert record["parameters"] == {"did": "f190"}
    assert record["result"] == {"values": {"F190": ONLINE_VEHICLE}}


def test_reset_ecu_defaults_to_a_soft_reset(client: TestClient) -> None:
    soft = submit(client, ONLINE_VEHICLE, {"command": "reset_ecu"}).json()
    body = {"command": "reset_ecu", "parameters": {"reset_type": "hard"}}
    hard = submit(client, ONLINE_VEHICLE, body).json()

    assert soft["result"] == {"reset_type": "soft", "ecu_state": "running"}
    assert hard["result"] == {"reset_type": "hard", "ecu_state": "running"}


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (
            {"command": "read_data", "parameters": {"did": "FFFF"}},
            "unsupported data identifier 'FFFF'; supported: F187, F18C, F190",
        ),
        (
            {"command": "reset_ecu", "parameters": {"reset_type": "warm"}},
            "unsupported reset_type 'warm'; use one of: soft, hard",
        ),
        (
            {"command": "read_dtc", "parameters": {"ecu": "engine"}},
            "unsupported parameter(s) for read_dtc: ecu; supported: none",
        ),
        (
            {"command": "read_data", "parameters": {"x": "1", "did": "F190"}},
            "unsupported parameter(s) for read_data: x; supported: did",
        ),
    ],
)
def test_a_request_the_vehicle_rejects_is_stored_as_failed(
    client: TestClient, body: dict[str, Any], error: str
) -> None:
    response = submit(client, ONLINE_VEHICLE, body)

    assert response.status_code == 201
    assert response.json()["status"] == "failed"
    assert response.json()["result"] == {"error": error}


@pytest.mark.parametrize("command", ["read_dtc", "clear_dtc", "read_data", "reset_ecu"])
def test_offline_vehicle_fails_every_command(client: TestClient, command: str) -> None:
    response = submit(client, OFFLINE_VEHICLE, {"command": command})

    assert response.status_code == 201
    assert response.json()["status"] == "failed"
    assert response.json()["result"] == {"error": "vehicle offline"}


def test_submit_to_unknown_vehicle_is_404(client: TestClient) -> None:
    response = submit(client, "NOPE123", {"command": "read_dtc"})

    assert response.status_code == 404
    assert response.json() == {"detail": "Vehicle 'NOPE123' not found"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"command": "self_destruct"}, "command"),
        ({}, "command"),
        ({"command": "read_dtc", "parameters": {"did": 1}}, "parameters"),
        ({"command": "read_dtc", "parameters": ["did"]}, "parameters"),
        ({"command": "read_dtc", "parameters": None}, "parameters"),
        ({"command": "read_dtc", "params": {}}, "params"),
    ],
)
def test_invalid_body_is_422_naming_the_field(
    client: TestClient, body: dict[str, Any], field: str
) -> None:
    response = submit(client, ONLINE_VEHICLE, body)

    assert response.status_code == 422
    locations = [error["loc"] for error in response.json()["detail"]]
    assert any(loc[:2] == ["body", field] for loc in locations), locations


def test_non_json_body_is_422(client: TestClient) -> None:
    response = client.post(
        f"/api/v1/vehicles/{ONLINE_VEHICLE}/commands",
        content=b"command=read_dtc",
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 422


def test_get_command_returns_the_stored_record(client: TestClient) -> None:
    created = submit(client, ONLINE_VEHICLE, {"command": "read_data"}).json()

    response = client.get(f"/api/v1/commands/{created['id']}")

    assert response.status_code == 200
    assert response.json() == created


def test_get_unknown_command_is_404_naming_the_id(client: TestClient) -> None:
    response = client.get("/api/v1/commands/does-not-exist")

    assert response.status_code == 404
    assert response.json() == {"detail": "Command 'does-not-exist' not found"}


def test_vehicle_command_list_is_newest_first_and_per_vehicle(client: TestClient) -> None:
    ids = [
        submit(client, ONLINE_VEHICLE, {"command": name}).json()["id"]
        for name in ("read_dtc", "read_data", "reset_ecu")
    ]
    submit(client, SECOND_ONLINE_VEHICLE, {"command": "read_dtc"})

    response = client.get(f"/api/v1/vehicles/{ONLINE_VEHICLE}/commands")

    assert response.status_code == 200
    assert [c["id"] for c in response.json()] == list(reversed(ids))


def test_vehicle_command_list_is_empty_for_a_new_vehicle(client: TestClient) -> None:
    response = client.get(f"/api/v1/vehicles/{OFFLINE_VEHICLE}/commands")

    assert (response.status_code, response.json()) == (200, [])


def test_vehicle_command_list_for_unknown_vehicle_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/vehicles/NOPE123/commands")

    assert response.status_code == 404
    assert response.json() == {"detail": "Vehicle 'NOPE123' not found"}
