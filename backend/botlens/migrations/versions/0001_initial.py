"""Tokens, feedback, score cache and instance secrets.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("handle", sa.String(320), nullable=False),
        sa.Column("label", sa.String(20), nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "score_cache",
        sa.Column("cache_key", sa.String(64), primary_key=True),
        sa.Column("model_version", sa.String(100), nullable=False),
        sa.Column("result_json", sa.Text, nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_score_cache_expires_at", "score_cache", ["expires_at"])
    op.create_table(
        "instance_secrets",
        sa.Column("name", sa.String(50), primary_key=True),
        sa.Column("value", sa.String(128), nullable=False),
    )


def downgrade():
    op.drop_table("instance_secrets")
    op.drop_index("ix_score_cache_expires_at", table_name="score_cache")
    op.drop_table("score_cache")
    op.drop_table("feedback")
    op.drop_table("api_tokens")
