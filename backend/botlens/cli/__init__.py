"""The ``botlens`` command: each subcommand a thin wrapper over a testable function."""

from __future__ import annotations

import click

import botlens
from botlens.cli.audit import audit_command
from botlens.cli.bench import bench_command
from botlens.cli.feedback import feedback_group
from botlens.cli.model import evaluate_command, train_command
from botlens.cli.score import score_command
from botlens.cli.serve import serve_command
from botlens.cli.tokens import token_group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(botlens.__version__, prog_name="botlens")
def main() -> None:
    """BotLens: a self-hosted backend that scores how bot-like or fake social-media accounts look.

    Settings come from defaults, then INSTANCE/config.toml, then BOTLENS_* environment variables
    (see docs/configuration.md).
    """


main.add_command(serve_command)
main.add_command(token_group)
main.add_command(score_command)
main.add_command(feedback_group)
main.add_command(train_command)
main.add_command(evaluate_command)
main.add_command(audit_command)
main.add_command(bench_command)
