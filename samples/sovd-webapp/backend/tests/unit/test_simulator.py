from __future__ import annotations

from app import simulator
from app.domain import VehicleState
from app.schemas import CommandName

CAR = VehicleState("WVWZZZ1JZXW000042", "Test", "Golf VIII", "online", ("P0301",))


def test_same_state_and_request_give_the_same_outcome() -> None:
    first = simulator.execute(CAR, "read_data", {"did": "F18C"})
    second = simulator.execute(CAR, "read_data", {"did": "F18C"})

    assert first == second
    assert first.result == {"values": {"F18C": "SN000042"}}


def test_only_clear_dtc_changes_the_stored_codes() -> None:
    unchanged: tuple[CommandName, ...] = ("read_dtc", "read_data", "reset_ecu")
    for command in unchanged:
        assert simulator.execute(CAR, command, {}).dtcs_after == CAR.dtcs
    assert simulator.execute(CAR, "clear_dtc", {}).dtcs_after == ()


def test_offline_vehicle_keeps_its_codes_when_clear_fails() -> None:
    offline = VehicleState("V1", "Off", "ID.4", "offline", ("P0420",))

    outcome = simulator.execute(offline, "clear_dtc", {})

    assert outcome.status == "failed"
    assert outcome.dtcs_after == ("P0420",)


def test_data_identifiers_derive_from_the_vehicle() -> None:
    assert simulator.data_identifiers(CAR) == {
        "F190": "WVWZZZ1JZXW000042",
        "F18C": "SN000042",
        "F187": "GOLF-VIII-ECU-01",
    }
