"""Process figures from /proc (Linux): resident size, its high-water mark, the proportional share, CPU time."""

from __future__ import annotations

import os
from pathlib import Path

_KB = 1024


def child_pids(parent: int) -> list[int]:
    """Ids of the direct children of ``parent`` (gunicorn's workers, for the master)."""
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces; the parent id is the second field after it.
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == parent:
            children.append(int(entry))
    return sorted(children)


def status_bytes(pid: int) -> dict[str, int]:
    """VmRSS, VmHWM (peak resident size since the process started) and friends from /proc/<pid>/status."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key.startswith(("Vm", "Rss")) and rest.strip().endswith("kB"):
            values[key] = int(rest.split()[0]) * _KB
    return values


def pss_bytes(pid: int) -> int | None:
    """Proportional set size: resident pages, shared ones divided among the processes sharing them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * _KB
    except OSError:
        return None
    return None


def mib(n_bytes: float) -> float:
    return n_bytes / (1024 * 1024)


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process has used so far (clock-tick resolution)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
