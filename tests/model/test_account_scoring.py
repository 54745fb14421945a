"""AccountScorer over the shipped model: probabilities, verdict bands, reasons, masking, and the exact
additive contributions behind the reasons."""

from __future__ import annotations

from datetime import datetime, timezone

import numpy as np
import pytest

from botlens.features.profile import ACCOUNT_FEATURES
from botlens.registry import DEFAULT_MODEL_DIR, ModelRegistry
from botlens.schemas.accounts import ScoreAccountsResponse, Verdict
from botlens.schemas.profile import Profile
from botlens.scoring.accounts import AccountScorer, verdicts
from botlens.training.masking import OPTIONAL_FIELDS, PAGE_VIEWS

pytestmark = pytest.mark.skipif(not (DEFAULT_MODEL_DIR / "account.joblib").exists(),
                                reason="no shipped account model in model/ (run `botlens train`)")
OBSERVED = datetime(2019, 6, 1, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def scorer() -> AccountScorer:
    return AccountScorer(ModelRegistry(DEFAULT_MODEL_DIR).get("account"))


def fake_follower(i: int = 0) -> Profile:
    return Profile(platform="x", handle=f"maria80412{i}", display_name="maria", bio="", followers_count=58 + i,
                   following_count=1640, posts_count=3, likes_count=0, listed_count=0,
                   created_at=datetime(2018, 6, 1, tzinfo=timezone.utc), observed_at=OBSERVED, default_avatar=True,
                   has_banner=False, location="", url="")


def person(i: int = 0) -> Profile:
    return Profile(platform="x", handle="paul_martin", display_name="Paul Martin", bio="Dad, runner, coffee. Views "
                   "my own.", followers_count=580 + i, following_count=340, posts_count=5300, likes_count=2100,
                   listed_count=12, created_at=datetime(2010, 6, 1, tzinfo=timezone.utc), observed_at=OBSERVED,
                   default_avatar=False, has_banner=True, location="Leeds", url="https://paul.example")


def test_results_in_request_order_and_valid_against_the_api_schema(scorer):
    profiles = [person(), fake_follower(), Profile(platform="mastodon", handle="lyrics", self_declared_bot=True)]
    results = scorer.score(profiles)
    assert [r.handle for r in results] == [p.handle for p in profiles]
    payload = ScoreAccountsResponse(model_version=scorer.version, results=results).model_dump(mode="json")
    ScoreAccountsResponse.model_validate(payload)  # the fast construction path yields valid objects
    assert payload["results"][2]["self_declared_bot"] is True


def test_clear_cases_get_firm_verdicts(scorer):
    human, fake = scorer.score([person(), fake_follower()])
    assert human.verdict == Verdict.likely_human and human.bot_probability < 0.2
    assert fake.verdict == Verdict.likely_bot and fake.fake_follower_probability > 0.8


def test_weak_evidence_is_never_shown_as_bot(scorer):
    only_handle = Profile(platform="x", handle="x7q2kd91b8z3")
    card = Profile(platform="x", handle="x7q2kd91b8z3", display_name="x7q2kd91b8z3", bio="", default_avatar=True)
    for result in scorer.score([only_handle, card]):
        assert result.verdict == Verdict.uncertain


def test_self_declared_flag_is_passed_through_not_modelled(scorer):
    flagged = person().model_copy(update={"self_declared_bot": True})
    plain, declared = scorer.score([person(), flagged])
    assert declared.self_declared_bot is True and plain.self_declared_bot is None
    assert declared.bot_probability == plain.bot_probability


def test_reasons_quote_the_numbers_and_push_the_right_way(scorer):
    (result,) = scorer.score([fake_follower()])
    assert 1 <= len(result.reasons) <= 3
    impacts = [abs(r.impact) for r in result.reasons]
    assert impacts == sorted(impacts, reverse=True)
    messages = " | ".join(r.message for r in result.reasons)
    assert any(r.code == "following_ratio" for r in result.reasons), messages
    ratio = next(r for r in result.reasons if r.code == "following_ratio")
    assert ratio.message == "Follows 1,640 accounts but has 58 followers (28:1)"
    assert ratio.impact > 0


def test_contributions_are_exact(scorer):
    """The lookup tables reproduce the fitted Pipeline's decision function, per head."""
    profiles = [fake_follower(i) for i in range(5)] + [person(i) for i in range(5)]
    X, _ = scorer.model.features_of(profiles)
    X[::3, 1] = np.nan  # missing values too
    for head in (scorer.model.bot, scorer.model.fake):
        contributions = head.contributions(X)
        expected = head.pipeline.decision_function(X) * head.scale + head.shift
        np.testing.assert_allclose(head.logit(contributions), expected, atol=1e-9)
        assert np.all(contributions[np.isnan(X)] == 0)


def test_masking_does_not_flip_verdicts_wholesale(scorer):
    rng = np.random.default_rng(7)
    base = [fake_follower(i) for i in range(20)] + [person(i) for i in range(20)]
    full = scorer.score(base)
    for shown in list(PAGE_VIEWS.values()) + [tuple(rng.choice(OPTIONAL_FIELDS, 6, replace=False))]:
        hidden = {f: None for f in OPTIONAL_FIELDS if f not in shown}
        masked = scorer.score([p.model_copy(update=hidden) for p in base])
        flips = sum({a.verdict, b.verdict} == {Verdict.likely_bot, Verdict.likely_human}
                    for a, b in zip(full, masked))
        assert flips == 0, shown


def test_verdict_bands():
    p = np.array([0.95, 0.95, 0.5, 0.1, 0.1])
    evidence = np.array([3, 1, 3, 3, 0])
    assert verdicts(p, evidence, 0.8, 0.3) == [Verdict.likely_bot, Verdict.uncertain, Verdict.uncertain,
                                               Verdict.likely_human, Verdict.uncertain]


def test_empty_batch_and_dict_input(scorer):
    assert scorer.score([]) == []
    (from_dict,) = scorer.score([person().model_dump()])
    (from_model,) = scorer.score([person()])
    assert from_dict.model_dump() == from_model.model_dump()


def test_every_feature_has_a_reason_sentence(scorer):
    from botlens.scoring.reasons import reason_sentence

    raw = {"followers": 58.0, "following": 1640.0, "posts": 3.0, "likes": 0.0, "listed": 1.0, "age_days": 400.0}
    for name in ACCOUNT_FEATURES:
        text = reason_sentence(name, raw, 1.0)
        assert text[0].isupper() and "nan" not in text
