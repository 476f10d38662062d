"""Driving Debian's Chromium with Playwright for the UI tests: console errors, failed
requests and axe-core violations are collected on every page a test opens."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
FAILURES = Path(__file__).resolve().parent / "failures"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SERIOUS = {"serious", "critical"}


def unavailable_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


@dataclass
class Watch:
    """What went wrong in the browser while a test ran."""

    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(f"page error: {error}"))
        page.on("requestfailed", self._request_failed)
        page.on("response", self._response)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _request_failed(self, request: Any) -> None:
        # A download or a navigation away aborts requests on purpose; nothing else may fail.
        if request.failure and "ERR_ABORTED" in request.failure:
            return
        self.failed_requests.append(f"{request.method} {request.url}: {request.failure}")

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            request = response.request
            self.failed_requests.append(f"{request.method} {response.url}: {response.status}")


def axe_violations(page: Any) -> list[str]:
    """Serious and critical axe-core violations on the page as it is now."""
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result if v["impact"] in SERIOUS
    ]


def screenshot_name(nodeid: str) -> Path:
    FAILURES.mkdir(exist_ok=True)
    return FAILURES / (re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid)[-150:] + ".png")


def under_ci() -> bool:
    return bool(os.environ.get("CI"))


def pretty(items: list[str]) -> str:
    return json.dumps(items, indent=2)
