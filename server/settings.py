"""Settings, read from FLOWRUN_* environment variables. README lists every one."""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def default_database_url() -> str:
    # platformdirs only when no FLOWRUN_DATABASE_URL is set (0.3 MiB of a server's memory)
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('flowrun')) / 'flowrun.db'}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FLOWRUN_", extra="ignore")

    database_url: str = Field(
        default_factory=default_database_url,
        description="sqlite:///path/to/file.db or postgresql://user@host:5432/db",
    )
    host: str = Field("127.0.0.1", description="Address the API server binds to")
    port: int = Field(4200, description="Port the API server listens on")
    workers: int = Field(1, ge=1, description="API server processes, up to one per core "
                         "(on SQLite their writes take turns on its one lock)")
    idempotency_window_seconds: int = Field(
        86400, ge=1, description="How long an idempotency key keeps naming its run (24 hours)"
    )
    db_pool_size: int = Field(10, ge=1, description="Connections per API process")
    db_timeout_seconds: float = Field(
        30.0, gt=0, description="How long a writer waits for a busy database before a 503"
    )
    log_level: str = Field("INFO", description="Server log level")
    graceful_shutdown_seconds: int = Field(
        30, ge=1, description="On SIGTERM, how long requests in flight may take to finish "
        "before they are cut and the process exits"
    )
    # Server loops (runs in motion). Each loop runs in one API process at a time (a lease).
    loops_enabled: bool = Field(
        True, description="Run the scheduler and the zombie killer inside the API process"
    )
    heartbeat_timeout_seconds: float = Field(
        120.0, gt=0, description="A running run whose heartbeat is older than this is Failed"
    )
    zombie_killer_interval_seconds: float = Field(
        10.0, gt=0, description="How often the zombie killer looks for stopped heartbeats"
    )
    scheduler_interval_seconds: float = Field(
        10.0, gt=0, description="How often the scheduler creates the next runs of schedules"
    )
    scheduler_horizon_seconds: float = Field(
        7 * 86400.0, gt=0, description="How far ahead the scheduler creates runs"
    )
    scheduler_max_runs: int = Field(
        10, ge=1, description="At most this many future runs per flow schedule"
    )
    # Issue 13: late runs
    late_after_seconds: float = Field(
        60.0, ge=0, description="A Scheduled run not started this long after its start time "
                                "is late (flow_run.late)"
    )
    late_runs_interval_seconds: float = Field(
        10.0, gt=0, description="How often the late-runs loop flags late runs and skips those "
                                "later than their flow group allows"
    )
    # Issue 13: retention
    log_retention_days: float = Field(
        30.0, ge=0, description="Logs older than this many days are deleted (0: keep forever)"
    )
    run_retention_days: float = Field(
        0.0, ge=0, description="Finished runs that ended more than this many days ago are "
                               "deleted with their states, task runs and logs (0: keep forever)"
    )
    retention_interval_seconds: float = Field(
        600.0, gt=0, description="How often the retention loop deletes what is older than "
                                 "the retention periods"
    )
    # Live updates (GraphQL subscriptions over WebSocket)
    subscriptions_per_connection: int = Field(
        100, ge=1, description="At most this many operations at once on one WebSocket"
    )
    ws_keepalive_seconds: float = Field(
        15.0, gt=0, description="How often the server pings an idle WebSocket (ka / ping)"
    )

    # Who may do what (API keys) and the browsers allowed to call from other origins.
    auth_required: bool | None = Field(
        None, description="Require an API key on every door; unset: off, and the server "
                          "refuses to bind a non-loopback address until this is set")
    api_key: SecretStr | None = Field(
        None, description="The key the flowrun commands, the Python client and agents send")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Origins browsers may call the API from "
                                          "(comma-separated); none by default")
    # Limits: a request over one is refused with a 4xx naming the limit, never a 5xx.
    max_body_bytes: int = Field(5_000_000, ge=1, description="Largest request body (413)")
    max_state_bytes: int = Field(
        1_000_000, ge=1, description="Largest state document (JSON) in a state change")
    max_log_message_bytes: int = Field(1_000_000, ge=1, description="Largest log message")
    max_log_batch: int = Field(10_000, ge=1, description="Most log records in one request")
    max_state_batch: int = Field(1_000, ge=1, description="Most state changes in one request")
    max_page_size: int = Field(10_000, ge=1, description="Largest `limit` a read may ask for")
    graphql_max_depth: int = Field(15, ge=1, description="Deepest GraphQL selection nesting")
    graphql_max_fields: int = Field(
        5_000, ge=1, description="Most fields in a GraphQL document, fragments expanded")
    graphql_max_aliases: int = Field(
        1_000, ge=0, description="Most aliases in a GraphQL document (batches alias fields)")

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @property
    def idempotency_window(self) -> timedelta:
        return timedelta(seconds=self.idempotency_window_seconds)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
