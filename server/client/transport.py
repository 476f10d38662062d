"""GraphQL over HTTP with retries: the one place the client touches the network.

Retried, with exponential backoff and jitter:
  * errors raised before the request was sent (connection refused, connect timeout), always;
  * other transport errors (read timeouts, dropped connections) only for idempotent calls:
    reads, and creates that carry an idempotency key;
  * answers whose error code is SERVICE_UNAVAILABLE (the server rolled the transaction back).
Anything else raises at once: a ClientError carrying the server's code."""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from typing import Any

import httpx

from .errors import HTTP_ERROR, ClientError, ConnectionFailed

log = logging.getLogger("flowrun.client")

RETRYABLE_CODES = frozenset({"SERVICE_UNAVAILABLE"})
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 6
    backoff: float = 0.2
    max_backoff: float = 5.0

    def delay(self, attempt: int) -> float:
        return float(min(self.max_backoff, self.backoff * 2**attempt) * random.uniform(0.5, 1))


class Transport:
    def __init__(
        self,
        url: str,
        *,
        api_key: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        http_transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url
        self.api_key = api_key
        self.retry = retry or RetryPolicy()
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._http = httpx.Client(timeout=timeout, headers=headers, transport=http_transport)

    def close(self) -> None:
        self._http.close()

    def execute(
        self, query: str, variables: dict[str, Any] | None = None, *, idempotent: bool = False
    ) -> dict[str, Any]:
        """Send one GraphQL request; return its `data`."""
        body: dict[str, Any] = {"query": query}
        if variables is not None:
            body["variables"] = variables
        attempt = 0
        while True:
            try:
                return self._send(body)
            except ClientError as exc:
                if attempt + 1 >= self.retry.attempts or not _retryable(exc, idempotent):
                    raise
                delay = self.retry.delay(attempt)
                log.debug("retrying in %.2fs after %s", delay, exc.message)
                time.sleep(delay)
                attempt += 1

    def _send(self, body: dict[str, Any]) -> dict[str, Any]:
        try:
            response = self._http.post(self.url, json=body)
        except httpx.TransportError as exc:
            raise ConnectionFailed(
                f"Cannot reach the flowrun API at {self.url}: {exc or type(exc).__name__}",
                sent=not isinstance(exc, _NOT_SENT),
            ) from exc
        payload = _json(response)
        errors = payload.get("errors") if isinstance(payload, dict) else None
        if errors:
            first = errors[0]
            code = (first.get("extensions") or {}).get("code") or HTTP_ERROR
            raise ClientError(str(first.get("message") or code), str(code), errors)
        if response.status_code >= 400 or not isinstance(payload, dict) or "data" not in payload:
            raise ClientError(f"The flowrun API at {self.url} answered HTTP "
                              f"{response.status_code}", HTTP_ERROR)
        return payload["data"] or {}


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _retryable(exc: ClientError, idempotent: bool) -> bool:
    if isinstance(exc, ConnectionFailed):
        return idempotent or not exc.sent
    return exc.code in RETRYABLE_CODES
