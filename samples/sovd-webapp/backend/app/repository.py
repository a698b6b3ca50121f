"""SQL for vehicles and commands; every function runs inside a caller's transaction."""

from __future__ import annotations

import json
import sqlite3

from app.domain import VehicleState
from app.schemas import CommandRecord

# Whole statements as literals: no string building, so nothing user-supplied can reach the SQL.
_SELECT_VEHICLES = "SELECT id, name, model, status, dtcs FROM vehicles ORDER BY id"
_SELECT_VEHICLE = "SELECT id, name, model, status, dtcs FROM vehicles WHERE id = ?"
_UPDATE_DTCS = "UPDATE vehicles SET dtcs = ? WHERE id = ?"
_INSERT_COMMAND = (
    "INSERT INTO commands (id, vehicle_id, command, parameters, status, result, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_SELECT_COMMAND = (
    "SELECT id, vehicle_id, command, parameters, status, result, created_at"
    " FROM commands WHERE id = ?"
)
# seq, not created_at, decides "newest": two commands can share a timestamp.
_SELECT_VEHICLE_COMMANDS = (
    "SELECT id, vehicle_id, command, parameters, status, result, created_at"
    " FROM commands WHERE vehicle_id = ? ORDER BY seq DESC"
)


def list_vehicles(conn: sqlite3.Connection) -> list[VehicleState]:
    rows = conn.execute(_SELECT_VEHICLES)
    return [_vehicle(row) for row in rows]


def find_vehicle(conn: sqlite3.Connection, vehicle_id: str) -> VehicleState | None:
    row = conn.execute(_SELECT_VEHICLE, (vehicle_id,)).fetchone()
    return None if row is None else _vehicle(row)


def save_dtcs(conn: sqlite3.Connection, vehicle_id: str, dtcs: tuple[str, ...]) -> None:
    conn.execute(_UPDATE_DTCS, (json.dumps(list(dtcs)), vehicle_id))


def insert_command(conn: sqlite3.Connection, record: CommandRecord) -> None:
    conn.execute(
        _INSERT_COMMAND,
        (
            record.id,
            record.vehicle_id,
            record.command,
            json.dumps(record.parameters),
            record.status,
            None if record.result is None else json.dumps(record.result),
            record.created_at,
        ),
    )


def find_command(conn: sqlite3.Connection, command_id: str) -> CommandRecord | None:
    row = conn.execute(_SELECT_COMMAND, (command_id,)).fetchone()
    return None if row is None else _command(row)


def list_commands(conn: sqlite3.Connection, vehicle_id: str) -> list[CommandRecord]:
    rows = conn.execute(_SELECT_VEHICLE_COMMANDS, (vehicle_id,))
    return [_command(row) for row in rows]


def _vehicle(row: sqlite3.Row) -> VehicleState:
    return VehicleState(
        id=row["id"],
        name=row["name"],
        model=row["model"],
        status=row["status"],
        dtcs=tuple(json.loads(row["dtcs"])),
    )


def _command(row: sqlite3.Row) -> CommandRecord:
    result = row["result"]
    return CommandRecord(
        id=row["id"],
        vehicle_id=row["vehicle_id"],
        command=row["command"],
        parameters=json.loads(row["parameters"]),
        status=row["status"],
        result=None if result is None else json.loads(result),
        created_at=row["created_at"],
    )
