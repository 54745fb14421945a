"""The mixture experiment on the real data: labelled mixtures of genuine and bought fake followers at 10%, 30% and
50% fake, scored by an account model that never saw them. The estimate must land within 0.05 of the truth and
its 95% interval must cover the truth, for every seed and both kinds of genuine accounts."""

import pytest

from botlens.evaluation.mixtures import PREVALENCES, SEEDS, run_mixtures

pytestmark = pytest.mark.needs_data


@pytest.fixture(scope="module")
def results(data_dir):
    return run_mixtures(data_dir, n=500)


def test_every_mixture_was_run(results):
    assert {(r.variant, r.truth, r.seed) for r in results} == {
        (v, p, s) for v in ("genuine_e13", "genuine_cresci2017") for p in PREVALENCES for s in SEEDS}


@pytest.mark.parametrize("variant", ["genuine_e13", "genuine_cresci2017"])
@pytest.mark.parametrize("prevalence", PREVALENCES)
def test_fake_share_within_005_and_covered(results, variant, prevalence):
    for r in (r for r in results if r.variant == variant and r.truth == prevalence):
        assert abs(r.error) <= 0.05, r
        assert r.covered, r


def test_the_interval_is_not_trivially_wide(results):
    # Covering the truth means little if the interval spans everything.
    assert max(r.hi - r.lo for r in results) < 0.15
