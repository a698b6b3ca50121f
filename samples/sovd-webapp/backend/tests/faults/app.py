"""The backend with faults in its /api answers, for the canary analysis tests.

Run as `uvicorn tests.faults.app:app`. Only under tests/ (backend/Dockerfile.prod copies app/
alone), so no image can ship it. The faults sit inside the metrics middleware, so Prometheus sees
them exactly as it would see a broken build's answers:
  SOVD_FAULT_ERROR_EVERY=N  every N-th /api request answers 500 (10: exactly 10 %); 0 or unset: none
  SOVD_FAULT_DELAY_MS=M     every /api request waits M milliseconds first; 0 or unset: none
"""

from __future__ import annotations

import asyncio
import itertools
import os
from collections.abc import Mapping
from dataclasses import dataclass

from starlette.middleware import Middleware
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from app.main import create_app

ERROR_EVERY_VAR = "SOVD_FAULT_ERROR_EVERY"
DELAY_MS_VAR = "SOVD_FAULT_DELAY_MS"


@dataclass(frozen=True)
class Faults:
    error_every: int = 0
    delay_ms: int = 0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Faults:
        env = os.environ if environ is None else environ
        return cls(_count(env, ERROR_EVERY_VAR), _count(env, DELAY_MS_VAR))


def _count(env: Mapping[str, str], name: str) -> int:
    raw = env.get(name, "").strip() or "0"
    if not raw.isdigit():
        raise ValueError(f"{name} must be a whole number (0 = off), got {raw!r}")
    return int(raw)


class FaultMiddleware:
    def __init__(self, app: ASGIApp, faults: Faults) -> None:
        self._app = app
        self._faults = faults
        self._requests = itertools.count(1)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self._app(scope, receive, send)
            return
        if self._faults.delay_ms:
            await asyncio.sleep(self._faults.delay_ms / 1000)
        every = self._faults.error_every
        if every and next(self._requests) % every == 0:
            await JSONResponse({"detail": "injected fault"}, status_code=500)(scope, receive, send)
            return
        await self._app(scope, receive, send)


def build(faults: Faults) -> ASGIApp:
    service = create_app()
    # Innermost (user_middleware is built outermost first): the metrics count what it answers.
    service.user_middleware.append(Middleware(FaultMiddleware, faults=faults))
    return service


app = build(Faults.from_env())
