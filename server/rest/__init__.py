"""The REST door (Prefect 3's REST API for deployments and flow runs, seed 003), served under
/api by server/app.py. It speaks to the services only, like every door."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from starlette.datastructures import State
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route, Router
from starlette.types import Receive, Send
from starlette.types import Scope as ASGIScope

from ..auth import Authenticator
from ..database.engine import Database
from ..domain.access import ACCESS, Scope
from ..domain.errors import FlowrunError
from ..domain.limits import Limits
from ..masking import mask, request_id
from ..settings import Settings
from .errors import JSONResponse, RequestInvalid, domain_error, internal_error, request_invalid
from .openapi import Operation, build_document
from .routes import OPERATIONS

Handler = Callable[[Request], Awaitable[Response]]


def build_rest_app(db: Database, settings: Settings, *,
                   auth: Authenticator | None = None) -> RestApp:
    """The REST API as an ASGI app to mount at /api."""
    auth = auth or Authenticator(db, required=bool(settings.auth_required))
    served = [(op.method, op.path, op.handler) for op in OPERATIONS]
    served += [("GET", "/openapi.json", openapi_json), ("GET", "/csrf-token", csrf_token)]
    routes = [Route(path, _guarded(_checked(auth, f"{method} /api{path}", handler)),
                    methods=[method]) for method, path, handler in served]
    app = RestApp(routes)
    app.state.db = db
    app.state.settings = settings
    app.state.limits = Limits.of(settings)
    return app


class RestApp(Router):
    """The REST routes as one router under the app's own middleware, not a second Starlette
    app inside it: a nested app ran its own error and exception middleware again on every
    request, a tenth of a REST read's CPU. What those layers did is here: the handlers find
    the door's state on `request.app`, and a path or method no route takes is answered in
    the REST error shape (every other error is the handler's own, rest/errors.py)."""

    def __init__(self, routes: list[Route]) -> None:
        super().__init__(routes=routes)
        self.state = State()

    async def __call__(self, scope: ASGIScope, receive: Receive, send: Send) -> None:
        scope["app"] = self
        try:
            await super().__call__(scope, receive, send)
        except HTTPException as exc:
            response = await _http_error(Request(scope), exc)
            await response(scope, receive, send)


def _checked(auth: Authenticator, operation: str, handler: Handler) -> Handler:
    """The handler behind the access table's rule for its route: who is asking, and may
    they, before anything is read or done (the principal is kept for the audit columns)."""
    if ACCESS.get(operation) is Scope.OPEN:
        return handler

    async def checked(request: Request) -> Response:
        request.state.principal = principal = await auth.authenticate(request.headers)
        auth.authorize(principal, [operation])
        return await handler(request)

    return checked


def _guarded(handler: Handler) -> Handler:
    """Every error a handler raises becomes its JSON response; an unexpected one is a 500
    with a request id, logged with its traceback."""

    async def guarded(request: Request) -> Response:
        try:
            return await handler(request)
        except RequestInvalid as exc:
            return await request_invalid(request, exc)
        except FlowrunError as exc:
            return await domain_error(request, exc)
        except Exception as exc:
            return internal_error(mask(exc, request_id(request.headers)))

    return guarded


async def openapi_json(_: Request) -> Response:
    return Response(_document(), media_type="application/json")


@lru_cache(maxsize=1)
def _document() -> bytes:
    return JSONResponse(None).render(build_document(OPERATIONS, api_version()))


def api_version() -> str:
    try:
        return version("flowrun")
    except PackageNotFoundError:
        return "0.0.0"


async def csrf_token(_: Request) -> Response:
    """Prefect 3 clients ask for a CSRF token before each change; flowrun has no CSRF
    protection and answers as a Prefect server with it disabled does (the client then stops
    asking)."""
    body = {"detail": "CSRF protection is disabled.", "code": "CSRF_DISABLED", "details": {}}
    return JSONResponse(body, status_code=422)


async def _http_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}.get(exc.status_code, "HTTP_ERROR")
    body: dict[str, Any] = {"detail": exc.detail, "code": code, "details": {}}
    return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)


__all__ = ["Operation", "build_rest_app"]
