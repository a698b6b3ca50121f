"""ASGI entry point: `uvicorn app.main:app`, configured from SOVD_* environment variables."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from fastapi import FastAPI

from app import __version__
from app.auth import BearerTokenMiddleware
from app.database import Database, DatabaseUnavailable
from app.errors import NotFound, database_unavailable_handler, not_found_handler
from app.metrics import BuildLabels, install_metrics
from app.readiness import Readiness
from app.routes.api import build_api_router
from app.routes.health import build_health_router
from app.settings import Settings
from app.version import VersionHeaderMiddleware

logger = logging.getLogger(__name__)


def create_app(
    settings: Settings | None = None,
    *,
    clock: Callable[[], float] = time.monotonic,
    build: BuildLabels | None = None,
) -> FastAPI:
    """Build the service; `clock` is injectable so tests can step through the ready delay."""
    settings = Settings.from_env() if settings is None else settings
    db = Database(settings.db_path)

    app = FastAPI(title="SOVD Command WebApp API", version=__version__)
    app.state.settings = settings
    app.state.db = db
    # The shutdown handler, not FastAPI's `lifespan=` (0.93+) or `on_event` (deprecated): it is the
    # one hook that both the Debian bookworm stack (FastAPI 0.92, Starlette 0.26) and the pinned
    # one (0.115, Starlette 0.46) run without a DeprecationWarning (starlette routing.py, read
    # 2026-12-07). Python 3.13 warns about an sqlite connection left for the collector.
    app.router.add_event_handler("shutdown", db.close)
    app.include_router(build_health_router(Readiness(db, settings.ready_delay_seconds, clock)))
    app.include_router(build_api_router(db))
    app.add_exception_handler(NotFound, not_found_handler)
    app.add_exception_handler(DatabaseUnavailable, database_unavailable_handler)
    if settings.api_token:
        app.add_middleware(BearerTokenMiddleware, token=settings.api_token)
    # Added after the token check, so it stamps the token check's 401 as well.
    app.add_middleware(VersionHeaderMiddleware, version=settings.app_version)
    # Last, so it is the outermost middleware and counts the token check's 401s too.
    app.state.metrics = install_metrics(app, BuildLabels.from_env() if build is None else build)

    logger.info(
        "SOVD backend configured: version=%s db=%s auth=%s ready_delay=%ss",
        settings.app_version,
        settings.db_path,
        "bearer token" if settings.auth_enabled else "off",
        settings.ready_delay_seconds,
    )
    return app


app = create_app()
