"""Runtime settings, read once from environment variables."""

from __future__ import annotations

import math
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field

DB_PATH_VAR = "SOVD_DB_PATH"
API_TOKEN_VAR = "SOVD_API_TOKEN"  # noqa: S105 - the variable's name, not a secret
READY_DELAY_VAR = "SOVD_READY_DELAY_SECONDS"
APP_VERSION_VAR = "SOVD_APP_VERSION"

# What answers when the image was built without a version (a local run): never a commit SHA.
UNKNOWN_VERSION = "unknown"
# It goes into a response header: letters, digits and . _ - only.
_VERSION_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,64}")

DEFAULT_DB_PATH = os.path.join(tempfile.gettempdir(), "sovd-webapp.sqlite3")


class SettingsError(ValueError):
    """An environment variable holds a value the service cannot use."""


@dataclass(frozen=True)
class Settings:
    """What the service needs to start; the token is kept out of repr so it never reaches logs."""

    db_path: str = DEFAULT_DB_PATH
    api_token: str | None = field(default=None, repr=False)
    ready_delay_seconds: float = 0.0
    # The build's commit SHA (the image sets it from Build-Images' APP_VERSION build argument).
    app_version: str = UNKNOWN_VERSION

    @property
    def auth_enabled(self) -> bool:
        return bool(self.api_token)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            db_path=env.get(DB_PATH_VAR, "").strip() or DEFAULT_DB_PATH,
            # An empty token would accept "Bearer " from anyone, so empty means auth is off.
            api_token=env.get(API_TOKEN_VAR) or None,
            ready_delay_seconds=_parse_delay(env.get(READY_DELAY_VAR)),
            app_version=_parse_version(env.get(APP_VERSION_VAR)),
        )


def _parse_version(raw: str | None) -> str:
    if raw is None or not raw.strip():
        return UNKNOWN_VERSION
    value = raw.strip()
    if not _VERSION_PATTERN.fullmatch(value):
        raise SettingsError(
            f"{APP_VERSION_VAR} must be a commit SHA or another name of letters, digits, '.', '_' "
            f"and '-' (at most 64), got {raw!r}"
        )
    return value


def _parse_delay(raw: str | None) -> float:
    if raw is None or not raw.strip():
        return 0.0
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(
            f"{READY_DELAY_VAR} must be a number of seconds (e.g. 0 or 2.5), got {raw!r}"
        ) from None
    if not math.isfinite(value) or value < 0:
        raise SettingsError(f"{READY_DELAY_VAR} must be zero or a positive number, got {raw!r}")
    return value
