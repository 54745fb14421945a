"""The columnar scored batch renders exactly what the per-profile scorer rendered: the same AccountScore
objects, and byte for byte the same JSON body from POST /accounts/score; the head's one-lookup contributions
equal a per-feature searchsorted."""

from __future__ import annotations

import json

import numpy as np
import pytest
from botlens.api.accounts import score_response
from botlens.api.routing import json_response
from botlens.bench.synthetic import synthetic_profiles
from botlens.features.profile import ACCOUNT_FEATURES
from botlens.registry import DEFAULT_MODEL_DIR, ModelRegistry
from botlens.schemas.accounts import AccountScore, Reason, ScoreAccountsResponse
from botlens.schemas.profile import Profile
from botlens.scoring.accounts import MIN_IMPACT, AccountScorer, top_reasons, verdicts
from botlens.scoring.reasons import REASON_CODES, SENTENCE_INPUTS, reason_sentence

pytestmark = pytest.mark.skipif(not (DEFAULT_MODEL_DIR / "account.joblib").exists(),
                                reason="no shipped account model in model/ (run `botlens train`)")
NOW = 1.8e9


@pytest.fixture(scope="module")
def scorer() -> AccountScorer:
    return AccountScorer(ModelRegistry(DEFAULT_MODEL_DIR).get("account"))


def _old_construct(cls, **values):
    # What the per-profile scorer did: the models' __dict__ in this keyword order, no validation.
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def reference_scores(scorer: AccountScorer, profiles, now) -> list[AccountScore]:
    """The straightforward scorer: one profile at a time, every sentence rendered where it is needed."""
    X, raw, bot_c, fake_c, bot_p, fake_p = scorer.probabilities(profiles, now=now)
    results = []
    for i, profile in enumerate(profiles):
        fake_leads = fake_p[i] > bot_p[i]
        contributions = fake_c[i] if fake_leads else bot_c[i]
        evidence = sum(not np.isnan(raw[k][i]) for k in ("followers", "following", "posts", "likes", "listed"))
        (verdict,) = verdicts(np.array([fake_p[i] if fake_leads else bot_p[i]]), np.array([evidence]),
                              scorer.model.bot_threshold, scorer.model.human_threshold)
        (order,), _ = top_reasons(contributions[None, :])  # the same choice of reasons (ties included)
        raw_row = {k: float(v[i]) for k, v in raw.items()}
        reasons = [_old_construct(Reason, code=REASON_CODES[ACCOUNT_FEATURES[j]],
                                  impact=float(np.round(contributions[j], 3)),
                                  message=reason_sentence(ACCOUNT_FEATURES[j], raw_row, float(X[i, j])))
                   for j in order if abs(contributions[j]) >= MIN_IMPACT]
        results.append(_old_construct(
            AccountScore, platform=profile.platform, handle=profile.handle,
            bot_probability=float(np.round(bot_p[i], 4)), fake_follower_probability=float(np.round(fake_p[i], 4)),
            verdict=verdict, reasons=reasons, self_declared_bot=profile.self_declared_bot))
    return results


def varied_profiles() -> list[Profile]:
    profiles = [Profile.model_validate(p) for p in synthetic_profiles(2_500, seed=21)]
    odd = [
        {"platform": "mastodon", "handle": "Ünïcødé\"quote\\back", "bio": "\x00 ctrl\u2028sep 🤖",
         "self_declared_bot": True},
        {"platform": "bluesky", "handle": "lyrics_ebooks", "display_name": "Lyrics Bot", "followers_count": 0,
         "following_count": 0, "posts_count": 10**9, "created_at": "2026-10-31T23:00:00Z"},
        {"platform": "x", "handle": "x", "bio": "", "location": " ", "url": "", "default_avatar": True,
         "followers_count": 1, "following_count": 5000, "posts_count": 0, "likes_count": 0, "listed_count": 0,
         "created_at": "2010-01-01T00:00:00+05:00", "observed_at": "2026-01-01T00:00:00Z"},
    ]
    return profiles + [Profile.model_validate(p) for p in odd]


def test_json_body_is_byte_identical_to_the_per_profile_scorer(scorer):
    profiles = varied_profiles()
    for start, size in ((0, 1), (1, 17), (18, 1000), (1018, len(profiles))):
        batch = profiles[start:start + size]
        old = json_response(ScoreAccountsResponse(model_version=scorer.version,
                                                  results=reference_scores(scorer, batch, NOW))).get_data()
        new = score_response(scorer.version, scorer.score(batch, now=NOW).json_rows()).get_data()
        assert new == old
    body = json.loads(new)
    assert len({len(r["reasons"]) for r in body["results"]}) > 1  # rows with different numbers of reasons


def test_rendered_objects_equal_the_reference_and_their_own_payloads(scorer):
    profiles = varied_profiles()[:600]
    scored = scorer.score(profiles, now=NOW)
    results = list(scored)
    assert len(scored) == len(profiles) and scored[3] is results[3]
    assert [r.model_dump(mode="json") for r in results] == scored.payloads()
    assert scored.json_rows() == [json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in scored.payloads()]
    reference = reference_scores(scorer, profiles, NOW)
    assert [r.model_dump() for r in results] == [r.model_dump() for r in reference]
    assert scored.verdicts() == [r.verdict for r in reference]


def test_sentences_read_only_their_declared_inputs():
    rng = np.random.default_rng(3)
    for _ in range(200):
        raw = {"followers": float(rng.integers(0, 10**6)), "following": float(rng.integers(0, 10**5)),
               "posts": float(rng.integers(0, 10**5)), "likes": float(rng.integers(0, 10**5)),
               "listed": float(rng.integers(0, 100)), "age_days": float(rng.uniform(1, 6000))}
        value = float(rng.choice([0.0, 1.0, 3.0, rng.uniform(-6, 0), rng.uniform(0, 200)]))
        for name in ACCOUNT_FEATURES:
            given = {key: (value if key is None else raw[key]) for key in SENTENCE_INPUTS[name]}
            assert reason_sentence(name, given, given.get(None, np.nan)) == reason_sentence(name, raw, value)


def _per_feature_contributions(head, X):
    out = np.zeros(X.shape)
    for j, (edges, table) in enumerate(zip(head.edges, head.tables)):
        present = ~np.isnan(X[:, j])
        out[present, j] = table[np.searchsorted(edges, X[present, j], side="right")]
    return out * head.scale


def test_contributions_equal_a_per_feature_lookup_for_few_and_many_rows(scorer):
    X, _ = scorer.model.features_of([Profile.model_validate(p) for p in synthetic_profiles(300, seed=2)])
    X[::4, 3] = np.nan
    X[1, 0], X[2, 0], X[5, 7] = np.inf, -np.inf, np.inf
    for head in (scorer.model.bot, scorer.model.fake):
        for rows in (X[:1], X[:40], X):  # both the counting and the searchsorted paths
            expected = _per_feature_contributions(head, rows)
            got = head.contributions(rows)
            assert got.flags.c_contiguous and np.array_equal(got.view(np.int64), expected.view(np.int64))
