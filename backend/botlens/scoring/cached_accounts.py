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


def score_with_cache(scorer, cache: ScoreCache | None, profiles: list[Profile]) -> list[AccountScore]:
    if cache is None:
        return scorer.score(profiles)
    keys = [cache.key(scorer.version, fingerprint(p)) for p in profiles]
    hits = cache.get_many(keys)
    missing = [i for i, key in enumerate(keys) if key not in hits]
    fresh = scorer.score([profiles[i] for i in missing]) if missing else []
    results: list[AccountScore | None] = [None] * len(profiles)
    to_store: dict[str, dict] = {}
    for i, score in zip(missing, fresh):
        results[i] = score
        # Stored without platform and handle: the cache never holds who was scored.
        to_store[keys[i]] = score.model_dump(mode="json", exclude={"platform", "handle"})
    for i, key in enumerate(keys):
        if results[i] is None:
            results[i] = AccountScore(platform=profiles[i].platform, handle=profiles[i].handle, **hits[key])
    cache.put_many(scorer.version, to_store)
    return results
