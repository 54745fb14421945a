"""``botlens serve``."""

from __future__ import annotations

import logging

import click

import botlens
from botlens.cli.context import app_for_cli
from botlens.storage.tokens import create_token, list_tokens


def first_run_token(app) -> str | None:
    """Create a token when the backend has none (and no fixed BOTLENS_API_TOKEN), so a new user can connect."""
    engine = app.extensions["botlens"].engine
    if app.config.get("API_TOKEN") or any(t.revoked_at is None for t in list_tokens(engine)):
        return None
    return create_token(engine, "first-run")


@click.command("serve")
@click.option("--host", default=None, help="Address to bind (default 127.0.0.1: this machine only).")
@click.option("--port", type=int, default=None, help="Port (default 8765).")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Run gunicorn with N worker processes (models preloaded). Without it: Flask's server.")
def serve_command(host, port, workers) -> None:
    """Apply database migrations and serve the API."""
    from botlens.server import run_development, run_gunicorn

    app = app_for_cli({"PRELOAD_MODELS": True} if workers else None)
    logging.basicConfig(level=app.config["LOG_LEVEL"], format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    host = host or app.config["HOST"]
    port = port or app.config["PORT"]
    token = first_run_token(app)
    click.echo(f"BotLens {botlens.__version__} on http://{host}:{port}/api/v1/health")
    click.echo(f"Instance folder: {app.instance_path}")
    if token:
        click.echo("")
        click.echo("First run: created an API token. Paste it into the extension's options page.")
        click.echo("It is shown only this once (`botlens token create --name NAME` makes another):")
        click.echo(f"    {token}")
        click.echo("")
    if workers:
        run_gunicorn(app, host, port, workers)
    else:
        run_development(app, host, port)
