"""Per-source column audit: a field that a source did not really record is missing there, never a signal.

Raw rows are first mapped to Profile-shaped dicts by the loaders in :mod:`botlens.training.sources`, with
``None`` where a row has no value. The audit then looks at each field across a whole source (a folder):

- a field with no value at all in one of the source's files was not recorded in that file, and a field whose
  values are all equal across the source carries no information there; either way the field is set to
  ``None`` for every row of the source, so that "missing" cannot stand in for a class that lives in one file;
- ``selection_fields`` are fields the source was sampled by (``verified`` for a set of verified accounts): they
  identify the source and are dropped from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Fields the audit checks. Loaders give None for an empty cell; all-None in a file means not exported.
AUDITED_FIELDS: tuple[str, ...] = (
    "display_name",
    "bio",
    "followers_count",
    "following_count",
    "posts_count",
    "likes_count",
    "listed_count",
    "created_at",
    "verified",
    "default_avatar",
    "has_banner",
    "location",
    "url",
    "protected",
)


@dataclass
class SourceAudit:
    source: str
    rows: int
    missing: dict[str, str] = field(default_factory=dict)  # field -> why it was set to missing

    def as_dict(self) -> dict[str, object]:
        return {"source": self.source, "rows": self.rows, "missing": dict(sorted(self.missing.items()))}


def audit_source(
    source: str,
    files: dict[str, list[dict]],
    selection_fields: tuple[str, ...] = (),
    fill_empty: dict[str, object] | None = None,
) -> tuple[list[dict], SourceAudit]:
    """Audit the Profile-shaped rows of one source (file name -> rows) and blank the fields that fail.

    ``fill_empty`` gives, for fields that pass, the value an empty cell stands for in this source (CSV
    exports write a false flag or an absent URL as an empty cell): it is filled in only after the audit, so
    a column that is empty in a whole file is still caught as not recorded.
    """
    all_rows = [row for rows in files.values() for row in rows]
    report = SourceAudit(source=source, rows=len(all_rows))
    for name in selection_fields:
        report.missing[name] = "the source was sampled by this field, so it identifies the source"
    for name in AUDITED_FIELDS:
        if name in report.missing:
            continue
        for file_name, rows in files.items():
            if rows and all(row.get(name) is None for row in rows):
                report.missing[name] = f"not recorded in {file_name}"
                break
        else:
            fill = (fill_empty or {}).get(name)
            values = {_hashable(row.get(name, fill) if row.get(name) is not None else fill) for row in all_rows}
            values.discard(None)
            if len(values) <= 1:
                report.missing[name] = "constant across the source"
    fills = {k: v for k, v in (fill_empty or {}).items() if k not in report.missing}
    for row in all_rows:
        for name in report.missing:
            row[name] = None
        for name, value in fills.items():
            if row.get(name) is None:
                row[name] = value
    return all_rows, report


def _hashable(value: object) -> object:
    return value if not isinstance(value, (list, dict)) else repr(value)
