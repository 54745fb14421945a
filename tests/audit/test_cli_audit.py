"""``botlens audit FILE.jsonl``: the offline audit writes the JSON report and the PNG histogram."""

import json

from click.testing import CliRunner

from botlens.cli.audit import audit_command
from tests.audit.profiles import followers


def test_audit_file_writes_report_and_histogram(tmp_path):
    source = tmp_path / "followers.jsonl"
    lines = [json.dumps(f) for f in followers(30, 20)] + ["{not json", json.dumps({"platform": "x"})]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, png = tmp_path / "report.json", tmp_path / "hist.png"
    result = CliRunner().invoke(audit_command, [str(source), "--followers-total", "1000", "--sampling", "random",
                                                "--out", str(out), "--histogram", str(png)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["n_scored"] == 50 and report["followers_total"] == 1000
    assert 0.2 < report["fake_share"] < 0.7
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "line 51" in result.output and "line 52" in result.output  # the two rejected lines are named


def test_audit_of_a_file_without_profiles_fails_cleanly(tmp_path):
    source = tmp_path / "empty.jsonl"
    source.write_text("{bad\n", encoding="utf-8")
    result = CliRunner().invoke(audit_command, [str(source)])
    assert result.exit_code != 0 and "no valid follower Profile" in result.output
