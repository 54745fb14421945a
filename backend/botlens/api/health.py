"""GET /api/v1/health: is the backend up, and which models does it serve."""

from flask import Blueprint
from sqlalchemy import text

import botlens
from botlens.api.routing import endpoint
from botlens.schemas.service import Health
from botlens.services import current_services

bp = Blueprint("health", __name__)


@endpoint(bp, "/health", method="GET", summary="Service status and model versions", tag="service",
          response=Health, auth=False)
def health() -> Health:
    services = current_services()
    with services.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return Health(status="ok", version=botlens.__version__, models=services.registry.available())
