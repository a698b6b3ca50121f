"""Internal state of a vehicle as stored, before it is turned into the API's shape."""

from __future__ import annotations

from dataclasses import dataclass

from app.schemas import Vehicle, VehicleStatus


@dataclass(frozen=True)
class VehicleState:
    id: str
    name: str
    model: str
    status: VehicleStatus
    dtcs: tuple[str, ...]

    @property
    def online(self) -> bool:
        return self.status == "online"

    def to_api(self) -> Vehicle:
        return Vehicle(id=self.id, name=self.name, model=self.model, status=self.status)
