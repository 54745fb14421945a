"""Account scoring through the score cache: look every account up at once, score only the misses in one batch."""

from __future__ import annotations

import json

from botlens.schemas.accounts import AccountScore
from botlens.schemas.profile import Profile
from botlens.storage.score_cache import ScoreCache

# observed_at changes on every page view and moves the age by a day at most within the cache's TTL.
_NOT_IN_FINGERPRINT = {"observed_at"}


def fingerprint(profile: Profile) -> str:
    fields = profile.model_dump(mode="json", exclude=_NOT_IN_FINGERPRINT, exclude_none=True)
    fields["handle"] = profile.handle.lower()
    return json.dumps(fields, sort_keys=True, ensure_ascii=False)


def score_with_cache(scorer, cache: ScoreCache | None, profiles: list[Profile]) -> list[str]:
    """Every profile's ``AccountScore`` as its JSON text (``ScoredAccounts.json_rows``), in request order."""
    if cache is None:
        return scorer.score(profiles).json_rows()
    keys = [cache.key(scorer.version, fingerprint(p)) for p in profiles]
    hits = cache.get_many(keys)
    missing = [i for i, key in enumerate(keys) if key not in hits]
    results: list[str | None] = [None] * len(profiles)
    to_store: dict[str, dict] = {}
    if missing:
        scored = scorer.score([profiles[i] for i in missing])
        for i, row, payload in zip(missing, scored.json_rows(), scored.payloads()):
            results[i] = row
            # Stored without platform and handle: the cache never holds who was scored.
            to_store[keys[i]] = {k: v for k, v in payload.items() if k not in _IDENTITY}
    for i, key in enumerate(keys):
        if results[i] is None:
            # Validated on the way out: the row was written by whichever version of this code filled the cache.
            hit = AccountScore(platform=profiles[i].platform, handle=profiles[i].handle, **hits[key])
            results[i] = json.dumps(hit.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
    cache.put_many(scorer.version, to_store)
    return results


_IDENTITY = ("platform", "handle")
