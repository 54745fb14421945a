"""Reading Profiles from JSONL files, with a clear message for every line that is not one."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import ValidationError

from botlens.errors import field_errors
from botlens.schemas.profile import Profile


@dataclass(frozen=True)
class LineError:
    line: int
    message: str


def read_profiles(lines: Iterable[str]) -> Iterator[tuple[int, Profile | LineError]]:
    """Yield (line number, Profile or LineError) for every non-blank line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, LineError(number, f"not valid JSON: {exc.msg}")
            continue
        if not isinstance(data, dict):
            yield number, LineError(number, "expected a JSON object")
            continue
        try:
            yield number, Profile.model_validate(data)
        except ValidationError as exc:
            first = field_errors(exc.errors(include_url=False, include_input=False))[0]
            yield number, LineError(number, f"{first['field']}: {first['message']}")


def batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
