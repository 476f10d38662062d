"""Run in the Prefect 1.4.1 virtualenv: the real Client creates `count` runs one after the
other, each with its idempotency key, and reads each back, while the test breaks the
server's database. Prints `RETRY <status>` for every HTTP retry urllib3 makes (Prefect 1
retries a 500/502/503/504), then one JSON line: key -> run id.

    python prefect1_creates.py <flow id> <count> <key prefix>"""

from __future__ import annotations

import json
import logging
import sys

from prefect import Client


class RetryPrinter(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        retry = record.args[1] if isinstance(record.args, tuple) else None
        history = getattr(retry, "history", None)
        if history:
            print(f"RETRY {history[-1].status or 'error'}", flush=True)


def main() -> None:
    flow_id, count, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    retries = logging.getLogger("urllib3.util.retry")
    retries.setLevel(logging.DEBUG)
    retries.addHandler(RetryPrinter())
    client = Client()
    ids = {}
    for i in range(count):
        key = f"{prefix}-{i}"
        ids[key] = client.create_flow_run(flow_id=flow_id, idempotency_key=key)
        assert client.get_flow_run_info(ids[key]).id == ids[key]
        print(f"CREATED {key}", flush=True)
    print(json.dumps(ids), flush=True)


if __name__ == "__main__":
    main()
