"""Account scoring in process against the floor, at several batch sizes.

The floor is the model's own prediction on a feature matrix computed beforehand (``AccountModel.predict``):
what scoring would cost if profiles arrived as numbers. "Ours" is what a request pays after validation:
``AccountScorer.score`` on parsed Profiles, feature extraction, both probabilities, verdicts and reasons
included. "features + probabilities" sits between the two and shows where the overhead is. Figures are
medians over repetitions, wall clock; CPU time is given beside it because the machine may be shared.
"""

from __future__ import annotations

from dataclasses import dataclass

from botlens.bench.synthetic import synthetic_profiles
from botlens.bench.timing import median, repeat_timed
from botlens.registry import DEFAULT_MODEL_DIR, ModelRegistry
from botlens.schemas.profile import Profile

DEFAULT_BATCHES = (1, 100, 10_000, 100_000)


@dataclass
class InProcessRow:
    batch: int
    floor_per_s: float
    probabilities_per_s: float
    score_per_s: float
    score_per_cpu_s: float  # the same, per second of this process's CPU time
    repetitions: int

    @property
    def overhead(self) -> float:
        """Ours over the floor, in time per profile (higher is slower)."""
        return self.floor_per_s / self.score_per_s


def account_scorer(model_dir=DEFAULT_MODEL_DIR):
    from botlens.scoring.accounts import AccountScorer

    return AccountScorer(ModelRegistry(model_dir).get("account"))


def measure_in_process(batches=DEFAULT_BATCHES, seed: int = 7, budget_s: float = 2.0, model_dir=DEFAULT_MODEL_DIR,
                       scorer=None) -> list[InProcessRow]:
    """Median throughput of each stage per batch size; each stage repeated for about ``budget_s`` seconds."""
    scorer = scorer or account_scorer(model_dir)
    rows = []
    for batch in batches:
        # Only the batch being measured is alive, as in a server: the cyclic GC's full collections walk every
        # live object, so 100,000 idle Profiles kept around would slow the smaller batches by a quarter.
        subset = [Profile.model_validate(p) for p in synthetic_profiles(batch, seed=seed)]
        X, _raw = scorer.model.features_of(subset)
        floor = repeat_timed(lambda: scorer.model.predict(X), budget_s)
        probabilities = repeat_timed(lambda: scorer.probabilities(subset), budget_s)
        scored = repeat_timed(lambda: scorer.score(subset), budget_s)
        rows.append(InProcessRow(batch, batch / median(floor.wall), batch / median(probabilities.wall),
                                 batch / median(scored.wall), batch / max(median(scored.cpu), 1e-9),
                                 repetitions=len(scored)))
        del subset, X, _raw
    return rows
