"""Running operations that arrive over WebSocket: what Strawberry's protocol handlers call
as their schema's `subscribe` (graphql-ws) and `stream` (graphql-transport-ws).

Each operation is parsed and validated exactly as on HTTP (the same cache, the same error
codes), gets its own context, and then:
  a query or mutation      runs once (graphql-transport-ws only);
  <table>_stream           runs as a subscription of its own (cursors differ per client);
  any other subscription   is a live query, served by the process's LiveQueries.
A subscription whose first answer is an error (a bad `where`, a malformed cursor) gets that
error as the protocol's `error` message, and only that subscription ends."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import lru_cache
from inspect import isawaitable
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    GraphQLSyntaxError,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    execute,
    get_operation_ast,
    subscribe,
)
from graphql import (
    ExecutionResult as CoreResult,
)
from strawberry.types.execution import ExecutionResult, PreExecutionError

from ..auth import Authenticator
from ..database.engine import Database
from ..domain.errors import FlowrunError, InvalidInput
from ..events import Changes
from ..repository.streams import STREAMS
from ..settings import Settings
from .context import Context
from .dependencies import tables_read
from .errors import PARSE_FAILED, VALIDATION_FAILED, format_error, refused
from .live import LiveContext, LiveQueries, Result
from .operations import root_operations

Prepare = Callable[[str], tuple[DocumentNode | None, list[GraphQLError]]]
Results = AsyncGenerator[ExecutionResult, None]


OVER_WEBSOCKET = ("Subscriptions are served over WebSocket at /graphql (protocol "
                  "graphql-transport-ws or graphql-ws), not over HTTP")


def is_subscription(document: DocumentNode) -> bool:
    """Every operation of `document` is a subscription (HTTP cannot serve it)."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    return bool(operations) and all(
        d.operation is OperationType.SUBSCRIPTION for d in operations)


class FormattedError(GraphQLError):
    """An error already in its wire form (our codes), for Strawberry to send as it is."""

    def __init__(self, formatted: dict[str, Any]) -> None:
        super().__init__(formatted["message"], extensions=formatted.get("extensions"))
        self._formatted = formatted

    @property
    def formatted(self) -> dict[str, Any]:  # type: ignore[override]
        return self._formatted


class Operations:
    def __init__(self, schema: GraphQLSchema, db: Database, settings: Settings,
                 changes: Changes, prepare: Prepare, auth: Authenticator, *,
                 window: float = 0.1) -> None:
        self.schema, self.db, self.changes, self.prepare = schema, db, changes, prepare
        self.settings, self.auth = settings, auth
        self.live = LiveQueries(db, settings, changes, self._execute, window=window)
        self.live_document = lru_cache(maxsize=1024)(self._live_document)

    async def subscribe(self, query: str | None, variable_values: dict[str, Any] | None = None,
                        context_value: Any = None, root_value: Any = None,
                        operation_name: str | None = None, **_: Any) -> Results:
        return self._run(query or "", variable_values, operation_name, context_value,
                         subscriptions_only=True)

    async def stream(self, query: str | None, variable_values: dict[str, Any] | None = None,
                     context_value: Any = None, root_value: Any = None,
                     operation_name: str | None = None, **_: Any) -> Results:
        return self._run(query or "", variable_values, operation_name, context_value,
                         subscriptions_only=False)

    async def _run(self, query: str, variables: dict[str, Any] | None,
                   operation_name: str | None, connection: Any, *,
                   subscriptions_only: bool) -> Results:
        request_id = uuid.uuid4().hex
        document, errors = self.prepare(query)
        if document is None or errors:
            yield _failure(rejected(errors, request_id))
            return
        operation = get_operation_ast(document, operation_name)
        if operation is None:
            yield _failure([_message("Unknown operation: name the operation to run "
                                     "(operationName)", "BAD_REQUEST")])
            return
        principal = connection.get("principal") if isinstance(connection, dict) else None
        try:  # the same checks as HTTP: who (connection_init), and may they run these fields
            if principal is None:
                principal = await self.auth.authenticate({})
            self.auth.authorize(principal, root_operations(document, operation_name))
        except FlowrunError as exc:
            yield _failure([refused(exc)])
            return
        context = LiveContext(self.db, self.settings, request_id, self.changes, principal)
        if operation.operation is not OperationType.SUBSCRIPTION:
            if subscriptions_only:
                yield _failure([_message("The graphql-ws protocol serves subscriptions only: "
                                         "send queries and mutations over HTTP", "BAD_REQUEST")])
                return
            yield _result(await self._execute(document, variables, operation_name, context))
            return
        source = self._source(query, document, operation, variables, operation_name, context)
        async for result in _first_error_ends(source):
            yield result

    def _source(self, query: str, document: DocumentNode, operation: OperationDefinitionNode,
                variables: dict[str, Any] | None, operation_name: str | None,
                context: LiveContext) -> AsyncIterator[Result]:
        if _root_field(operation, document) in STREAMS:
            return self._stream(document, variables, operation_name, context)
        live_document, tables = self.live_document(query, operation_name)
        return self.live.results(query, live_document, variables, operation_name, tables,
                                 audience=context.principal)

    async def _stream(self, document: DocumentNode, variables: dict[str, Any] | None,
                      operation_name: str | None, context: LiveContext) -> AsyncIterator[Result]:
        source = subscribe(self.schema, document, context_value=context,
                           variable_values=variables, operation_name=operation_name)
        if isawaitable(source):
            source = await source
        if isinstance(source, CoreResult):
            yield _render(source, context.request_id)
            return
        try:
            async with _closing(source):
                async for event in source:
                    yield _render(event, context.request_id)
        except Exception as exc:  # raised by the stream's resolver: bad input, lost database
            error = GraphQLError(str(exc), original_error=exc)
            yield {"data": None, "errors": [format_error(error, context.request_id)]}

    async def _execute(self, document: DocumentNode, variables: dict[str, Any] | None,
                       operation_name: str | None, context: Context) -> Result:
        try:
            result = execute(self.schema, document, context_value=context,
                             variable_values=variables, operation_name=operation_name)
            if isawaitable(result):
                result = await result
        except GraphQLError as exc:
            return {"data": None, "errors": [format_error(exc, context.request_id)]}
        return _render(result, context.request_id)

    def _live_document(self, query: str, operation_name: str | None
                       ) -> tuple[DocumentNode, frozenset[str] | None]:
        """The subscription's document as the query it is live for, and the tables it reads."""
        document, _ = self.prepare(query)
        assert document is not None
        definitions = []
        for definition in document.definitions:
            if (isinstance(definition, OperationDefinitionNode)
                    and definition.operation is OperationType.SUBSCRIPTION):
                definition = dataclasses.replace(definition, operation=OperationType.QUERY)
            definitions.append(definition)
        live = DocumentNode(definitions=tuple(definitions))
        return live, tables_read(self.schema, live)


def rejected(errors: list[GraphQLError], request_id: str) -> list[dict[str, Any]]:
    """A document that does not parse or validate, with the codes the HTTP door gives."""
    if all(isinstance(e.original_error, InvalidInput) for e in errors):
        return [format_error(e, request_id) for e in errors]
    code = PARSE_FAILED if any(isinstance(e, GraphQLSyntaxError) for e in errors) \
        else VALIDATION_FAILED
    rendered = [format_error(e, request_id) for e in errors]
    for item in rendered:
        item["extensions"]["code"] = code
    return rendered


@asynccontextmanager
async def _closing(source: AsyncIterator[Any]) -> AsyncIterator[None]:
    """Close an async iterator when the block ends (the stdlib's aclosing wants aclose typed)."""
    try:
        yield
    finally:
        close = getattr(source, "aclose", None)
        if close is not None:
            await close()


async def _first_error_ends(source: AsyncIterator[Result]) -> Results:
    first = True
    async with _closing(source):
        async for result in source:
            if first and result.get("errors") and not any((result.get("data") or {}).values()):
                yield _failure(result["errors"])
                return
            first = False
            yield _result(result)


def _render(result: CoreResult, request_id: str) -> Result:
    rendered: Result = {"data": result.data}
    if result.errors:
        rendered["errors"] = [format_error(e, request_id) for e in result.errors]
    return rendered


def _result(result: Result) -> ExecutionResult:
    errors: list[GraphQLError] = [FormattedError(e) for e in result.get("errors", [])]
    return ExecutionResult(data=result["data"], errors=errors or None)


def _failure(errors: list[dict[str, Any]]) -> PreExecutionError:
    return PreExecutionError(data=None, errors=[FormattedError(e) for e in errors])


def _message(message: str, code: str) -> dict[str, Any]:
    return {"message": message, "extensions": {"code": code}}


def _root_field(operation: OperationDefinitionNode, document: DocumentNode) -> str | None:
    fragments = {d.name.value: d for d in document.definitions
                 if hasattr(d, "name") and not isinstance(d, OperationDefinitionNode)}
    selection_set: SelectionSetNode | None = operation.selection_set
    while selection_set is not None and selection_set.selections:
        node = selection_set.selections[0]
        if isinstance(node, FieldNode):
            return node.name.value
        if isinstance(node, InlineFragmentNode):
            selection_set = node.selection_set
        elif isinstance(node, FragmentSpreadNode):
            fragment = fragments.get(node.name.value)
            selection_set = getattr(fragment, "selection_set", None)
    return None
