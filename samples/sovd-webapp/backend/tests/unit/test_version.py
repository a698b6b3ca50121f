from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import UNKNOWN_VERSION, Settings, SettingsError
from tests.unit.helpers import TOKEN

SHA = "4f1c2b9e7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d0e"


def _client(tmp_path: Path, version: str, token: str | None = None) -> TestClient:
    settings = Settings(db_path=str(tmp_path / "sovd.db"), api_token=token, app_version=version)
    return TestClient(create_app(settings))


@pytest.mark.parametrize("path", ["/health/live", "/health/ready", "/api/v1/vehicles", "/nowhere"])
def test_every_answer_names_the_build(tmp_path: Path, path: str) -> None:
    with _client(tmp_path, SHA) as client:
        response = client.get(path)

    assert response.headers.get_list("X-App-Version") == [SHA]


def test_the_token_checks_refusal_names_the_build_too(tmp_path: Path) -> None:
    with _client(tmp_path, SHA, token=TOKEN) as client:
        response = client.get("/api/v1/vehicles")

    assert response.status_code == 401
    assert response.headers["X-App-Version"] == SHA


def test_version_is_read_from_the_environment() -> None:
    assert Settings.from_env({"SOVD_APP_VERSION": f" {SHA} "}).app_version == SHA


def test_no_version_set_answers_unknown_never_a_sha() -> None:
    assert Settings.from_env({}).app_version == UNKNOWN_VERSION
    assert Settings.from_env({"SOVD_APP_VERSION": ""}).app_version == UNKNOWN_VERSION


@pytest.mark.parametrize("raw", ["abc def", "sha\r\nX-Evil: 1", "x" * 65, "v1;rm"])
def test_a_version_unfit_for_a_header_is_rejected_naming_the_variable(raw: str) -> None:
    with pytest.raises(SettingsError) as error:
        Settings.from_env({"SOVD_APP_VERSION": raw})

    assert str(error.value) == (
        "SOVD_APP_VERSION must be a commit SHA or another name of letters, digits, '.', '_' "
        f"and '-' (at most 64), got {raw!r}"
    )
