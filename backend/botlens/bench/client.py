"""A minimal HTTP client for the load loops: one http.client connection per simulated client.

Bodies are encoded before the clock starts, so the figures are the server's time plus loopback transfer,
not the client's JSON encoding. The connection is reused whenever the server keeps it open (gunicorn's sync
worker closes it after every response, and http.client then reconnects on the next request by itself).
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Reply:
    status: int
    body: bytes
    seconds: float

    def json(self):
        return json.loads(self.body)


class Client:
    def __init__(self, base_url: str, token: str, timeout: float = 300.0):
        parts = urlsplit(base_url)
        if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("the benchmark only talks to a backend on this machine's loopback address")
        self._connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        self._headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def post(self, path: str, body: bytes) -> Reply:
        started = time.perf_counter()
        try:
            self._connection.request("POST", path, body=body, headers=self._headers)
            response = self._connection.getresponse()
        except (ConnectionError, http.client.HTTPException):
            # A connection the server closed between requests: open a new one and send again.
            self._connection.close()
            started = time.perf_counter()
            self._connection.request("POST", path, body=body, headers=self._headers)
            response = self._connection.getresponse()
        data = response.read()
        elapsed = time.perf_counter() - started
        if response.will_close:
            self._connection.close()
        return Reply(response.status, data, elapsed)

    def get_json(self, path: str):
        self._connection.request("GET", path, headers=self._headers)
        response = self._connection.getresponse()
        data = response.read()
        if response.will_close:
            self._connection.close()
        if response.status != 200:
            raise ConnectionError(f"GET {path} answered {response.status}")
        return json.loads(data)

    def close(self) -> None:
        self._connection.close()


def encode(payload) -> bytes:
    return json.dumps(payload, separators=(",", ":")).encode("utf-8")


@dataclass
class LoadResult:
    latencies: list[float] = field(default_factory=list)
    errors: dict[int, int] = field(default_factory=dict)
    wall_seconds: float = 0.0

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.wall_seconds if self.wall_seconds else 0.0


def run_load(base_url: str, token: str, path: str, bodies: list[bytes], clients: int, requests_per_client: int,
             max_seconds: float) -> LoadResult:
    """``clients`` threads, each sending its own slice of ``bodies`` in turn; stops after the count or the time."""
    result = LoadResult()
    lock = threading.Lock()
    deadline = time.monotonic() + max_seconds
    start = threading.Barrier(clients + 1)

    def one_client(index: int) -> None:
        client = Client(base_url, token)
        latencies, errors = [], {}
        start.wait()
        for i in range(requests_per_client):
            if time.monotonic() > deadline:
                break
            reply = client.post(path, bodies[(index * requests_per_client + i) % len(bodies)])
            if reply.status == 200:
                latencies.append(reply.seconds)
            else:
                errors[reply.status] = errors.get(reply.status, 0) + 1
        client.close()
        with lock:
            result.latencies.extend(latencies)
            for status, count in errors.items():
                result.errors[status] = result.errors.get(status, 0) + count

    threads = [threading.Thread(target=one_client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    result.wall_seconds = time.perf_counter() - began
    return result
