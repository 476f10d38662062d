"""Flow run parameters: the flow's defaults, overlaid by the group's, overlaid by the caller's.

A flow declares its parameters as Prefect 1 does ([{name, required, default}]) and may carry a
JSON Schema; when it does, the merged parameters are checked against it."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from .errors import InvalidInput

if TYPE_CHECKING:
    from referencing import Registry

# jsonschema (with referencing and rpds) is imported on the first schema check, not at
# start-up: it is a third of a second and ~9 MiB that most servers never use.


def declared_defaults(declared: list[dict[str, Any]]) -> dict[str, Any]:
    return {p["name"]: p.get("default") for p in declared if not p.get("required")}


def merge(
    declared: list[dict[str, Any]],
    group_defaults: dict[str, Any] | None,
    given: dict[str, Any] | None,
) -> dict[str, Any]:
    merged = declared_defaults(declared)
    merged.update(group_defaults or {})
    merged.update(given or {})
    return merged


def check(
    declared: list[dict[str, Any]], schema: dict[str, Any] | None, merged: dict[str, Any]
) -> None:
    """Raise InvalidInput naming every missing, unknown or ill-typed parameter."""
    missing = [p["name"] for p in declared if p.get("required") and p["name"] not in merged]
    if missing:
        raise InvalidInput(
            f"Required parameters were not supplied: {', '.join(missing)}", missing=missing
        )
    if schema:
        problems = schema_violations(schema, merged)
        if problems:
            raise InvalidInput(
                "Parameters do not match the flow's schema: " + "; ".join(problems),
                violations=problems,
            )


@cache
def _no_retrieval() -> Registry[Any]:
    """A registry that retrieves nothing: a schema's references must point inside it, so
    checking parameters never fetches a URL a user wrote into a flow document."""
    from referencing import Registry

    return Registry()


def schema_violations(schema: dict[str, Any], values: dict[str, Any]) -> list[str]:
    from jsonschema import Draft202012Validator
    from referencing.exceptions import Unresolvable

    validator = Draft202012Validator(schema, registry=_no_retrieval())
    try:
        errors = sorted(validator.iter_errors(values), key=lambda e: list(e.absolute_path))
    except Unresolvable as exc:
        raise InvalidInput(
            f"The parameter schema has a reference that cannot be resolved: {exc}"
        ) from None
    problems = []
    for error in errors:
        if error.validator == "additionalProperties":
            known = set(schema.get("properties", {}))
            unknown = sorted(set(values) - known)
            problems.append(f"unknown parameters: {', '.join(unknown)}")
        elif error.validator == "required":
            problems.append(error.message.replace("is a required property", "is required"))
        else:
            where = ".".join(str(p) for p in error.absolute_path) or "parameters"
            problems.append(f"{where}: {error.message}")
    return problems


def check_schema(schema: Any) -> None:
    """A flow's parameter schema must itself be a valid JSON Schema object."""
    if not isinstance(schema, dict):
        raise InvalidInput("parameter_schema must be a JSON Schema object")
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        raise InvalidInput(f"parameter_schema is not a valid JSON Schema: {exc.message}") from None
    check_local_refs(schema, "parameter_schema")


def check_declared(declared: Any) -> list[dict[str, Any]]:
    """Validate a flow document's parameter list: [{name, required, default}]."""
    if declared is None:
        return []
    if not isinstance(declared, list) or not all(
        isinstance(p, dict) and isinstance(p.get("name"), str) for p in declared
    ):
        raise InvalidInput(
            "serialized_flow.parameters must be a list of objects with a 'name' "
            "(and optionally 'required' and 'default')"
        )
    return declared


def check_local_refs(schema: Any, field: str = "parameter_openapi_schema") -> None:
    """Every $ref of a schema must point inside it ("#/..."), so applying the schema never
    fetches a document from elsewhere and never meets a reference it cannot resolve."""
    for ref in _refs(schema):
        if not (isinstance(ref, str) and _resolves(schema, ref)):
            raise InvalidInput(
                f"{field}: $ref {ref!r} does not point inside the schema; only local "
                "references such as '#/$defs/name' are supported",
                field=field,
            )


def _refs(node: Any) -> list[Any]:
    if isinstance(node, dict):
        found = [v for k, v in node.items() if k in ("$ref", "$dynamicRef")]
        return found + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    return []


def _resolves(schema: Any, ref: str) -> bool:
    if ref == "#":
        return True
    if not ref.startswith("#/"):
        return False
    node = schema
    for raw in ref[2:].split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return False
    return True
