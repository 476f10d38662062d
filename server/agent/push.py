"""Push for agents: a subscription that tells the agent at once when the set of Scheduled runs
changes (a run was created, or became due by being rescheduled), so a run due now starts
without waiting for the next poll. Polling stays as the safety net: when the WebSocket is
refused or lost, the agent keeps polling and this thread retries now and then."""

from __future__ import annotations

import logging
import threading

from ..client import Client
from ..client.errors import ClientError

WAKE = """subscription {
  flow_run_aggregate(where: {state: {_eq: "Scheduled"}}) { aggregate { count } }
}"""
log = logging.getLogger("flowrun.agent")


class PushChannel:
    def __init__(self, client: Client, wake: threading.Event, *, name: str,
                 retry_seconds: float = 10.0) -> None:
        self.client = client
        self.wake = wake
        self.name = name
        self.retry_seconds = retry_seconds
        self.connected = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="flowrun-agent-push",
                                        daemon=True)

    def start(self) -> PushChannel:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._listen()
            except ClientError as exc:
                if self.connected.is_set():
                    log.info("agent %s: push channel lost (%s); polling until it is back",
                             self.name, exc.message)
                else:
                    log.debug("agent %s: no push channel (%s)", self.name, exc.message)
            self.connected.clear()
            self._stop.wait(self.retry_seconds)

    def _listen(self) -> None:
        with self.client.live() as live:
            live.subscribe(WAKE)
            self.connected.set()
            log.info("agent %s: told about new runs over a subscription", self.name)
            while not self._stop.is_set():
                for _ in live.results(timeout=0.5):
                    self.wake.set()
