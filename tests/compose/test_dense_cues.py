"""The dense cues the YouTube weights read beside the n-grams, and how the model carries them."""

import pickle

import numpy as np
import pytest
from botlens.scoring.text_model import (
    DENSE_FEATURES,
    GENERIC,
    DomainTextModel,
    dense_features,
    dense_matrix,
)
from botlens.training.compose import fit_text_model

from tests.compose.test_model import _small_corpus


def _cues(text: str) -> dict[str, float]:
    values = dense_features(text)
    assert values.shape == (len(DENSE_FEATURES),)
    return dict(zip(DENSE_FEATURES, values))


def test_links_are_counted_and_told_apart():
    cues = _cues("watch here http://bit.ly/abc and youtube.com/watch?v=x and www.example.org")
    assert cues["has_link"] == 1.0 and cues["links_up_to_3"] == 1.0
    assert cues["shortener_link"] > 0 and cues["youtube_link"] == 1.0
    assert cues["rule_several_links"] == 1.0
    plain = _cues("great song, I play it every morning")
    assert plain["has_link"] == plain["shortener_link"] == plain["youtube_link"] == 0.0


def test_a_domain_spelled_out_with_spaces_counts_only_when_there_is_no_link():
    assert _cues("watch it free on moviestash . com guys")["spelled_out_domain"] == 1.0
    assert _cues("watch it free on moviestash dot com")["spelled_out_domain"] == 1.0
    assert _cues("watch it free on moviestash.com")["spelled_out_domain"] == 0.0
    assert _cues("a dot on the map")["spelled_out_domain"] == 0.0


@pytest.mark.parametrize("text", [
    "watch it free on moviestash dot com",
    "go to moviestash (dot) com now",
    "go to moviestash [ dot ] net now",
    "moviestashDOTcom has it all",
    "tinyurl*com/free-stuff",
    "look me up on mysite . c o m",
    "W W W moviestash",
    "type h t t p then my site",
    "Free movies at Stash.comI watched every one",
    "free at Stash.orgCheck it out",
])
def test_a_link_disguised_to_slip_past_filters_is_a_cue(text):
    assert _cues(text)["disguised_link"] == 1.0


@pytest.mark.parametrize("text", [
    "the dotcom era is over",
    "my network is down",
    "example.com is great",
    "I saw it on example.com.",
    "a dot on the map",
    "www.example.com",
    "what a world we live in",
    "great song, I play it every morning",
])
def test_links_typed_as_links_and_ordinary_words_are_not_disguised(text):
    assert _cues(text)["disguised_link"] == 0.0


def test_the_disguised_link_cue_also_counts_beside_a_real_link():
    cues = _cues("my site http://a.example.org and the other one moviestash dot com")
    assert cues["has_link"] == 1.0 and cues["spelled_out_domain"] == 0.0
    assert cues["disguised_link"] == 1.0


def test_phrases_and_capitals():
    promo = _cues("CHECK OUT MY CHANNEL PLEASE GUYS")
    assert promo["self_promotion_phrase"] > 0 and promo["capitals_share"] == 1.0
    assert promo["rule_shouting"] == 1.0
    calm = _cues("I checked out the channel he mentioned")
    assert calm["self_promotion_phrase"] == 0.0 and calm["capitals_share"] < 0.1


@pytest.mark.parametrize("text", ["", "\u200b\u200b", "مرحبا بالجميع", "😀😀😀😀😀", "\u202eevil\u202c", "x" * 10_000,
                                  "a" + " " * 3000 + "dot" + " " * 3000])
def test_cues_are_bounded_on_odd_input(text):
    values = dense_features(text)
    assert np.all(np.isfinite(values)) and np.all(values >= 0) and np.all(values <= 1.5)


def test_longer_text_has_a_larger_length_cue():
    assert _cues("short")["log_length"] < _cues("a much longer comment " * 5)["log_length"]


def test_dense_matrix_stacks_one_row_per_text():
    texts = ["a", "check my channel www.x.com"]
    np.testing.assert_array_equal(dense_matrix(texts), np.vstack([dense_features(t) for t in texts]))
    assert dense_matrix([]).shape == (0, len(DENSE_FEATURES))


def test_only_the_youtube_weights_read_the_cues():
    model = fit_text_model(_small_corpus(), calibration_folds=2)
    assert model.dense
    cues = {domain: weights[-len(DENSE_FEATURES):] for domain, weights in model.weights.items()}
    assert cues["youtube"].any()
    assert not cues["sms"].any() and not cues[GENERIC].any()
    probe = ["see you at lunch", "sub to me www.q.com"]
    for domain in model.weights:
        np.testing.assert_allclose([model.probability(t, domain) for t in probe],
                                   model.predict_proba(probe, domain)[:, 1], rtol=1e-9, atol=1e-12)


def test_a_model_saved_with_other_cues_is_refused_when_loaded():
    trained = fit_text_model(_small_corpus(), calibration_folds=2)
    assert pickle.loads(pickle.dumps(trained)).probability("free cash", "youtube") == pytest.approx(
        trained.probability("free cash", "youtube"))
    one_cue_fewer = DomainTextModel(trained.features, {d: w[:-1] for d, w in trained.weights.items()},
                                    trained.bias, trained.calibration, dense=True)
    with pytest.raises(ValueError, match="dense cues"):
        pickle.loads(pickle.dumps(one_cue_fewer))


def test_a_model_saved_without_cues_still_scores():
    trained = fit_text_model(_small_corpus(), calibration_folds=2)
    n_grams = len(trained.weights[GENERIC]) - len(DENSE_FEATURES)
    old = DomainTextModel(trained.features, {d: w[:n_grams] for d, w in trained.weights.items()},
                          trained.bias, trained.calibration)
    assert not old.dense
    texts = ["see you at lunch", "free cash prize"]
    np.testing.assert_allclose([old.probability(t, GENERIC) for t in texts],
                               trained.predict_proba(texts, GENERIC)[:, 1], rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("platform", ["x", "reddit", "youtube", None])
def test_a_checks_own_rules_give_the_same_cues_as_a_neutral_reading(platform):
    # The check's Draft knows the platform and the recent posts; the cues read only rules that depend on neither.
    from botlens.compose.rules import Draft, run_rules
    texts = ["#a #b #c #d @u1 @u2 @u3 @u4 @u5 FREE MONEY!!!!! dm me http://bit.ly/x www.y.com",
             "great song 😀😀😀😀😀 love it", "same text as before", "https://only.example.com"]
    for text in texts:
        draft = Draft(text, platform, ("same text as before",))
        tips = run_rules(draft)
        np.testing.assert_array_equal(dense_features(text, draft, tips), dense_features(text))
