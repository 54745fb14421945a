"""``botlens audit FILE.jsonl``: the follower audit offline, for a file of follower Profiles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

import click
from tqdm import tqdm

from botlens.jsonl import LineError, read_profiles
from botlens.schemas.audit import AuditRequest, AuditResponse, Sampling


def audit_file(source: IO[str], auditor, *, sampling: Sampling, followers_total: int | None = None,
               progress: bool = True) -> tuple[AuditResponse | None, list[LineError]]:
    """Read the Profiles of ``source`` (one per line) and audit them; (report or None if none, rejected lines)."""
    followers, problems = [], []
    for _number, item in tqdm(read_profiles(source), desc="reading", unit=" lines", disable=not progress):
        (problems if isinstance(item, LineError) else followers).append(item)
    if not followers:
        return None, problems
    # Built without re-validation: every follower was validated line by line above, and offline audits may
    # exceed the API's 50,000-follower limit.
    request = AuditRequest.model_construct(account=None, followers=followers, followers_total=followers_total,
                                           sampling=sampling, posts=None)
    with tqdm(total=len(followers), desc="scoring", unit=" followers", disable=not progress) as bar:
        report = auditor.audit(request, progress=bar.update)
    return report, problems


def write_histogram(report: AuditResponse, path: Path) -> None:
    """A PNG of the fake-follower probability histogram with the estimated share and its interval."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    edges, counts = report.histogram.edges, report.histogram.counts
    fig, ax = plt.subplots(figsize=(7, 4), dpi=120)
    ax.bar(edges[:-1], counts, width=[b - a for a, b in zip(edges, edges[1:])], align="edge", color="#4a78b5",
           edgecolor="white")
    lo, hi = report.fake_share_ci95
    ax.set_title(f"{report.n_scored:,} followers: estimated fake share {report.fake_share:.1%} "
                 f"(95% interval {lo:.1%}-{hi:.1%})", fontsize=10)
    ax.set_xlabel("fake-follower probability")
    ax.set_ylabel("followers")
    ax.set_xlim(0, 1)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


@click.command("audit")
@click.argument("source", type=click.File("r", encoding="utf-8"))
@click.option("--followers-total", type=click.IntRange(min=0), default=None,
              help="The account's follower count (for the effective audience).")
@click.option("--sampling", type=click.Choice([s.value for s in Sampling]), default=Sampling.visible.value,
              show_default=True, help="How the followers in SOURCE were collected.")
@click.option("--out", type=click.File("w", encoding="utf-8"), default="-", show_default=True,
              help="Where to write the JSON report.")
@click.option("--histogram", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write a PNG histogram of the fake-follower probabilities here.")
@click.option("--model-dir", type=click.Path(file_okay=False), default=None, help="Model folder (default: model/).")
def audit_command(source, followers_total, sampling, out, histogram, model_dir) -> None:
    """Audit the follower Profiles in SOURCE (JSONL, one Profile per line): fake, bot and inactive shares."""
    from botlens.audit.auditor import FollowerAuditor
    from botlens.registry import DEFAULT_MODEL_DIR, ModelRegistry
    from botlens.scoring.accounts import AccountScorer

    registry = ModelRegistry(model_dir or DEFAULT_MODEL_DIR)
    auditor = FollowerAuditor(AccountScorer(registry.get("account")), registry.get("quantifier"))
    report, problems = audit_file(source, auditor, sampling=Sampling(sampling), followers_total=followers_total)
    for problem in problems[:20]:
        click.echo(f"line {problem.line}: {problem.message}", err=True)
    if report is None:
        raise click.ClickException("no valid follower Profile in the file")
    out.write(json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n")
    if histogram is not None:
        write_histogram(report, histogram)
    click.echo(f"audited {report.n_scored:,} followers; {len(problems)} line(s) rejected", err=True)
