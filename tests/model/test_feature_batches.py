"""The batch feature code (joined texts, literal prefilters, the bigram fast path) gives bit for bit what a
straightforward per-text implementation gives, on synthetic batches, awkward texts and the real data."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from botlens.bench.synthetic import synthetic_profiles
from botlens.features.handle_likelihood import (
    _BYTE_TO_SYMBOL,
    _SEPARATOR,
    HandleBigramModel,
)
from botlens.features.profile import ACCOUNT_FEATURES, features_and_raw
from botlens.features.profile_text import FEW_PROFILES, LINK
from botlens.features.self_description import declared_in, self_described_bot
from botlens.features.text_batch import TextBatch
from botlens.schemas.profile import Profile

NOW = datetime(2026, 11, 1, tzinfo=timezone.utc).timestamp()
_DIGITS = str.maketrans("", "", "0123456789")


# ---- the reference: one text at a time ----------------------------------------------------------------------

def _ref_numbers(values):
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


def _ref_flags(values):
    return np.array([np.nan if v is None else float(bool(v)) for v in values], dtype=np.float64)


def _ref_timestamps(values):
    return np.array([np.nan if v is None else (v.timestamp() if isinstance(v, datetime) else
                                               datetime.fromisoformat(v.replace("Z", "+00:00")).timestamp())
                     for v in values], dtype=np.float64)


def _ref_text(values, per_text):
    return np.array([np.nan if v is None else float(per_text(v)) for v in values], dtype=np.float64)


def _ref_handle_scores(model: HandleBigramModel, handles):
    cleaned = [h.strip().lstrip("@").replace("\n", "") for h in handles]
    joined = _SEPARATOR + _SEPARATOR.join(h.encode("utf-8") for h in cleaned) + _SEPARATOR
    symbols = _BYTE_TO_SYMBOL[np.frombuffer(joined, dtype=np.uint8)]
    lengths = np.array([len(h.encode("utf-8")) for h in cleaned], dtype=np.int64)
    pair_scores = model.log_prob[symbols[:-1], symbols[1:]].astype(np.float64)
    starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
    return np.add.reduceat(pair_scores, starts) / (lengths + 1)


def reference_features(profiles, handle_model, now):
    get = (lambda p, k: p.get(k)) if isinstance(profiles[0], dict) else getattr
    col = {k: [get(p, k) for p in profiles] for k in (
        "handle", "display_name", "bio", "followers_count", "following_count", "posts_count", "likes_count",
        "listed_count", "created_at", "observed_at", "default_avatar", "has_banner", "location", "url")}
    created, observed = _ref_timestamps(col["created_at"]), _ref_timestamps(col["observed_at"])
    observed = np.where(np.isnan(observed), now, observed)
    raw = {k: _ref_numbers(col[f"{k}_count"]) for k in ("followers", "following", "posts", "likes", "listed")}
    raw["age_days"] = np.maximum((observed - created) / 86400.0, 1.0)
    log = {k: np.log1p(v) for k, v in raw.items() if k != "age_days"}
    per_day = {k: np.log1p(raw[k] / raw["age_days"]) for k in log}
    length, digits = len, (lambda v: len(v) - len(v.translate(_DIGITS)))
    columns = [*(log[k] for k in log), np.log(raw["age_days"]), *(per_day[k] for k in log),
               log["followers"] - log["following"],
               _ref_text(col["handle"], length), _ref_text(col["handle"], digits),
               _ref_handle_scores(handle_model, col["handle"]),
               _ref_text(col["display_name"], length), _ref_text(col["display_name"], digits),
               _ref_text(col["bio"], length), _ref_text(col["bio"], digits),
               _ref_text(col["bio"], lambda v: LINK.search(v) is not None),
               self_described_bot(col["handle"], col["display_name"], col["bio"]),
               _ref_flags(col["default_avatar"]), _ref_flags(col["has_banner"]),
               _ref_text(col["location"], lambda v: bool(v.strip())), _ref_text(col["url"], lambda v: bool(v.strip()))]
    return np.column_stack(columns), raw


# ---- inputs ------------------------------------------------------------------------------------------------

AWKWARD_TEXTS = [
    "", " ", "\u3000", "\xa0x\u2029", "\x00", "a\x00b", "line\nbreak", "İstanbul 2024", "ıt ſ K", "Σ ΣΑΣ σς",
    "WWW.EXAMPLE.COM", "visit example.IT now", "https://x.io", "x.ıt", "ends with .co", ".me", "3.14 and 42",
    "١٢٣ arabic digits ٤", "🤖 posting every 6 hours", "A BOT by @maker", "by @someone", "Made by @me.",
    "I block bots", "robotics and Abbott", "Every day I walk", "not a human", "auto-generated quotes",
    "tweets hourly", "#procjam entry", "mARKOV chains", "Eʋery", "ŉ combining e\u0301", "\U0001F600" * 3,
]
AWKWARD_HANDLES = ["anna", " @spacey ", "@anna_b", "x7q2kd91b", "QuiltBot", "bot_123", "my_bot_x", "poem_ebooks",
                   "ᏴOT", "İbot", "tab\thandle", "new\nline", "émile", "x", "Kbot", "a b", "handle\u3000"]


def awkward_profiles() -> list[dict]:
    out = []
    for i in range(len(AWKWARD_TEXTS) * 3):
        text = AWKWARD_TEXTS[i % len(AWKWARD_TEXTS)]
        other = AWKWARD_TEXTS[(i * 7 + 3) % len(AWKWARD_TEXTS)]
        profile = {"platform": "x", "handle": AWKWARD_HANDLES[i % len(AWKWARD_HANDLES)],
                   "display_name": None if i % 5 == 0 else other, "bio": None if i % 4 == 0 else text,
                   "location": None if i % 3 == 0 else other, "url": None if i % 6 == 0 else text,
                   "followers_count": None if i % 2 else i * 37, "following_count": i * 11,
                   "default_avatar": None if i % 7 == 0 else bool(i % 2), "has_banner": bool(i % 3)}
        if i % 3:
            profile["created_at"] = datetime(2015, 1, 1, tzinfo=timezone(timedelta(hours=i % 5))) + timedelta(days=i)
        out.append(profile)
    return out


@pytest.fixture(scope="module")
def handle_model() -> HandleBigramModel:
    return HandleBigramModel().fit([p["handle"] for p in synthetic_profiles(500, seed=1)])


def assert_identical(profiles, handle_model):
    X, raw = features_and_raw(profiles, handle_model, now=NOW)
    X_ref, raw_ref = reference_features(profiles, handle_model, NOW)
    assert X.shape == (len(profiles), len(ACCOUNT_FEATURES))
    for j, name in enumerate(ACCOUNT_FEATURES):
        # Bit for bit: equal as integers, so that NaN == NaN and 0.0 != -0.0.
        assert np.array_equal(X[:, j].view(np.int64), X_ref[:, j].view(np.int64)), name
    for key in raw_ref:
        assert np.array_equal(raw[key].view(np.int64), raw_ref[key].view(np.int64)), key


# ---- tests -------------------------------------------------------------------------------------------------

def test_large_synthetic_batch_is_identical_to_the_reference(handle_model):
    profiles = [Profile.model_validate(p) for p in synthetic_profiles(20_000, seed=5)]
    assert_identical(profiles, handle_model)
    assert_identical(synthetic_profiles(3_000, seed=6), handle_model)  # dicts with ISO date strings


def test_awkward_texts_are_identical_to_the_reference(handle_model):
    dicts = awkward_profiles()
    assert_identical(dicts, handle_model)
    assert_identical([Profile.model_validate(p) for p in dicts], handle_model)
    for start in range(len(dicts)):  # every text at the start, middle and end of a batch, of either size
        assert_identical(dicts[start:start + 3], handle_model)
        assert_identical(dicts[start:start + FEW_PROFILES + 2], handle_model)


def test_declared_in_matches_the_per_text_function_and_finds_declarations():
    names = [None, "QuiltBot", "Anna", "", "Bot by @maker"] * 8
    bios = AWKWARD_TEXTS + [None] * 7
    handles = (AWKWARD_HANDLES * 3)[:len(bios)]
    names = names[:len(bios)]
    expected = self_described_bot(handles, names, bios)
    got = declared_in(TextBatch(handles), TextBatch(names), TextBatch(bios))
    assert np.array_equal(got, expected, equal_nan=True)
    assert 5 < np.nansum(expected) < len(bios) - 5  # both answers occur
    all_missing = declared_in(TextBatch([None]), TextBatch([None]), TextBatch([None]))
    assert np.isnan(all_missing[0])


def test_text_batch_counts_in_characters_and_locates_every_text():
    batch = TextBatch(["İı1", None, "", "a\x00b22", "ab\u3000"])
    np.testing.assert_array_equal(batch.lengths_f(), [3, np.nan, 0, 5, 3])
    np.testing.assert_array_equal(batch.digit_counts(), [1, np.nan, 0, 2, 0])
    assert batch.lowered() is None  # "İ".lower() has two characters: offsets would shift
    assert batch.containing(re.compile("b")).tolist() == [3, 4]
    assert batch.containing_literals(("b",)) is None  # the caller then tests text by text
    assert TextBatch(["x", "ab", "b"]).containing_literals(("b",)).tolist() == [1, 2]


def test_the_only_letters_ignorecase_adds_beyond_lower_are_the_known_ones():
    """profile_text._links trusts a scan of lowered text for LINK (IGNORECASE) unless one of these occurs."""
    extra = {c for c in range(128, 0x110000) if re.fullmatch("[a-z]", chr(c), re.IGNORECASE)}
    assert extra == {0x130, 0x131, 0x17F, 0x212A}
    assert len("\u0130".lower()) == 2 and "\u212a".lower() == "k"  # length changes / lowers to ASCII: covered


def test_handle_fast_path_matches_cleaning_each_handle(handle_model):
    for handles in (["anna", "x7q2kd91b", "émile"], AWKWARD_HANDLES, ["a", "", "b"], ["only"]):
        np.testing.assert_array_equal(handle_model.score(handles), _ref_handle_scores(handle_model, handles))


@pytest.mark.needs_data
def test_real_profiles_are_identical_to_the_reference(handle_model):
    from botlens.training import DEFAULT_DATA_DIR
    from botlens.training.sources import load_account_sources

    if not DEFAULT_DATA_DIR.exists():
        pytest.skip(f"labelled data not found at {DEFAULT_DATA_DIR}")
    profiles = [p for source in load_account_sources(DEFAULT_DATA_DIR) for p in source.profiles]
    parsed = [p if isinstance(p, Profile) else Profile.model_validate(p) for p in profiles]
    assert_identical(parsed, handle_model)
