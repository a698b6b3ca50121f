from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.faults.app import Faults, build


@pytest.fixture
def db_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOVD_DB_PATH", str(tmp_path / "sovd.sqlite3"))
    monkeypatch.setenv("SOVD_TRACK", "canary")


@pytest.mark.usefixtures("db_env")
def test_fault_build_answers_every_tenth_api_request_with_500_and_counts_it() -> None:
    with TestClient(build(Faults(error_every=10))) as client:
        statuses = [client.get("/api/v1/vehicles").status_code for _ in range(20)]
        metrics = client.get("/metrics").text

    assert statuses.count(500) == 2
    assert 'status_class="5xx"' in next(
        line
        for line in metrics.splitlines()
        if line.startswith("sovd_http_requests_total")
        and 'route="/api/v1/vehicles"' in line
        and 'status_class="5xx"' in line
    )


def test_faults_from_env_reject_a_value_that_is_not_a_count() -> None:
    with pytest.raises(ValueError, match="SOVD_FAULT_DELAY_MS must be a whole number"):
        Faults.from_env({"SOVD_FAULT_DELAY_MS": "fast"})


def test_faults_are_not_part_of_the_app_package_the_image_copies() -> None:
    app_dir = Path(__file__).resolve().parents[2] / "app"

    assert not [path for path in app_dir.rglob("*.py") if "SOVD_FAULT" in path.read_text()]
