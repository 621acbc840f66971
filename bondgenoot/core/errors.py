"""Errors raised by services. Views turn them into clear Dutch messages."""

from typing import Any

from django.core.exceptions import ValidationError


class ServiceError(ValidationError):
    """A rule of the domain refused the change; the message is for the user."""


class NotAllowed(Exception):
    """The person may see the object but may not do this with it (HTTP 403)."""


class StaleVersion(Exception):
    """Someone else changed the object after the form was opened."""

    def __init__(self, current: Any) -> None:
        super().__init__("stale version")
        self.current = current
