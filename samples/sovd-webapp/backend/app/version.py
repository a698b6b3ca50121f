"""Every answer names the build that gave it (X-App-Version), so a deploy proves what is live."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

VERSION_HEADER = "X-App-Version"


class VersionHeaderMiddleware:
    """Pure ASGI, so it also stamps answers made by other middleware (the token check's 401)."""

    def __init__(self, app: ASGIApp, version: str) -> None:
        self._app = app
        self._header = (VERSION_HEADER.lower().encode("latin-1"), version.encode("latin-1"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return

        async def stamped(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), self._header]}
            await send(message)

        await self._app(scope, receive, stamped)
