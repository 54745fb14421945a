"""POST /api/v1/feedback: a user's correction of a verdict, kept for retraining."""

from flask import Blueprint

from botlens.api.routing import endpoint
from botlens.schemas.service import FeedbackRequest, FeedbackStored
from botlens.services import current_services
from botlens.storage.feedback import add_feedback

bp = Blueprint("feedback", __name__)


@endpoint(bp, "/feedback", summary="Report a mistaken verdict", tag="feedback", request=FeedbackRequest,
          response=FeedbackStored, status=201)
def post_feedback(body: FeedbackRequest) -> FeedbackStored:
    feedback_id = add_feedback(current_services().engine, platform=body.platform.value, handle=body.handle,
                               label=body.label.value, note=body.note)
    return FeedbackStored(id=feedback_id)
