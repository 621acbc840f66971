"""Reads for personal tokens, scoped to the viewer: only ever one's own."""

from typing import Any

from django.db.models import QuerySet

from bondgenoot.core.permissions import person_of

from .models import PersonalToken


def tokens_of(user: Any) -> QuerySet[PersonalToken]:
    person = person_of(user)
    if person is None:
        return PersonalToken.objects.none()
    return PersonalToken.objects.filter(person=person).order_by("-created_at", "-id")
