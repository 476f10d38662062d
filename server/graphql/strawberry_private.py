"""The two private Strawberry attributes flowrun still reads, in one place. Both are plain
attributes (no private modules): the graphql-core schema a strawberry.Schema wraps, which the
endpoint executes with graphql-core's public `execute` (parsed and validated documents are
cached per query text, see view.py), and the graphql-core resolve info behind a
strawberry.Info, whose field nodes say which columns a read must fetch (selection.py).
Strawberry's public `info.selected_fields` converts the whole selection with its arguments
on every call, where selection.py only needs the field names.

tests/graphql/test_strawberry_private.py fails on a Strawberry upgrade that renames them."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLResolveInfo, GraphQLSchema


def core_schema(schema: strawberry.Schema) -> GraphQLSchema:
    return schema._schema


def resolve_info(info: strawberry.Info) -> GraphQLResolveInfo[Any]:
    return info._raw_info
