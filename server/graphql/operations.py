"""The root fields a request would run, named as the access table names them
(`Query.flow_run`, `Mutation.create_flow_run`, `Subscription.<field>`): read from the
parsed document, fragments on the root type included, before anything executes.
Introspection (`__schema`, `__type`, `__typename`) is open: it holds no data."""

from __future__ import annotations

from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
)

_ROOT = {"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}


def root_operations(document: DocumentNode, operation_name: str | None) -> tuple[str, ...]:
    """The root fields of the operation that would run; empty when none would (an unknown or
    ambiguous operation name, which execution refuses before running anything)."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [op for op in operations if op.name and op.name.value == operation_name]
    if len(operations) != 1:
        return ()
    operation = operations[0]
    fragments = {d.name.value: d for d in document.definitions
                 if isinstance(d, FragmentDefinitionNode)}
    root = _ROOT[operation.operation.value]
    names: dict[str, None] = {}
    _collect(operation.selection_set, fragments, names, set())
    return tuple(f"{root}.{name}" for name in names if not name.startswith("__"))


def _collect(selection_set: Any, fragments: dict[str, FragmentDefinitionNode],
             names: dict[str, None], seen: set[str]) -> None:
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            names[selection.name.value] = None
        elif isinstance(selection, InlineFragmentNode):
            _collect(selection.selection_set, fragments, names, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in fragments and name not in seen:
                seen.add(name)
                _collect(fragments[name].selection_set, fragments, names, seen)
