"""The retention loop: deletes old logs and finished runs under its lease, in batches that
commit one by one (it opens its own transactions instead of running in the loop's one)."""

from __future__ import annotations

from ..database.engine import Database
from ..services import retention
from ..settings import Settings
from .runner import LeasedLoop


def policy_of(settings: Settings) -> retention.Policy:
    return retention.Policy(log_retention_days=settings.log_retention_days,
                            run_retention_days=settings.run_retention_days)


class RetentionLoop(LeasedLoop):
    def __init__(self, db: Database, settings: Settings, holder: str) -> None:
        super().__init__("retention", settings.retention_interval_seconds, db, holder,
                         self._unused)
        self.policy = policy_of(settings)

    @staticmethod
    async def _unused(_: object) -> str | None:  # pragma: no cover - act() is overridden
        return None

    async def act(self) -> str | None:
        # An iteration stops after one interval; the lease lasts three.
        result = await retention.prune(self.db, self.policy, budget_seconds=self.interval)
        if not (result.logs or result.runs):
            return None
        return f"deleted {result.logs} old logs and {result.runs} old finished runs"
