"""Training the account model: deterministic, masked, calibrated, and written with its provenance."""

from __future__ import annotations

import numpy as np
import pytest

from botlens.registry import ModelRegistry, sha256_file
from botlens.scoring.accounts import AccountScorer
from botlens.training import trainers
from botlens.training.account import (
    AccountData, cell_weights, fit_account_model, load_account_data, train_account, with_handle_likelihood,
)
from botlens.evaluation.account_metrics import expected_calibration_error
from botlens.features.profile import ACCOUNT_FEATURES, FEATURE_FIELDS
from botlens.training.masking import OPTIONAL_FIELDS, page_view_masks, random_masks

pytestmark = pytest.mark.needs_data


@pytest.fixture(scope="module")
def data(data_dir) -> AccountData:
    return load_account_data(data_dir)


def stratified_rows(data: AccountData, fraction: float, seed: int) -> np.ndarray:
    """A boolean mask taking ``fraction`` of every (source, kind) cell."""
    rng = np.random.default_rng(seed)
    keep = np.zeros(len(data.kinds), dtype=bool)
    for cell in set(zip(data.source, data.kinds)):
        idx = np.flatnonzero((data.source == cell[0]) & (data.kinds == cell[1]))
        keep[rng.choice(idx, max(1, int(len(idx) * fraction)), replace=False)] = True
    return keep


def test_account_trainer_is_registered_first():
    assert next(iter(trainers())) == "account"


def test_training_is_deterministic(data):
    rows = stratified_rows(data, 0.04, seed=1)
    first, second = fit_account_model(data, rows), fit_account_model(data, rows)
    X = with_handle_likelihood(data.X[:500], data.handles[:500], first.handle_model)
    for a, b in ((first.bot, second.bot), (first.fake, second.fake)):
        assert a.intercept == b.intercept
        for ta, tb in zip(a.tables, b.tables):
            np.testing.assert_array_equal(ta, tb)
        np.testing.assert_array_equal(a.probability(X), b.probability(X))


def test_masks_hide_only_optional_fields(data):
    rng = np.random.default_rng(0)
    X = data.X[:2000]
    handle_only = [i for i, f in enumerate(ACCOUNT_FEATURES) if FEATURE_FIELDS[f] == ("handle",)]
    for masked in (random_masks(X, rng), page_view_masks(X, rng)):
        np.testing.assert_array_equal(masked[:, handle_only], X[:, handle_only])
        assert np.isnan(masked).sum() > np.isnan(X).sum()
    assert set(OPTIONAL_FIELDS) <= {field for fields in FEATURE_FIELDS.values() for field in fields}


def test_cells_weigh_the_same(data):
    y = data.is_bot
    w = cell_weights(data.source, y)
    totals = {cell: w[(data.source == cell[0]) & (y == cell[1])].sum() for cell in set(zip(data.source, y))}
    assert np.allclose(list(totals.values()), next(iter(totals.values())))


def test_probabilities_are_calibrated_on_held_out_rows(data):
    train = stratified_rows(data, 0.5, seed=2)
    model = fit_account_model(data, train)
    test = ~train
    X = with_handle_likelihood(data.X[test], [h for h, t in zip(data.handles, test) if t], model.handle_model)
    ece, _ = expected_calibration_error(data.is_bot[test], model.bot.probability(X))
    assert ece <= 0.05
    fake_rows = data.fake_rows[test]
    fake_ece, _ = expected_calibration_error((data.kinds[test][fake_rows] == "fake_follower").astype(int),
                                             model.fake.probability(X[fake_rows]))
    assert fake_ece <= 0.05


def test_train_account_writes_a_verified_artifact_with_provenance(data_dir, tmp_path):
    entry = train_account(data_dir, tmp_path)
    assert entry["features"] == list(ACCOUNT_FEATURES)
    for relative, digest in entry["training_files"].items():
        assert sha256_file(data_dir / relative) == digest
    assert (tmp_path / "account.joblib").stat().st_size < 3_000_000
    scorer = AccountScorer(ModelRegistry(tmp_path).get("account"))
    assert scorer.version == entry["version"]
    sources = {a["source"] for a in entry["audit"]}
    assert sources == {"cresci2015", "cresci2017", "botwiki2019", "verified2019"}
