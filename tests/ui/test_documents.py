"""Every GraphQL document the web UI sends is valid against schema.graphql (and the code's
schema), so a schema change that breaks the UI fails the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import GraphQLSchema, build_schema, parse, validate

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "ui" / "src"
DOCUMENT = re.compile(r"graphql\(\s*`([^`]*)`\s*\)")
OPERATION = re.compile(r"^\s*(?:query|mutation|subscription)\b", re.MULTILINE)


def ui_documents() -> dict[str, str]:
    """Each graphql(`...`) in ui/src (the generated ui/src/gql aside), by operation name."""
    found: dict[str, str] = {}
    for path in sorted(SOURCES.rglob("*.ts*")):
        if "gql" in path.relative_to(SOURCES).parts:
            continue
        for text in DOCUMENT.findall(path.read_text()):
            name = re.search(r"(?:query|mutation|subscription)\s+(\w+)", text)
            found[name.group(1) if name else f"{path.name}:{len(found)}"] = text
    return found


DOCUMENTS = ui_documents()


@pytest.fixture(scope="module")
def schema() -> GraphQLSchema:
    return build_schema((ROOT / "schema.graphql").read_text())


def test_the_ui_s_documents_are_found() -> None:
    assert {"FlowRun", "CreateFlowRun", "SetFlowRunStates", "FlowRuns"} <= set(DOCUMENTS)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_ui_document_is_valid_against_the_committed_schema(
    schema: GraphQLSchema, name: str
) -> None:
    errors = validate(schema, parse(DOCUMENTS[name]))
    assert errors == [], [e.message for e in errors]


def test_every_ui_document_is_valid_against_the_code_s_schema() -> None:
    from server.graphql.schema import build_schema as build_code_schema

    code_schema = build_code_schema()._schema
    for name, document in DOCUMENTS.items():
        assert validate(code_schema, parse(document)) == [], name


def test_no_ui_source_sends_a_document_outside_graphql_calls() -> None:
    """A query string written anywhere else would escape this check."""
    for path in sorted(SOURCES.rglob("*.ts*")):
        if "gql" in path.relative_to(SOURCES).parts:
            continue
        text = DOCUMENT.sub("", path.read_text())
        assert not re.search(r"`\s*(?:query|mutation|subscription)\s+\w+", text), path
