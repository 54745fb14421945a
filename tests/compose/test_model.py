"""The compose model: the shipped artifact, the fast one-text path, and (with the data) training itself."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from botlens.registry import DEFAULT_MODEL_DIR, ModelRegistry, read_manifest
from botlens.scoring.compose import ComposeChecker
from botlens.scoring.text_model import GENERIC, DomainTextModel, domain_for
from botlens.training.compose import fit_text_model, train_compose
from botlens.training.text_corpora import (
    TextCorpus,
    displayed_comment,
    join_corpora,
    load_human_posts,
    load_sms,
    load_youtube,
)

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


def test_fast_path_equals_the_batch_path_on_every_domain(shipped):
    model: DomainTextModel = shipped.obj
    assert isinstance(model, DomainTextModel)
    for domain in model.weights:
        expected = model.predict_proba(TEXTS, domain)[:, 1]
        np.testing.assert_allclose([model.probability(t, domain) for t in TEXTS], expected, rtol=1e-9, atol=1e-12)


def test_shipped_model_separates_obvious_cases(shipped):
    checker = ComposeChecker(shipped)
    for platform in (None, "x", "youtube"):
        human = checker.model_probability("Had a long chat with my grandmother about the war today.", platform)
        spam = checker.model_probability("Check out my channel and subscribe!! free gift cards at www.freegifts.com",
                                         platform)
        assert human < 0.35 < 0.65 < spam, platform


def test_platforms_map_onto_training_domains():
    assert domain_for("youtube") == "youtube"
    for platform in ("x", "mastodon", "bluesky", "reddit", "instagram", "other", None):
        assert domain_for(platform) == GENERIC


def test_displayed_comment_drops_youtube_markup():
    raw = 'best part <a href="http://www.youtube.com/watch?v=x&amp;t=2m">2:19</a><br />so good &gt;'
    assert displayed_comment(raw) == "best part 2:19\nso good >"


def _small_corpus() -> TextCorpus:
    # On "video" comments a link is spam; in the SMS-like texts the same link-free wording decides.
    comments = [("check my channel zzz.com", 1), ("great song, love it", 0), ("sub to me www.x.com", 1),
                ("this video is great", 0), ("free views at y.com", 1), ("love the beat", 0)]
    messages = [("win a free prize now", 1), ("call now to claim cash", 1), ("see you at lunch", 0),
                ("thanks, that was fun", 0), ("here is the link www.a.com for lunch", 0), ("free cash prize", 1)]
    texts, labels, groups = [], [], []
    for copy in range(4):
        for text, label in comments:
            texts.append(f"{text} {copy}"), labels.append(label), groups.append(f"video{copy}")
        for text, label in messages:
            texts.append(text), labels.append(label), groups.append("sms")
    return TextCorpus(texts, np.array(labels), groups, {})


def test_small_model_trains_and_fast_path_matches_batch_path():
    model = fit_text_model(_small_corpus(), calibration_folds=2)
    assert set(model.weights) == {GENERIC, "youtube", "sms"}
    probe = ["free prize for lunch", "see you soon", "x", "my channel: www.b.com", "\u200b"]
    for domain in model.weights:
        np.testing.assert_allclose([model.probability(t, domain) for t in probe],
                                   model.predict_proba(probe, domain)[:, 1], rtol=1e-9, atol=1e-12)
    with pytest.raises(ValueError):
        model.probability("hello", "posts")


def test_training_gives_the_same_bytes_in_another_process():
    # Within one process an object's address repeats, so only separate processes catch state keyed by it.
    script = ("import hashlib, io, joblib; from tests.compose.test_model import _small_corpus; "
              "from botlens.training.compose import fit_text_model; buffer = io.BytesIO(); "
              "joblib.dump(fit_text_model(_small_corpus(), calibration_folds=2), buffer); "
              "print(hashlib.sha256(buffer.getvalue()).hexdigest())")
    root = Path(__file__).resolve().parents[2]
    digests = {subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip() for seed in ("1", "2")}
    assert len(digests) == 1 and len(next(iter(digests))) == 64


def test_domain_weights_differ_where_the_corpora_disagree():
    model = fit_text_model(_small_corpus(), calibration_folds=2)
    link = "have a look www.c.com"
    # Raw scores: with a toy corpus the calibrations are steep and saturate.
    assert model.decision(link, "youtube") > model.decision(link, "sms")


@pytest.mark.needs_data
def test_loaders_deduplicate_and_group_by_video(data_dir):
    youtube = load_youtube(data_dir)
    assert set(youtube.groups) >= {"psy", "katyperry", "lmfao", "eminem", "pewdiepie", "avengers", "playstation4"}
    # 2,886 rows minus at least the 7 + 3 + 66 repeated COMMENT_IDs that SOURCE.md lists
    assert 2886 - 90 <= len(youtube.texts) <= 2886 - 76
    assert int(youtube.labels.sum()) < 1281, "spam rows repeated across folders are counted once"
    assert all(text.strip() for text in youtube.texts)
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


def test_the_same_comment_is_kept_once_per_video_across_folders(tmp_path: Path):
    first, second = tmp_path / "youtube_spam_collection", tmp_path / "youtube_spam_alberto2014_extra" / "oct2014"
    first.mkdir(parents=True), second.mkdir(parents=True)
    (first / "Youtube01-Psy.csv").write_text(
        "COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\n"
        "a1,x,,Check out my channel,1\n"
        "a2,y,,Check out my channel,1\n"  # the same spam posted twice in one crawl: two comments
        "a3,z,,great song,0\n", encoding="utf-8")
    (second / "Psy_9bZkp7q19f0.csv").write_text(
        "COMMENT_ID,CONTENT,TAG\n"
        "b1,check out  MY channel\ufeff,1\n"  # re-crawled under a new id: the same comment
        "a3,great song,0\n"  # the same id
        "b2,another comment,0\n", encoding="utf-8")
    (second / "KatyPerry_CevxZvSJLk8.csv").write_text(
        "COMMENT_ID,CONTENT,TAG\nc1,great song,0\n", encoding="utf-8")  # another video: kept
    youtube = load_youtube(tmp_path)
    assert sorted(zip(youtube.groups, youtube.texts)) == [
        ("katyperry", "great song"), ("psy", "Check out my channel"), ("psy", "Check out my channel"),
        ("psy", "another comment"), ("psy", "great song")]


@pytest.mark.needs_data
def test_model_generalises_to_a_held_out_video(data_dir):
    youtube, sms, humans = load_youtube(data_dir), load_sms(data_dir), load_human_posts(data_dir)
    held = np.asarray(youtube.groups) == "eminem"
    train = TextCorpus([t for t, h in zip(youtube.texts, held) if not h], youtube.labels[~held],
                       [g for g, h in zip(youtube.groups, held) if not h], {})
    model = fit_text_model(join_corpora(train, sms, humans))
    predicted = model.predict_proba([t for t, h in zip(youtube.texts, held) if h], "youtube")[:, 1] >= 0.5
    truth = youtube.labels[held] == 1
    f1 = 2 * np.sum(predicted & truth) / (np.sum(predicted) + np.sum(truth))
    assert f1 > 0.9
