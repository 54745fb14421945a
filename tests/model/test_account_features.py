"""Account features: pure, vectorised, and honest about missing fields."""

from __future__ import annotations

import math
from datetime import datetime, timezone

import numpy as np

from botlens.features.handle_likelihood import HandleBigramModel
from botlens.features.profile import ACCOUNT_FEATURES, FEATURE_FIELDS, profile_features
from botlens.schemas.profile import Profile

OBSERVED = datetime(2016, 1, 1, tzinfo=timezone.utc)
GENUINE = ["anna_rossi", "marco", "johnsmith", "laura_b", "paulmartin", "giulia_verdi", "tom_jones", "sara"]


def column(name: str) -> int:
    return ACCOUNT_FEATURES.index(name)


def full_profile(**overrides) -> Profile:
    values = dict(platform="x", handle="anna_rossi", display_name="Anna Rossi", bio="Runner. Views my own.",
                  followers_count=58, following_count=1640, posts_count=3, likes_count=0, listed_count=0,
                  created_at=datetime(2015, 1, 1, tzinfo=timezone.utc), observed_at=OBSERVED, default_avatar=False,
                  has_banner=True, location="Roma", url="https://example.org")
    values.update(overrides)
    return Profile(**values)


def test_every_feature_declares_the_fields_it_reads():
    assert set(FEATURE_FIELDS) == set(ACCOUNT_FEATURES)


def test_counts_ratio_and_age_are_computed_from_the_collection_time():
    X = profile_features([full_profile()])
    assert X.shape == (1, len(ACCOUNT_FEATURES))
    assert X[0, column("log_followers")] == np.log1p(58)
    assert math.isclose(X[0, column("followers_following_log_ratio")], np.log1p(58) - np.log1p(1640))
    assert math.isclose(np.exp(X[0, column("log_age_days")]), 365.0)
    assert math.isclose(X[0, column("log_posts_per_day")], np.log1p(3 / 365))


def test_missing_fields_give_nan_only_in_the_features_that_read_them():
    X = profile_features([Profile(platform="x", handle="x7q2kd91b")], now=OBSERVED.timestamp())
    for name in ACCOUNT_FEATURES:
        reads_handle = "handle" in FEATURE_FIELDS[name]
        assert np.isnan(X[0, column(name)]) != reads_handle or name == "handle_likelihood", name
    assert X[0, column("handle_digits")] == 4  # x7q2kd91b


def test_empty_text_is_known_and_differs_from_missing():
    X = profile_features([full_profile(bio=""), full_profile(bio=None)])
    assert X[0, column("bio_length")] == 0
    assert np.isnan(X[1, column("bio_length")])


def test_pure_same_input_same_output_and_dicts_match_profiles():
    profiles = [full_profile(), full_profile(handle="bot_1234", bio="I am a bot posting every hour")]
    first = profile_features(profiles)
    again = profile_features(profiles)
    as_dicts = profile_features([p.model_dump() for p in profiles])
    np.testing.assert_array_equal(first, again)
    np.testing.assert_array_equal(first, as_dicts)
    assert first[1, column("self_described_bot")] == 1
    assert first[0, column("self_described_bot")] == 0


def test_batch_rows_equal_single_rows():
    profiles = [full_profile(followers_count=n) for n in (0, 10, 10_000)] + [Profile(platform="mastodon", handle="a")]
    model = HandleBigramModel().fit(GENUINE)
    batch = profile_features(profiles, model, now=OBSERVED.timestamp())
    singles = np.vstack([profile_features([p], model, now=OBSERVED.timestamp()) for p in profiles])
    np.testing.assert_array_equal(batch, singles)


def test_handle_likelihood_prefers_name_like_handles_and_is_fitted_not_global():
    model = HandleBigramModel().fit(GENUINE)
    ordinary, generated = model.score(["marco_rossi", "x7q2kd91bzz"])
    assert ordinary > generated
    other = HandleBigramModel().fit(["x7q2kd91bzz", "q9z8x7w6"])
    assert other.score(["x7q2kd91bzz"])[0] > model.score(["x7q2kd91bzz"])[0]


def test_handle_likelihood_batches_match_single_handles():
    model = HandleBigramModel().fit(GENUINE)
    handles = ["a", "@marco", "ünïcode_name", "", "x" * 40]
    batch = model.score(handles)
    singles = np.array([model.score([h])[0] for h in handles])
    np.testing.assert_allclose(batch, singles)
    assert np.all(np.isfinite(batch))
