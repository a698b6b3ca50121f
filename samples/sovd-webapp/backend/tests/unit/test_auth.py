from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from starlette.types import Receive, Scope, Send

from app.auth import INVALID_TOKEN, MISSING_TOKEN, BearerTokenMiddleware
from tests.unit.helpers import TOKEN, ClientFactory


@pytest.fixture
def secured(make_client: ClientFactory) -> TestClient:
    return make_client(token=TOKEN)


def test_api_is_open_when_no_token_is_configured(client: TestClient) -> None:
    assert client.get("/api/v1/vehicles").status_code == 200


def test_request_with_the_right_token_passes(secured: TestClient) -> None:
    response = secured.get("/api/v1/vehicles", headers={"Authorization": f"Bearer {TOKEN}"})

    assert response.status_code == 200


def test_scheme_name_is_case_insensitive(secured: TestClient) -> None:
    response = secured.get("/api/v1/vehicles", headers={"Authorization": f"bearer {TOKEN}"})

    assert response.status_code == 200


def test_request_without_token_gets_401_with_a_hint(secured: TestClient) -> None:
    response = secured.get("/api/v1/vehicles")

    assert response.status_code == 401
    assert response.json() == {"detail": MISSING_TOKEN}
    assert response.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("header", "detail"),
    [
        ("Bearer wrong-token", INVALID_TOKEN),
        (f"Bearer {TOKEN}x", INVALID_TOKEN),
        (f"Basic {TOKEN}", MISSING_TOKEN),
        ("Bearer ", MISSING_TOKEN),
        (TOKEN, MISSING_TOKEN),
    ],
)
def test_request_with_a_bad_authorization_header_gets_401(
    secured: TestClient, header: str, detail: str
) -> None:
    response = secured.get("/api/v1/vehicles", headers={"Authorization": header})

    assert response.status_code == 401
    assert response.json() == {"detail": detail}
    assert TOKEN not in response.text


def test_every_api_path_is_protected_even_unknown_ones(secured: TestClient) -> None:
    assert secured.get("/api/v2/anything").status_code == 401
    assert secured.get("/api").status_code == 401
    assert secured.post("/api/v1/vehicles/x/commands", json={}).status_code == 401


def test_paths_that_only_start_with_api_are_not_protected(secured: TestClient) -> None:
    # "/apidocs" is not under "/api/", so it reaches routing (and is simply unknown).
    assert secured.get("/apidocs").status_code == 404


def test_middleware_refuses_an_empty_token() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        raise AssertionError("never called")

    with pytest.raises(ValueError, match="non-empty token"):
        BearerTokenMiddleware(app, token="")
