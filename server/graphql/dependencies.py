"""Which tables a GraphQL document reads: a live query re-runs when one of them changed.

Every type the generated API derives from an entity (`flow_run`, `flow_run_bool_exp`,
`flow_run_order_by`, `flow_run_aggregate`, ...) names its table; a relation, a filter through
a relation or a computed field adds its table. A document that reaches any other object type
(a hand-written payload) depends on every table."""

from __future__ import annotations

from typing import Any

from graphql import (
    DocumentNode,
    GraphQLObjectType,
    GraphQLSchema,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_named_type,
    visit,
)

from ..repository.entities import ENTITIES

_SUFFIXES = ("_aggregate_fields", "_aggregate", "_bool_exp", "_order_by")
# Computed fields reading another table (computed.py): flow.settings is its flow group's.
_COMPUTED = {"flow": {"flow_group"}}
_NEUTRAL = {"Query", "Subscription", "Mutation"}


def _table_of(type_name: str) -> str | None:
    if type_name in ENTITIES:
        return ENTITIES[type_name].table.name
    for suffix in _SUFFIXES:
        if type_name.endswith(suffix) and type_name[: -len(suffix)] in ENTITIES:
            return ENTITIES[type_name[: -len(suffix)]].table.name
    return None


class _Collector(Visitor):
    def __init__(self, info: TypeInfo) -> None:
        super().__init__()
        self.info = info
        self.tables: set[str] = set()
        self.unknown = False

    def _add(self, graphql_type: Any) -> None:
        if graphql_type is None:
            return
        named = get_named_type(graphql_type)
        table = _table_of(named.name)
        if table is not None:
            self.tables.add(table)
            self.tables.update(_COMPUTED.get(table, ()))
        elif isinstance(named, GraphQLObjectType) and named.name not in _NEUTRAL:
            self.unknown = True

    def enter_field(self, *_: Any) -> None:
        self._add(self.info.get_type())

    def enter_object_field(self, *_: Any) -> None:
        self._add(self.info.get_input_type())

    def enter_variable_definition(self, node: Any, *_: Any) -> None:
        # A filter given as a variable may reach any relation: assume every table.
        named = node.type
        while hasattr(named, "type"):
            named = named.type
        if named.name.value.endswith(("_bool_exp", "_order_by")):
            self.unknown = True


def tables_read(schema: GraphQLSchema, document: DocumentNode) -> frozenset[str] | None:
    """The tables `document` reads, or None when that cannot be told (then: every table)."""
    info = TypeInfo(schema)
    collector = _Collector(info)
    visit(document, TypeInfoVisitor(info, collector))
    return None if collector.unknown else frozenset(collector.tables)
