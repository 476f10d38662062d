"""GraphQL types generated from the entity registry, in Hasura's dialect:

    <entity>                output type: every column, plus relations (with where/order_by/
                            limit/offset on one-to-many ones), loaded in batches
    <entity>_bool_exp       where: columns' <Kind>_comparison_exp, relations, _and/_or/_not
    <entity>_order_by       order_by: columns and many-to-one relations
    <entity>_aggregate      { aggregate { count } }

and the root query fields `<entity>`, `<entity>_by_pk(id)` and `<entity>_aggregate(where)`.
Every class is declared (empty, in this module's namespace) before any is built, so the
annotations between them, self-references included, are classes and not forward references."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import strawberry

from ..repository.entities import ENTITIES, JSON, STRING, ColumnKind, Entity, Relation
from . import computed
from . import reads as r
from .scalars import Jsonb, Timestamptz, Uuid
from .vocabulary import SCALAR_ANNOTATIONS as _PY
from .vocabulary import comparison_type

_NS = globals()
_ = (Uuid, Timestamptz, Jsonb)  # referenced by name in the generated annotations


@strawberry.enum(name="order_by", description="Hasura's column ordering")
class OrderBy(enum.Enum):
    asc = "asc"
    asc_nulls_first = "asc_nulls_first"
    asc_nulls_last = "asc_nulls_last"
    desc = "desc"
    desc_nulls_first = "desc_nulls_first"
    desc_nulls_last = "desc_nulls_last"


_NS["order_by"] = OrderBy


def _declare(name: str) -> None:
    """An empty class named `name` in this module's namespace. Every generated class is declared
    before any is built, so every annotation below evaluates to a class, the same object the
    decorator then fills in; none is left a string for Strawberry to parse and evaluate later
    (that cost a third of the schema's generation). The docstring spares the dataclass
    machinery rendering the class's signature as one (a tenth of the generation)."""
    doc = f"Hasura's `{name}`, generated from the entity registry."
    _NS[name] = type(name, (), {"__module__": __name__, "__doc__": doc})


def _make(name: str, fields: dict[str, str], decorate: Callable[..., Any],
          extra: dict[str, Any] | None = None) -> type:
    cls: type = _NS[name]
    cls.__annotations__ = _annotations(fields)
    default = strawberry.UNSET if decorate is strawberry.input else None
    for field_name in fields:
        setattr(cls, field_name, default)
    for field_name, value in (extra or {}).items():
        setattr(cls, field_name, value)
    return decorate(name=name)(cls)  # type: ignore[no-any-return]


_ANNOTATIONS: dict[str, Any] = {}


def _annotations(texts: dict[str, str]) -> dict[str, Any]:
    """Each annotation text as the type it names; only a few hundred distinct ones are
    evaluated here, once each (our own strings, in this namespace)."""
    for text in texts.values():
        if text not in _ANNOTATIONS:
            _ANNOTATIONS[text] = eval(text, _NS)
    return {name: _ANNOTATIONS[text] for name, text in texts.items()}


def _comparison(kind: ColumnKind) -> None:
    py = _PY[kind]
    if kind == JSON:
        fields = {"_contains": "Jsonb | None", "_has_key": "str | None",
                  "_is_null": "bool | None"}
    else:
        fields = {op: f"{py} | None" for op in ("_eq", "_neq", "_gt", "_gte", "_lt", "_lte")}
        fields.update({"_in": f"list[{py}] | None", "_nin": f"list[{py}] | None",
                       "_is_null": "bool | None"})
        if kind == STRING:
            fields.update({op: "str | None" for op in ("_like", "_nlike", "_ilike", "_nilike")})
    _make(comparison_type(kind), fields, strawberry.input)


def _bool_exp(entity: Entity) -> None:
    name = f"{entity.name}_bool_exp"
    fields = {"_and": f"list[{name}] | None", "_or": f"list[{name}] | None",
              "_not": f"{name} | None"}
    fields.update({col: f"{comparison_type(kind)} | None" for col, kind in entity.columns.items()})
    fields.update({rel.name: f"{rel.target}_bool_exp | None"
                   for rel in entity.relations.values()})
    _make(name, fields, strawberry.input)


def _order_by(entity: Entity) -> None:
    fields = {col: "order_by | None" for col in entity.columns}
    fields.update({rel.name: f"{rel.target}_order_by | None"
                   for rel in entity.relations.values() if not rel.many})
    _make(f"{entity.name}_order_by", fields, strawberry.input)


def _output(entity: Entity, extra_fields: dict[str, Any]) -> None:
    fields = {col: f"{_PY[kind]} | None" for col, kind in entity.columns.items()}
    relations = {rel.name: _relation_field(rel) for rel in entity.relations.values()}
    _make(entity.name, fields, strawberry.type, {**relations, **extra_fields})
    _make(f"{entity.name}_aggregate_fields", {"count": "int"}, strawberry.type)
    _make(f"{entity.name}_aggregate", {"aggregate": f"{entity.name}_aggregate_fields"},
          strawberry.type)


def _relation_field(rel: Relation) -> Any:
    if rel.many:
        resolver = r.many_relation_resolver(rel)
        resolver.__annotations__ = _annotations({
            "root": "Any", "info": "strawberry.Info",
            "where": f"{rel.target}_bool_exp | None",
            "order_by": f"list[{rel.target}_order_by] | None",
            "limit": "int | None", "offset": "int | None",
            "return": f"list[{rel.target}]",
        })
    else:
        resolver = r.one_relation_resolver(rel)
        resolver.__annotations__ = _annotations({"root": "Any", "info": "strawberry.Info",
                                                 "return": f"{rel.target} | None"})
    resolver.__module__ = __name__
    return strawberry.field(resolver=resolver)


def _root_fields(entity: Entity) -> dict[str, Any]:
    name = entity.name
    rows, one, count = r.list_resolver(entity), r.by_pk_resolver(entity), r.count_resolver(entity)
    rows.__annotations__ = _annotations({
        "info": "strawberry.Info", "where": f"{name}_bool_exp | None",
        "order_by": f"list[{name}_order_by] | None", "limit": "int | None",
        "offset": "int | None", "return": f"list[{name}]",
    })
    one.__annotations__ = _annotations({"info": "strawberry.Info", "id": "Uuid",
                                        "return": f"{name} | None"})
    count.__annotations__ = _annotations({"info": "strawberry.Info",
                                          "where": f"{name}_bool_exp | None",
                                          "return": f"{name}_aggregate"})
    for fn in (rows, one, count):
        fn.__module__ = __name__
    return {
        name: strawberry.field(resolver=rows, description=f"Fetch {name} rows"),
        f"{name}_by_pk": strawberry.field(resolver=one, description=f"Fetch one {name} by id"),
        f"{name}_aggregate": strawberry.field(resolver=count, description=f"Count {name} rows"),
    }


def _build_query_type(extra_fields: dict[str, dict[str, Any]]) -> type:
    """Generate every type and return the Query root type."""
    for kind in _PY:
        _declare(comparison_type(kind))
    for entity in ENTITIES.values():
        for suffix in ("_bool_exp", "_order_by", "", "_aggregate_fields", "_aggregate"):
            _declare(entity.name + suffix)
    for kind in _PY:
        _comparison(kind)
    for entity in ENTITIES.values():
        _bool_exp(entity)
        _order_by(entity)
        _output(entity, extra_fields.get(entity.name, {}))
    root: dict[str, Any] = {}
    for entity in ENTITIES.values():
        root.update(_root_fields(entity))
    namespace = {"__module__": __name__, **root}
    return strawberry.type(name="Query")(type("Query", (), namespace))


# Computed fields beyond the table columns and relations, by entity (see computed.py).
EXTRA_FIELDS: dict[str, dict[str, Any]] = computed.EXTRA_FIELDS

Query = _build_query_type(EXTRA_FIELDS)
