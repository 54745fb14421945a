"""The benchmark runs end to end at a tiny size; times are printed by the benchmark, never asserted here."""

from __future__ import annotations

from botlens.bench.inprocess import measure_in_process
from botlens.bench.machine import describe_machine
from botlens.bench.report import KEEP_MARKER, in_process_metrics, render, write_docs
from botlens.bench.results import Metric, not_measured
from botlens.bench.synthetic import synthetic_drafts, synthetic_posts, synthetic_profiles
from botlens.schemas.compose import ComposeCheckRequest
from botlens.schemas.posts import Post
from botlens.schemas.profile import Profile


def test_synthetic_load_is_seeded_valid_and_has_missing_fields():
    profiles = synthetic_profiles(300, seed=3)
    assert profiles == synthetic_profiles(300, seed=3)
    assert profiles != synthetic_profiles(300, seed=4)
    parsed = [Profile.model_validate(p) for p in profiles]
    assert len({p.handle for p in parsed}) > 250
    # Pages rarely show every field: some profiles lack counts, dates or bios.
    for field in ("followers_count", "created_at", "bio", "likes_count"):
        assert 0 < sum(field in p for p in profiles) < len(profiles), field
    for post in synthetic_posts(20, seed=1):
        Post.model_validate(post)
    for draft in synthetic_drafts(8, seed=1):
        ComposeCheckRequest.model_validate(draft)


def test_in_process_part_reports_each_batch_and_the_targets_at_ten_thousand():
    rows = measure_in_process(batches=(1, 7), budget_s=0.0)
    assert [r.batch for r in rows] == [1, 7]
    for row in rows:
        assert row.floor_per_s > 0 and row.score_per_s > 0 and row.repetitions >= 3
        assert row.rendered_per_s > 0 and row.json_per_s > 0
        assert row.overhead == row.floor_per_s / row.score_per_s
        assert row.pipeline_overhead == row.pipeline_floor_per_s / row.score_per_s
        assert row.json_overhead == row.floor_per_s / row.json_per_s
    assert in_process_metrics(rows) == []  # batch 10,000 not measured: no target rows

    rows = measure_in_process(batches=(10_000,), budget_s=0.0)
    labels = [m.label for m in in_process_metrics(rows)]
    structured, as_json = "score, structured reasons", "score + JSON body with sentences"
    assert labels == [f"profiles/s at batch 10,000 ({structured})", f"profiles/s at batch 10,000 ({as_json})",
                      f"overhead vs the Pipelines' predict_proba at batch 10,000 ({structured})",
                      f"overhead vs the lookup tables at batch 10,000 ({structured})",
                      f"overhead vs the lookup tables at batch 10,000 ({as_json})"]
    text = render(describe_machine(), "test", rows, in_process_metrics(rows))
    assert "| 10,000 |" in text and "profiles/s at batch 10,000" in text and "Load average at start" in text


def test_ratios_and_verdicts_follow_the_direction_of_each_target():
    assert Metric("s", "latency", 2.0, "ms", 3.0).verdict == "met"
    assert Metric("s", "latency", 6.0, "ms", 3.0).ratio == 2.0
    assert Metric("s", "throughput", 25_000.0, "profiles/s", 50_000.0, higher_is_better=True).ratio == 2.0
    assert Metric("s", "throughput", 25_000.0, "profiles/s", 50_000.0, higher_is_better=True).verdict == "MISSED"
    assert not_measured("s", "audit", "s", "not available: 404", 1.0).verdict == "not measured"


def test_write_docs_keeps_the_hand_written_part(tmp_path):
    docs = tmp_path / "benchmarks.md"
    write_docs(docs, "first run table")
    docs.write_text(docs.read_text() + "\nWhy the p99 is high: measured notes.\n")
    write_docs(docs, "second run table")
    text = docs.read_text()
    assert "second run table" in text and "first run table" not in text
    assert text.split(KEEP_MARKER, 1)[1].strip() == "Why the p99 is high: measured notes."


def test_bench_command_prints_the_table_and_rejects_bad_options(tmp_path):
    from click.testing import CliRunner

    from botlens.cli.bench import bench_command

    docs = tmp_path / "benchmarks.md"
    result = CliRunner().invoke(bench_command, ["--no-http", "--no-extension", "--quick", "--batches", "1,3",
                                                "--write-docs", "--docs", str(docs)])
    assert result.exit_code == 0, result.output
    assert "| 3 |" in result.output and "### In process" in result.output
    assert "| 3 |" in docs.read_text()
    assert CliRunner().invoke(bench_command, ["--batches", "0,10"]).exit_code == 2
    assert CliRunner().invoke(bench_command, ["--server-env", "PATH=/tmp", "--no-in-process"]).exit_code == 2


def test_both_floors_compute_the_shipped_model():
    """The two floors are the same heads: the Pipelines' logit, with the calibration applied, is the tables'."""
    import numpy as np
    from scipy.special import logit

    from botlens.bench.inprocess import account_scorer, pipelines_predict_proba
    from botlens.bench.synthetic import synthetic_profiles
    from botlens.schemas.profile import Profile

    scorer = account_scorer()
    X, _ = scorer.model.features_of([Profile.model_validate(p) for p in synthetic_profiles(500, seed=3)])
    tables = scorer.model.predict(X)
    for head, from_pipeline, from_tables in zip((scorer.model.bot, scorer.model.fake),
                                                pipelines_predict_proba(scorer.model, X), tables):
        np.testing.assert_allclose(logit(from_pipeline) * head.scale + head.shift, logit(from_tables),
                                   rtol=1e-7, atol=1e-7)
