"""Submitting a command: find the vehicle, let it answer, store the record; one transaction."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from app import repository, simulator
from app.database import Database
from app.errors import NotFound
from app.schemas import CommandRecord, CommandRequest


def vehicle_not_found(vehicle_id: str) -> NotFound:
    return NotFound(f"Vehicle '{vehicle_id}' not found")


def submit(db: Database, vehicle_id: str, request: CommandRequest) -> CommandRecord:
    with db.transaction() as conn:
        vehicle = repository.find_vehicle(conn, vehicle_id)
        if vehicle is None:
            raise vehicle_not_found(vehicle_id)
        outcome = simulator.execute(vehicle, request.command, request.parameters)
        if outcome.dtcs_after != vehicle.dtcs:
            repository.save_dtcs(conn, vehicle.id, outcome.dtcs_after)
        record = CommandRecord(
            id=str(uuid.uuid4()),
            vehicle_id=vehicle.id,
            command=request.command,
            parameters=dict(request.parameters),
            status=outcome.status,
            result=outcome.result,
            created_at=_utc_now(),
        )
        repository.insert_command(conn, record)
    return record


def _utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")
