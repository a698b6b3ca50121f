"""Domain errors and the JSON answers they turn into."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse

from app.settings import DB_PATH_VAR


class NotFound(LookupError):
    """A vehicle or command id that does not exist; the message is the API's detail text."""


async def not_found_handler(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=404)


async def database_unavailable_handler(_request: Request, _exc: Exception) -> JSONResponse:
    # The cause is in the service log; clients only learn where to look.
    detail = f"Database unavailable; check {DB_PATH_VAR} and the service log"
    return JSONResponse({"detail": detail}, status_code=503)
