"""Helpers shared by the per-app permission modules."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bondgenoot.people.models import Person


def person_of(user: Any) -> "Person | None":
    """The profile of a logged-in user, or None (anonymous, or an account without profile)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        return user.person
    except Exception:  # RelatedObjectDoesNotExist
        return None
