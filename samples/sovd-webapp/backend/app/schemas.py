"""Wire format of the public API (kept identical for pydantic v1 and v2)."""

from __future__ import annotations

from typing import Any, Literal

import pydantic
from pydantic import BaseModel, Field, StrictStr

PYDANTIC_V2 = pydantic.VERSION.startswith("2.")

CommandName = Literal["read_dtc", "clear_dtc", "read_data", "reset_ecu"]
CommandStatus = Literal["completed", "failed"]
VehicleStatus = Literal["online", "offline"]


class Vehicle(BaseModel):
    id: str
    name: str
    model: str
    status: VehicleStatus


class CommandRequest(BaseModel):
    command: CommandName
    # Strict so that {"did": 1} is rejected the same way by pydantic v1 (which would coerce) and v2.
    parameters: dict[StrictStr, StrictStr] = Field(default_factory=dict)

    # A misspelt field ("params") must be an error, not silently dropped.
    if PYDANTIC_V2:  # pragma: no cover - exercised only where pydantic 2 is installed
        model_config = {"extra": "forbid"}
    else:

        class Config:
            extra = "forbid"


class CommandRecord(BaseModel):
    id: str
    vehicle_id: str
    command: CommandName
    parameters: dict[str, str]
    status: CommandStatus
    result: dict[str, Any] | None
    created_at: str


class Detail(BaseModel):
    """Error body used by 401/404/503 answers."""

    detail: str


class HealthStatus(BaseModel):
    status: str
