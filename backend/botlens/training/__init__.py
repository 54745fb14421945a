"""Training: dataset loaders and one ``train_*`` function per model artifact.

Each trainer has the signature ``train_x(data_dir: Path, model_dir: Path) -> dict`` (the manifest entry).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data"


# Models trained on another model's output, and the manifest field where each records the version it read.
DEPENDS_ON = {"quantifier": ("account", "account_version"), "posts": ("compose", "spam_model")}


def with_dependents(names: tuple[str, ...] | list[str]) -> list[str]:
    """``names`` plus every model trained on one of them (a retrained compose model changes what the posts model
    was fitted on), in training order."""
    order = list(trainers())  # dependency order: a dependent comes after what it reads
    chosen = set(names)
    for name in order:
        if name in DEPENDS_ON and DEPENDS_ON[name][0] in chosen:
            chosen.add(name)
    return [name for name in order if name in chosen]


def trainers() -> dict[str, Callable[[Path, Path], dict]]:
    """Every model's trainer, in the order they must run (later models may use earlier ones)."""
    registry: dict[str, Callable[[Path, Path], dict]] = {}
    # Each model's module adds itself here, in dependency order.
    from botlens.training.account import train_account

    registry["account"] = train_account
    from botlens.training.quantifier import train_quantifier  # the follower audit's reference; after account

    registry["quantifier"] = train_quantifier
    from botlens.training.compose import train_compose

    registry["compose"] = train_compose
    from botlens.training.posts import train_posts  # uses the compose model: after compose

    registry["posts"] = train_posts
    return registry
