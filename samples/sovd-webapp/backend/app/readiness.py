"""When the service may take traffic: after the configured start delay, with a usable database."""

from __future__ import annotations

from collections.abc import Callable

from app.database import Database


class Readiness:
    def __init__(self, db: Database, delay_seconds: float, clock: Callable[[], float]) -> None:
        self._db = db
        self._clock = clock
        self._ready_at = clock() + delay_seconds

    def is_ready(self) -> bool:
        # The delay is checked first so a "slow start" never touches the database.
        return self._clock() >= self._ready_at and self._db.ping()
