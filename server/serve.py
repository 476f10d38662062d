"""The API server process: uvicorn serving `server.app:create_app` with FLOWRUN_* settings.

`flowrun server start` checks the database is at head and calls `main` in its own process;
when it had to migrate (Alembic loaded), or serves several workers, it replaces its process
with this module instead (exec, same pid), so the process that serves does not hold Alembic.
`python -m server.serve` serves without migrating.

The cyclic garbage collector is off while the app is imported and built: that allocates a
few hundred thousand objects that live as long as the process, and the full collections they
would trigger cost about a tenth of the start's CPU. The app's lifespan freezes what is alive
and turns it back on (server/app.py). This runs at import, so every worker
process (uvicorn spawns them, importing this module first) starts the same way."""

from __future__ import annotations

import gc

gc.disable()

import uvicorn  # noqa: E402

from .settings import get_settings  # noqa: E402


def main() -> None:
    settings = get_settings()
    if settings.workers > 1:
        gc.enable()  # this process only supervises the workers: it never loads the app
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
