"""The client's saved GraphQL documents are valid against the schema the server publishes."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import GraphQLSchema, build_schema, parse, validate

from server.client import documents

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


@pytest.fixture(scope="module")
def schema() -> GraphQLSchema:
    """schema.graphql as committed (`make schema`); the code's schema when it is absent."""
    if SCHEMA_FILE.exists():
        return build_schema(SCHEMA_FILE.read_text())
    from server.graphql.schema import build_schema as build_code_schema

    return build_code_schema()._schema


@pytest.mark.parametrize("name", sorted(documents.ALL))
def test_every_client_document_is_valid_against_the_schema(
    schema: GraphQLSchema, name: str
) -> None:
    errors = validate(schema, parse(documents.ALL[name]))
    assert errors == [], [e.message for e in errors]


def test_the_committed_schema_and_the_code_agree_on_what_the_client_sends() -> None:
    from server.graphql.schema import build_schema as build_code_schema

    code_schema = build_code_schema()._schema
    for name, document in documents.ALL.items():
        assert validate(code_schema, parse(document)) == [], name
