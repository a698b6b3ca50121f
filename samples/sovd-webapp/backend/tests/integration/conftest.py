"""Integration tests talk HTTP to an already running server.

API_BASE_URL (required) is where it listens, e.g. http://127.0.0.1:8000; API_TOKEN is sent as
a bearer token when set; API_READY_TIMEOUT_SECONDS (default 30) bounds the wait for /health/ready.
A missing API_BASE_URL stops the run with an error on purpose: a pipeline stage that silently
skips proves nothing.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

BASE_URL_VAR = "API_BASE_URL"
TOKEN_VAR = "API_TOKEN"  # noqa: S105 - the variable's name, not a secret
READY_TIMEOUT_VAR = "API_READY_TIMEOUT_SECONDS"
_HERE = Path(__file__).parent


def pytest_collection_finish(session: pytest.Session) -> None:
    # Runs after `-m`/`-k` deselection, so `-m "not integration"` needs no server.
    # The hook sees the whole session; only items from this folder count.
    ours = [item for item in session.items if _HERE in item.path.parents]
    problem = _base_url_problem(os.environ.get(BASE_URL_VAR, ""))
    if ours and problem:
        # One clear message for the run instead of an error per test.
        raise pytest.UsageError(problem)


def _base_url_problem(raw: str) -> str | None:
    url = raw.strip()
    if not url:
        return (
            f"{BASE_URL_VAR} is not set: the integration tests need a running backend. "
            f"Start it, then run e.g. "
            f"`{BASE_URL_VAR}=http://127.0.0.1:8000 python3 -m pytest tests/integration`"
        )
    if not url.startswith(("http://", "https://")):
        return f"{BASE_URL_VAR} must start with http:// or https://, got {url!r}"
    return None


@pytest.fixture(scope="session")
def base_url() -> str:
    return os.environ[BASE_URL_VAR].strip().rstrip("/")


@pytest.fixture(scope="session")
def token() -> str | None:
    return os.environ.get(TOKEN_VAR) or None


@pytest.fixture(scope="session")
def api(base_url: str, token: str | None) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    with httpx.Client(base_url=base_url, headers=headers, timeout=10.0) as client:
        _wait_until_ready(client, _ready_timeout())
        _check_access(client, token)
        yield client


def _check_access(client: httpx.Client, token: str | None) -> None:
    status = client.get("/api/v1/vehicles").status_code
    if status == 401:
        hint = "is API_TOKEN the server's SOVD_API_TOKEN?" if token else "set API_TOKEN"
        pytest.fail(f"{client.base_url} answers /api with 401: {hint}", pytrace=False)


def _ready_timeout() -> float:
    raw = os.environ.get(READY_TIMEOUT_VAR, "30")
    try:
        return float(raw)
    except ValueError:
        raise pytest.UsageError(
            f"{READY_TIMEOUT_VAR} must be a number of seconds, got {raw!r}"
        ) from None


def _wait_until_ready(client: httpx.Client, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while True:
        try:
            response = client.get("/health/ready")
            if response.status_code == 200:
                return
            last = f"HTTP {response.status_code} {response.text[:200]}"
        except httpx.TransportError as exc:
            last = f"{type(exc).__name__}: {exc}"
        if time.monotonic() >= deadline:
            pytest.fail(
                f"{client.base_url} did not become ready within {timeout:g}s (last: {last})",
                pytrace=False,
            )
        time.sleep(0.5)
