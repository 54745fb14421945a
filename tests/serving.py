"""Starting ``botlens serve`` as a real subprocess on a free port, for the HTTP tests (the benchmark has its own
in ``botlens.bench.server``, which this reuses for the port and the shutdown)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests

from botlens.bench.server import free_port, stop

ROOT = Path(__file__).resolve().parents[1]
BOTLENS = str(Path(sys.executable).with_name("botlens"))


def wait_for_health(base_url: str, process: subprocess.Popen, log: Path, timeout: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"botlens serve exited with {process.returncode}: {log.read_text()}")
        try:
            return requests.get(f"{base_url}/api/v1/health", timeout=2).json()
        except requests.RequestException:
            time.sleep(0.2)
    raise TimeoutError(f"{base_url} did not answer within {timeout} s")


@contextmanager
def running_backend(instance: Path, token: str | None = None, workers: int | None = None, port: int | None = None,
                    extra_env: dict[str, str] | None = None):
    """Yield (base_url, process, log_path) for a backend started exactly as a user starts it.

    Output goes to a file, not a pipe, so a chatty server can never block on a full pipe.
    """
    port = port or free_port()
    env = {**os.environ, "BOTLENS_INSTANCE_PATH": str(instance), "PYTHONUNBUFFERED": "1", **(extra_env or {})}
    env.pop("BOTLENS_API_TOKEN", None)
    if token:
        env["BOTLENS_API_TOKEN"] = token
    args = [BOTLENS, "serve", "--port", str(port)] + (["--workers", str(workers)] if workers else [])
    instance.mkdir(parents=True, exist_ok=True)
    log = instance / f"serve-{port}.log"
    with open(log, "w") as log_file:
        process = subprocess.Popen(args, env=env, stdout=log_file, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(base_url, process, log)
        yield base_url, process, log
    finally:
        stop(process)
