from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.database import MEMORY, Database, DatabaseUnavailable
from tests.unit.helpers import ClientFactory


def test_in_memory_database_is_shared_between_transactions() -> None:
    db = Database(MEMORY)
    try:
        with db.transaction() as conn:
            conn.execute("UPDATE vehicles SET name = 'Renamed' WHERE id = 'WVWZZZ1JZXW000001'")
        with db.transaction() as conn:
            row = conn.execute("SELECT name FROM vehicles WHERE id = 'WVWZZZ1JZXW000001'")
            assert row.fetchone()[0] == "Renamed"
    finally:
        db.close()


def test_missing_parent_directories_are_created(tmp_path: Path) -> None:
    db = Database(str(tmp_path / "a" / "b" / "sovd.sqlite3"))
    try:
        assert db.ping()
    finally:
        db.close()
    assert (tmp_path / "a" / "b" / "sovd.sqlite3").is_file()


def test_uncreatable_parent_directory_makes_the_database_unavailable(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    db = Database(str(blocker / "sovd.sqlite3"))

    with pytest.raises(DatabaseUnavailable, match="cannot create directory"), db.transaction():
        pass  # pragma: no cover - the transaction never starts


def _update_then_fail(db: Database) -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE vehicles SET name = 'Half' WHERE id = 'WVWZZZ1JZXW000001'")
        conn.execute("SELECT * FROM missing_table")


def test_a_failed_statement_rolls_back_and_is_reported(tmp_path: Path) -> None:
    db = Database(str(tmp_path / "sovd.sqlite3"))
    try:
        with pytest.raises(DatabaseUnavailable, match="no such table"):
            _update_then_fail(db)
        with db.transaction() as conn:
            name = conn.execute("SELECT name FROM vehicles WHERE id = 'WVWZZZ1JZXW000001'")
            assert name.fetchone()[0] == "Workshop Golf"
    finally:
        db.close()


def test_database_that_cannot_be_opened_gives_503_on_the_api(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    client = make_client(db_path=str(tmp_path))

    response = client.get("/api/v1/vehicles")

    assert response.status_code == 503
    assert response.json() == {
        "detail": "Database unavailable; check SOVD_DB_PATH and the service log"
    }


def test_database_recovers_once_it_can_be_opened(tmp_path: Path) -> None:
    target = tmp_path / "later" / "sovd.sqlite3"
    (tmp_path / "later").write_text("blocks the directory for now")
    db = Database(str(target))
    try:
        assert not db.ping()
        (tmp_path / "later").unlink()
        assert db.ping()
    finally:
        db.close()


def test_close_is_safe_to_call_twice(client: TestClient) -> None:
    client.get("/api/v1/vehicles")
    db: Database = client.app.state.db  # type: ignore[attr-defined]

    db.close()
    db.close()

    # sqlite3's context manager only commits; closing() closes (Python 3.13 warns when it is not).
    with closing(sqlite3.connect(db.path)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM vehicles").fetchone()[0] == 3


def test_a_file_that_is_not_a_database_makes_it_unavailable(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not an SQLite file" * 100)
    db = Database(str(garbage))

    assert not db.ping()
