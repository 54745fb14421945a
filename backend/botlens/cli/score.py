"""``botlens score FILE.jsonl``: score Profiles offline, without a server."""

from __future__ import annotations

import json
from typing import IO

import click

from botlens.jsonl import LineError, batched, read_profiles


def score_file(source: IO[str], out: IO[str], scorer, batch_size: int = 1000) -> tuple[int, list[LineError]]:
    """Score every Profile line of ``source`` into JSONL on ``out``; return (scored, errors)."""
    scored, problems = 0, []
    for batch in batched(read_profiles(source), batch_size):
        profiles = []
        for _number, item in batch:
            if isinstance(item, LineError):
                problems.append(item)
            else:
                profiles.append(item)
        for result in scorer.score(profiles) if profiles else []:
            out.write(json.dumps({"model_version": scorer.version, **result.model_dump(mode="json")},
                                 ensure_ascii=False) + "\n")
            scored += 1
    return scored, problems


@click.command("score")
@click.argument("source", type=click.File("r", encoding="utf-8"))
@click.option("--out", type=click.File("w", encoding="utf-8"), default="-", show_default=True,
              help="Where to write one JSON result per line.")
@click.option("--model-dir", type=click.Path(file_okay=False), default=None, help="Model folder (default: model/).")
def score_command(source, out, model_dir) -> None:
    """Score the Profiles in SOURCE (JSONL, one Profile per line) to JSONL."""
    from botlens.registry import DEFAULT_MODEL_DIR, ModelRegistry
    from botlens.scoring.accounts import AccountScorer

    scorer = AccountScorer(ModelRegistry(model_dir or DEFAULT_MODEL_DIR).get("account"))
    scored, problems = score_file(source, out, scorer)
    for problem in problems[:20]:
        click.echo(f"line {problem.line}: {problem.message}", err=True)
    click.echo(f"scored {scored} profile(s); {len(problems)} line(s) rejected", err=True)
    if problems:
        raise SystemExit(1)
