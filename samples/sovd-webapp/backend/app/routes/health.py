"""Liveness and readiness probes (not under /api, so they never need a token)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.readiness import Readiness
from app.schemas import HealthStatus


def build_health_router(readiness: Readiness) -> APIRouter:
    router = APIRouter(prefix="/health", tags=["health"])

    @router.get("/live", response_model=HealthStatus)
    def live() -> HealthStatus:
        return HealthStatus(status="alive")

    @router.get("/ready", response_model=HealthStatus, responses={503: {"model": HealthStatus}})
    def ready(response: Response) -> HealthStatus:
        if readiness.is_ready():
            return HealthStatus(status="ready")
        response.status_code = 503
        return HealthStatus(status="starting")

    return router
