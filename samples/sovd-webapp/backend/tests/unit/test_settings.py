from __future__ import annotations

import pytest

from app.settings import DEFAULT_DB_PATH, Settings, SettingsError


def test_defaults_when_nothing_is_set() -> None:
    settings = Settings.from_env({})

    assert settings == Settings(db_path=DEFAULT_DB_PATH, api_token=None, ready_delay_seconds=0.0)
    assert not settings.auth_enabled


def test_values_are_read_from_the_environment() -> None:
    settings = Settings.from_env(
        {
            "SOVD_DB_PATH": "/data/sovd.db",
            "SOVD_API_TOKEN": "s3cret-value",
            "SOVD_READY_DELAY_SECONDS": "2.5",
        }
    )

    assert settings.db_path == "/data/sovd.db"
    assert settings.api_token == "s3cret-value"  # noqa: S105
    assert settings.ready_delay_seconds == 2.5
    assert settings.auth_enabled


def test_empty_values_mean_unset() -> None:
    settings = Settings.from_env(
        {"SOVD_DB_PATH": " ", "SOVD_API_TOKEN": "", "SOVD_READY_DELAY_SECONDS": ""}
    )

    assert settings == Settings()


def test_token_never_appears_in_repr() -> None:
    settings = Settings(api_token="s3cret-value")  # noqa: S106

    assert "s3cret-value" not in repr(settings)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            "soon",
            "SOVD_READY_DELAY_SECONDS must be a number of seconds (e.g. 0 or 2.5), got 'soon'",
        ),
        ("-1", "SOVD_READY_DELAY_SECONDS must be zero or a positive number, got '-1'"),
        ("nan", "SOVD_READY_DELAY_SECONDS must be zero or a positive number, got 'nan'"),
        ("inf", "SOVD_READY_DELAY_SECONDS must be zero or a positive number, got 'inf'"),
    ],
)
def test_bad_ready_delay_is_rejected_with_the_variable_name(raw: str, message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({"SOVD_READY_DELAY_SECONDS": raw})

    assert str(caught.value) == message
