"""Alembic environment: one migration stream for SQLite and PostgreSQL.

The URL comes from `config.attributes["database_url"]` (set by `flowrun db upgrade` and the
tests), else from FLOWRUN_DATABASE_URL."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine, pool

from server.database import models
from server.database.engine import sync_url
from server.database.types import JSONType
from server.settings import get_settings

config = context.config
models.add_dialect_indexes()
target_metadata = models.SQLModel.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Render our column types by import, so migrations use the same UTC and JSON types."""
    if type_ == "type" and obj is JSONType:
        autogen_context.imports.add("import server.database.types")
        return "server.database.types.JSONType"
    if type_ == "type" and obj.__class__.__module__ == "server.database.types":
        autogen_context.imports.add("import server.database.types")
        return f"server.database.types.{obj.__class__.__name__}()"
    return False


def _include_object(dialect: str) -> Any:
    """Leave out of autogenerate the indexes another engine has (GIN on PostgreSQL)."""

    def include(obj: Any, _name: Any, _type: str, _reflected: bool, _compare_to: Any) -> bool:
        return models.belongs_to_dialect(obj, dialect)

    return include


def run_migrations() -> None:
    url = config.attributes.get("database_url") or get_settings().database_url
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(sync_url(url), poolclass=pool.NullPool)
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


def _run(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        render_item=render_item,
        compare_type=True,
        include_object=_include_object(connection.dialect.name),
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
