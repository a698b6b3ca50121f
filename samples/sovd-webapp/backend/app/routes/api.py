"""The versioned diagnostics API: vehicles and the commands sent to them."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app import commands, repository
from app.database import Database
from app.errors import NotFound
from app.schemas import CommandRecord, CommandRequest, Detail, Vehicle

_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Detail}}


def build_api_router(db: Database) -> APIRouter:
    router = APIRouter(prefix="/api/v1", responses={401: {"model": Detail}, 503: {"model": Detail}})

    @router.get("/vehicles", response_model=list[Vehicle], tags=["vehicles"])
    def list_vehicles() -> list[Vehicle]:
        with db.transaction() as conn:
            return [v.to_api() for v in repository.list_vehicles(conn)]

    @router.get(
        "/vehicles/{vehicle_id}", response_model=Vehicle, responses=_NOT_FOUND, tags=["vehicles"]
    )
    def get_vehicle(vehicle_id: str) -> Vehicle:
        with db.transaction() as conn:
            vehicle = repository.find_vehicle(conn, vehicle_id)
        if vehicle is None:
            raise commands.vehicle_not_found(vehicle_id)
        return vehicle.to_api()

    @router.post(
        "/vehicles/{vehicle_id}/commands",
        response_model=CommandRecord,
        status_code=201,
        responses=_NOT_FOUND,
        tags=["commands"],
    )
    def submit_command(vehicle_id: str, body: CommandRequest) -> CommandRecord:
        return commands.submit(db, vehicle_id, body)

    @router.get(
        "/vehicles/{vehicle_id}/commands",
        response_model=list[CommandRecord],
        responses=_NOT_FOUND,
        tags=["commands"],
    )
    def list_vehicle_commands(vehicle_id: str) -> list[CommandRecord]:
        with db.transaction() as conn:
            if repository.find_vehicle(conn, vehicle_id) is None:
                raise commands.vehicle_not_found(vehicle_id)
            return repository.list_commands(conn, vehicle_id)

    @router.get(
        "/commands/{command_id}",
        response_model=CommandRecord,
        responses=_NOT_FOUND,
        tags=["commands"],
    )
    def get_command(command_id: str) -> CommandRecord:
        with db.transaction() as conn:
            record = repository.find_command(conn, command_id)
        if record is None:
            raise NotFound(f"Command '{command_id}' not found")
        return record

    return router
