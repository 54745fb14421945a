"""Account scoring in process against the floor, at several batch sizes.

The floor is the model's own prediction on a feature matrix computed beforehand: what scoring would cost if
profiles arrived as numbers. Two are measured: the fitted scikit-learn Pipelines' ``predict_proba`` (issue 8's
definition of the floor) and ``AccountModel.predict``, the same heads folded into lookup tables, which is what
scoring really runs and is several times faster, so it is the stricter of the two. "Ours" starts from parsed Profiles, as a request does
after validation, in three depths: ``AccountScorer.score`` (feature extraction, both probabilities, verdicts,
and reasons chosen as feature indices, impacts and values: a columnar result), then the same rendered into
``AccountScore`` objects with their reason sentences, and then into the API's JSON body (what
POST /accounts/score writes with the score cache off). "features + probabilities" sits between the floor and
these and shows where the overhead is. Figures are medians over repetitions, wall clock; CPU time is given
beside them because the machine may be shared.
"""

from __future__ import annotations

from dataclasses import dataclass

from botlens.api.accounts import score_response
from botlens.bench.synthetic import synthetic_profiles
from botlens.bench.timing import median, repeat_timed
from botlens.registry import DEFAULT_MODEL_DIR, ModelRegistry
from botlens.schemas.profile import Profile

DEFAULT_BATCHES = (1, 100, 10_000, 100_000)


@dataclass
class InProcessRow:
    batch: int
    floor_per_s: float  # lookup tables (AccountModel.predict)
    pipeline_floor_per_s: float  # the Pipelines' predict_proba
    probabilities_per_s: float
    score_per_s: float  # structured reasons (columnar result)
    rendered_per_s: float  # + AccountScore objects with reason sentences
    json_per_s: float  # + the API's JSON body
    score_per_cpu_s: float  # per second of this process's CPU time
    json_per_cpu_s: float
    repetitions: int

    @property
    def overhead(self) -> float:
        """Structured score over the floor, in time per profile (higher is slower)."""
        return self.floor_per_s / self.score_per_s

    @property
    def pipeline_overhead(self) -> float:
        """Structured score over the Pipelines' ``predict_proba``."""
        return self.pipeline_floor_per_s / self.score_per_s

    @property
    def json_overhead(self) -> float:
        """Score rendered to the API's JSON over the floor, in time per profile."""
        return self.floor_per_s / self.json_per_s


def pipelines_predict_proba(model, X):
    """Both heads' probabilities from their fitted scikit-learn Pipelines (bins, then logistic regression)."""
    return model.bot.pipeline.predict_proba(X)[:, 1], model.fake.pipeline.predict_proba(X)[:, 1]


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
        pipeline_floor = repeat_timed(lambda: pipelines_predict_proba(scorer.model, X), budget_s)
        probabilities = repeat_timed(lambda: scorer.probabilities(subset), budget_s)
        scored = repeat_timed(lambda: scorer.score(subset), budget_s)
        rendered = repeat_timed(lambda: scorer.score(subset).results(), budget_s)
        as_json = repeat_timed(lambda: score_response(scorer.version, scorer.score(subset).json_rows()), budget_s)
        rows.append(InProcessRow(batch, batch / median(floor.wall), batch / median(pipeline_floor.wall),
                                 batch / median(probabilities.wall),
                                 batch / median(scored.wall), batch / median(rendered.wall),
                                 batch / median(as_json.wall), batch / max(median(scored.cpu), 1e-9),
                                 batch / max(median(as_json.cpu), 1e-9), repetitions=len(scored)))
        del subset, X, _raw
    return rows
