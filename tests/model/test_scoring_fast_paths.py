"""The batch shortcuts of account scoring give exactly what the plain per-value code gives: one multi-literal
scan instead of a str.find per literal, link detection from literal positions, the top reasons chosen by
rounds of maxima, flags and counts read without a Python loop."""

from __future__ import annotations

import random

import numpy as np
import pytest
from botlens.features import profile_text, text_batch
from botlens.features.literal_scan import LiteralScan
from botlens.features.profile import _flags, _numbers, profile_columns
from botlens.schemas.profile import Profile
from botlens.scoring.accounts import _MANY_ROWS, _partitioned, top_reasons

from tests.model.test_feature_batches import (  # noqa: F401
    AWKWARD_TEXTS,
    assert_identical,
    awkward_profiles,
    handle_model,
)


def _bits(values) -> np.ndarray:
    return np.asarray(values, dtype=np.float64).view(np.int64)


# ---- multi-literal scan -------------------------------------------------------------------------------------

def _find_all(text: str, literal: str) -> list[int]:
    out, at = [], text.find(literal)
    while at >= 0:
        out.append(at)
        at = text.find(literal, at + 1)
    return out


def test_literal_scan_finds_every_occurrence_str_find_finds():
    rng = random.Random(6)
    alphabet = "abotyveryhu @#._\x00 " + "🤖ıİΣé\u3000"
    literals = ("bot", "every", "a day", "by @", "🤖", "_", "ébot", "aa", "ıt", "\x00a", "yy", "#n")
    for ascii_only in (True, False):
        chars = alphabet[:-6] if ascii_only else alphabet
        for _ in range(30):
            text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 400)))
            scan = LiteralScan(text)
            assert scan.ascii == text.isascii()
            for literal, found in zip(literals, scan.starts_each(literals)):
                assert sorted(found.tolist()) == _find_all(text, literal), (literal, text)
            assert sorted(scan.starts(literals).tolist()) == sorted(p for lit in literals for p in _find_all(text, lit))
    with pytest.raises(ValueError):
        LiteralScan("abc").starts(("",))


@pytest.fixture
def scan_everything(monkeypatch):
    """Batches of any length take the long-batch paths (one scan for all literals, links from positions)."""
    monkeypatch.setattr(text_batch, "SCAN_FROM", 0)


def test_long_batch_paths_equal_the_reference_on_awkward_texts(scan_everything, handle_model):  # noqa: F811
    dicts = awkward_profiles()
    assert_identical(dicts, handle_model)
    assert_identical([Profile.model_validate(p) for p in dicts], handle_model)
    for start in range(len(dicts)):
        assert_identical(dicts[start:start + 4], handle_model)


def test_links_from_positions_decide_boundaries_like_the_expression(scan_everything):
    bios = ["see x.com", "x.comx", "x.com_", "x.co.uk", "x.CO", "x.Com/", "x.meé", "x.me\u3000", "x.it.", "wWw.a",
            "HTTPS://a", "http:/a", "x.ly\x00b", ".io", "a.net1", "b.org-", "x.c om", None, "", "X.ORG"] * 3
    batch = text_batch.TextBatch(bios)
    expected = [np.nan if b is None else float(profile_text.LINK.search(b) is not None) for b in bios]
    assert np.array_equal(profile_text._links(batch), expected, equal_nan=True)
    assert 0 < np.nansum(expected) < len(bios) - 10


# ---- top reasons ---------------------------------------------------------------------------------------------

def _reference_top(contributions: np.ndarray, k: int):
    k = min(k, contributions.shape[1])
    idx = _partitioned(np.abs(contributions), k)
    return idx, np.abs(contributions[np.arange(len(contributions))[:, None], idx]) >= 0.15


def test_top_reasons_equal_the_partition_reference_ties_and_nan_included():
    rng = np.random.default_rng(7)
    batches = [rng.normal(size=(_MANY_ROWS * 2, 25)),
               rng.normal(size=(_MANY_ROWS * 2, 25)).round(1),  # many ties
               rng.choice([0.0, 0.0, 0.2, -0.2, 1.5, np.nan], size=(_MANY_ROWS + 5, 6)),
               np.zeros((_MANY_ROWS, 25))]
    close = rng.normal(size=(_MANY_ROWS, 25))
    close[:, 3] = np.nextafter(close[:, 2], np.inf)  # equal once rounded to float32, not before
    batches.append(close)
    for contributions in batches:
        for k in (1, 3, 5, contributions.shape[1], contributions.shape[1] + 2):
            idx, keep = top_reasons(contributions, k)
            ref_idx, ref_keep = _reference_top(contributions, k)
            assert np.array_equal(idx, ref_idx) and np.array_equal(keep, ref_keep)
    assert top_reasons(np.zeros((0, 25)))[0].shape == (0, 3)


# ---- counts, flags, columns ----------------------------------------------------------------------------------

def test_counts_and_flags_read_as_the_per_value_code_reads_them():
    counts = [1, None, 0, 2**70, 12.0]
    assert np.array_equal(_bits(_numbers(counts)), _bits([np.nan if v is None else v for v in counts]))
    for flags in ([True, False, None, 1, 0], [2, "x", None, "", 0.0, [], "0"]):
        expected = [np.nan if v is None else (1.0 if v else 0.0) for v in flags]
        assert np.array_equal(_bits(_flags(flags)), _bits(expected))


def test_profile_columns_read_models_dicts_and_objects_alike():
    dicts = [{"platform": "x", "handle": "a", "bio": "b"}, {"platform": "mastodon", "handle": "c"}]
    models = [Profile.model_validate(d) for d in dicts]
    fields = ("handle", "bio", "platform")
    from_models = profile_columns(models, fields)
    assert profile_columns(dicts, fields) == {"handle": ["a", "c"], "bio": ["b", None], "platform": ["x", "mastodon"]}
    assert from_models["handle"] == ["a", "c"] and from_models["bio"] == ["b", None]
    assert profile_columns(models, ("handle",)) == {"handle": ["a", "c"]}
    assert profile_columns([], fields) == {"handle": [], "bio": [], "platform": []}
    assert AWKWARD_TEXTS  # the awkward inputs are shared with tests/model/test_feature_batches.py
