"""Compiled reads: the hot reads answered without graphql-core's field-by-field execution.

A frontend polling a run (`flow_run_by_pk(id: $id) { id name state version }`) or a page of
runs (`flow_run(where: ..., order_by: ..., limit: 20) { ... }`) sends the same document again
and again. Executing it, graphql-core and Strawberry resolve every field of every row through
a resolver call, an info object and a completion step: two thirds of such a request's CPU
where the database call is one third. When a document has this shape:

    one query operation, no fragments and no directives, with one root field that is a
    generated `<table>` list or `<table>_by_pk` read, selecting only that table's columns
    (and `__typename`), aliased or not

it is compiled once, when its text is first prepared, into a `ReadPlan`: the entity, the
columns to fetch, and for each response key the column and the scalar's own `serialize`. Running
the plan coerces the variables and arguments with graphql-core's own functions, reads through
the same read service (services/reads.py) with the same limits as the resolvers, and builds the
answer from the rows. Whatever a plan cannot answer as execution would (variables that do not
coerce, a value a scalar will not serialize) it hands back, and the document is executed in
full, which reports it in the usual way: a read may be repeated. A failure of the read itself
is reported as execution reports a root field's error. Any other document is executed as
before. tests/graphql/test_plans.py runs a corpus of documents both ways and compares the
answers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import strawberry
from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    Undefined,
    located_error,
)
from graphql.execution.values import get_argument_values, get_variable_values
from strawberry.types.base import StrawberryObjectDefinition

from ..database.engine import Database
from ..domain.limits import Limits
from ..repository.entities import Entity
from ..services import reads
from .reads import READ_KIND, ReadKind

TYPENAME = "__typename"


@dataclass(frozen=True)
class Leaf:
    key: str  # the response key: the alias, else the field's name
    column: str | None  # the row attribute; None for __typename
    serialize: Callable[[Any], Any]


@dataclass(frozen=True)
class ReadPlan:
    operation: OperationDefinitionNode
    node: FieldNode
    field: GraphQLField
    kind: ReadKind
    entity: Entity
    columns: tuple[str, ...]
    leaves: tuple[Leaf, ...]

    @property
    def key(self) -> str:
        return self.node.alias.value if self.node.alias else self.node.name.value

    def names(self, operation_name: str | None) -> bool:
        """Whether a request's operationName picks this operation (as execution decides)."""
        name = self.operation.name.value if self.operation.name else None
        return operation_name is None or operation_name == name

    async def run(self, schema: GraphQLSchema, db: Database, limits: Limits,
                  variables: dict[str, Any] | None) -> ExecutionResult | None:
        """The answer, or None when the document must be executed in full to get it."""
        coerced = get_variable_values(schema, self.operation.variable_definitions or (),
                                      variables or {})
        if isinstance(coerced, list):  # variables that do not coerce: execution says how
            return None
        try:
            args = get_argument_values(self.field, self.node, coerced)
        except Exception:  # (a value execution reports with its own words)
            return None
        try:
            value = await self._read(db, limits, args)
        except Exception as exc:  # (reported as execution reports a root field)
            # as execution does: a null in a non-null root field makes the whole data null
            data = None if isinstance(self.field.type, GraphQLNonNull) else {self.key: None}
            return ExecutionResult(data, [located_error(exc, [self.node], [self.key])])
        if value is _UNANSWERED:
            return None
        return ExecutionResult({self.key: value}, None)

    async def _read(self, db: Database, limits: Limits, args: dict[str, Any]) -> Any:
        if self.kind == "by_pk":
            async with db.read() as conn:
                row = await reads.row_by_id(conn, self.entity, args["id"], self.columns)
            return None if row is None else self._project(row)
        limits.page(args.get("limit"))
        async with db.read() as conn:
            rows = await reads.rows(
                conn, self.entity, where=args.get("where"), order_by=args.get("order_by"),
                limit=args.get("limit"), offset=args.get("offset"), columns=self.columns,
            )
        out = []
        for row in rows:
            item = self._project(row)
            if item is _UNANSWERED:
                return _UNANSWERED
            out.append(item)
        return out

    def _project(self, row: Any) -> Any:
        item: dict[str, Any] = {}
        for leaf in self.leaves:
            if leaf.key in item:
                continue
            if leaf.column is None:
                item[leaf.key] = self.entity.name
                continue
            value = getattr(row, leaf.column)
            if value is None:
                item[leaf.key] = None
                continue
            try:
                serialized = leaf.serialize(value)
            except Exception:  # (execution reports it, with its path)
                return _UNANSWERED
            if serialized is None or serialized is Undefined:
                return _UNANSWERED
            item[leaf.key] = serialized
        return item


_UNANSWERED: Any = object()


class ReadPlanner:
    """Knows, from the schema, which root fields are generated reads and which fields of each
    table's type are plain columns; compiles a document into a ReadPlan when it can."""

    def __init__(self, schema: strawberry.Schema, core: GraphQLSchema) -> None:
        self.core = core
        self.roots: dict[str, tuple[ReadKind, Entity]] = {}
        self.columns: dict[str, dict[str, tuple[str, Callable[[Any], Any]]]] = {}
        query = schema.get_type_by_name("Query")
        assert isinstance(query, StrawberryObjectDefinition)
        for field in query.fields:
            resolver = field.base_resolver
            func = resolver.wrapped_func if resolver is not None else None
            read = READ_KIND.get(func) if callable(func) else None
            if read is not None and _plain(field):
                self.roots[field.name] = read
        for entity in {entity.name: entity for _, entity in self.roots.values()}.values():
            self.columns[entity.name] = self._columns_of(schema, entity)

    def _columns_of(self, schema: strawberry.Schema, entity: Entity
                    ) -> dict[str, tuple[str, Callable[[Any], Any]]]:
        definition = schema.get_type_by_name(entity.name)
        core_type = self.core.type_map.get(entity.name)
        if not isinstance(definition, StrawberryObjectDefinition) or core_type is None:
            return {}
        out: dict[str, tuple[str, Callable[[Any], Any]]] = {}
        for field in definition.fields:
            if field.base_resolver is not None or not _plain(field) or \
                    field.python_name not in entity.columns:
                continue
            field_type = core_type.fields[field.name].type  # type: ignore[attr-defined]
            if isinstance(field_type, GraphQLScalarType | GraphQLEnumType):  # nullable leaf
                out[field.name] = (field.python_name, field_type.serialize)
        return out

    def plan(self, document: DocumentNode) -> ReadPlan | None:
        if len(document.definitions) != 1:
            return None
        operation = document.definitions[0]
        if not isinstance(operation, OperationDefinitionNode) or \
                operation.operation is not OperationType.QUERY or operation.directives:
            return None
        selections = operation.selection_set.selections
        if len(selections) != 1 or not isinstance(selections[0], FieldNode):
            return None
        node = selections[0]
        read = self.roots.get(node.name.value)
        if read is None or node.directives:
            return None
        kind, entity = read
        leaves = self._leaves(entity, node.selection_set)
        if leaves is None:
            return None
        columns = {leaf.column for leaf in leaves if leaf.column is not None}
        columns.add(entity.key)
        return ReadPlan(operation, node, self.core.query_type.fields[node.name.value],  # type: ignore[union-attr]
                        kind, entity, tuple(sorted(columns)), tuple(leaves))

    def _leaves(self, entity: Entity, selection_set: SelectionSetNode | None
                ) -> list[Leaf] | None:
        if selection_set is None:
            return None
        columns = self.columns.get(entity.name, {})
        leaves = []
        for selection in selection_set.selections:
            if not isinstance(selection, FieldNode) or selection.directives or \
                    selection.arguments or selection.selection_set is not None:
                return None
            name = selection.name.value
            key = selection.alias.value if selection.alias else name
            if name == TYPENAME:
                leaves.append(Leaf(key, None, str))
            elif name in columns:
                column, serialize = columns[name]
                leaves.append(Leaf(key, column, serialize))
            else:
                return None
        return leaves


def _plain(field: Any) -> bool:
    """A field with nothing of Strawberry's around its resolver (permissions, extensions)."""
    return not field.permission_classes and not field.extensions and not field.directives

