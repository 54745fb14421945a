"""The registry refuses an artifact whose bytes or scikit-learn version do not match its manifest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from botlens.registry import DEFAULT_MODEL_DIR, ArtifactError, ModelRegistry, read_manifest

pytestmark = pytest.mark.skipif(not (DEFAULT_MODEL_DIR / "account.joblib").exists(),
                                reason="no shipped account model in model/ (run `botlens train`)")


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    manifest = read_manifest(DEFAULT_MODEL_DIR)
    entry = manifest["artifacts"]["account"]
    shutil.copy(DEFAULT_MODEL_DIR / entry["file"], tmp_path / entry["file"])
    (tmp_path / "manifest.json").write_text(json.dumps({"artifacts": {"account": entry}}))
    return tmp_path


def test_the_shipped_account_model_loads(model_copy):
    loaded = ModelRegistry(model_copy).get("account")
    assert loaded.version.startswith("account-")
    assert loaded.entry["training_files"] and loaded.entry["features"]


def test_a_tampered_artifact_is_refused_before_unpickling(model_copy):
    path = model_copy / "account.joblib"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ArtifactError, match="does not match its manifest"):
        ModelRegistry(model_copy).get("account")


def test_another_sklearn_minor_version_is_refused(model_copy):
    manifest = json.loads((model_copy / "manifest.json").read_text())
    manifest["artifacts"]["account"]["sklearn_version"] = "0.24.2"
    (model_copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ArtifactError, match="scikit-learn 0.24.2"):
        ModelRegistry(model_copy).get("account")


def test_a_missing_entry_names_the_fix(tmp_path):
    with pytest.raises(ArtifactError, match="botlens train"):
        ModelRegistry(tmp_path).get("account")


def test_shipped_models_were_trained_on_the_shipped_versions_of_the_models_they_read():
    from botlens.training import DEPENDS_ON

    artifacts = read_manifest(DEFAULT_MODEL_DIR)["artifacts"]
    for name, (source, field) in DEPENDS_ON.items():
        assert artifacts[name][field] == artifacts[source]["version"], (
            f"{name} was trained on {artifacts[name][field]}, but {source} is {artifacts[source]['version']}: "
            f"retrain with `botlens train --only {source}` (which retrains {name} too)")


def test_retraining_a_model_retrains_the_models_trained_on_it():
    from botlens.training import trainers, with_dependents

    assert with_dependents(["compose"]) == ["compose", "posts"]
    assert with_dependents(["account"]) == ["account", "quantifier"]
    assert with_dependents(["posts"]) == ["posts"]
    assert with_dependents(["posts", "account"]) == [n for n in trainers() if n in {"posts", "account", "quantifier"}]
