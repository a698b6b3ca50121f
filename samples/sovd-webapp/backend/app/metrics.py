"""Prometheus metrics of every request, for the deploy's canary analysis (README "Canary analysis").

Each series carries the build's commit and its track (stable or canary), so one Prometheus query
tells the canary's 5xx share and p95 latency from stable's over the same window. The registry is the
app's own (not the library's global one): every `create_app` gets fresh counters, and tests can
build many apps in one process.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from fastapi import FastAPI
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COMMIT_VAR = "SOVD_COMMIT"
TRACK_VAR = "SOVD_TRACK"
TRACKS = ("stable", "canary")
METRICS_PATH = "/metrics"
REQUESTS_METRIC = "sovd_http_requests"
DURATION_METRIC = "sovd_http_request_duration_seconds"
# The web UI's API client sends this header; every other caller (scripts, probes) counts as "other".
CLIENT_HEADER = "x-sovd-client"
CLIENTS = ("web", "other")
STATUS_CLASSES = ("2xx", "3xx", "4xx", "5xx")
# Fine below 100 ms, where a healthy API answers, so p95 moves visibly when a canary is slower.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
# Paths no route matches share one label value: a scan of random URLs cannot grow the series.
UNMATCHED_ROUTE = "unmatched"


class MetricsSettingsError(ValueError):
    """SOVD_TRACK or SOVD_COMMIT holds a value the metrics cannot carry."""


@dataclass(frozen=True)
class BuildLabels:
    """Which build answered: its commit (the image tag the chart deploys) and its track."""

    commit: str = "unknown"
    track: str = "stable"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> BuildLabels:
        env = os.environ if environ is None else environ
        track = env.get(TRACK_VAR, "").strip() or "stable"
        if track not in TRACKS:
            raise MetricsSettingsError(f"{TRACK_VAR} must be 'stable' or 'canary', got {track!r}")
        commit = env.get(COMMIT_VAR, "").strip() or "unknown"
        if len(commit) > 64 or not commit.replace("-", "").replace(".", "").isalnum():
            raise MetricsSettingsError(
                f"{COMMIT_VAR} must be a commit SHA or tag (letters, digits, '.', '-'; "
                f"at most 64), got {commit!r}"
            )
        return cls(commit=commit, track=track)


class Metrics:
    """The app's request counter and latency histogram, in a registry of their own."""

    def __init__(self, labels: BuildLabels) -> None:
        self.labels = labels
        self.registry = CollectorRegistry(auto_describe=True)
        self._requests = Counter(
            REQUESTS_METRIC,
            "HTTP requests answered, by route template, method, status class and client",
            ("route", "method", "status_class", "client", "commit", "track"),
            registry=self.registry,
        )
        self._duration = Histogram(
            DURATION_METRIC,
            "Time from request to the end of the answer, by route template and client",
            ("route", "client", "commit", "track"),
            buckets=BUCKETS,
            registry=self.registry,
        )

    def initialise(self, routes: Iterable[BaseRoute]) -> None:
        """Creates every route's series at zero: increase() misses a new series' first count."""
        for route in routes:
            if not isinstance(route, Route) or route.path == METRICS_PATH:
                continue
            for client in CLIENTS:
                self._duration.labels(route.path, client, *self._build())
                for method in sorted(route.methods or ()):
                    for status_class in STATUS_CLASSES:
                        self._requests.labels(
                            route.path, method, status_class, client, *self._build()
                        )

    def observe(self, route: str, method: str, status: int, client: str, seconds: float) -> None:
        status_class = f"{min(max(status // 100, 1), 5)}xx"
        self._requests.labels(route, method, status_class, client, *self._build()).inc()
        self._duration.labels(route, client, *self._build()).observe(seconds)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)

    def _build(self) -> tuple[str, str]:
        return self.labels.commit, self.labels.track


class MetricsMiddleware:
    """Outermost, so another middleware's answer (a 401, an injected fault) is counted too."""

    def __init__(
        self, app: ASGIApp, metrics: Metrics, routes: Callable[[], Sequence[BaseRoute]]
    ) -> None:
        self._app = app
        self._metrics = metrics
        self._routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] == METRICS_PATH:
            await self._app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_and_remember(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self._app(scope, receive, send_and_remember)
        finally:
            client = "web" if Headers(scope=scope).get(CLIENT_HEADER) == "web" else "other"
            seconds = time.perf_counter() - started
            self._metrics.observe(self._route(scope), scope["method"], status, client, seconds)

    def _route(self, scope: Scope) -> str:
        for route in self._routes():
            if isinstance(route, Route) and route.matches(scope)[0] == Match.FULL:
                return route.path
        return UNMATCHED_ROUTE


def install_metrics(app: FastAPI, labels: BuildLabels) -> Metrics:
    """Serves /metrics: outside /api (no token), and the chart routes only /api and /health."""
    metrics = Metrics(labels)

    async def serve(_: Request) -> Response:
        return Response(metrics.exposition(), media_type=CONTENT_TYPE_LATEST)

    app.add_route(METRICS_PATH, serve, include_in_schema=False)
    metrics.initialise(app.routes)
    app.add_middleware(MetricsMiddleware, metrics=metrics, routes=lambda: app.routes)
    return metrics
