"""Shared test doubles and constants for the unit suite."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from fastapi.testclient import TestClient

from app.metrics import BuildLabels

ONLINE_VEHICLE = "WVWZZZ1JZXW000001"
SECOND_ONLINE_VEHICLE = "WVWZZZ1JZXW000002"
OFFLINE_VEHICLE = "WVWZZZ1JZXW000003"
TOKEN = "unit-test-token-5f2c"  # noqa: S105 - a throwaway value for tests


class FakeClock:
    """A monotonic clock the test moves by hand, so readiness delays need no sleeping."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class ClientFactory(Protocol):
    def __call__(
        self,
        *,
        token: str | None = None,
        ready_delay: float = 0.0,
        clock: Callable[[], float] | None = None,
        db_path: str | None = None,
        build: BuildLabels | None = None,
    ) -> TestClient:
        """Builds a test client of the app with these settings (the fixture's signature)."""
