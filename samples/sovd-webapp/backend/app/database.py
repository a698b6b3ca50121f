"""One shared SQLite connection, guarded by a lock, opened on first use.

Opening lazily lets the process start (and answer /health/live) even when the database
file cannot be opened; readiness then reports the problem instead of a crash loop.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

logger = logging.getLogger(__name__)

MEMORY = ":memory:"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS vehicles (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    model   TEXT NOT NULL,
    status  TEXT NOT NULL CHECK (status IN ('online', 'offline')),
    dtcs    TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS commands (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    vehicle_id  TEXT NOT NULL REFERENCES vehicles (id),
    command     TEXT NOT NULL,
    parameters  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('completed', 'failed')),
    result      TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS commands_by_vehicle ON commands (vehicle_id, seq);
"""

# (id, name, model, status, stored diagnostic trouble codes)
SEED_VEHICLES: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("WVWZZZ1JZXW000001", "Workshop Golf", "Golf VIII", "online", ("P0301", "U0100")),
    ("WVWZZZ1JZXW000002", "Fleet Passat", "Passat B8", "online", ("P0420",)),
    ("WVWZZZ1JZXW000003", "Depot ID.4", "ID.4", "offline", ()),
)


class DatabaseUnavailable(RuntimeError):
    """The database could not be opened or queried."""


class Database:
    """Serialises access to one connection; FastAPI runs sync endpoints on several threads."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Yield the connection inside one transaction; SQLite errors become DatabaseUnavailable."""
        with self._lock:
            try:
                conn = self._connection()
                with conn:
                    yield conn
            except sqlite3.Error as exc:
                logger.error("SQLite error on %s: %s", self.path, exc)
                raise DatabaseUnavailable(f"database {self.path!r} is unavailable: {exc}") from exc

    def ping(self) -> bool:
        try:
            with self.transaction() as conn:
                conn.execute("SELECT 1").fetchone()
        except DatabaseUnavailable:
            return False
        return True

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = _open(self.path)
        return self._conn


def _open(path: str) -> sqlite3.Connection:
    if path != MEMORY:
        parent = os.path.dirname(os.path.abspath(path))
        try:
            os.makedirs(parent, exist_ok=True)
        except OSError as exc:
            raise sqlite3.OperationalError(f"cannot create directory {parent!r}: {exc}") from exc
    conn = sqlite3.connect(path, timeout=5.0, check_same_thread=False)
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.executescript(_SCHEMA)
        with conn:
            _seed(conn)
    except sqlite3.Error:
        conn.close()
        raise
    logger.info("Opened SQLite database %s", path)
    return conn


def _seed(conn: sqlite3.Connection) -> None:
    # Seed only an empty table so later changes (e.g. cleared DTCs) survive restarts;
    # OR IGNORE covers two worker processes seeding the same file at once.
    if conn.execute("SELECT COUNT(*) FROM vehicles").fetchone()[0]:
        return
    conn.executemany(
        "INSERT OR IGNORE INTO vehicles (id, name, model, status, dtcs) VALUES (?, ?, ?, ?, ?)",
        [
            (vid, name, model, status, json.dumps(list(dtcs)))
            for vid, name, model, status, dtcs in SEED_VEHICLES
        ],
    )
