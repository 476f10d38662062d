"""Labels in two dialects: Prefect 1's list of strings (what agents match a run against) and
the REST API's key-value dictionary (seed 003).

A run stores Prefect 1's list. The REST dictionary is a view of it:

    {"gpu": true}        <->  "gpu"
    {"env": "prod"}      <->  "env=prod"
    {"replicas": 2}       ->  "replicas=2"   (read back as {"replicas": "2"})
    {"debug": false}      ->  "debug=false"  (read back as {"debug": "false"})

so a label set through either door routes the run to agents the same way. Only `true` and
strings read back exactly: a number or `false` comes back as its text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .errors import InvalidInput
from .jsonvalues import json_object, json_type_name

LabelValue = bool | int | float | str


def parse(value: Any, field: str = "labels") -> dict[str, LabelValue]:
    """Validate a key-value label dictionary (an object, or a string holding one)."""
    labels = json_object(value, field) or {}
    for key, item in labels.items():
        if not key or "=" in key:
            raise InvalidInput(
                f"{field}: {key!r} is not a label key; a key is a non-empty string without '='",
                field=field,
            )
        if not isinstance(item, bool | int | float | str):
            raise InvalidInput(
                f"{field}.{key} must be a string, a number or a boolean, "
                f"not {json_type_name(item)}",
                field=field,
            )
    return labels


def to_list(labels: Mapping[str, LabelValue]) -> list[str]:
    """The Prefect 1 labels for a key-value dictionary, in the dictionary's order."""
    return list(dict.fromkeys(_label(key, value) for key, value in labels.items()))


def to_dict(labels: Iterable[str] | None) -> dict[str, LabelValue]:
    """The key-value view of Prefect 1 labels: "k=v" is {"k": "v"}, a bare "k" is {"k": true}."""
    view: dict[str, LabelValue] = {}
    for label in labels or []:
        key, sep, value = label.partition("=")
        view[key] = value if sep else True
    return view


def _label(key: str, value: LabelValue) -> str:
    if value is True:
        return key
    if value is False:
        return f"{key}=false"
    return f"{key}={value}"


def run_labels(
    given: list[str] | None, group_labels: list[str] | None, flow_labels: list[str] | None
) -> list[str]:
    """A new run's labels: those given, else its flow group's (when set), else its flow's."""
    for labels in (given, group_labels):
        if labels is not None:
            return list(labels)
    return list(flow_labels or [])
