"""Follower audit: how many of an account's followers look fake, bot or inactive, estimated as population shares
(quantification) with bootstrap intervals, plus the engagement check. See :mod:`botlens.audit.auditor`."""
