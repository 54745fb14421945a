"""The mixture experiment: does the follower audit's fake share land on the truth for labelled mixtures?

Half of Cresci-2015 (genuine E13 and fake INT accounts alike) is set aside as the mixture pool, together with
half of Cresci-2017's genuine accounts for the held-out-source variant. The account model and the quantifier's
reference are fitted on the remaining rows only (the reference by cross-fitting), so no mixed account was
seen in training. Mixtures of n followers at 10%, 30% and 50% fake are then drawn with fixed seeds and audited
exactly as the API does; each result records the truth, the estimate and its 95% interval.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from botlens.audit.bootstrap import UNKNOWN, audit_shares
from botlens.training.account import fit_account_model, load_account_data, with_handle_likelihood
from botlens.training.quantifier import cross_fitted, references, stratified_folds

PREVALENCES = (0.1, 0.3, 0.5)
SEEDS = (0, 1, 2)
POOL_SEED = 2015


@dataclass(frozen=True)
class MixtureResult:
    variant: str  # which genuine accounts were mixed in
    n: int
    truth: float
    seed: int
    estimate: float
    lo: float
    hi: float

    @property
    def error(self) -> float:
        return self.estimate - self.truth

    @property
    def covered(self) -> bool:
        return self.lo <= self.truth <= self.hi


def mixture_pools(data) -> dict[str, np.ndarray]:
    """Row indices of the pools held out from training: half of each Cresci-2015 class, half of Cresci-2017's
    genuine accounts."""
    halves = stratified_folds(np.char.add(data.source.astype(str), data.kinds.astype(str)), 2, POOL_SEED) == 0
    in_pool = lambda source, kind: np.flatnonzero(halves & (data.source == source) & (data.kinds == kind))  # noqa: E731
    return {"fake": in_pool("cresci2015", "fake_follower"), "genuine_e13": in_pool("cresci2015", "human"),
            "genuine_cresci2017": in_pool("cresci2017", "human")}


def run_mixtures(data_dir: Path, *, n: int = 500, prevalences=PREVALENCES, seeds=SEEDS, folds: int = 3,
                 n_boot: int = 1000) -> list[MixtureResult]:
    data = load_account_data(data_dir)
    pools = mixture_pools(data)
    held = np.zeros(len(data.kinds), dtype=bool)
    for rows in pools.values():
        held[rows] = True
    bot_oof, fake_oof = cross_fitted(data, usable=~held, k=folds)
    _, fake_reference = references(data, bot_oof, fake_oof, rows=~held)
    model = fit_account_model(data, rows=~held)
    X = with_handle_likelihood(data.X, data.handles, model.handle_model)
    fake_p = model.fake.probability(X)
    results = []
    for variant in ("genuine_e13", "genuine_cresci2017"):
        for prevalence in prevalences:
            for seed in seeds:
                rng = np.random.default_rng(seed)
                n_fake = int(round(prevalence * n))
                rows = np.concatenate([rng.choice(pools["fake"], n_fake, replace=False),
                                       rng.choice(pools[variant], n - n_fake, replace=False)])
                shares = audit_shares(fake_p[rows], np.full(n, UNKNOWN), fake_reference, n_boot=n_boot, seed=seed)
                results.append(MixtureResult(variant, n, n_fake / n, seed, shares.fake.value, shares.fake.lo,
                                             shares.fake.hi))
    return results


def results_table(results: list[MixtureResult]) -> str:
    lines = ["| genuine accounts | n | true fake share | seed | estimate | 95% interval | error | covered |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        lines.append(f"| {r.variant} | {r.n} | {r.truth:.2f} | {r.seed} | {r.estimate:.3f} | "
                     f"{r.lo:.3f}-{r.hi:.3f} | {r.error:+.3f} | {'yes' if r.covered else 'no'} |")
    return "\n".join(lines)


def as_dicts(results: list[MixtureResult]) -> list[dict]:
    return [asdict(r) | {"error": r.error, "covered": r.covered} for r in results]
