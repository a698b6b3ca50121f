"""A deterministic stand-in for a vehicle's diagnostic server.

Like a real ECU it answers a bad request with a negative response (status "failed" plus an
error) rather than refusing the transport; the same state and request always give the same
answer, so tests can assert exact results.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.domain import VehicleState
from app.schemas import CommandName, CommandStatus

RESET_TYPES = ("soft", "hard")


@dataclass(frozen=True)
class Outcome:
    status: CommandStatus
    result: dict[str, Any]
    dtcs_after: tuple[str, ...]


def data_identifiers(vehicle: VehicleState) -> dict[str, str]:
    """UDS-style data identifiers this vehicle can report (F190 is the VIN by convention)."""
    return {
        "F190": vehicle.id,
        "F18C": f"SN{vehicle.id[-6:]}",
        "F187": f"{vehicle.model.upper().replace(' ', '-')}-ECU-01",
    }


def execute(vehicle: VehicleState, command: CommandName, parameters: Mapping[str, str]) -> Outcome:
    if not vehicle.online:
        return _failed(vehicle, "vehicle offline")
    handler, allowed = _HANDLERS[command]
    unknown = sorted(set(parameters) - set(allowed))
    if unknown:
        supported = ", ".join(allowed) or "none"
        return _failed(
            vehicle,
            f"unsupported parameter(s) for {command}: {', '.join(unknown)}; supported: {supported}",
        )
    return handler(vehicle, parameters)


def _read_dtc(vehicle: VehicleState, _parameters: Mapping[str, str]) -> Outcome:
    return _completed(vehicle, {"dtcs": list(vehicle.dtcs), "count": len(vehicle.dtcs)})


def _clear_dtc(vehicle: VehicleState, _parameters: Mapping[str, str]) -> Outcome:
    return Outcome("completed", {"cleared": len(vehicle.dtcs)}, dtcs_after=())


def _read_data(vehicle: VehicleState, parameters: Mapping[str, str]) -> Outcome:
    available = data_identifiers(vehicle)
    did = parameters.get("did")
    if did is None:
        return _completed(vehicle, {"values": available})
    key = did.upper()
    if key not in available:
        known = ", ".join(sorted(available))
        return _failed(vehicle, f"unsupported data identifier {did!r}; supported: {known}")
    return _completed(vehicle, {"values": {key: available[key]}})


def _reset_ecu(vehicle: VehicleState, parameters: Mapping[str, str]) -> Outcome:
    reset_type = parameters.get("reset_type", "soft")
    if reset_type not in RESET_TYPES:
        return _failed(
            vehicle, f"unsupported reset_type {reset_type!r}; use one of: {', '.join(RESET_TYPES)}"
        )
    return _completed(vehicle, {"reset_type": reset_type, "ecu_state": "running"})


def _completed(vehicle: VehicleState, result: dict[str, Any]) -> Outcome:
    return Outcome("completed", result, vehicle.dtcs)


def _failed(vehicle: VehicleState, error: str) -> Outcome:
    return Outcome("failed", {"error": error}, vehicle.dtcs)


_Handler = Callable[[VehicleState, Mapping[str, str]], Outcome]

# command -> (handler, parameter names it accepts)
_HANDLERS: dict[str, tuple[_Handler, tuple[str, ...]]] = {
    "read_dtc": (_read_dtc, ()),
    "clear_dtc": (_clear_dtc, ()),
    "read_data": (_read_data, ("did",)),
    "reset_ecu": (_reset_ecu, ("reset_type",)),
}
