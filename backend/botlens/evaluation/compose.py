"""Model-card section for the compose model: held-out videos, held-out corpora, SMS folds, calibration.

Every figure comes from texts the model did not see in training: each fold fits the vectorisers, the linear
model and its calibration on the training side only, and a held-out video's comments (including the copies
the two YouTube folders share) never reach training. YouTube comments are scored as the API scores a request
with ``platform: "youtube"``, SMS and posts by people as one without a platform. "Model" rows are the text
model alone; "model + rules" rows add the rules the API applies without recent posts, combined as in
:mod:`botlens.compose.combine`.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from sklearn.metrics import brier_score_loss, f1_score, matthews_corrcoef
from sklearn.model_selection import StratifiedKFold

from botlens.compose.combine import FINE_BELOW, SPAM_LIKE_FROM
from botlens.compose.rules import Draft, run_rules
from botlens.evaluation.account_metrics import expected_calibration_error
from botlens.evaluation.compose_choice import choose_in_fold, with_tips
from botlens.evaluation.plots import reliability_plot
from botlens.features.text import model_texts
from botlens.registry import ModelRegistry, update_metrics
from botlens.scoring.compose import ComposeChecker
from botlens.scoring.text_model import dense_matrix, domain_for
from botlens.training.compose import (
    RANDOM_STATE,
    YOUTUBE_SCORER_NAMES,
    fit_text_model,
    fit_text_model_and_scorers,
)
from botlens.training.text_corpora import (
    TextCorpus,
    join_corpora,
    load_human_posts,
    load_sms,
    load_youtube,
)

DECISION = 0.5
YOUTUBE = "youtube"


def _fit_predict(train: TextCorpus, texts: list[str], platform: str | None = None) -> np.ndarray:
    return fit_text_model(train).predict_proba(texts, domain_for(platform))[:, 1]


def _subset(corpus: TextCorpus, mask: np.ndarray) -> TextCorpus:
    units = corpus.units if corpus.units is not None else corpus.groups
    return TextCorpus([t for t, keep in zip(corpus.texts, mask) if keep], corpus.labels[mask],
                      [g for g, keep in zip(corpus.groups, mask) if keep], corpus.files,
                      [u for u, keep in zip(units, mask) if keep])


def with_rules(texts: list[str], probabilities: np.ndarray, platform: str | None = None) -> np.ndarray:
    return with_tips(probabilities, [run_rules(Draft(t, platform)) for t in texts])


def _scores(labels: np.ndarray, probabilities: np.ndarray) -> dict[str, float]:
    predicted = probabilities >= DECISION
    ham = labels == 0
    return {
        "f1": float(f1_score(labels, predicted, zero_division=0)),
        "mcc": float(matthews_corrcoef(labels, predicted)),
        "spam_recall": float(predicted[~ham].mean()) if (~ham).any() else float("nan"),
        "ham_flagged": float(predicted[ham].mean()) if ham.any() else float("nan"),
        "ham_spam_like": float((probabilities[ham] >= SPAM_LIKE_FROM).mean()) if ham.any() else float("nan"),
        "ham_not_fine": float((probabilities[ham] >= FINE_BELOW).mean()) if ham.any() else float("nan"),
    }


def leave_one_video_out(youtube: TextCorpus, rest: TextCorpus
                        ) -> tuple[list[tuple[str, int, dict, dict, dict]], np.ndarray, np.ndarray, np.ndarray,
                                   dict[str, tuple[int, ...]]]:
    """Per held-out video: (video, n, model scores, model+rules scores, model scores without a platform); plus
    the pooled out-of-video probabilities as YouTube and without a platform, and, for the YouTube scorers chosen
    inside each fold (see :mod:`botlens.evaluation.compose_choice`), the pooled probabilities with rules and the
    set each video's fold chose. Each fold trains on the other videos plus ``rest`` (the other corpora)."""
    groups = np.asarray(youtube.groups)
    pooled, pooled_generic, pooled_chosen = (np.zeros(len(youtube.texts)) for _ in range(3))
    tips = [run_rules(Draft(text, YOUTUBE)) for text in youtube.texts]
    rows, chosen = [], {}
    for video in sorted(set(youtube.groups)):
        held = groups == video
        test_texts = [t for t, h in zip(youtube.texts, held) if h]
        held_tips = [t for t, h in zip(tips, held) if h]
        model, scorers = fit_text_model_and_scorers(join_corpora(_subset(youtube, ~held), rest))
        pooled[held] = model.predict_proba(test_texts, domain_for(YOUTUBE))[:, 1]
        pooled_generic[held] = model.predict_proba(test_texts, domain_for(None))[:, 1]
        rows.append((video, int(held.sum()), _scores(youtube.labels[held], pooled[held]),
                     _scores(youtube.labels[held], with_tips(pooled[held], held_tips)),
                     _scores(youtube.labels[held], pooled_generic[held])))
        if not np.array_equal(scorers.labels, youtube.labels[~held]):
            raise ValueError("the YouTube scorers' training rows are not the training videos' comments in order")
        held_out = scorers.log_odds(model.features.transform(model_texts(test_texts)).tocsr(), dense_matrix(test_texts))
        choice = choose_in_fold(scorers, [t for t, h in zip(tips, held) if not h], held_out, held_tips, DECISION)
        pooled_chosen[held], chosen[video] = choice.with_rules, choice.chosen
    return rows, pooled, pooled_generic, pooled_chosen, chosen


def sms_folds(sms: TextCorpus, rest: TextCorpus, folds: int = 5) -> np.ndarray:
    """Out-of-fold SMS probabilities; every fold trains on the other SMS folds plus ``rest``."""
    out = np.zeros(len(sms.texts))
    splitter = StratifiedKFold(folds, shuffle=True, random_state=RANDOM_STATE)
    for train, test in splitter.split(np.zeros(len(sms.texts)), sms.labels):
        mask = np.zeros(len(sms.texts), dtype=bool)
        mask[train] = True
        out[test] = _fit_predict(join_corpora(_subset(sms, mask), rest), [sms.texts[i] for i in test])
    return out


def held_out_human_posts(youtube: TextCorpus, sms: TextCorpus, humans: TextCorpus) -> list[tuple[str, int, dict]]:
    """Share of human posts flagged, per timeline set held out (training: everything else), scored as X posts
    (no domain of their own: the shared weights) and, to show what the YouTube weights would do to them, as
    YouTube comments."""
    groups = np.asarray(humans.groups)
    rows = []
    for name in sorted(set(humans.groups)):
        held = groups == name
        texts = [t for t, h in zip(humans.texts, held) if h]
        model = fit_text_model(join_corpora(youtube, sms, _subset(humans, ~held)))
        probabilities = model.predict_proba(texts, domain_for("x"))[:, 1]
        as_youtube = model.predict_proba(texts, domain_for(YOUTUBE))[:, 1]
        ham = np.zeros(len(texts), dtype=int)
        rows.append((name, int(held.sum()), {
            "model": _scores(ham, probabilities),
            "rules": _scores(ham, with_rules(texts, probabilities, "x")),
            "as_youtube": _scores(ham, as_youtube),
        }))
    return rows


def _check_time_ms(model_dir: Path, texts: list[str]) -> float:
    checker = ComposeChecker(ModelRegistry(model_dir).get("compose"))
    timings = []
    for text in texts:
        start = time.perf_counter()
        checker.assess(text, "x", ["a recent post of mine about something else"])
        timings.append((time.perf_counter() - start) * 1000)
    return float(np.median(timings))


def _pct(x: float) -> str:
    return f"{100 * x:.2f}%"


def evaluate_compose(data_dir: Path, model_dir: Path, img_dir: Path) -> str:
    youtube, sms, humans = load_youtube(data_dir), load_sms(data_dir), load_human_posts(data_dir)
    rows, youtube_oof, youtube_generic, youtube_chosen, chosen = leave_one_video_out(youtube, join_corpora(sms, humans))
    sms_oof = sms_folds(sms, join_corpora(youtube, humans))
    human_rows = held_out_human_posts(youtube, sms, humans)
    yt_to_sms = _scores(sms.labels, _fit_predict(youtube, sms.texts))
    sms_to_yt = _scores(youtube.labels, _fit_predict(sms, youtube.texts, YOUTUBE))
    pooled_model = _scores(youtube.labels, youtube_oof)
    youtube_with_rules = with_rules(youtube.texts, youtube_oof, YOUTUBE)
    pooled_rules = _scores(youtube.labels, youtube_with_rules)
    flagged = youtube_with_rules >= 0.5
    false_alarms, missed = int(np.sum(flagged & (youtube.labels == 0))), int(np.sum(~flagged & (youtube.labels == 1)))
    pooled_generic = _scores(youtube.labels, youtube_generic)
    chosen_rules = _scores(youtube.labels, youtube_chosen)
    chosen_errors = int(np.sum((youtube_chosen >= DECISION) != (youtube.labels == 1)))
    sms_model = _scores(sms.labels, sms_oof)
    sms_rules = _scores(sms.labels, with_rules(sms.texts, sms_oof))
    labels = np.concatenate([youtube.labels, sms.labels])
    held_out = np.concatenate([youtube_oof, sms_oof])
    brier = float(brier_score_loss(labels, held_out))
    ece, table = expected_calibration_error(labels, held_out)
    reliability_plot({"compose model": table}, Path(img_dir) / "compose_calibration.png",
                     "compose model, held-out texts", ylabel="observed spam rate")

    lines = [
        "## Compose model (spam-like text)",
        "",
        f"Word 1-3-gram and char_wb 2-5-gram (half weight) TF-IDF and two logistic models over them: a generic "
        "one over all corpora, which scores every request without `platform: \"youtube\"` (no platform, X, "
        "Mastodon, ...), and, for YouTube, one with shared weights plus a copy per corpus (YouTube, SMS; domain "
        "adaptation after Daumé III 2007; YouTube comments weigh 3x) scored with the shared + YouTube weights; "
        "the YouTube weights also read unnormalised dense cues (has a link, links by kind, a domain spelled out "
        "with spaces, a link disguised to slip past filters (\"x dot com\", \"w w w\"), length, share of capitals, "
        "the compose rules' signals), so a link counts as much in a long comment as in a short one. Words spelled "
        "out letter by letter (\"s u b s c r i b e\") are joined before the n-grams. "
        "Each is sigmoid-calibrated on out-of-fold scores (the YouTube one on folds holding out whole videos). "
        "The YouTube weights are the mean of the calibrated log-odds of three scorers, collapsed into one weight "
        "vector: that model, the same model over the word n-grams alone, and complement naive Bayes over the word "
        "n-grams (each calibrated the same way); the mean is sigmoid-calibrated once more on the same out-of-fold "
        "scores, since averaging scorers that disagree pulls toward 0.5. That set of scorers was picked among about "
        "twenty on the leave-one-video-out evaluation below, so its pooled F1 there is optimistic (what choosing the "
        "set inside each fold gives follows the table). "
        "Trained on "
        f"{len(youtube.texts):,} YouTube comments (TubeSpam, Alberto et al., ICMLA 2015: UCI collection plus the "
        f"authors' Oct-Nov 2014 sets, deduplicated by COMMENT_ID and by same text under the same video), "
        f"{len(sms.texts):,} SMS (SMS Spam Collection v.1, Almeida & Gómez Hidalgo 2011) and, as ham only, "
        f"{len(humans.texts):,} posts by the human accounts of the Bot-or-Not 2024 practice timelines (English and "
        f"French). Decision threshold {DECISION}; verdicts: fine < {FINE_BELOW} <= borderline < {SPAM_LIKE_FROM} "
        "<= spam_like.",
        "",
        "### Leave one video out (YouTube; training: the other videos + SMS + human posts)",
        "",
        "| held-out video | comments | F1 model (as YouTube) | F1 model + rules | ham flagged (model) | "
        "F1 model, no platform |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for video, n, model_scores, rule_scores, generic_scores in rows:
        lines.append(f"| {video} | {n} | {model_scores['f1']:.3f} | {rule_scores['f1']:.3f} | "
                     f"{_pct(model_scores['ham_flagged'])} | {generic_scores['f1']:.3f} |")
    mean_f1 = float(np.mean([r[2]["f1"] for r in rows]))
    lines += [
        f"| **pooled** | {len(youtube.texts)} | **{pooled_model['f1']:.3f}** | **{pooled_rules['f1']:.3f}** | "
        f"{_pct(pooled_model['ham_flagged'])} | {pooled_generic['f1']:.3f} |",
        "",
        f"Mean of per-video F1 (model): {mean_f1:.3f}. Pooled F1 of model + rules to five places (the table "
        f"rounds): {pooled_rules['f1']:.5f}. Target: 0.95.",
        "",
        (f"Held-out errors, model + rules: {false_alarms} ham comments flagged and {missed} spam comments missed. "
         "Many are comments the videos label differently: talk about subscriber counts is ham under PewDiePie's "
         "video and mostly spam under the others, and \"like this comment\" bait is spam under LMFAO's video "
         "and ham under Psy's. A held-out video's own convention cannot be learned from the other videos."),
        "",
        (f"Choosing the set of scorers inside each fold instead (among all {2 ** len(YOUTUBE_SCORER_NAMES) - 1} "
         "non-empty subsets of the three, by F1 with the rules on the training videos' out-of-fold scores; see "
         f"`botlens.evaluation.compose_choice`): pooled F1 of model + rules {chosen_rules['f1']:.5f}, "
         f"{chosen_errors} errors, what the procedure rather than the hindsight choice achieves. Sets chosen: "
         + "; ".join(f"{video} {' + '.join(YOUTUBE_SCORER_NAMES[i] for i in subset)}"
                     for video, subset in chosen.items()) + "."),
        "",
        "### SMS, 5 stratified folds (no platform; training: the other folds + YouTube + human posts)",
        "",
        "| | MCC | spam recall | ham flagged (>= 0.5) | ham spam_like | ham not fine |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, s in (("model", sms_model), ("model + rules", sms_rules)):
        lines.append(f"| {name} | {s['mcc']:.3f} | {_pct(s['spam_recall'])} | {_pct(s['ham_flagged'])} | "
                     f"{_pct(s['ham_spam_like'])} | {_pct(s['ham_not_fine'])} |")
    lines += [
        "",
        "Target: MCC >= 0.90 with at most 0.5% of ham flagged.",
        "",
        "### Posts by people (Bot-or-Not 2024 human timelines, one set held out; training: everything else)",
        "",
        "| held-out set | posts | flagged (>= 0.5), model | spam_like, model + rules | not fine, model + rules | "
        "flagged if scored as YouTube |",
        "| --- | --- | --- | --- | --- | --- |",
        *[f"| {name} | {n} | {_pct(r['model']['ham_flagged'])} | {_pct(r['rules']['ham_spam_like'])} | "
          f"{_pct(r['rules']['ham_not_fine'])} | {_pct(r['as_youtube']['ham_flagged'])} |"
          for name, n, r in human_rows],
        "",
        "Set 30 is English, set 31 French; every post there is ham, so these are false-positive rates on "
        "ordinary 2024 posts with links, hashtags, mentions and emoji, scored as X posts (`platform: \"x\"`). "
        "The last column shows why the YouTube weights are kept to YouTube: they learned 2014 YouTube, where a "
        "link was nearly always spam.",
        "",
        "### Across corpora (train on one corpus only, test on the other)",
        "",
        "| train -> test | F1 | MCC | spam recall | ham flagged |",
        "| --- | --- | --- | --- | --- |",
        f"| YouTube -> SMS (no platform) | {yt_to_sms['f1']:.3f} | {yt_to_sms['mcc']:.3f} | {_pct(yt_to_sms['spam_recall'])} | "
        f"{_pct(yt_to_sms['ham_flagged'])} |",
        f"| SMS -> YouTube (as YouTube) | {sms_to_yt['f1']:.3f} | {sms_to_yt['mcc']:.3f} | {_pct(sms_to_yt['spam_recall'])} | "
        f"{_pct(sms_to_yt['ham_flagged'])} |",
        "",
        "Spam differs by medium (2013-14 channel promotion on YouTube, premium-rate prizes by SMS): a model from "
        "one corpus transfers poorly to the other, which is why the shipped model trains on both and why the "
        "rules exist. Expect weaker results on today's spam (crypto, DM scams) than these figures suggest.",
        "",
        "### Calibration (all held-out predictions above, model alone)",
        "",
        f"Brier score {brier:.4f}; expected calibration error {ece:.4f} (10 bins).",
        "",
        "![compose calibration](img/compose_calibration.png)",
        "",
        "| mean predicted | observed spam rate | texts |",
        "| --- | --- | --- |",
        *[f"| {r['mean_probability']:.3f} | {r['observed_rate']:.3f} | {r['n']} |" for r in table],
    ]
    if (Path(model_dir) / "compose.joblib").exists():
        sample = [t for t in youtube.texts[:300] + sms.texts[:300]]
        lines += ["", f"Server time per check (model + rules, in process, one text at a time, 600 held-out texts): "
                      f"median {_check_time_ms(Path(model_dir), sample):.2f} ms."]
        update_metrics(model_dir, "compose", {
            "youtube_leave_one_video_out_f1": round(pooled_model["f1"], 4),
            "youtube_leave_one_video_out_f1_with_rules": round(pooled_rules["f1"], 4),
            "youtube_leave_one_video_out_f1_no_platform": round(pooled_generic["f1"], 4),
            "sms_cv_mcc": round(sms_model["mcc"], 4),
            "sms_cv_ham_flagged": round(sms_model["ham_flagged"], 5),
            "human_posts_held_out_flagged": {name: round(r["model"]["ham_flagged"], 4) for name, _, r in human_rows},
            "brier": round(brier, 4), "ece": round(ece, 4),
        })
    return "\n".join(lines) + "\n"
