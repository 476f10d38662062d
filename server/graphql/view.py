"""The GraphQL HTTP endpoint: POST /graphql and POST / (where Prefect 1 clients post); the
GraphiQL playground on GET /graphql is served by server/ui from flowrun's own files.

Parsing and validating a document costs more than executing a small mutation, and clients send
the same few documents again and again, so each distinct query text is parsed and validated
once (an LRU cache) and then executed by graphql-core's public `execute`, unless it is a plain
read of columns, which is compiled once into a plan that answers it without field-by-field
execution (plans.py; a third less CPU for `flow_run_by_pk`). (Strawberry's own
execution context and is_awaitable, from its private modules, measured no faster here: the
same CPU per request within noise on flow_run_by_pk and create_flow_run.)"""

from __future__ import annotations

from functools import lru_cache
from inspect import isawaitable
from typing import Any

import orjson
import strawberry
from graphql import (
    DocumentNode,
    ExecutionResult,
    GraphQLError,
    GraphQLSyntaxError,
    OperationType,
    execute,
    get_operation_ast,
    parse,
    specified_rules,
    validate,
)
from starlette.requests import Request
from starlette.responses import Response

from ..auth import Authenticator
from ..database.engine import Database
from ..domain.errors import FlowrunError, InvalidInput
from ..domain.limits import Limits
from ..masking import request_id as request_id_of
from ..settings import Settings
from .context import Context
from .cost import limit_rule
from .errors import format_error, refused, rejected, request_error
from .operations import root_operations
from .plans import ReadPlan, ReadPlanner
from .strawberry_private import core_schema
from .subscriptions_runtime import OVER_WEBSOCKET, is_subscription

Prepared = tuple[DocumentNode | None, list[GraphQLError]]


class JSONResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


class GraphQLEndpoint:
    def __init__(
        self, schema: strawberry.Schema, db: Database, settings: Settings,
        cache_size: int = 1024, *, auth: Authenticator | None = None,
    ) -> None:
        self.schema = core_schema(schema)
        self.db = db
        self.settings = settings
        self.auth = auth or Authenticator(db, required=bool(settings.auth_required))
        self.limits = Limits.of(settings)
        self._rules = (*specified_rules, limit_rule(self.limits))
        self.prepare = lru_cache(maxsize=cache_size)(self._prepare)
        self._planner = ReadPlanner(schema, self.schema)
        self.plan = lru_cache(maxsize=cache_size)(self._plan)
        self.compile_reads = True  # False: every document is executed in full (tests compare)

    async def handle(self, request: Request) -> Response:
        request_id = request_id_of(request.headers)
        try:  # who is asking, before the body is read: a stranger learns nothing
            principal = await self.auth.authenticate(request.headers)
        except FlowrunError as exc:
            return _refused(exc, request_id)
        body = await request.body()
        try:
            query, variables, operation_name = _read_body(body)
        except InvalidInput as exc:
            return _errors([request_error(exc.message, "BAD_REQUEST")], 400, request_id)
        document, errors = self.prepare(query)
        if document is None or errors:
            return self._rejected(errors, request_id)
        if is_subscription(document):
            return _errors([request_error(OVER_WEBSOCKET, "BAD_REQUEST")], 400, request_id)
        try:  # may this key run every root field of it? Else nothing runs.
            self.auth.authorize(principal, root_operations(document, operation_name))
        except FlowrunError as exc:
            return _refused(exc, request_id)
        # a compiled read (plans.py), when the document is one
        plan = self.plan(query) if self.compile_reads else None
        if plan is not None and plan.names(operation_name):
            answer = await plan.run(self.schema, self.db, self.limits, variables)
            if answer is not None:
                return _answer(answer, False, request_id)
        try:
            result = execute(
                self.schema,
                document,
                context_value=Context(self.db, self.settings, request_id, principal,
                                      self.limits),
                variable_values=variables,
                operation_name=operation_name,
            )
            if isawaitable(result):
                result = await result
        except GraphQLError as exc:  # e.g. an unknown operationName
            return _errors([format_error(exc, request_id)], 400, request_id)
        return _answer(result, _is_mutation(document, operation_name),
                       request_id)

    def _prepare(self, query: str) -> Prepared:
        try:
            document = parse(query)
        except GraphQLSyntaxError as exc:
            return None, [exc]
        return document, validate(self.schema, document, self._rules)

    def _plan(self, query: str) -> ReadPlan | None:
        document, errors = self.prepare(query)
        return None if document is None or errors else self._planner.plan(document)

    def _rejected(self, errors: list[GraphQLError], request_id: str) -> Response:
        """A query that does not parse or validate: 400, except when every problem is a value
        that does not parse (a malformed UUID literal), which is the user's data, not syntax."""
        status = 200 if all(isinstance(e.original_error, InvalidInput) for e in errors) else 400
        return _errors(rejected(errors, request_id), status, request_id)


def _is_mutation(document: DocumentNode, operation_name: str | None) -> bool:
    operation = get_operation_ast(document, operation_name)
    return operation is not None and operation.operation is OperationType.MUTATION


def _answer(result: ExecutionResult, mutation: bool, request_id: str) -> Response:
    payload: dict[str, Any] = {"data": result.data}
    headers = {"x-request-id": request_id}
    status = 200
    if result.errors:
        payload["errors"] = [format_error(e, request_id) for e in result.errors]
        status = status_of(result.data, payload["errors"], mutation)
    if status == 503:
        headers["retry-after"] = "1"
    return JSONResponse(payload, status_code=status, headers=headers)


def status_of(data: dict[str, Any] | None, errors: list[dict[str, Any]], mutation: bool) -> int:
    """HTTP 503 when every error of a response is retryable (the database was busy or lost and
    that work rolled back), so that an HTTP-level retry repeats it (Prefect 1's client retries
    only a 5xx). A query may be repeated whatever part of it answered; a mutation only when
    none of its fields answered, so a retry never repeats a change that was made. Any other
    error is the caller's to read, with HTTP 200 as GraphQL wants."""
    if not errors or not all(e.get("extensions", {}).get("retryable") is True for e in errors):
        return 200
    nothing_done = not data or all(value is None for value in data.values())
    return 503 if nothing_done or not mutation else 200


def _read_body(body: bytes) -> tuple[str, dict[str, Any] | None, str | None]:
    try:
        payload = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise InvalidInput("The request body is not valid JSON") from None
    if not isinstance(payload, dict):
        raise InvalidInput('The request body must be a JSON object: {"query": "...", ...}')
    query = payload.get("query")
    if not isinstance(query, str) or not query.strip():
        raise InvalidInput("The request has no GraphQL query")
    variables = payload.get("variables")
    if isinstance(variables, str):  # Prefect 1 sends variables as a string holding JSON
        try:
            variables = orjson.loads(variables) if variables.strip() else None
        except orjson.JSONDecodeError:
            raise InvalidInput("variables is a string that is not valid JSON") from None
    if variables is not None and not isinstance(variables, dict):
        raise InvalidInput("variables must be a JSON object")
    operation_name = payload.get("operationName")
    return query, variables, operation_name if isinstance(operation_name, str) else None


def _refused(error: FlowrunError, request_id: str) -> Response:
    """A request refused whole before execution (401, 403, or 503 from the key lookup)."""
    response = _errors([refused(error)], error.http_status, request_id)
    if error.http_status == 401:
        response.headers["www-authenticate"] = "Bearer"
    return response


def _errors(errors: list[dict[str, Any]], status: int, request_id: str) -> Response:
    return JSONResponse({"errors": errors}, status_code=status,
                        headers={"x-request-id": request_id})
