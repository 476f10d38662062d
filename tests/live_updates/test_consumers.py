"""The consumers of live updates: `flowrun run --watch` and `flowrun flow-run logs --follow`
over subscriptions, and by polling when a proxy refuses the WebSocket."""

from __future__ import annotations

import psycopg
import pytest

from server.client import Client
from server.database.engine import Database
from tests.databases import admin_dsn, empty
from tests.e2e.motion import EXAMPLES, agents, cli
from tests.live import LiveServer, start_server
from tests.live_updates.proxy import HttpOnlyProxy

pytestmark = pytest.mark.e2e
STATES = ("Scheduled", "Submitted", "Running", "Success")


def _states(stdout: str) -> list[str]:
    return [word for line in stdout.splitlines() for word in line.split()[:1] if word in STATES]


def _register(url: str) -> None:
    result = cli(url, "register", str(EXAMPLES / "hello.py"))
    assert result.returncode == 0, result.stderr


def _websockets_accepted(server: LiveServer) -> int:
    return server.log().count('"WebSocket /graphql" [accepted]')


async def test_run_watch_follows_the_run_over_subscriptions(server: LiveServer) -> None:
    _register(server.graphql_url)
    before = _websockets_accepted(server)
    with agents(server.graphql_url, 1):
        result = cli(server.graphql_url, "run", "-n", "hello", "--param", "name=Zaphod",
                     "--watch")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _states(result.stdout) == list(STATES)
    assert result.stdout.count("Hello, Zaphod!") == 1
    assert _websockets_accepted(server) > before


async def test_run_watch_and_logs_follow_poll_when_a_proxy_refuses_the_websocket(
    server: LiveServer
) -> None:
    _register(server.graphql_url)
    proxy = HttpOnlyProxy(int(server.url.rsplit(":", 1)[1])).start()
    refused = HttpOnlyProxy.refused
    try:
        with agents(server.graphql_url, 1):
            result = cli(proxy.url, "run", "-n", "hello", "--param", "name=Trillian", "--watch")
        assert result.returncode == 0, result.stdout + result.stderr
        assert _states(result.stdout) == list(STATES)
        assert result.stdout.count("Hello, Trillian!") == 1
        with Client(server.graphql_url) as api:
            run_id = api.list_flow_runs(limit=1)[0].id
        logs = cli(proxy.url, "flow-run", "logs", run_id, "--follow")
        assert logs.returncode == 0, logs.stderr
        assert logs.stdout.count("Hello, Trillian!") == 1
    finally:
        proxy.cut()
    assert HttpOnlyProxy.refused >= refused + 2


async def test_flow_run_logs_follow_prints_each_line_once_over_a_subscription(
    server: LiveServer
) -> None:
    _register(server.graphql_url)
    with agents(server.graphql_url, 1):
        run = cli(server.graphql_url, "run", "-n", "hello", "--param", "name=Ford", "--quiet")
        run_id = run.stdout.strip()
        logs = cli(server.graphql_url, "flow-run", "logs", run_id, "--follow")
    assert logs.returncode == 0, logs.stderr
    assert logs.stdout.count("Hello, Ford!") == 1


async def test_run_watch_and_logs_follow_end_while_a_writer_elsewhere_holds_the_stream_back(
    postgresql_url: str
) -> None:
    """A transaction that wrote (it has an xid), open in another database of the same
    PostgreSQL server, holds every stream's horizon back for as long as it runs: the watch
    sees the run end over HTTP and reads the rest without the stream. Before, it waited for
    that transaction to end (here: never, until the CLI's timeout)."""
    database = Database(postgresql_url)
    await empty(database)  # the session's database, shared with other tests' flows
    await database.dispose()
    with start_server(postgresql_url) as server, psycopg.connect(admin_dsn()) as elsewhere:
        elsewhere.execute("SELECT pg_current_xact_id()")  # a writer's xid, held open
        _register(server.graphql_url)
        with agents(server.graphql_url, 1):
            result = cli(server.graphql_url, "run", "-n", "hello", "--param", "name=Marvin",
                         "--watch", timeout=60)
            with Client(server.graphql_url) as api:
                run_id = api.list_flow_runs(limit=1)[0].id
            logs = cli(server.graphql_url, "flow-run", "logs", run_id, "--follow", timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _states(result.stdout) == list(STATES)
    assert result.stdout.count("Hello, Marvin!") == 1
    assert logs.returncode == 0, logs.stderr
    assert logs.stdout.count("Hello, Marvin!") == 1
