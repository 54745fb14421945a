"""The compose model: the shipped artifact, the fast one-text path, and (with the data) training itself."""

from pathlib import Path

import numpy as np
import pytest

from botlens.registry import DEFAULT_MODEL_DIR, ModelRegistry, read_manifest
from botlens.scoring.compose import ComposeChecker
from botlens.scoring.text_model import FastLinearText, UnsupportedPipeline
from botlens.training.compose import build_pipeline, displayed_comment, fit_pipeline, load_sms, load_youtube, train_compose

TEXTS = [
    "Sunset at the pier tonight, the sky went completely orange",
    "CHECK OUT MY CHANNEL!!! subscribe and win a free iPhone http://bit.ly/abc",
    "WINNER!! You have been selected for a £900 prize. Call 09061701461 to claim",
    "مرحبا بالجميع، كيف حالكم اليوم؟",
    "今日はとても良い天気ですね",
    "\u200bzero\u200bwidth\u200b",
    "",
]


@pytest.fixture(scope="module")
def shipped():
    if "compose" not in read_manifest(DEFAULT_MODEL_DIR).get("artifacts", {}):
        pytest.skip("model/compose.joblib has not been trained (run `botlens train`)")
    return ModelRegistry(DEFAULT_MODEL_DIR).get("compose")


def test_fast_path_equals_the_pipeline(shipped):
    fast = FastLinearText(shipped.obj)
    expected = shipped.obj.predict_proba(TEXTS)[:, 1]
    np.testing.assert_allclose([fast.probability(t) for t in TEXTS], expected, rtol=1e-9, atol=1e-12)


def test_shipped_model_separates_obvious_cases(shipped):
    checker = ComposeChecker(shipped)
    human = checker.model_probability("Had a long chat with my grandmother about the war today.")
    spam = checker.model_probability("Check out my channel and subscribe!! free gift cards at www.freegifts.com")
    assert human < 0.35 < 0.65 < spam


def test_fast_path_refuses_pipelines_it_cannot_replay():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.feature_extraction.text import CountVectorizer

    pipeline = make_pipeline(CountVectorizer(), LogisticRegression()).fit(["alpha beta", "gamma delta"], [0, 1])
    with pytest.raises(UnsupportedPipeline):
        FastLinearText(pipeline)


def test_displayed_comment_drops_youtube_markup():
    raw = 'best part <a href="http://www.youtube.com/watch?v=x&amp;t=2m">2:19</a><br />so good &gt;'
    assert displayed_comment(raw) == "best part 2:19\nso good >"


def test_small_pipeline_trains_and_fast_path_matches_with_weights():
    texts = ["win a free prize now", "call now to claim cash", "see you at lunch", "thanks, that was fun",
             "free cash prize call", "lunch was fun, thanks"] * 5
    labels = np.array([1, 1, 0, 0, 1, 0] * 5)
    pipeline = build_pipeline(calibration_folds=2)
    pipeline.named_steps["features"].transformer_weights = {"words": 1.0, "chars": 0.5}
    pipeline.fit(texts, labels)
    probe = ["free prize for lunch", "see you soon", "x"]
    np.testing.assert_allclose([FastLinearText(pipeline).probability(t) for t in probe],
                               pipeline.predict_proba(probe)[:, 1], rtol=1e-9)


@pytest.mark.needs_data
def test_loaders_deduplicate_and_group_by_video(data_dir):
    youtube = load_youtube(data_dir)
    assert set(youtube.groups) >= {"psy", "katyperry", "lmfao", "eminem", "pewdiepie", "avengers", "playstation4"}
    # 2,886 rows minus at least the 7 + 3 + 66 repeated COMMENT_IDs that SOURCE.md lists
    assert 2886 - 90 <= len(youtube.texts) <= 2886 - 76
    assert int(youtube.labels.sum()) < 1281, "spam rows repeated across folders are counted once"
    sms = load_sms(data_dir)
    assert len(sms.texts) == 5574 and int(sms.labels.sum()) == 747


@pytest.mark.needs_data
def test_training_is_deterministic_and_recorded(data_dir, tmp_path: Path):
    first = train_compose(data_dir, tmp_path / "a")
    second = train_compose(data_dir, tmp_path / "b")
    assert first["sha256"] == second["sha256"]
    assert any(path.startswith("sms_spam_collection/") for path in first["training_files"])
    assert (tmp_path / "a" / "compose.joblib").stat().st_size < 5_000_000
    loaded = ModelRegistry(tmp_path / "a").get("compose")
    assert ComposeChecker(loaded).version == first["version"]


@pytest.mark.needs_data
def test_model_generalises_to_a_held_out_video(data_dir):
    youtube, sms = load_youtube(data_dir), load_sms(data_dir)
    groups = np.asarray(youtube.groups)
    held = groups == "eminem"
    texts = [t for t, h in zip(youtube.texts, held) if not h] + sms.texts
    labels = np.concatenate([youtube.labels[~held], sms.labels])
    pipeline = fit_pipeline(texts, labels)
    predicted = pipeline.predict_proba([t for t, h in zip(youtube.texts, held) if h])[:, 1] >= 0.5
    truth = youtube.labels[held] == 1
    f1 = 2 * np.sum(predicted & truth) / (np.sum(predicted) + np.sum(truth))
    assert f1 > 0.85
