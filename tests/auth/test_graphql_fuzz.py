"""A property-based fuzz of the GraphQL door with keys on, in-process (httpx over ASGI):
documents generated from the schema (hypothesis-graphql, one root field each, valid or with
one violation) and generated variables for every root field. Each example goes to both
engines at once (generating is the costly part). Whatever is sent, the answer is never a 5xx
and always a well-formed GraphQL response whose data has exactly the fields asked for; and
requests that carry no valid key, or that a key may not make, change nothing."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLNonNull,
    InlineFragmentNode,
    OperationDefinitionNode,
    parse,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, from_schema, nodes

from server.app import create_app
from server.database.engine import Database
from server.domain.access import ACCESS
from server.graphql.schema import build_schema
from server.settings import Settings
from tests.auth.conftest import Keys, bearer, make_keys, snapshot
from tests.auth.documents import graphql_request
from tests.databases import empty
from tests.factories import make_flow, make_run

EXAMPLES = 400  # per test; each is sent to both engines: 1,600 requests per run
SCHEMA = build_schema()._schema
_UUIDS = st.uuids().map(str)
_TIMES = st.sampled_from(["2030-01-01T00:00:00+00:00", "2021-05-07 15:09:16", "yesterday",
                          "2021-05-07T15:09:16"])
SCALARS = {
    "UUID": st.one_of(_UUIDS, st.text(max_size=8)).map(nodes.String),
    "uuid": st.one_of(_UUIDS, st.text(max_size=8)).map(nodes.String),
    "DateTime": _TIMES.map(nodes.String),
    "timestamptz": _TIMES.map(nodes.String),
    "JSON": st.sampled_from(["{}", '{"a": 1}', "[1]", "not json", ""]).map(nodes.String),
    "jsonb": st.sampled_from(['{"a": 1}', "[]", "x"]).map(nodes.String),
}
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | _UUIDS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=8,
)
FIELDS = sorted(op for op in ACCESS if op.startswith(("Query.", "Mutation.")))


@st.composite
def with_variables(draw: st.DrawFn) -> dict[str, Any]:
    """A root field called with its required arguments as variables: minimal values, then
    some of them (or fields inside them) replaced by arbitrary JSON."""
    request = graphql_request(SCHEMA, draw(st.sampled_from(FIELDS)))
    variables = request["variables"]
    for name in list(variables):
        value = variables[name]
        if isinstance(value, dict) and value and draw(st.booleans()):
            inner = draw(st.sampled_from(sorted(value)))
            value[inner] = draw(JSON_VALUES)
        elif draw(st.booleans()):
            variables[name] = draw(JSON_VALUES)
    if draw(st.integers(0, 9)) == 0:
        variables = draw(st.sampled_from([None, [], "not json", "{}", 3]))
    return {**request, "variables": variables}


ROOT_FIELDS = sorted([*SCHEMA.query_type.fields, *SCHEMA.mutation_type.fields])  # type: ignore[union-attr]
WITH_ARGUMENTS = [name for name in ROOT_FIELDS if any(  # a required one, to violate
    isinstance(arg.type, GraphQLNonNull)
    for root in (SCHEMA.query_type, SCHEMA.mutation_type) if root and name in root.fields
    for arg in root.fields[name].args.values())]
_VALID = {name: from_schema(SCHEMA, fields=[name], custom_scalars=SCALARS)
          for name in ROOT_FIELDS}
_INVALID = {name: from_schema(SCHEMA, fields=[name], custom_scalars=SCALARS,
                              mode=Mode.NEGATIVE) for name in WITH_ARGUMENTS}
DOCUMENTS = st.one_of(
    st.sampled_from(ROOT_FIELDS).flatmap(_VALID.__getitem__).map(lambda q: {"query": q}),
    st.sampled_from(WITH_ARGUMENTS).flatmap(_INVALID.__getitem__).map(lambda q: {"query": q}),
    with_variables(),
)


class InProcess:
    """The app on a private event loop, called through httpx's ASGI transport."""

    def __init__(self, database_url: str) -> None:
        self.loop = asyncio.new_event_loop()
        self.app = create_app(Settings(database_url=database_url, auth_required=True,
                                       loops_enabled=False, db_pool_size=2))
        transport = httpx.ASGITransport(app=self.app)
        self.client = httpx.AsyncClient(transport=transport, base_url="http://app")

    @property
    def db(self) -> Database:
        return self.app.state.db  # type: ignore[no-any-return]

    def run(self, awaitable: Any) -> Any:
        return self.loop.run_until_complete(awaitable)

    def post(self, body: dict[str, Any], key: str | None) -> httpx.Response:
        return self.run(self.client.post("/graphql", json=body, headers=bearer(key)))  # type: ignore[no-any-return]

    def close(self) -> None:
        self.run(self.client.aclose())
        self.run(self.db.dispose())
        self.loop.close()


Engines = list[tuple[InProcess, Keys]]


@pytest.fixture
def engines(sqlite_url: str, postgresql_url: str) -> Iterator[Engines]:
    """The app on SQLite and on PostgreSQL, each emptied, with a run and keys."""
    harnesses = [InProcess(url) for url in (sqlite_url, postgresql_url)]
    try:
        yield [(harness, harness.run(_seed(harness.db))) for harness in harnesses]
    finally:
        for harness in harnesses:
            harness.close()


async def _seed(db: Database) -> Keys:
    await empty(db)
    await make_run(db, await make_flow(db))
    return await make_keys(db)


def assert_well_formed(body: dict[str, Any], status: int, query: str) -> None:
    assert status in (200, 400, 401, 403, 413), (status, body)
    assert isinstance(body, dict) and set(body) <= {"data", "errors"}, body
    for error in body.get("errors", []):
        assert isinstance(error["message"], str) and error["message"], error
        assert isinstance(error["extensions"]["code"], str), error
        assert error["extensions"]["code"] != "INTERNAL_SERVER_ERROR", error
    if status != 200:
        assert "data" not in body and body["errors"], body
        return
    if "data" not in body:  # a request error (a literal that does not parse): nothing ran
        assert body["errors"], body
    elif body["data"] is not None:
        document = parse(query)
        operation = next(d for d in document.definitions
                         if isinstance(d, OperationDefinitionNode))
        _matches(body["data"], operation.selection_set, _fragments(document))


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions
            if isinstance(d, FragmentDefinitionNode)}


def _fields(selection_set: Any, fragments: dict[str, Any]) -> dict[str, list[FieldNode]]:
    out: dict[str, list[FieldNode]] = {}
    for node in selection_set.selections:
        if isinstance(node, FieldNode):
            out.setdefault((node.alias or node.name).value, []).append(node)
        else:
            inner = node.selection_set if isinstance(node, InlineFragmentNode) else \
                fragments[node.name.value].selection_set if isinstance(
                    node, FragmentSpreadNode) else None
            for name, found in _fields(inner, fragments).items():
                out.setdefault(name, []).extend(found)
    return out


def _matches(value: Any, selection_set: Any, fragments: dict[str, Any]) -> None:
    """The data has exactly the response names asked for, at every level."""
    if value is None:
        return
    if isinstance(value, list):
        for item in value:
            _matches(item, selection_set, fragments)
        return
    fields = _fields(selection_set, fragments)
    assert set(value) == set(fields), (sorted(value), sorted(fields))
    for name, nodes_ in fields.items():
        subselections = [n.selection_set for n in nodes_ if n.selection_set]
        for selection in subselections:
            _matches(value[name], selection, fragments)


FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))


def test_requests_without_a_valid_key_or_scope_are_refused_whole_and_change_nothing(
    engines: Engines,
) -> None:
    before = [harness.run(snapshot(harness.db)) for harness, _ in engines]
    seen: set[int] = set()

    @FUZZ
    @given(request=DOCUMENTS, who=st.sampled_from(["none", "wrong", "expired", "read"]))
    def refused(request: dict[str, Any], who: str) -> None:
        for harness, keys in engines:
            key = {"none": None, "wrong": f"flowrun_{uuid.uuid4().hex}",
                   "expired": keys.expired, "read": keys.read}[who]
            response = harness.post(request, key)
            body = response.json()
            assert_well_formed(body, response.status_code, request["query"])
            if who != "read":
                assert response.status_code == 401, body
            seen.add(response.status_code)

    refused()
    assert [harness.run(snapshot(harness.db)) for harness, _ in engines] == before
    assert {401, 403, 200} <= seen


def test_any_document_or_variables_from_an_admin_key_get_a_well_formed_answer(
    engines: Engines,
) -> None:
    seen: set[int] = set()

    @FUZZ
    @given(request=DOCUMENTS)
    def admitted(request: dict[str, Any]) -> None:
        for harness, keys in engines:
            response = harness.post(request, keys.admin)
            assert_well_formed(response.json(), response.status_code, request["query"])
            assert response.status_code not in (401, 403)
            seen.add(response.status_code)

    admitted()
    assert {200, 400} <= seen
