"""Cache of account scores keyed by an HMAC of (platform, handle, shown fields) and the model version."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime, timedelta, timezone

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import IntegrityError

from botlens.storage.tables import score_cache


class ScoreCache:
    def __init__(self, engine: Engine, secret: bytes, ttl_seconds: int):
        self.engine = engine
        self.secret = secret
        self.ttl = timedelta(seconds=ttl_seconds)

    def key(self, model_version: str, fingerprint: str) -> str:
        return hmac.new(self.secret, f"{model_version}\x00{fingerprint}".encode(), hashlib.sha256).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, dict]:
        if not keys:
            return {}
        now = datetime.now(timezone.utc)
        found: dict[str, dict] = {}
        with self.engine.connect() as conn:
            # Chunked so that a 1,000-account batch stays under every database's bound-parameter limit.
            unique = list(dict.fromkeys(keys))
            for start in range(0, len(unique), 500):
                rows = conn.execute(
                    select(score_cache.c.cache_key, score_cache.c.result_json, score_cache.c.expires_at).where(
                        score_cache.c.cache_key.in_(unique[start : start + 500])
                    )
                )
                for key, payload, expires in rows:
                    if expires.tzinfo is None:
                        expires = expires.replace(tzinfo=timezone.utc)
                    if expires > now:
                        found[key] = json.loads(payload)
        return found

    def put_many(self, model_version: str, entries: dict[str, dict]) -> None:
        if not entries:
            return
        expires = datetime.now(timezone.utc) + self.ttl
        rows = [
            {"cache_key": k, "model_version": model_version, "result_json": json.dumps(v), "expires_at": expires}
            for k, v in entries.items()
        ]
        try:
            with self.engine.begin() as conn:
                conn.execute(delete(score_cache).where(score_cache.c.cache_key.in_(list(entries))))
                conn.execute(score_cache.insert(), rows)
        except IntegrityError:
            pass  # another worker cached the same accounts at the same moment; theirs is as good

    def purge_expired(self) -> int:
        with self.engine.begin() as conn:
            return conn.execute(delete(score_cache).where(score_cache.c.expires_at <= datetime.now(timezone.utc))).rowcount
