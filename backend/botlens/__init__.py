"""BotLens backend: scores how bot-like or fake social-media accounts look, and explains why."""

__version__ = "0.1.0"


def create_app(config=None):
    """Build the Flask application (see :mod:`botlens.app`)."""
    from botlens.app import create_app as _create_app

    return _create_app(config)
