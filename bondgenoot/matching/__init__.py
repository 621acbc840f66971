"""Bondgenoot zoeken: find people and initiatives whose own words fit a question.

The public interface lives in :mod:`bondgenoot.matching.engine`: ``Document``, ``MatchIndex``,
``Hit`` and ``analyse``. Nothing here knows about Django models; callers turn profiles into
``Document`` objects and decide who may be shown.
"""
