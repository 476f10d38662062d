"""Where the client finds the API: FLOWRUN_API_URL, else the server's own FLOWRUN_HOST and
FLOWRUN_PORT (so one environment serves `flowrun server start` and every other command); and
the key it sends: FLOWRUN_API_KEY."""

from __future__ import annotations

import os

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4200


def default_api_url() -> str:
    url = os.environ.get("FLOWRUN_API_URL")
    if url:
        return url
    host = os.environ.get("FLOWRUN_HOST") or DEFAULT_HOST
    if host in ("0.0.0.0", "::"):
        host = DEFAULT_HOST
    port = os.environ.get("FLOWRUN_PORT") or DEFAULT_PORT
    return f"http://{host}:{port}/graphql"


def default_api_key() -> str | None:
    return os.environ.get("FLOWRUN_API_KEY") or None
