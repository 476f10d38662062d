"""The API server process: uvicorn serving `server.app:create_app` with FLOWRUN_* settings.

`flowrun server start` migrates, then replaces its own process with this module (exec, same
pid), so the process that serves holds neither the CLI (typer, rich, the HTTP client) nor
Alembic: it starts and idles in less memory. `python -m server.serve` serves without
migrating."""

from __future__ import annotations

import uvicorn

from .settings import get_settings


def main() -> None:
    settings = get_settings()
    uvicorn.run(
        "server.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        log_level=settings.log_level.lower(),
        access_log=False,
        # SIGTERM: stop accepting, let requests in flight finish (this long at most), then
        # stop the loops and close the database.
        timeout_graceful_shutdown=settings.graceful_shutdown_seconds,
    )


if __name__ == "__main__":
    main()
