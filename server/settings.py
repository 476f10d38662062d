"""Settings, read from FLOWRUN_* environment variables. README lists every one."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_database_url() -> str:
    return f"sqlite:///{Path(user_data_dir('flowrun')) / 'flowrun.db'}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FLOWRUN_", extra="ignore")

    database_url: str = Field(
        default_factory=default_database_url,
        description="sqlite:///path/to/file.db or postgresql://user@host:5432/db",
    )
    host: str = Field("127.0.0.1", description="Address the API server binds to")
    port: int = Field(4200, description="Port the API server listens on")
    workers: int = Field(1, ge=1, description="API server processes (PostgreSQL only above 1)")
    idempotency_window_seconds: int = Field(
        86400, ge=1, description="How long an idempotency key keeps naming its run (24 hours)"
    )
    db_pool_size: int = Field(10, ge=1, description="Connections per API process")
    db_timeout_seconds: float = Field(
        30.0, gt=0, description="How long a writer waits for a busy database before a 503"
    )
    log_level: str = Field("INFO", description="Server log level")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
