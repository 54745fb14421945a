"""``botlens feedback export``."""

from __future__ import annotations

import click

from botlens.cli.context import app_for_cli
from botlens.storage.feedback import export_jsonl


@click.group("feedback")
def feedback_group() -> None:
    """Corrections users sent from the extension."""


@feedback_group.command("export")
@click.option("--out", "out", type=click.File("w", encoding="utf-8", lazy=False), default="-", show_default=True,
              help="JSONL file to write ('-' for standard output).")
def export(out) -> None:
    """Write every stored correction as JSONL, for retraining."""
    count = export_jsonl(app_for_cli().extensions["botlens"].engine, out)
    click.echo(f"exported {count} feedback record(s)", err=True)
