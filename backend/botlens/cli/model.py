"""``botlens train`` and ``botlens evaluate``: thin wrappers over the trainers and the model card."""

from __future__ import annotations

from pathlib import Path

import click

from botlens.registry import DEFAULT_MODEL_DIR
from botlens.training import DEFAULT_DATA_DIR, trainers, with_dependents


def _data_option(f):
    return click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
                        default=DEFAULT_DATA_DIR, show_default=True, help="Labelled data folder.")(f)


def _model_option(f):
    return click.option("--model-dir", type=click.Path(file_okay=False, path_type=Path),
                        default=DEFAULT_MODEL_DIR, show_default=True, help="Where model files are written.")(f)


@click.command("train")
@_data_option
@_model_option
@click.option("--only", "only", multiple=True,
              help="Train only this model and the models trained on its output (repeatable).")
def train_command(data_dir: Path, model_dir: Path, only: tuple[str, ...]) -> None:
    """Train the models from the labelled data and write them to the model folder."""
    if not Path(data_dir).is_dir():
        raise click.UsageError(f"data folder {data_dir} does not exist (see docs for ../shared/data)")
    available = trainers()
    unknown = sorted(set(only) - set(available))
    if unknown:
        raise click.BadParameter(f"unknown model(s) {', '.join(unknown)}; choose from {', '.join(available)}",
                                 param_hint="--only")
    chosen = with_dependents(only) if only else list(available)
    for name in chosen:
        train = available[name]
        if only and name not in only:
            click.echo(f"training {name} too: it is trained on the output of a model just retrained ...")
        else:
            click.echo(f"training {name} ...")
        entry = train(Path(data_dir), Path(model_dir))
        click.echo(f"  wrote {Path(model_dir) / entry['file']} ({entry['version']})")
    click.echo("The model card and the manifest's evaluation figures describe the new models after `botlens evaluate`.")


@click.command("evaluate")
@_data_option
@_model_option
@click.option("--only", "only", multiple=True, help="Evaluate only this model (repeatable); the card then "
              "holds only its sections.")
def evaluate_command(data_dir: Path, model_dir: Path, only: tuple[str, ...]) -> None:
    """Evaluate the trained models and write MODEL_CARD.md with its plots."""
    from botlens.evaluation.card import write_model_card

    if not Path(data_dir).is_dir():
        raise click.UsageError(f"data folder {data_dir} does not exist (see docs for ../shared/data)")
    try:
        path = write_model_card(Path(data_dir), Path(model_dir), only=only)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--only") from error
    click.echo(f"wrote {path}")


if __name__ == "__main__":  # pragma: no cover - convenience before the group registers these commands
    click.Group(commands=[train_command, evaluate_command])()
