"""A proxy that forwards plain HTTP and refuses every WebSocket upgrade with 403, as some
corporate proxies do."""

from __future__ import annotations

import contextlib
import socket
import threading

from tests.agent.proxy import Proxy


class HttpOnlyProxy(Proxy):
    refused = 0

    def forward(self, client: socket.socket, head: bytes = b"") -> None:
        threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        head = b""
        with contextlib.suppress(OSError):
            while b"\r\n\r\n" not in head and (chunk := client.recv(65536)):
                head += chunk
        if b"upgrade: websocket" not in head.lower():
            super().forward(client, head)
            return
        type(self).refused += 1
        with contextlib.suppress(OSError):
            client.sendall(b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n"
                           b"connection: close\r\n\r\n")
        client.close()
