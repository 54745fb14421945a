"""Small timing helpers: repeat a call until a time budget is spent, and percentiles of latencies."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np


@dataclass
class Repeats:
    """Wall-clock and process CPU seconds of each repetition. On a shared machine CPU time is the steadier
    figure for single-threaded work: it leaves out the time other processes held the core."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.wall)


def repeat_timed(call: Callable[[], object], budget_s: float, min_reps: int = 3, max_reps: int = 10_000) -> Repeats:
    """Times of each call, repeated until ``budget_s`` is spent (at least ``min_reps`` times)."""
    repeats = Repeats()
    started = time.perf_counter()
    while len(repeats) < max_reps and (len(repeats) < min_reps or time.perf_counter() - started < budget_s):
        c0, t0 = time.process_time(), time.perf_counter()
        call()
        repeats.wall.append(time.perf_counter() - t0)
        repeats.cpu.append(time.process_time() - c0)
    return repeats


def median(values: list[float]) -> float:
    return float(np.median(values))


def percentile_ms(latencies_s: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(latencies_s) * 1000.0, q))
