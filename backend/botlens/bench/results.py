"""One measured figure with its target (issue 8's targets for this 2-core machine) and how it compares."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Metric:
    section: str
    label: str
    value: float | None  # None: not measured (see ``note``)
    unit: str
    target: float | None = None
    higher_is_better: bool = False
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """Measured over target (for "at most" targets) or target over measured (for "at least"): <= 1 meets it."""
        if self.value is None or self.target is None or self.value == 0:
            return None
        return self.target / self.value if self.higher_is_better else self.value / self.target

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "not measured"
        if self.ratio is None:
            return ""
        return "met" if self.ratio <= 1.0 else "MISSED"

    def target_text(self) -> str:
        if self.target is None:
            return ""
        return f"{'>=' if self.higher_is_better else '<='} {_number(self.target)} {self.unit}"

    def value_text(self) -> str:
        return "—" if self.value is None else f"{_number(self.value)} {self.unit}"


def not_measured(section: str, label: str, unit: str, reason: str, target: float | None = None,
                 higher_is_better: bool = False) -> Metric:
    return Metric(section, label, None, unit, target, higher_is_better, note=reason)


def _number(x: float) -> str:
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    if abs(x) >= 100:
        return f"{x:.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"
