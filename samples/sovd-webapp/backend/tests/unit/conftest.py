from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.main import create_app
from app.metrics import BuildLabels
from app.settings import Settings
from tests.unit.helpers import ClientFactory


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    """Python 3.13 warns when the collector finds an unclosed sqlite connection, and
    `filterwarnings = error` fails whichever test is running at that moment. Collecting here
    pins the failure on the test that leaked, on every run, whenever the collector would run."""
    yield
    gc.collect()


@pytest.fixture
def db_file(tmp_path: Path) -> str:
    """A fresh SQLite file per test, so no test sees another's commands."""
    return str(tmp_path / "sovd.sqlite3")


@pytest.fixture
def make_client(db_file: str) -> Iterator[ClientFactory]:
    apps: list[FastAPI] = []

    def factory(
        *,
        token: str | None = None,
        ready_delay: float = 0.0,
        clock: Callable[[], float] | None = None,
        db_path: str | None = None,
        build: BuildLabels | None = None,
    ) -> TestClient:
        settings = Settings(
            db_path=db_file if db_path is None else db_path,
            api_token=token,
            ready_delay_seconds=ready_delay,
        )
        app = create_app(
            settings, clock=time.monotonic if clock is None else clock, build=build or BuildLabels()
        )
        apps.append(app)
        return TestClient(app)

    yield factory
    for app in apps:
        app.state.db.close()


@pytest.fixture
def client(make_client: ClientFactory) -> TestClient:
    return make_client()
