"""Corrections users send from the badge card, kept for retraining."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import IO

from sqlalchemy import Engine, func, insert, select

from botlens.storage.tables import feedback


def add_feedback(engine: Engine, *, platform: str, handle: str, label: str, note: str | None) -> int:
    with engine.begin() as conn:
        result = conn.execute(
            insert(feedback).values(
                platform=platform, handle=handle, label=label, note=note, created_at=datetime.now(timezone.utc)
            )
        )
        return int(result.inserted_primary_key[0])


def iter_feedback(engine: Engine) -> Iterator[dict]:
    with engine.connect() as conn:
        for row in conn.execute(select(feedback).order_by(feedback.c.id)).mappings():
            record = dict(row)
            created = record["created_at"]
            if created.tzinfo is None:
                created = created.replace(tzinfo=timezone.utc)
            record["created_at"] = created.isoformat()
            yield record


def export_jsonl(engine: Engine, out: IO[str]) -> int:
    count = 0
    for record in iter_feedback(engine):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def count_feedback(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(feedback)).scalar_one())
