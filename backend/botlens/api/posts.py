"""POST /api/v1/posts/score: does an account post like a person or like a machine?"""

from flask import Blueprint

from botlens.api.routing import endpoint
from botlens.schemas.posts import ScorePostsRequest, ScorePostsResponse
from botlens.services import current_services

bp = Blueprint("posts", __name__)


def posts_scorer():
    from botlens.scoring.compose import ComposeChecker
    from botlens.scoring.posts import PostsScorer

    services = current_services()
    # The compose endpoint's cached checker, fetched first: the services lock is not re-entrant.
    checker = services.cached("compose_checker", lambda registry: ComposeChecker(registry.get("compose")))
    return services.cached("posts_scorer", lambda registry: PostsScorer(registry.get("posts"), checker))


@endpoint(bp, "/posts/score", summary="Score an account's posting pattern (1 to 1,000 posts)", tag="posts",
          request=ScorePostsRequest, response=ScorePostsResponse, body_limit="MAX_BATCH_BODY_BYTES")
def score_posts(body: ScorePostsRequest) -> ScorePostsResponse:
    return posts_scorer().score(body)
