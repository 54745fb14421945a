"""``botlens token create|list|revoke``."""

from __future__ import annotations

import click

from botlens.cli.context import app_for_cli
from botlens.storage.tokens import create_token, list_tokens, revoke_token


@click.group("token")
def token_group() -> None:
    """Manage API tokens (only their SHA-256 is stored)."""


@token_group.command("create")
@click.option("--name", required=True, help="A label to recognise the token by, e.g. 'laptop-chrome'.")
def create(name: str) -> None:
    """Create a token and print it once."""
    engine = app_for_cli().extensions["botlens"].engine
    click.echo(create_token(engine, name))


@token_group.command("list")
def list_command() -> None:
    """List tokens (never their values)."""
    engine = app_for_cli().extensions["botlens"].engine
    for info in list_tokens(engine):
        state = f"revoked {info.revoked_at:%Y-%m-%d}" if info.revoked_at else "active"
        click.echo(f"{info.id}\t{info.name}\t{info.created_at:%Y-%m-%d %H:%M}\t{state}")


@token_group.command("revoke")
@click.argument("name_or_id")
def revoke(name_or_id: str) -> None:
    """Revoke the active tokens with this name or id."""
    engine = app_for_cli().extensions["botlens"].engine
    count = revoke_token(engine, name_or_id)
    if count == 0:
        raise click.ClickException(f"no active token named or numbered {name_or_id!r}")
    click.echo(f"revoked {count} token(s)")
