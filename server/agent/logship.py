"""Shipping log records to the server in batches, from a background thread.

Records wait in a buffer and go out every `interval` seconds (or at `flush`), at most
`batch_size` per request. While the server is unreachable they stay buffered (up to
`max_buffer`, oldest dropped first) and are sent when it answers again. A batch the server
refuses as bad input is dropped; a batch naming a deleted run is resent without that run."""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from typing import Any

from ..client import Client
from ..client.errors import ClientError

log = logging.getLogger("flowrun.agent")
DROP_CODES = frozenset({"BAD_USER_INPUT"})


class LogShipper:
    def __init__(
        self, client: Client, *, interval: float = 0.5, batch_size: int = 500,
        max_buffer: int = 100_000,
    ) -> None:
        self.client = client
        self.interval = interval
        self.batch_size = batch_size
        self.max_buffer = max_buffer
        self._buffer: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._send_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="flowrun-logs", daemon=True)

    def start(self) -> LogShipper:
        self._thread.start()
        return self

    def add(self, record: dict[str, Any]) -> None:
        with self._lock:
            self._buffer.append(record)
            overflow = len(self._buffer) - self.max_buffer
            if overflow > 0:
                del self._buffer[:overflow]
                log.warning("log buffer full: dropped the %d oldest records", overflow)

    def pending(self) -> int:
        with self._lock:
            return len(self._buffer)

    def flush(self) -> bool:
        """Send everything buffered now; False when the server could not take it all."""
        with self._send_lock:
            while True:
                with self._lock:
                    batch = self._buffer[: self.batch_size]
                if not batch:
                    return True
                if not self._send(batch):
                    return False
                with self._lock:
                    del self._buffer[: len(batch)]

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.flush()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.flush()
            except Exception:
                log.exception("shipping logs failed")

    def _send(self, batch: list[dict[str, Any]]) -> bool:
        """True when the batch is done with (sent, or dropped for good)."""
        try:
            self.client.write_run_logs(batch)
            return True
        except ClientError as exc:
            if exc.code in DROP_CODES:
                log.warning("dropped %d log records the server refused: %s", len(batch), exc)
                return True
            if exc.code == "NOT_FOUND":
                return self._send_per_run(batch)
            log.warning("could not ship logs (%s); will retry", exc.message)
            return False

    def _send_per_run(self, batch: list[dict[str, Any]]) -> bool:
        by_run: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for record in batch:
            by_run[str(record["flow_run_id"])].append(record)
        for records in by_run.values():
            try:
                self.client.write_run_logs(records)
            except ClientError as exc:
                if exc.code not in ("NOT_FOUND", *DROP_CODES):
                    return False
        return True
