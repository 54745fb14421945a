"""Runs the benchmark's parts and puts their figures into one report."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from botlens.bench.inprocess import DEFAULT_BATCHES, InProcessRow, measure_in_process
from botlens.bench.machine import describe_machine
from botlens.bench.report import in_process_metrics, render
from botlens.bench.results import Metric, not_measured

ROOT = Path(__file__).resolve().parents[3]
EXTENSION_SCRIPT = ROOT / "scripts" / "bench-extension.mjs"
EXTENSION_SECTION = "Extension (Chromium, real content script)"


@dataclass
class BenchReport:
    machine: dict
    command: str
    rows: list[InProcessRow] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)

    def markdown(self) -> str:
        return render(self.machine, self.command, self.rows, self.metrics)


def extension_metrics(timeout_s: float = 1800.0) -> list[Metric]:
    """Runs scripts/bench-extension.mjs (which prints one JSON object on its last line) and reads its figures.

    It starts nine fresh browsers (three timed runs, three of the floor, two traced, one for badge delays); the
    whole benchmark took 17 minutes on the 2-core machine (2026-11-25 01:36 UTC), so the limit is generous.
    """
    def missing(reason: str) -> list[Metric]:
        return [not_measured(EXTENSION_SECTION, "content script time per 100 inserted posts", "ms", reason, 2.0),
                not_measured(EXTENSION_SECTION, "extension memory after 1,000 posts", "MiB", reason)]

    node = shutil.which("node")
    if node is None or not EXTENSION_SCRIPT.exists():
        return missing("node or scripts/bench-extension.mjs not found")
    try:
        done = subprocess.run([node, str(EXTENSION_SCRIPT)], cwd=ROOT, capture_output=True, text=True,
                              timeout=timeout_s)
    except subprocess.TimeoutExpired:
        return missing(f"browser benchmark did not finish within {timeout_s:.0f} s")
    lines = [line for line in done.stdout.splitlines() if line.strip().startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        return missing(f"browser benchmark failed (exit {done.returncode}): {tail[0][:160]}")
    figures = json.loads(lines[-1])
    return [Metric(EXTENSION_SECTION, m["label"], m.get("value"), m["unit"], m.get("target"),
                   note=m.get("note", "")) for m in figures["metrics"]]


def run_benchmark(command: str, *, batches=DEFAULT_BATCHES, in_process: bool = True, http: bool = True,
                  extension: bool = True, quick: bool = False, server_env: dict[str, str] | None = None,
                  progress=print) -> BenchReport:
    report = BenchReport(describe_machine(), command)
    progress(f"load average at start: {report.machine['load_average_at_start']}")
    if in_process:
        progress(f"in process, batches {list(batches)} ...")
        try:
            report.rows = measure_in_process(batches, budget_s=0.3 if quick else 2.0)
            report.metrics += in_process_metrics(report.rows)
        except Exception as exc:  # a missing model or a broken scorer: say so and go on with the other parts
            report.metrics.append(not_measured("In process: account scoring", "profiles/s at batch 10,000",
                                               "profiles/s", f"failed: {exc!r:.200}", 50_000.0, True))
    if http:
        from botlens.bench.http_bench import HttpPlan, measure_http

        try:
            report.metrics += measure_http(HttpPlan.quick() if quick else HttpPlan(), progress=progress,
                                           server_env=server_env)
        except Exception as exc:
            report.metrics.append(not_measured("HTTP", "the whole HTTP part", "ms", f"failed: {exc!r:.200}"))
    if extension:
        progress("extension in Chromium ...")
        report.metrics += extension_metrics()
    return report
