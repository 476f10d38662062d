"""Flows are plain Python functions. This module turns one into the flow document the server
stores, finds functions in files and modules, and loads them back from a flow's storage.

    flowrun register examples/hello.py:hello      a file and a function in it
    flowrun register mypackage.flows:etl          a module and a function in it
    flowrun register examples/hello.py            the file's only function (or its @flow)

The optional `@flow(name=..., labels=[...], schedule="*/5 * * * *")` decorator only attaches
defaults for `register`; the function is returned unchanged. This module imports nothing
heavy: the child process that runs a flow imports it."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

from .signature import SignatureError, parameters_of

F = TypeVar("F", bound=Callable[..., Any])
FLOW_ATTRIBUTE = "__flowrun__"
MAX_SOURCE_BYTES = 1_000_000


class FlowLoadError(ValueError):
    """The target names no function we can load (a missing file, an ambiguous module...)."""


def flow(
    name: str | None = None, *, labels: list[str] | None = None, schedule: str | None = None
) -> Callable[[F], F]:
    """Mark a function as a flow, with defaults for `flowrun register` and `flowrun run -s`."""

    def mark(func: F) -> F:
        setattr(func, FLOW_ATTRIBUTE, {"name": name, "labels": labels, "schedule": schedule})
        return func

    return mark


def flow_options(func: Callable[..., Any]) -> dict[str, Any]:
    return dict(getattr(func, FLOW_ATTRIBUTE, None) or {})


def flow_name(func: Callable[..., Any]) -> str:
    return str(flow_options(func).get("name") or func.__name__)


def flow_document(
    func: Callable[..., Any],
    *,
    name: str | None = None,
    labels: list[str] | None = None,
    schedule: dict[str, Any] | None = None,
    storage: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The serialized flow for a function (Prefect 1's shape, as the server expects)."""
    declared, schema = parameters_of(func)
    options = flow_options(func)
    return {
        "name": name or flow_name(func),
        "type": "flowrun.Function",
        "description": inspect.getdoc(func),
        "parameters": declared,
        "parameter_schema": schema,
        "schedule": schedule,
        "run_config": {"type": "LocalRun", "labels": list(labels or options.get("labels") or [])},
        "storage": storage or storage_of(func),
    }


def storage_of(func: Callable[..., Any]) -> dict[str, Any]:
    """Where an agent finds the function again: its file (with its source, for agents on
    other machines) or its importable module."""
    module = sys.modules.get(func.__module__)
    path = getattr(module, "__file__", None)
    if module is not None and getattr(module, "__flowrun_path__", False) and path:
        source = Path(path).read_text()
        storage: dict[str, Any] = {"type": "Local", "path": str(Path(path).resolve()),
                                   "function": func.__name__}
        if len(source.encode()) <= MAX_SOURCE_BYTES:
            storage["source"] = source
        return storage
    return {"type": "Module", "module": func.__module__, "function": func.__name__}


def load_target(target: str, name: str | None = None) -> Callable[..., Any]:
    """A function from "file.py:func", "package.module:func", "file.py" or "package.module".
    Without a function name, `name` (a flow name) picks one; else the module must hold one
    flow (an @flow function, or a single public function)."""
    source, _, function = target.rpartition(":") if _has_function(target) else (target, "", "")
    module = load_path(source) if _is_path(source) else load_module(source)
    if function:
        return _attribute(module, function, source)
    return pick_flow(module, name, source)


def load_path(path: str) -> ModuleType:
    file = Path(path).expanduser()
    if not file.is_file():
        raise FlowLoadError(f"No file {path}")
    directory = str(file.resolve().parent)
    if directory not in sys.path:
        sys.path.insert(0, directory)
    stem = file.stem if file.stem not in sys.modules else f"flowrun_flow_{file.stem}"
    spec = importlib.util.spec_from_file_location(stem, file)
    if spec is None or spec.loader is None:
        raise FlowLoadError(f"{path} is not a Python file")
    module = importlib.util.module_from_spec(spec)
    module.__flowrun_path__ = True  # type: ignore[attr-defined]
    sys.modules[stem] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[stem]
        raise FlowLoadError(f"Importing {path} failed: {type(exc).__name__}: {exc}") from exc
    return module


def load_module(name: str) -> ModuleType:
    if "" not in sys.path and str(Path.cwd()) not in sys.path:
        sys.path.insert(0, str(Path.cwd()))
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise FlowLoadError(f"Cannot import module {name!r}: {exc}") from exc


def pick_flow(module: ModuleType, name: str | None, where: str) -> Callable[..., Any]:
    candidates = flows_in(module)
    if name is not None:
        named = [f for f in candidates if flow_name(f) == name] or \
            [f for f in _functions(module) if f.__name__ == name]
        if not named:
            raise FlowLoadError(f"No flow named {name!r} in {where}")
        return named[0]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise FlowLoadError(f"No function in {where}")
    names = ", ".join(flow_name(f) for f in candidates)
    raise FlowLoadError(f"{where} holds several functions ({names}); pick one with "
                        f"{where}:<function> or --name")


def flows_in(module: ModuleType) -> list[Callable[..., Any]]:
    """The module's @flow functions, else all its public functions."""
    functions = _functions(module)
    marked = [f for f in functions if hasattr(f, FLOW_ATTRIBUTE)]
    return marked or [f for f in functions if not f.__name__.startswith("_")]


def _functions(module: ModuleType) -> list[Callable[..., Any]]:
    return [obj for obj in vars(module).values()
            if inspect.isfunction(obj) and obj.__module__ == module.__name__]


def load_from_storage(storage: dict[str, Any] | None) -> Callable[..., Any]:
    """The function a flow's storage names (Local: its file, or its saved source when the file
    is not on this machine; Module: an import)."""
    kind = (storage or {}).get("type")
    function = str((storage or {}).get("function") or "")
    if storage is None or not function or kind not in ("Local", "Module"):
        raise FlowLoadError(f"This flow's storage cannot be run by a flowrun agent: {storage}")
    if kind == "Module":
        return _attribute(load_module(str(storage["module"])), function, storage["module"])
    path = Path(str(storage.get("path") or ""))
    if not path.is_file() and storage.get("source"):
        path = Path(tempfile.mkdtemp(prefix="flowrun-")) / (path.name or "flow.py")
        path.write_text(str(storage["source"]))
    return _attribute(load_path(str(path)), function, str(path))


def _attribute(module: ModuleType, function: str, where: str) -> Callable[..., Any]:
    value = getattr(module, function, None)
    if not callable(value):
        raise FlowLoadError(f"No function {function!r} in {where}")
    return value  # type: ignore[no-any-return]


def _has_function(target: str) -> bool:
    head, sep, tail = target.rpartition(":")
    return bool(sep and head and tail.isidentifier())


def _is_path(source: str) -> bool:
    return source.endswith(".py") or "/" in source or "\\" in source or Path(source).is_file()


__all__ = ["FlowLoadError", "SignatureError", "flow", "flow_document", "load_from_storage",
           "load_target"]
