from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.unit.helpers import TOKEN, ClientFactory, FakeClock


def test_live_answers_alive(client: TestClient) -> None:
    response = client.get("/health/live")

    assert response.status_code == 200
    assert response.json() == {"status": "alive"}


def test_ready_answers_ready_without_delay(client: TestClient) -> None:
    response = client.get("/health/ready")

    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


def test_ready_answers_starting_until_the_delay_has_passed(make_client: ClientFactory) -> None:
    clock = FakeClock()
    client = make_client(ready_delay=2.0, clock=clock)

    before = client.get("/health/ready")
    clock.advance(1.9)
    still_before = client.get("/health/ready")
    clock.advance(0.1)
    after = client.get("/health/ready")

    assert (before.status_code, before.json()) == (503, {"status": "starting"})
    assert still_before.status_code == 503
    assert (after.status_code, after.json()) == (200, {"status": "ready"})


def test_live_answers_during_the_ready_delay(make_client: ClientFactory) -> None:
    client = make_client(ready_delay=60.0, clock=FakeClock())

    assert client.get("/health/live").status_code == 200


def test_ready_answers_503_when_the_database_cannot_be_opened(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    # A directory is not a database file, so SQLite refuses to open it.
    client = make_client(db_path=str(tmp_path))

    response = client.get("/health/ready")

    assert (response.status_code, response.json()) == (503, {"status": "starting"})
    assert client.get("/health/live").status_code == 200


def test_health_endpoints_need_no_token(make_client: ClientFactory) -> None:
    client = make_client(token=TOKEN)

    assert client.get("/health/live").status_code == 200
    assert client.get("/health/ready").status_code == 200
