"""Loaders map every account source onto Profile, and the column audit blanks what a source did not record."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone

import pytest

from botlens.training.audit import audit_source
from botlens.training.sources import load_account_sources


def test_audit_blanks_a_column_missing_from_one_file_for_the_whole_source():
    files = {
        "genuine.csv": [{"url": "https://a.example", "bio": "hi"}, {"url": None, "bio": "yo"}],
        "fake.csv": [{"url": None, "bio": "x"}, {"url": None, "bio": None}],
    }
    rows, report = audit_source("s", files, fill_empty={"url": "", "bio": ""})
    assert "url" in report.missing and "fake.csv" in report.missing["url"]
    assert all(row["url"] is None for row in rows)  # missing, not "no URL", so it cannot mark a class
    assert [row["bio"] for row in rows] == ["hi", "yo", "x", ""]  # a recorded column's blanks are filled


def test_audit_blanks_constant_and_selection_columns():
    files = {"a.json": [{"protected": False, "verified": True, "default_avatar": False},
                        {"protected": False, "verified": True, "default_avatar": True}]}
    rows, report = audit_source("s", files, selection_fields=("verified",))
    assert report.missing["protected"] == "constant across the source"
    assert "sampled" in report.missing["verified"]
    assert "default_avatar" not in report.missing
    assert [r["default_avatar"] for r in rows] == [False, True]
    assert all(r["protected"] is None and r["verified"] is None for r in rows)


def test_constant_check_counts_filled_blanks():
    # A CSV flag written as "1" or blank: blanks are False, so a column with a few "1"s is not constant.
    files = {"a.csv": [{"default_avatar": True}, {"default_avatar": None}]}
    _, report = audit_source("s", files, fill_empty={"default_avatar": False})
    assert "default_avatar" not in report.missing


@pytest.fixture(scope="module")
def sources(data_dir):
    return {s.name: s for s in load_account_sources(data_dir)}


@pytest.mark.needs_data
def test_every_source_loads_with_its_labels(sources):
    expected = {
        "cresci2015": {"human": 1481, "fake_follower": 1337},
        "cresci2017": {"human": 3474, "spambot": 4912},
        "botwiki2019": {"bot": 698},
        "verified2019": {"human": 1987},
    }
    assert {name: dict(Counter(s.kinds)) for name, s in sources.items()} == expected
    for source in sources.values():
        assert len(source.profiles) == len(source.kinds) == len(source.subsets)
        assert source.files and all(len(digest) == 64 for digest in source.files.values())


@pytest.mark.needs_data
def test_observed_at_is_the_collection_time_never_now(sources):
    now = datetime.now(timezone.utc)
    for source in sources.values():
        for profile in source.profiles:
            assert profile.observed_at is not None and profile.observed_at.year <= 2019
            assert profile.created_at is None or profile.created_at <= profile.observed_at < now
    assert {p.observed_at.date().isoformat() for p in sources["cresci2015"].profiles} == {"2015-02-14"}


@pytest.mark.needs_data
def test_audit_findings_per_source(sources):
    missing = {name: set(s.audit.missing) for name, s in sources.items()}
    assert {"url", "verified", "protected"} <= missing["cresci2015"]  # url never exported for the fakes
    assert {"verified", "protected", "default_avatar"} <= missing["cresci2017"]
    assert "verified" in missing["verified2019"]  # the human set was sampled by it
    for name, source in sources.items():
        for field in missing[name]:
            assert all(getattr(p, field) is None for p in source.profiles), (name, field)


@pytest.mark.needs_data
def test_source_identifying_columns_never_reach_a_profile(sources):
    profile = sources["cresci2017"].profiles[0]
    dumped = profile.model_dump()
    for leak in ("dataset", "updated", "crawled_at", "timestamp", "test_set_1", "test_set_2", "id"):
        assert leak not in dumped
