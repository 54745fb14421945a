"""The backend under test: ``botlens serve --workers N`` started as a user starts it, on a free loopback port.

tests/serving.py builds on this module (the installed package cannot import the tests); this one adds
what the benchmark needs: a fixed token, no rate limit in the way, and the gunicorn worker processes' ids.
"""

from __future__ import annotations

import http.client
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from botlens.bench.client import Client
from botlens.bench.memory import child_pids

BOTLENS = str(Path(sys.executable).with_name("botlens"))


@dataclass
class Backend:
    base_url: str
    token: str
    process: subprocess.Popen
    log: Path
    workers: int

    def worker_pids(self) -> list[int]:
        return child_pids(self.process.pid)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process: subprocess.Popen, timeout: float = 20.0) -> None:
    """Ask a server to stop, and make sure it has once ``timeout`` seconds have passed."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_ready(backend: Backend, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if backend.process.poll() is not None:
            raise RuntimeError(f"botlens serve exited with {backend.process.returncode}: {backend.log.read_text()}")
        client = Client(backend.base_url, backend.token, timeout=2)
        try:
            client.get_json("/api/v1/health")
            if len(backend.worker_pids()) >= backend.workers:
                return
        except (OSError, ValueError, http.client.HTTPException):
            pass
        finally:
            client.close()
        time.sleep(0.2)
    raise TimeoutError(f"{backend.base_url} did not answer within {timeout} s")


@contextmanager
def running_backend(workers: int = 2, extra_env: dict[str, str] | None = None, timeout: float = 120.0):
    """Yield a :class:`Backend` over a fresh instance folder, removed afterwards."""
    instance = Path(tempfile.mkdtemp(prefix="botlens-bench-"))
    token = "bench-" + secrets.token_hex(16)
    port = free_port()
    env = {**os.environ, "BOTLENS_INSTANCE_PATH": str(instance), "BOTLENS_API_TOKEN": token,
           "BOTLENS_RATE_LIMIT": "100000000/minute", "BOTLENS_LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1",
           **(extra_env or {})}
    log = instance / "serve.log"
    with open(log, "w") as log_file:
        process = subprocess.Popen([BOTLENS, "serve", "--host", "127.0.0.1", "--port", str(port),
                                    "--workers", str(workers)], env=env, stdout=log_file,
                                   stderr=subprocess.STDOUT, text=True)
    backend = Backend(f"http://127.0.0.1:{port}", token, process, log, workers)
    try:
        _wait_until_ready(backend, timeout)
        yield backend
    finally:
        stop(process)
        shutil.rmtree(instance, ignore_errors=True)
