"""Run logs: written in batches, levels stored upper-case, bad records refused whole."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import log
from server.domain.errors import InvalidInput, NotFound
from server.services import logs
from tests.factories import make_flow, make_run


async def _write(db: Database, records: list[dict[str, object]]) -> int:
    async with db.transaction() as conn:
        return await logs.write_run_logs(conn, logs=records)


async def test_levels_are_stored_as_upper_case_names_whatever_their_spelling(
    db: Database,
) -> None:
    run_id = await make_run(db, await make_flow(db))
    spellings = ["info", "Warn", "ERROR", 10, "25", None, "fatal"]
    await _write(db, [{"flow_run_id": run_id, "message": str(i), "level": level}
                      for i, level in enumerate(spellings)])
    async with db.read() as conn:
        rows = (await conn.execute(sa.select(log.c.message, log.c.level))).all()
    assert dict(rows) == {"0": "INFO", "1": "WARNING", "2": "ERROR", "3": "DEBUG", "4": "INFO",
                          "5": "INFO", "6": "CRITICAL"}


async def test_a_batch_with_an_unknown_level_is_refused_whole(db: Database) -> None:
    run_id = await make_run(db, await make_flow(db))
    with pytest.raises(InvalidInput) as caught:
        await _write(db, [{"flow_run_id": run_id, "message": "ok"},
                          {"flow_run_id": run_id, "message": "bad", "level": "LOUD"}])
    assert caught.value.code == "BAD_USER_INPUT"
    assert "logs[1].level" in caught.value.message


async def test_logs_of_an_unknown_run_are_not_found(db: Database) -> None:
    with pytest.raises(NotFound) as caught:
        await _write(db, [{"flow_run_id": str(uuid.uuid4()), "message": "lost"}])
    assert caught.value.code == "NOT_FOUND"
