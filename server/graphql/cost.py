"""GraphQL documents' size limits, checked on the parsed document before anything runs:
selection depth, number of fields (fragments expanded, so a fragment spread a thousand times
counts a thousand times) and number of aliases. Over a limit is GRAPHQL_VALIDATION_FAILED
naming the setting and its value."""

from __future__ import annotations

from typing import Any

from graphql import (
    ASTValidationRule,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
)

from ..domain.limits import Limits

Cost = tuple[int, int]  # (depth, fields)


class _Measure:
    """Depth and field count of selection sets, each fragment measured once."""

    def __init__(self, document: DocumentNode) -> None:
        self.fragments = {d.name.value: d for d in document.definitions
                          if isinstance(d, FragmentDefinitionNode)}
        self.done: dict[str, Cost] = {}
        self.active: set[str] = set()  # a cycle counts nothing; NoFragmentCycles reports it

    def selection_set(self, node: SelectionSetNode | None) -> Cost:
        depth = fields = 0
        for selection in node.selections if node else ():
            d, f = self.selection(selection)
            depth, fields = max(depth, d), fields + f
        return depth, fields

    def selection(self, node: Any) -> Cost:
        if isinstance(node, FieldNode):
            d, f = self.selection_set(node.selection_set)
            return d + 1, f + 1
        if isinstance(node, InlineFragmentNode):
            return self.selection_set(node.selection_set)
        if isinstance(node, FragmentSpreadNode):
            return self.fragment(node.name.value)
        return 0, 0

    def fragment(self, name: str) -> Cost:
        if name in self.done:
            return self.done[name]
        fragment = self.fragments.get(name)
        if fragment is None or name in self.active:
            return 0, 0
        self.active.add(name)
        self.done[name] = cost = self.selection_set(fragment.selection_set)
        self.active.discard(name)
        return cost


def limit_rule(limits: Limits) -> type[ASTValidationRule]:
    class DocumentLimits(ASTValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            self._check(context.document)

        def _check(self, document: DocumentNode) -> None:
            measure = _Measure(document)
            for definition in document.definitions:
                if isinstance(definition, OperationDefinitionNode):
                    depth, fields = measure.selection_set(definition.selection_set)
                    self._over(depth, limits.graphql_max_depth, "FLOWRUN_GRAPHQL_MAX_DEPTH",
                               "The selection depth", definition)
                    self._over(fields, limits.graphql_max_fields,
                               "FLOWRUN_GRAPHQL_MAX_FIELDS", "The number of fields",
                               definition)
            aliases = _count_aliases(document)
            self._over(aliases, limits.graphql_max_aliases, "FLOWRUN_GRAPHQL_MAX_ALIASES",
                       "The number of aliases", None)

        def _over(self, value: int, limit: int, setting: str, what: str, node: Any) -> None:
            if value > limit:
                self.report_error(GraphQLError(
                    f"{what} ({value}) is over the limit of {limit} ({setting})",
                    node, extensions={"limit": setting, "value": limit},
                ))

    return DocumentLimits


def _count_aliases(document: DocumentNode) -> int:
    count = 0
    stack: list[Any] = [d.selection_set for d in document.definitions
                        if isinstance(d, OperationDefinitionNode | FragmentDefinitionNode)]
    while stack:
        selection_set = stack.pop()
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode) and selection.alias is not None:
                count += 1
            stack.append(getattr(selection, "selection_set", None))
    return count
