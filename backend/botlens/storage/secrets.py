"""Per-instance secrets, created on first use and kept in the database so every worker shares them."""

from __future__ import annotations

import secrets

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from botlens.storage.tables import instance_secrets


def instance_secret(engine: Engine, name: str) -> bytes:
    with engine.connect() as conn:
        value = conn.execute(select(instance_secrets.c.value).where(instance_secrets.c.name == name)).scalar()
    if value is None:
        try:
            with engine.begin() as conn:
                conn.execute(insert(instance_secrets).values(name=name, value=secrets.token_hex(32)))
        except IntegrityError:
            pass  # another worker created it first; read theirs
        with engine.connect() as conn:
            value = conn.execute(select(instance_secrets.c.value).where(instance_secrets.c.name == name)).scalar_one()
    return bytes.fromhex(value)
