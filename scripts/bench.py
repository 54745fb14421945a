#!/usr/bin/env python3
"""Benchmarks against issue 8's targets; the same as `botlens bench` (see `--help`)."""

from botlens.cli.bench import bench_command

if __name__ == "__main__":
    bench_command(prog_name="bench.py")
