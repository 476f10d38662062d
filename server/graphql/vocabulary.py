"""The GraphQL door's names for the repository's column kinds, in Hasura's dialect: each kind's
scalar (as the annotation the generated types use) and its `<name>_comparison_exp` input."""

from __future__ import annotations

from ..repository.entities import BOOLEAN, FLOAT, INT, JSON, STRING, TIMESTAMP, UUID, ColumnKind

# The name of each kind's comparison type, as Hasura names it (`timestamptz_comparison_exp`).
COMPARISON_NAMES: dict[ColumnKind, str] = {
    UUID: "uuid", STRING: "String", INT: "Int", FLOAT: "Float", BOOLEAN: "Boolean",
    TIMESTAMP: "timestamptz", JSON: "jsonb",
}

# The Python annotation of each kind's scalar (graphql/scalars.py, or a builtin).
SCALAR_ANNOTATIONS: dict[ColumnKind, str] = {
    UUID: "Uuid", STRING: "str", INT: "int", FLOAT: "float", BOOLEAN: "bool",
    TIMESTAMP: "Timestamptz", JSON: "Jsonb",
}


def comparison_type(kind: ColumnKind) -> str:
    return f"{COMPARISON_NAMES[kind]}_comparison_exp"
