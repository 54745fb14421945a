"""The account model's section of MODEL_CARD.md, with its plots, and its figures in the manifest."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from botlens.evaluation.account_metrics import (
    binary_scores, cresci2015_cv, expected_calibration_error, feature_importance, leave_one_dataset_out,
    masking_effect, pooled_cv,
)
from botlens.evaluation.plots import bar_plot, reliability_plot
from botlens.features.profile import ACCOUNT_FEATURES
from botlens.registry import ModelRegistry, update_metrics
from botlens.training.account import DIRECTIONS, Params, load_account_data, with_handle_likelihood

_INTENDED_USE = """\
**Intended use.** A second opinion, shown next to a profile, on how much its public profile fields look like
those of automated/spam accounts (`bot_probability`) or of bought fake followers (`fake_follower_probability`),
with the reasons behind each score. Verdicts have an explicit `uncertain` band (the larger probability between
{human:.2f} and {bot:.2f}, or fewer than two of the count fields visible), so weak evidence is never shown as
"bot". It is not a basis for reporting, blocking or judging a person on its own.

**Known limits.**
- Trained only on Twitter data collected 2014-2019 (Cresci-2015, Cresci-2017, Bot Repository 2019). Bot
  behaviour has changed since; transfer to Mastodon, Bluesky or today's X is **not measured**.
- Bot families differ. A family absent from training is found mainly when it says what it is: held out,
  Botwiki's benign bots are caught because most of them declare themselves in the handle, name or bio ("bot",
  "a bot by @maker", "every six hours"; share per source below). Bots that neither declare themselves nor
  behave like the spambots and bought followers in training are largely missed. The shipped model is trained
  on all sources.
- A self-description is taken at its word with a fixed weight (set by leave-one-dataset-out results, not
  learned), so the few people whose profile reads like one (for example "developer at a bot studio") are scored
  as bots, with that reason shown first.
- `verified` and `protected` are not used: no source records them honestly (absent in Cresci; constant in the
  Bot Repository sets, where `verified` is how the human set was sampled).
- A platform's own bot flag (`self_declared_bot`) is passed through as such and never folded into the scores.
- Counts read as "12.3K" are approximate; ratios built from them are too.
"""


def _fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None or (isinstance(value, float) and np.isnan(value)) else f"{value:.{digits}f}"


def _provenance(data) -> list[str]:
    lines = ["| source | rows | kinds | fields set to missing by the audit | citation | terms |", "|---|---|---|---|---|---|"]
    for s in data.sources:
        kinds = ", ".join(f"{k} {s.kinds.count(k):,}" for k in dict.fromkeys(s.kinds))
        missing = "; ".join(f"`{f}` ({why})" for f, why in sorted(s.audit.missing.items())) or "none"
        lines.append(f"| {s.name} | {len(s.profiles):,} | {kinds} | {missing} | {s.citation} | {s.terms} |")
    lines += ["", "Training files (SHA-256): " + ", ".join(f"`{p}` `{d[:12]}…`" for p, d in data.training_files().items())]
    return lines


def _declared_shares(data) -> str:
    declared = data.X[:, ACCOUNT_FEATURES.index("self_described_bot")] == 1
    cells = dict.fromkeys(zip(data.source.tolist(), data.kinds.tolist()))
    return ", ".join(f"{source} {kind} {declared[(data.source == source) & (data.kinds == kind)].mean():.1%}"
                     for source, kind in cells)


def evaluate_account(data_dir: Path, model_dir: Path, img_dir: Path) -> str:
    data = load_account_data(data_dir)
    params = Params()
    model = ModelRegistry(model_dir).get("account").obj
    img_dir.mkdir(parents=True, exist_ok=True)

    held = leave_one_dataset_out(data, params)
    cv15 = cresci2015_cv(data, params)
    pooled = pooled_cv(data, params)
    y_bot = data.is_bot
    fake_rows = data.fake_rows
    y_fake = (data.kinds[fake_rows] == "fake_follower").astype(int)
    ece_cv_bot, table_cv_bot = expected_calibration_error(y_bot, pooled["bot_p"])
    ece_cv_fake, table_cv_fake = expected_calibration_error(y_fake, pooled["fake_p"][fake_rows])
    y_lodo = np.concatenate([h.y for h in held.values()])
    p_lodo = np.concatenate([h.bot_p for h in held.values()])
    ece_lodo, table_lodo = expected_calibration_error(y_lodo, p_lodo)
    masking = masking_effect(held)
    X_all = with_handle_likelihood(data.X, data.handles, model.handle_model)
    importance = feature_importance(model, X_all)

    lodo = {s: binary_scores(h.y, h.bot_p) for s, h in held.items()}
    figures = {
        "cresci2015_cv_fake_accuracy": cv15["fake_follower_head"]["accuracy"],
        "cresci2015_cv_fake_mcc": cv15["fake_follower_head"]["mcc"],
        "cresci2015_cv_bot_accuracy": cv15["bot_head"]["accuracy"],
        "cresci2015_cv_bot_mcc": cv15["bot_head"]["mcc"],
        "lodo_auc_cresci2015": lodo["cresci2015"]["auc"],
        "lodo_auc_cresci2017": lodo["cresci2017"]["auc"],
        "lodo_verified2019_mean_bot_probability": lodo["verified2019"]["mean_probability"],
        "lodo_botwiki2019_recall": lodo["botwiki2019"]["flagged_rate"],
        "ece_cv_bot": ece_cv_bot, "ece_cv_fake": ece_cv_fake, "ece_lodo_bot": ece_lodo,
    }
    update_metrics(model_dir, "account", {"evaluation": figures, "lodo": lodo, "masking": masking})

    reliability_plot({"bot head, 5-fold CV": table_cv_bot, "fake head, 5-fold CV": table_cv_fake,
                      "bot head, leave-one-dataset-out": table_lodo},
                     img_dir / "account_reliability.png", "Account model reliability")
    bar_plot({s: (v.get("auc") if "auc" in v else (v["flagged_rate"] if s == "botwiki2019" else 1 - v["flagged_rate"]))
              for s, v in lodo.items()}, img_dir / "account_lodo.png",
             "Held-out source (AUC; recall for botwiki; 1 - false-positive rate for verified)", "score", 0.9)
    top = dict(sorted(importance["bot"].items(), key=lambda kv: -kv[1])[:15])
    bar_plot(top, img_dir / "account_importance.png", "Bot head: mean |logit contribution|", "logit")

    targets = [
        ("Cresci-2015 CV accuracy (fake-follower head) >= 0.98", figures["cresci2015_cv_fake_accuracy"], 0.98, True),
        ("Cresci-2015 CV MCC (fake-follower head) >= 0.96", figures["cresci2015_cv_fake_mcc"], 0.96, True),
        ("Cresci-2015 held out: AUC >= 0.95", figures["lodo_auc_cresci2015"], 0.95, True),
        ("Cresci-2017 held out: AUC >= 0.92", figures["lodo_auc_cresci2017"], 0.92, True),
        ("Verified-2019 held out: mean bot probability <= 0.05",
         figures["lodo_verified2019_mean_bot_probability"], 0.05, False),
        ("Botwiki-2019 held out: recall >= 0.80", figures["lodo_botwiki2019_recall"], 0.80, True),
        ("ECE, bot head, 5-fold CV over all sources <= 0.05", ece_cv_bot, 0.05, False),
        ("ECE, fake-follower head, 5-fold CV <= 0.05", ece_cv_fake, 0.05, False),
        ("ECE, bot head, leave-one-dataset-out pooled <= 0.05", ece_lodo, 0.05, False),
    ]
    out = ["## Account model (`account`)", "", _INTENDED_USE.format(human=model.human_threshold, bot=model.bot_threshold),
           "### Targets", "", "| target | measured | met |", "|---|---|---|"]
    for name, value, bound, higher in targets:
        met = value >= bound if higher else value <= bound
        out.append(f"| {name} | {_fmt(value)} | {'yes' if met else '**no**'} |")
    out += ["", "### Data and provenance", ""] + _provenance(data)
    out += ["", "### Model", "",
            "Two additive heads (a logistic regression over quantile-binned, thermometer-coded features: a GAM), "
            "so each reason's impact is that feature's exact logit contribution. Missing values contribute 0 (the "
            "training average); training rows are repeated with random fields hidden and as page views show them. "
            "Each (source, label) cell weighs the same. Monotone directions from the literature: "
            + ", ".join(f"`{f}` {'+' if d > 0 else '-'}" for f, d in DIRECTIONS.items() if d) + ". "
            f"The bot head leaves out {', '.join(f'`{f}`' for f in params.bot_excludes)} "
            "(chosen by leave-one-dataset-out results) and gives "
            + ", ".join(f"`{f}` a fixed step of {step:+.1f} logit" for f, step in params.bot_fixed_steps)
            + " (a statement, not a statistic: see Known limits). Bot head: bought fake followers, social spambots "
            "and Botwiki bots vs humans. Fake-follower head: Cresci-2015 INT vs all humans.", "",
            "Profiles that declare automation (`self_described_bot`), per source and kind: " + _declared_shares(data)
            + ".", "",
            f"Features ({len(ACCOUNT_FEATURES)}): " + ", ".join(f"`{f}`" for f in ACCOUNT_FEATURES) + "."]
    out += ["", "### Leave-one-dataset-out (bot head; threshold 0.5; trained on the other sources)", "",
            "| held out | n | AUC | F1 | MCC | accuracy | mean bot probability | share >= 0.5 | verdicts human / uncertain / bot |",
            "|---|---|---|---|---|---|---|---|---|"]
    for s, v in lodo.items():
        counts = [sum(1 for x in held[s].verdict if x.value == k) for k in ("likely_human", "uncertain", "likely_bot")]
        out.append(f"| {s} | {v['n']:,} | {_fmt(v.get('auc'))} | {_fmt(v.get('f1'))} | {_fmt(v.get('mcc'))} | "
                   f"{_fmt(v.get('accuracy'))} | {_fmt(v['mean_probability'])} | {_fmt(v['flagged_rate'])} | "
                   f"{' / '.join(f'{c:,}' for c in counts)} |")
    out += ["", "![leave-one-dataset-out](img/account_lodo.png)", "",
            "### Cresci-2015 genuine (E13) vs bought followers (INT), 5-fold cross-validation", "",
            "Other sources always in training.", "", "| head | accuracy | MCC | AUC | F1 |", "|---|---|---|---|---|"]
    for head, v in (("fake_follower_probability", cv15["fake_follower_head"]), ("bot_probability", cv15["bot_head"])):
        out.append(f"| {head} | {_fmt(v['accuracy'])} | {_fmt(v['mcc'])} | {_fmt(v['auc'])} | {_fmt(v['f1'])} |")
    out += ["", "### Calibration", "",
            f"Expected calibration error (10 bins): bot head {_fmt(ece_cv_bot)} and fake-follower head "
            f"{_fmt(ece_cv_fake)} on 5-fold out-of-fold predictions over all sources; bot head "
            f"{_fmt(ece_lodo)} pooled over leave-one-dataset-out predictions, where each source's shift dominates "
            "(per source: " + ", ".join(f"{s} {_fmt(expected_calibration_error(h.y, h.bot_p)[0])}"
                                        for s, h in held.items()) + ").", "",
            "![reliability](img/account_reliability.png)", "",
            "### Missing fields (leave-one-dataset-out predictions, pooled)", "",
            "| fields shown | AUC | mean change in bot probability | wholesale verdict flips | firm verdict -> uncertain |",
            "|---|---|---|---|---|"]
    for view, v in masking.items():
        out.append(f"| {view} | {_fmt(v['auc'])} | {_fmt(v['mean_abs_change'])} | {_fmt(v['wholesale_flips'])} | "
                   f"{_fmt(v['to_uncertain'])} |")
    out += ["", "### Feature importance (mean absolute logit contribution over the training rows)", "",
            "| feature | bot head | fake-follower head |", "|---|---|---|"]
    for f in sorted(ACCOUNT_FEATURES, key=lambda f: -importance["bot"][f] - importance["fake"][f]):
        out.append(f"| `{f}` | {_fmt(importance['bot'][f])} | {_fmt(importance['fake'][f])} |")
    out += ["", "![importance](img/account_importance.png)", ""]
    return "\n".join(out)
