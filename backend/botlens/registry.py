"""Model registry: writes artifacts with a manifest, and verifies each artifact before it is ever unpickled.

``model/manifest.json`` looks like::

    {"artifacts": {"account": {"file": "account.joblib", "sha256": "...", "sklearn_version": "1.9.1",
                               "version": "account-2026.11.23-3f2a1b", "features": [...],
                               "training_files": {"cresci2015/users.csv": "<sha256>"}, "metrics": {...}}}}

joblib files can run code when loaded, so the hash is checked first: a file that is not the one the
manifest describes is refused, and so is one trained with another scikit-learn minor version.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import joblib
import sklearn

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[2] / "model"
MANIFEST_NAME = "manifest.json"
_manifest_lock = threading.Lock()


class ArtifactError(RuntimeError):
    """An artifact is missing, altered, or from an incompatible scikit-learn."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def read_manifest(model_dir: Path) -> dict[str, Any]:
    path = Path(model_dir) / MANIFEST_NAME
    if not path.exists():
        return {"artifacts": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def save_artifact(
    model_dir: Path,
    name: str,
    obj: Any,
    *,
    features: list[str] | None = None,
    training_files: dict[str, str] | None = None,
    metrics: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Dump ``obj`` to ``model_dir/<name>.joblib`` and record it in the manifest (other entries are kept)."""
    model_dir = Path(model_dir)
    model_dir.mkdir(parents=True, exist_ok=True)
    path = model_dir / f"{name}.joblib"
    joblib.dump(obj, path, compress=3)
    digest = sha256_file(path)
    entry = {
        "file": path.name,
        "sha256": digest,
        "sklearn_version": sklearn.__version__,
        "version": f"{name}-{datetime.now(timezone.utc):%Y.%m.%d}-{digest[:8]}",
        "features": list(features or []),
        "training_files": dict(training_files or {}),
        "metrics": dict(metrics or {}),
        **(extra or {}),
    }
    with _manifest_lock:
        manifest = read_manifest(model_dir)
        manifest.setdefault("artifacts", {})[name] = entry
        tmp = model_dir / (MANIFEST_NAME + ".tmp")
        tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, model_dir / MANIFEST_NAME)
    return entry


def update_metrics(model_dir: Path, name: str, metrics: dict[str, Any]) -> None:
    """Merge evaluation figures into an artifact's manifest entry without touching its hash."""
    with _manifest_lock:
        manifest = read_manifest(model_dir)
        manifest["artifacts"][name].setdefault("metrics", {}).update(metrics)
        tmp = Path(model_dir) / (MANIFEST_NAME + ".tmp")
        tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, Path(model_dir) / MANIFEST_NAME)


@dataclass
class LoadedModel:
    name: str
    version: str
    obj: Any
    entry: dict[str, Any] = field(repr=False)


class ModelRegistry:
    """Loads verified artifacts lazily and keeps them for the life of the process."""

    def __init__(self, model_dir: Path | str = DEFAULT_MODEL_DIR):
        self.model_dir = Path(model_dir)
        self._loaded: dict[str, LoadedModel] = {}
        self._lock = threading.Lock()

    def manifest(self) -> dict[str, Any]:
        return read_manifest(self.model_dir)

    def verify(self, name: str) -> dict[str, Any]:
        entries = self.manifest().get("artifacts", {})
        if name not in entries:
            raise ArtifactError(f"model '{name}' is not in {self.model_dir / MANIFEST_NAME}; run `botlens train`")
        entry = entries[name]
        path = self.model_dir / entry["file"]
        if not path.exists():
            raise ArtifactError(f"model file {path} is missing; run `botlens train`")
        if _minor(entry["sklearn_version"]) != _minor(sklearn.__version__):
            raise ArtifactError(
                f"model '{name}' was trained with scikit-learn {entry['sklearn_version']} but "
                f"{sklearn.__version__} is installed; install scikit-learn=={_minor(entry['sklearn_version'])}.* "
                "or retrain with `botlens train`"
            )
        actual = sha256_file(path)
        if actual != entry["sha256"]:
            raise ArtifactError(
                f"model file {path} does not match its manifest (sha256 {actual[:12]}…, expected "
                f"{entry['sha256'][:12]}…); refusing to load it"
            )
        return entry

    def get(self, name: str) -> LoadedModel:
        with self._lock:
            if name not in self._loaded:
                entry = self.verify(name)
                obj = joblib.load(self.model_dir / entry["file"])
                self._loaded[name] = LoadedModel(name=name, version=entry["version"], obj=obj, entry=entry)
            return self._loaded[name]

    def available(self) -> dict[str, str]:
        """Name -> version for every artifact in the manifest (without loading them)."""
        return {name: e["version"] for name, e in self.manifest().get("artifacts", {}).items()}

    def preload(self) -> None:
        for name in self.available():
            self.get(name)
