"""The one access table covers every door: each GraphQL root field and each REST route has
exactly one entry, and no entry names something that does not exist. A new mutation or route
without an entry fails here (and is refused to everyone until it has one)."""

from __future__ import annotations

import pytest
from starlette.routing import Route

from server.database.engine import Database
from server.domain.access import ACCESS, ANONYMOUS, Principal, Scope, authorize
from server.domain.errors import Forbidden
from server.graphql.schema import build_schema
from server.rest import build_rest_app
from server.settings import Settings


def graphql_operations() -> set[str]:
    schema = build_schema()._schema
    roots = [schema.query_type, schema.mutation_type, schema.subscription_type]
    return {f"{root.name}.{field}" for root in roots if root is not None
            for field in root.fields}


def rest_operations() -> set[str]:
    url = "sqlite:////tmp/flowrun-access-table-unused.db"
    app = build_rest_app(Database(url), Settings(database_url=url))
    return {f"{method} /api{route.path}" for route in app.routes if isinstance(route, Route)
            for method in (route.methods or ()) if method != "HEAD"}


def test_every_graphql_root_field_has_an_access_rule() -> None:
    assert sorted(graphql_operations() - ACCESS.keys()) == []


def test_every_rest_route_has_an_access_rule() -> None:
    assert sorted(rest_operations() - ACCESS.keys()) == []


def test_the_access_table_names_only_operations_that_exist() -> None:
    assert sorted(ACCESS.keys() - graphql_operations() - rest_operations()) == []


def test_only_documents_without_data_are_open() -> None:
    assert {op for op, scope in ACCESS.items() if scope is Scope.OPEN} == {
        "GET /api/openapi.json", "GET /api/csrf-token"}


def test_every_query_is_read_except_the_list_of_keys() -> None:
    above = {op for op, scope in ACCESS.items() if op.startswith("Query.") and scope > 1}
    assert above == {"Query.api_keys"}


@pytest.mark.parametrize("scope", [Scope.READ, Scope.WRITE])
def test_a_key_below_the_scope_is_forbidden_naming_the_fields_and_the_scope(
    scope: Scope,
) -> None:
    with pytest.raises(Forbidden) as refused:
        authorize(Principal("k", scope), ["Query.flow_run", "Mutation.delete_flow"])
    assert refused.value.code == "FORBIDDEN"
    assert refused.value.details["operations"] == ["delete_flow"]
    assert refused.value.details["required_scope"] == "admin"
    assert "delete_flow" in refused.value.message and "admin" in refused.value.message


def test_an_operation_missing_from_the_table_is_refused_even_to_admin() -> None:
    with pytest.raises(Forbidden):
        authorize(ANONYMOUS, ["Mutation.not_in_the_table"])
