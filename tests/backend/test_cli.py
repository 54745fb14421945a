"""The CLI: every command documented, tokens managed, profiles scored offline."""

import io
import json

import pytest
from click.testing import CliRunner

from botlens.cli import main
from botlens.cli.score import score_file


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.setenv("BOTLENS_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.delenv("BOTLENS_API_TOKEN", raising=False)
    return CliRunner()


def test_every_command_has_help(runner):
    top = runner.invoke(main, ["--help"])
    assert top.exit_code == 0
    for name, command in main.commands.items():
        assert name in top.output
        assert command.help, f"botlens {name} has no help text"
        assert runner.invoke(main, [name, "--help"]).exit_code == 0


def test_token_create_list_revoke(runner):
    created = runner.invoke(main, ["token", "create", "--name", "laptop"])
    assert created.exit_code == 0
    token = created.output.strip()
    assert token.startswith("bl_") and len(token) > 30
    listed = runner.invoke(main, ["token", "list"])
    assert "laptop" in listed.output and "active" in listed.output and token not in listed.output
    assert runner.invoke(main, ["token", "revoke", "laptop"]).exit_code == 0
    assert "revoked" in runner.invoke(main, ["token", "list"]).output
    again = runner.invoke(main, ["token", "revoke", "laptop"])
    assert again.exit_code != 0 and "no active token" in again.output


def test_feedback_export_command(runner, tmp_path):
    out = tmp_path / "fb.jsonl"
    result = runner.invoke(main, ["feedback", "export", "--out", str(out)])
    assert result.exit_code == 0
    assert out.read_text() == ""
    assert "exported 0" in result.output


def test_score_file_reports_bad_lines_and_scores_the_rest():
    from botlens.registry import ModelRegistry
    from botlens.scoring.accounts import AccountScorer

    scorer = AccountScorer(ModelRegistry().get("account"))
    source = io.StringIO(
        '{"platform": "x", "handle": "alice", "followers_count": 120, "following_count": 80}\n'
        "\n"
        "{broken\n"
        '{"platform": "x", "handle": "bob", "followers_count": -3}\n'
        '{"platform": "mastodon", "handle": "carol@example.social", "bio": "cyclist"}\n'
    )
    out = io.StringIO()
    scored, problems = score_file(source, out, scorer)
    assert scored == 2
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(3, "not valid JSON"), (4, "followers_count")]
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["handle"] for r in rows] == ["alice", "carol@example.social"]
    assert all(0 <= r["bot_probability"] <= 1 and r["model_version"] == scorer.version for r in rows)
