"""Prefect 1's task graph as a flow document carries it: serialized tasks, edges, and the
compressed string `Client.register` sends (base64 of gzip of the flow's JSON).

Pure: turns documents into the values the task and edge tables store, or names what is wrong."""

from __future__ import annotations

import base64
import binascii
import gzip
from dataclasses import dataclass
from typing import Any

import orjson

from .errors import InvalidInput
from .jsonvalues import json_object

# A compressed flow larger than this once inflated is refused (a zip bomb is not a flow).
MAX_FLOW_BYTES = 64 * 1024 * 1024


def decompress_flow(text: Any, field: str = "serialized_flow") -> dict[str, Any]:
    """The flow document inside Prefect 1's compressed string."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput(f"{field} must be a non-empty compressed string", field=field)
    try:
        raw = gzip.decompress(base64.b64decode(text, validate=True))
    except (binascii.Error, OSError, EOFError, ValueError):
        raise InvalidInput(
            f"{field} is not a compressed flow: expected base64 of gzip of the flow's JSON "
            "(as prefect.utilities.graphql.compress makes it)",
            field=field,
        ) from None
    if len(raw) > MAX_FLOW_BYTES:
        raise InvalidInput(f"{field} inflates to more than {MAX_FLOW_BYTES} bytes", field=field)
    document = json_object(raw.decode("utf-8", errors="replace"), field)
    if document is None:
        raise InvalidInput(f"{field} holds null, not a flow", field=field)
    return document


def task_values(document: Any, where: str) -> dict[str, Any]:
    """The task table's values for one serialized Prefect 1 task."""
    task = json_object(document, where) or {}
    slug = task.get("slug")
    if not isinstance(slug, str) or not slug:
        raise InvalidInput(f"{where} needs a 'slug'", field="slug")
    tags = task.get("tags") or []
    if not isinstance(tags, list):
        raise InvalidInput(f"{where}.tags must be a list", field="tags")
    trigger = task.get("trigger")
    return {
        "slug": slug,
        "name": _text(task.get("name")),
        "description": _text(task.get("description")),
        "type": _text(task.get("type")),
        "max_retries": _int(task.get("max_retries"), f"{where}.max_retries"),
        "retry_delay": _text(task.get("retry_delay")),
        "trigger": _text(trigger.get("fn") if isinstance(trigger, dict) else trigger),
        "cache_key": _text(task.get("cache_key")),
        "auto_generated": bool(task.get("auto_generated", False)),
        "tags": [str(tag) for tag in tags],
    }


@dataclass(frozen=True)
class EdgeSpec:
    upstream_slug: str
    downstream_slug: str
    key: str | None
    mapped: bool
    flattened: bool


def edge_spec(document: Any, where: str) -> EdgeSpec:
    """One serialized Prefect 1 edge: {upstream_task: {slug}, downstream_task: {slug}, ...}."""
    edge = json_object(document, where) or {}
    return EdgeSpec(
        upstream_slug=_slug_of(edge.get("upstream_task"), f"{where}.upstream_task"),
        downstream_slug=_slug_of(edge.get("downstream_task"), f"{where}.downstream_task"),
        key=_text(edge.get("key")),
        mapped=bool(edge.get("mapped", False)),
        flattened=bool(edge.get("flattened", False)),
    )


def reference_slugs(flow_document: dict[str, Any]) -> list[str] | None:
    """The slugs of the flow's declared reference tasks; None when it declares none (then its
    terminal tasks are the reference tasks, as in Prefect 1)."""
    declared = flow_document.get("reference_tasks") or []
    slugs = [item.get("slug") if isinstance(item, dict) else item for item in declared]
    found = [slug for slug in slugs if isinstance(slug, str) and slug]
    return found or None


def document_list(value: Any, field: str) -> list[Any]:
    """A list of serialized items (a string holding a JSON list is accepted too)."""
    if value is None:
        return []
    if isinstance(value, str):
        try:
            value = orjson.loads(value)
        except orjson.JSONDecodeError:
            raise InvalidInput(f"{field} must be a JSON list", field=field) from None
    if not isinstance(value, list):
        raise InvalidInput(f"{field} must be a list", field=field)
    return value


def _slug_of(value: Any, where: str) -> str:
    slug = value.get("slug") if isinstance(value, dict) else value
    if not isinstance(slug, str) or not slug:
        raise InvalidInput(f"{where} needs a task 'slug'", field="slug")
    return slug


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _int(value: Any, where: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{where} must be an integer", field=where)
    return value
