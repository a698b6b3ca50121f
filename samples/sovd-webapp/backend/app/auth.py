"""Bearer-token check for every /api request, done as ASGI middleware.

Middleware rather than a route dependency so that unknown /api paths answer 401 as well,
and an unauthenticated caller learns nothing about which routes exist.
"""

from __future__ import annotations

import hmac

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

PROTECTED_PREFIX = "/api"
MISSING_TOKEN = "Missing bearer token: send the header 'Authorization: Bearer <token>'"  # noqa: S105 - a message
INVALID_TOKEN = "Invalid bearer token"  # noqa: S105 - an error message, not a password


class BearerTokenMiddleware:
    def __init__(self, app: ASGIApp, token: str) -> None:
        if not token:
            raise ValueError("BearerTokenMiddleware needs a non-empty token")
        self._app = app
        self._token = token.encode("utf-8")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _is_protected(scope["path"]):
            await self._app(scope, receive, send)
            return
        problem = self._problem(Headers(scope=scope).get("authorization"))
        if problem is None:
            await self._app(scope, receive, send)
            return
        response = JSONResponse(
            {"detail": problem}, status_code=401, headers={"WWW-Authenticate": "Bearer"}
        )
        await response(scope, receive, send)

    def _problem(self, header: str | None) -> str | None:
        if not header:
            return MISSING_TOKEN
        scheme, _, presented = header.partition(" ")
        if scheme.lower() != "bearer" or not presented.strip():
            return MISSING_TOKEN
        # Constant-time comparison so response timing does not reveal how much of a guess matched.
        if hmac.compare_digest(presented.strip().encode("utf-8"), self._token):
            return None
        return INVALID_TOKEN


def _is_protected(path: str) -> bool:
    return path == PROTECTED_PREFIX or path.startswith(PROTECTED_PREFIX + "/")
