"""``botlens bench``: measure scoring speed and memory against issue 8's targets."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from botlens.bench.inprocess import DEFAULT_BATCHES

DEFAULT_DOCS = Path(__file__).resolve().parents[3] / "docs" / "benchmarks.md"


def _batches(_ctx, _param, value: str) -> tuple[int, ...]:
    try:
        batches = tuple(int(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter("a comma-separated list of positive integers, e.g. 1,100,10000")
    if not batches or min(batches) < 1:
        raise click.BadParameter("a comma-separated list of positive integers, e.g. 1,100,10000")
    return batches


@click.command("bench")
@click.option("--batches", default=",".join(map(str, DEFAULT_BATCHES)), show_default=True, callback=_batches,
              help="Batch sizes for the in-process part.")
@click.option("--in-process/--no-in-process", default=True, show_default=True, help="Scoring in this process.")
@click.option("--http/--no-http", default=True, show_default=True,
              help="Over HTTP against `botlens serve --workers 2` started on a free loopback port.")
@click.option("--extension/--no-extension", default=True, show_default=True,
              help="The content script in Chromium (scripts/bench-extension.mjs; needs node and Chromium).")
@click.option("--server-env", multiple=True, metavar="BOTLENS_NAME=VALUE",
              help="A setting for the benchmarked server, e.g. BOTLENS_SCORE_CACHE=false (repeatable).")
@click.option("--quick", is_flag=True, help="Tiny loads: checks that every part runs, figures mean little.")
@click.option("--write-docs", is_flag=True, help="Rewrite docs/benchmarks.md with this run's figures.")
@click.option("--docs", "docs_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DOCS,
              show_default=False, help="Where --write-docs writes (default docs/benchmarks.md).")
def bench_command(batches, in_process, http, extension, server_env, quick, write_docs, docs_path) -> None:
    """Measure account scoring against the floor, HTTP latency, audits, memory and the content script."""
    from botlens.bench.report import write_docs as write_docs_file
    from botlens.bench.run import run_benchmark

    command = "botlens bench " + " ".join(sys.argv[2:]) if sys.argv[1:2] == ["bench"] else \
        "python " + " ".join(sys.argv)
    settings = {}
    for item in server_env:
        name, sep, value = item.partition("=")
        if not sep or not name.startswith("BOTLENS_"):
            raise click.BadParameter(f"expected BOTLENS_NAME=VALUE, got {item!r}", param_hint="--server-env")
        settings[name] = value
    report = run_benchmark(command.strip(), batches=batches, in_process=in_process, http=http, extension=extension,
                           quick=quick, server_env=settings, progress=lambda line: click.echo(line, err=True))
    text = report.markdown()
    click.echo(text)
    if write_docs:
        write_docs_file(docs_path, text)
        click.echo(f"wrote {docs_path}", err=True)
