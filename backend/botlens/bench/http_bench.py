"""Over HTTP on loopback, against ``botlens serve --workers 2`` (gunicorn, models preloaded).

Every loop is bounded by a request count and a time limit, so it stops by itself. An endpoint that answers
404 (not built yet) or an error is reported as not available instead of failing the whole run.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from botlens.bench.client import Client, encode, run_load
from botlens.bench.memory import cpu_seconds, mib, pss_bytes, status_bytes
from botlens.bench.results import Metric, not_measured
from botlens.bench.server import Backend, running_backend
from botlens.bench.synthetic import synthetic_drafts, synthetic_posts, synthetic_profiles
from botlens.bench.timing import median, percentile_ms

ACCOUNTS, AUDIT, COMPOSE, POSTS = ("/api/v1/accounts/score", "/api/v1/followers/audit", "/api/v1/compose/check",
                                   "/api/v1/posts/score")


@dataclass
class HttpPlan:
    """How much load each loop sends; ``quick`` shrinks everything for a smoke run."""

    single_requests: int = 2000
    concurrent_requests_each: int = 300
    max_seconds: float = 40.0
    compose_requests: int = 600
    posts_requests: int = 100
    audit_sizes: tuple[int, ...] = (10_000, 50_000)
    audit_repeats: int = 3
    seed: int = 11

    @classmethod
    def quick(cls) -> "HttpPlan":
        return cls(single_requests=60, concurrent_requests_each=10, max_seconds=10.0, compose_requests=30,
                   posts_requests=5, audit_sizes=(1_000, 2_000), audit_repeats=1)


def _unavailable(client: Client, path: str, body: bytes, backend: Backend) -> str | None:
    """None when the endpoint answers 200, else why it cannot be measured."""
    reply = client.post(path, body)
    if reply.status == 200:
        return None
    if reply.status == 404:
        return f"not available: {path} is not served yet (404)"
    detail = ""
    try:
        detail = ": " + str(reply.json().get("detail") or reply.json().get("title"))[:120]
    except ValueError:
        pass
    if reply.status >= 500:
        # The server's own account of the failure (an exception line, never request content).
        errors = [line for line in backend.log.read_text(errors="replace").splitlines() if "Error:" in line]
        detail = f" ({errors[-1].strip()[:160]})" if errors else detail
    return f"not available: {path} answered {reply.status}{detail}"


def _server_cpu_ms(backend: Backend, run) -> tuple[object, str]:
    """Runs ``run()`` and says how much CPU the workers spent per successful request meanwhile: steadier than
    latency when other processes share the cores."""
    pids = backend.worker_pids()
    before = sum(cpu_seconds(pid) for pid in pids)
    result = run()
    try:
        spent = sum(cpu_seconds(pid) for pid in pids) - before
    except OSError:  # a worker was replaced meanwhile: its CPU time is gone with it
        return result, "server CPU unknown (a worker restarted)"
    return result, f"server CPU {spent * 1000 / max(len(result.latencies), 1):.2f} ms/request"


def _latency_metrics(section, label, result, p50_target=None, p99_target=None, note="") -> list[Metric]:
    if not result.latencies:
        return [not_measured(section, f"{label} p50", "ms", f"no successful request; errors {result.errors}",
                             p50_target)]
    extra = f"{len(result.latencies)} requests, {result.throughput:,.0f} req/s"
    if result.errors:
        extra += f", errors {result.errors}"
    note = f"{note}; {extra}" if note else extra
    return [Metric(section, f"{label} p50", percentile_ms(result.latencies, 50), "ms", p50_target, note=note),
            Metric(section, f"{label} p99", percentile_ms(result.latencies, 99), "ms", p99_target)]


def _worker_memory(backend: Backend) -> list[dict]:
    return [{"pid": pid, **status_bytes(pid), "Pss": pss_bytes(pid) or 0} for pid in backend.worker_pids()]


def _accounts(backend: Backend, plan: HttpPlan) -> list[Metric]:
    section = "HTTP: accounts/score, one account per request"
    n = plan.single_requests + 8 * plan.concurrent_requests_each + 200
    bodies = [encode({"accounts": [p]}) for p in synthetic_profiles(n, seed=plan.seed)]
    warm, single, concurrent = bodies[:200], bodies[200:200 + plan.single_requests], bodies[200 + plan.single_requests:]
    run_load(backend.base_url, backend.token, ACCOUNTS, warm, 2, 100, plan.max_seconds)
    one, one_cpu = _server_cpu_ms(backend, lambda: run_load(
        backend.base_url, backend.token, ACCOUNTS, single, 1, plan.single_requests, plan.max_seconds))
    eight, eight_cpu = _server_cpu_ms(backend, lambda: run_load(
        backend.base_url, backend.token, ACCOUNTS, concurrent, 8, plan.concurrent_requests_each, plan.max_seconds))
    # The same accounts again: answered from the score cache (an extension re-asking within the cache's TTL).
    hits, hits_cpu = _server_cpu_ms(backend, lambda: run_load(
        backend.base_url, backend.token, ACCOUNTS, single[:200], 1, min(200, plan.single_requests), plan.max_seconds))
    return (_latency_metrics(section, "1 client, new accounts", one, 3.0, 15.0, one_cpu)
            + _latency_metrics(section, "8 clients, new accounts", eight, note=eight_cpu)
            + _latency_metrics(section, "1 client, score-cache hits", hits, note=hits_cpu))


def _compose(backend: Backend, plan: HttpPlan, client: Client) -> list[Metric]:
    section = "HTTP: compose/check"
    bodies = [encode(d) for d in synthetic_drafts(plan.compose_requests + 50, seed=plan.seed)]
    reason = _unavailable(client, COMPOSE, bodies[0], backend)
    if reason:
        return [not_measured(section, "1 client p50", "ms", reason, 5.0)]
    run_load(backend.base_url, backend.token, COMPOSE, bodies[:50], 2, 25, plan.max_seconds)
    result, cpu = _server_cpu_ms(backend, lambda: run_load(
        backend.base_url, backend.token, COMPOSE, bodies[50:], 1, plan.compose_requests, plan.max_seconds))
    return _latency_metrics(section, "1 client", result, 5.0, note=cpu)


def _posts(backend: Backend, plan: HttpPlan, client: Client) -> list[Metric]:
    section = "HTTP: posts/score, 100 posts per request"
    profiles = synthetic_profiles(plan.posts_requests + 10, seed=plan.seed + 1)
    bodies = [encode({"account": profiles[i], "posts": synthetic_posts(100, seed=plan.seed + i)})
              for i in range(plan.posts_requests + 10)]
    reason = _unavailable(client, POSTS, bodies[0], backend)
    if reason:
        return [not_measured(section, "1 client p50", "ms", reason)]
    run_load(backend.base_url, backend.token, POSTS, bodies[:10], 2, 5, plan.max_seconds)
    result, cpu = _server_cpu_ms(backend, lambda: run_load(
        backend.base_url, backend.token, POSTS, bodies[10:], 1, plan.posts_requests, plan.max_seconds))
    return _latency_metrics(section, "1 client", result, note=cpu)


def _audits(backend: Backend, plan: HttpPlan, client: Client) -> list[Metric]:
    section = "HTTP: followers/audit, end to end"
    largest = max(plan.audit_sizes)
    followers = synthetic_profiles(largest, seed=plan.seed + 2)
    probe = encode({"followers": followers[:50], "sampling": "random", "followers_total": 1000})
    reason = _unavailable(client, AUDIT, probe, backend)
    if reason:
        return [not_measured(section, f"{n:,} followers", "s", reason, 1.0 if n == 10_000 else None)
                for n in plan.audit_sizes] + [not_measured("Memory", f"worker peak during a {largest:,}-follower "
                                                           "audit", "MiB", reason)]
    metrics = []
    for n in plan.audit_sizes:
        body = encode({"followers": followers[:n], "sampling": "random", "followers_total": n * 12})
        times, statuses = [], set()
        for _ in range(plan.audit_repeats):
            reply = client.post(AUDIT, body)
            statuses.add(reply.status)
            if reply.status == 200:
                times.append(reply.seconds)
        note = f"median of {len(times)}; body {len(body) / 1e6:.1f} MB" + (
            f"; statuses {sorted(statuses)}" if statuses != {200} else "")
        metrics.append(Metric(section, f"{n:,} followers", median(times) if times else None, "s",
                              1.0 if n == 10_000 else None, note=note if times else f"failed: {sorted(statuses)}"))
    peak = max(w.get("VmHWM", 0) for w in _worker_memory(backend))
    metrics.append(Metric("Memory", f"worker peak during a {largest:,}-follower audit", mib(peak), "MiB",
                          note="VmHWM of the worker that served it (/proc/<pid>/status)"))
    return metrics


def measure_http(plan: HttpPlan | None = None, workers: int = 2, progress=print,
                 server_env: dict[str, str] | None = None) -> list[Metric]:
    """``server_env``: extra BOTLENS_* settings for the served backend (e.g. to compare with the score cache off)."""
    plan = plan or HttpPlan()
    with running_backend(workers=workers, extra_env=server_env) as backend:
        client = Client(backend.base_url, backend.token)
        progress(f"backend up at {backend.base_url} with workers {backend.worker_pids()}")
        started = time.perf_counter()
        progress("one account per request ...")
        metrics = _accounts(backend, plan)
        progress("compose check ...")
        metrics += _compose(backend, plan, client)
        progress("posts/score ...")
        metrics += _posts(backend, plan, client)
        memory = _worker_memory(backend)
        rss = max(w.get("VmRSS", 0) for w in memory)
        pss = max(w.get("Pss", 0) for w in memory)
        models = sorted(client.get_json("/api/v1/health").get("models", {}))
        metrics.append(Metric("Memory", "one worker, all models loaded (RSS)", mib(rss), "MiB", 250.0,
                              note=f"largest of {len(memory)} workers after every endpoint was warmed up; models "
                                   f"{', '.join(models)}; PSS {mib(pss):.0f} MiB (shared pages split between "
                                   "processes)"))
        progress("follower audits ...")
        metrics += _audits(backend, plan, client)
        client.close()
        progress(f"HTTP part took {time.perf_counter() - started:.0f} s")
    return metrics
