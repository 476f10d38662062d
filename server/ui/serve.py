"""Serving the built UI: hashed assets cached forever, pages never cached, every page under a
Content-Security-Policy that allows only this origin (scripts, styles, fetches and sockets).

`GET /` and any path the API does not own (`/flows/...`, `/runs/...`) answer the app's
index.html, and the app's router draws the page; `GET /graphql` answers the playground."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

DIST = Path(__file__).resolve().parent / "dist"
IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"
DAY = "public, max-age=86400"
_HOST = re.compile(r"[A-Za-z0-9.\-]+(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")


def content_security_policy(host: str) -> str:
    """Only this origin; GraphiQL's stylesheet embeds its fonts as data: URLs."""
    sockets = f" ws://{host} wss://{host}" if _HOST.fullmatch(host) else ""
    return "; ".join([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        f"connect-src 'self'{sockets}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


class _Assets(StaticFiles):
    """Content-hashed files: a changed file gets a new name, so each may be cached for good."""

    def file_response(self, *args: object, **kwargs: object) -> Response:
        response = super().file_response(*args, **kwargs)  # type: ignore[arg-type]
        response.headers["cache-control"] = IMMUTABLE
        response.headers["x-content-type-options"] = "nosniff"
        return response


class UI:
    def __init__(self, dist: Path = DIST) -> None:
        self.dist = dist
        # Files at the top of dist/ (favicon.svg, ...) by name: nothing else is served from it.
        self.top_files = {p.name: p for p in dist.glob("*") if p.is_file()} if dist.is_dir() else {}

    @property
    def built(self) -> bool:
        return "index.html" in self.top_files

    def mount(self) -> Mount:
        directory = self.dist / "assets"
        return Mount("/assets", app=_Assets(directory=directory, check_dir=False), name="assets")

    async def app_page(self, request: Request) -> Response:
        """index.html for `/` and every app path; a top-level file (favicon.svg) by its name."""
        name = request.url.path.lstrip("/")
        if name and "/" not in name and name in self.top_files and not name.endswith(".html"):
            return _file(self.top_files[name], DAY)
        return self._page("index.html", request)

    async def graphiql_page(self, request: Request) -> Response:
        return self._page("graphiql.html", request)

    def _page(self, name: str, request: Request) -> Response:
        if name not in self.top_files:
            return PlainTextResponse(
                "The web UI is not built in this checkout: run `make ui`.", status_code=503
            )
        response = _file(self.top_files[name], NO_CACHE)
        response.headers["content-security-policy"] = content_security_policy(
            request.headers.get("host", "")
        )
        response.headers["x-frame-options"] = "DENY"
        response.headers["referrer-policy"] = "same-origin"
        return response


def _file(path: Path, cache: str) -> Response:
    return FileResponse(path, headers={"cache-control": cache, "x-content-type-options": "nosniff"})
