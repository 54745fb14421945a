"""With RATELIMIT_STORAGE_URI on Redis, workers share one budget per token (a real redis-server)."""

import shutil
import subprocess
import time

import pytest

from tests.conftest import make_test_app
from tests.serving import free_port

REDIS = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(REDIS is None, reason="redis-server is not installed (make test installs it as root)")


@pytest.fixture
def redis_url():
    import redis

    port = free_port()
    process = subprocess.Popen([REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}"
    deadline = time.monotonic() + 10
    while True:
        try:
            redis.Redis.from_url(url).ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.05)
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_two_workers_share_one_budget(tmp_path, redis_url, auth_headers):
    workers = [make_test_app(tmp_path / name, RATE_LIMIT="3/minute", RATELIMIT_STORAGE_URI=redis_url).test_client()
               for name in ("a", "b")]
    payload = {"platform": "x", "handle": "a", "label": "bot"}
    statuses = [workers[i % 2].post("/api/v1/feedback", json=payload, headers=auth_headers).status_code
                for i in range(4)]
    assert statuses == [201, 201, 201, 429]
