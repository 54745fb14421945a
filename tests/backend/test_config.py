"""Settings: defaults, then the instance file, then BOTLENS_* variables; every setting documented."""

import re
from pathlib import Path

import pytest

from botlens.app import create_app
from botlens.config import DEFAULTS, from_environment

DOCS = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def test_precedence_defaults_instance_environment(tmp_path, monkeypatch):
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.toml").write_text('RATE_LIMIT = "7/minute"\nLOG_LEVEL = "WARNING"\n')
    monkeypatch.setenv("BOTLENS_LOG_LEVEL", "ERROR")
    app = create_app({"INSTANCE_PATH": str(instance)})
    assert app.config["RATE_LIMIT"] == "7/minute"  # instance file over default
    assert app.config["LOG_LEVEL"] == "ERROR"  # environment over instance file
    assert app.config["PORT"] == DEFAULTS["PORT"]
    assert app.config["DATABASE_URL"] == "sqlite:///" + str(instance / "botlens.sqlite3")


def test_environment_values_take_the_default_type():
    parsed = from_environment({"BOTLENS_PORT": "9000", "BOTLENS_SCORE_CACHE": "off", "BOTLENS_OTHER": "x"})
    assert parsed == {"PORT": 9000, "SCORE_CACHE": False}
    with pytest.raises(ValueError, match="BOTLENS_SCORE_CACHE"):
        from_environment({"BOTLENS_SCORE_CACHE": "maybe"})


def test_every_setting_is_documented():
    documented = set(re.findall(r"`BOTLENS_([A-Z_]+)`", DOCS.read_text()))
    missing = set(DEFAULTS) - documented
    assert not missing, f"settings missing from docs/configuration.md: {sorted(missing)}"
