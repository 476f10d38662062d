"""Flow run parameters: the flow's defaults, overlaid by the group's, overlaid by the caller's.

A flow declares its parameters as Prefect 1 does ([{name, required, default}]) and may carry a
JSON Schema; when it does, the merged parameters are checked against it."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from .errors import InvalidInput


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


def schema_violations(schema: dict[str, Any], values: dict[str, Any]) -> list[str]:
    validator = Draft202012Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(values), key=lambda e: list(e.absolute_path)):
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
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        raise InvalidInput(f"parameter_schema is not a valid JSON Schema: {exc.message}") from None


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
