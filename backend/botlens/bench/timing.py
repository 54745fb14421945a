"""Small timing helpers: repeat a call until a time budget is spent, and percentiles of latencies."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np


def repeat_timed(call: Callable[[], object], budget_s: float, min_reps: int = 3, max_reps: int = 10_000) -> list[float]:
    """Wall-clock seconds of each call, repeated until ``budget_s`` is spent (at least ``min_reps`` times)."""
    times: list[float] = []
    started = time.perf_counter()
    while len(times) < max_reps and (len(times) < min_reps or time.perf_counter() - started < budget_s):
        t0 = time.perf_counter()
        call()
        times.append(time.perf_counter() - t0)
    return times


def median(values: list[float]) -> float:
    return float(np.median(values))


def percentile_ms(latencies_s: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(latencies_s) * 1000.0, q))
