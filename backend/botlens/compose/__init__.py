"""Compose check: rules that say which part of a draft reads as spam, and how rules and model combine.

``rules`` (pure functions of a :class:`~botlens.compose.rules.Draft`), ``phrases`` (their patterns),
``platforms`` (hashtag and mention norms per site) and ``combine`` (one score and a verdict). The text model
lives in :mod:`botlens.training.compose`; :mod:`botlens.scoring.compose` puts the parts together for the API.
"""
