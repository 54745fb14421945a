"""The database schema, in SQLAlchemy Core. Alembic migrations in ``botlens/migrations`` create it."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text

metadata = MetaData()

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

feedback = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", String(20), nullable=False),
    Column("handle", String(320), nullable=False),
    Column("label", String(20), nullable=False),
    Column("note", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Keys are HMACs under the instance secret, so the cache holds no handle in a form anyone can read back.
score_cache = Table(
    "score_cache",
    metadata,
    Column("cache_key", String(64), primary_key=True),
    Column("model_version", String(100), nullable=False),
    Column("result_json", Text, nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
)

instance_secrets = Table(
    "instance_secrets",
    metadata,
    Column("name", String(50), primary_key=True),
    Column("value", String(128), nullable=False),
)
