"""PNG plots for the model card (matplotlib's Agg backend: no display needed)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)


def reliability_plot(tables: dict[str, list[dict]], path: Path, title: str,
                     ylabel: str = "observed share of bots / fakes") -> Path:
    """One reliability curve per table of :func:`expected_calibration_error`."""
    fig, ax = plt.subplots(figsize=(4.5, 4.5), dpi=100)
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", linewidth=1, label="perfect calibration")
    for label, table in tables.items():
        ax.plot([r["mean_probability"] for r in table], [r["observed_rate"] for r in table], marker="o", label=label)
    ax.set_xlabel("predicted probability")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path


def bar_plot(values: dict[str, float], path: Path, title: str, xlabel: str, reference: float | None = None) -> Path:
    names = list(values)
    fig, ax = plt.subplots(figsize=(6, 0.3 * len(names) + 1.2), dpi=100)
    ax.barh(names[::-1], [values[n] for n in names[::-1]], color="#4a7ab5")
    if reference is not None:
        ax.axvline(reference, color="#b5524a", linestyle="--", linewidth=1)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path
