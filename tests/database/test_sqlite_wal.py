"""SQLite under a steady stream of writes, as a busy server gives it: the work of one write
must not grow with the tables or with the time the server has been up.

- A stream row's position (the trigger of migrations 0005 and 0009) is read from the counter
  by one index seek: SQLite's own count of virtual-machine steps for one insert is the same
  at 200 rows and at 20,000 (it grew with every row before 0009).
- The WAL stays bounded while writes never stop: the Checkpointer empties it once it is
  long (a passive checkpoint alone never caught up, and the file grew without end)."""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from pathlib import Path

import pytest

from server.database import migrate
from server.database.sqlite_inline import Checkpointer

NOW = "2026-12-02 08:00:00.000000"
STREAM_ROWS = {
    "log": ("INSERT INTO log (id, tenant_id, flow_run_id, timestamp, level, message, created) "
            "VALUES (?, ?, ?, ?, 'INFO', 'a line', ?)"),
    "flow_run_state": (
        "INSERT INTO flow_run_state (id, tenant_id, flow_run_id, version, state, type, "
        "timestamp, created) VALUES (?, ?, ?, 1, 'Scheduled', 'Scheduled', ?, ?)"),
    "task_run_state": (
        "INSERT INTO task_run_state (id, tenant_id, task_run_id, version, state, type, "
        "timestamp, created) VALUES (?, ?, ?, 1, 'Pending', 'Pending', ?, ?)"),
}


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    path = tmp_path / "wal.db"
    migrate.upgrade(f"sqlite:///{path}")
    return path


def _row() -> tuple[str, ...]:
    return (uuid.uuid4().hex, uuid.uuid4().hex, uuid.uuid4().hex, NOW, NOW)


def _fill(connection: sqlite3.Connection, statement: str, rows: int) -> None:
    connection.execute("BEGIN")
    connection.executemany(statement, [_row() for _ in range(rows)])
    connection.execute("COMMIT")


def _steps_of_one_insert(connection: sqlite3.Connection, statement: str) -> int:
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    connection.set_progress_handler(count, 1)
    try:
        connection.execute(statement, _row())
    finally:
        connection.set_progress_handler(None, 1)
    return steps


@pytest.mark.parametrize("table", list(STREAM_ROWS))
def test_one_stream_row_costs_the_same_steps_at_two_hundred_and_at_twenty_thousand_rows(
    sqlite_path: Path, table: str,
) -> None:
    connection = sqlite3.connect(sqlite_path, isolation_level=None)  # foreign keys off
    statement = STREAM_ROWS[table]
    _fill(connection, statement, 200)
    small = _steps_of_one_insert(connection, statement)
    _fill(connection, statement, 20_000)
    large = _steps_of_one_insert(connection, statement)
    assert large <= small * 1.1, (small, large)
    seqs = [seq for (seq,) in connection.execute(f"SELECT seq FROM {table} ORDER BY rowid")]
    assert seqs == list(range(1, 20_203))  # each row its own position, in insert order
    connection.execute("DELETE FROM stream_counter")  # a counter gone: it restarts above
    connection.execute(statement, _row())
    assert connection.execute(f"SELECT max(seq) FROM {table}").fetchone() == (20_203,)
    connection.close()


class Writer:
    """Small write transactions one after another, as a busy server makes them (automatic
    checkpoints off, as on the server's connections), each a fraction of a millisecond
    after the last, as a server's requests do other work between their writes."""

    def __init__(self, path: Path) -> None:
        self.commits = 0
        self._stop = threading.Event()
        self._connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "wal_autocheckpoint=0",
                       "busy_timeout=5000"):
            self._connection.execute(f"PRAGMA {pragma}")
        self._thread = threading.Thread(target=self._write, daemon=True)
        self._thread.start()

    def _write(self) -> None:
        while not self._stop.is_set():
            self._connection.execute("BEGIN IMMEDIATE")
            self._connection.execute(STREAM_ROWS["log"], _row())
            self._connection.execute("COMMIT")
            self.commits += 1
            time.sleep(0.0002)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)
        self._connection.close()


PAGE = 4096
BOUND_FRAMES = 2_500  # the test's bound on the WAL: 5x the Checkpointer's threshold here


def test_the_wal_stays_bounded_while_writes_never_stop(sqlite_path: Path) -> None:
    checkpointer = Checkpointer(str(sqlite_path), interval=0.05, restart_frames=500)
    writer = Writer(sqlite_path)
    wal = Path(f"{sqlite_path}-wal")
    sizes = []
    try:
        # the file's size while the writer goes on, until it has written enough to pass the
        # bound several times over (three seconds on a quiet machine; a busy one takes longer)
        deadline = time.monotonic() + 60
        while writer.commits * 2 <= 4 * BOUND_FRAMES and time.monotonic() < deadline:
            time.sleep(0.05)
            sizes.append(wal.stat().st_size)
        writer.stop()
        # once writes stop, a round that finds nothing new empties the file
        emptied_by = time.monotonic() + 10
        while wal.stat().st_size and time.monotonic() < emptied_by:
            time.sleep(0.05)
        left = wal.stat().st_size
    finally:
        writer.stop()
        checkpointer.stop()
    # Each commit appends at least two pages (the log row's, the counter's; nine, measured):
    # without starting over, the WAL would have passed the bound several times over.
    assert writer.commits * 2 > 4 * BOUND_FRAMES, writer.commits
    assert max(sizes) < BOUND_FRAMES * PAGE, sizes
    assert checkpointer.restarts > 0  # under writes it starts over (RESTART), keeping its size
    assert left == 0 and checkpointer.truncations > 0  # idle, it is emptied
