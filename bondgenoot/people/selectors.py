"""Reads for people and organisations, scoped to the viewer."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet

from bondgenoot.alliances.permissions import ally_ids_of
from bondgenoot.core.models import InvitationStatus
from bondgenoot.core.permissions import person_of
from bondgenoot.privacy.models import Purpose
from bondgenoot.privacy.selectors import consent_given

from .models import (
    Membership,
    MembershipRole,
    Organisation,
    OrganisationInvitation,
    Person,
    Visibility,
)
from .permissions import people_visible_to, visible_fields
from .profile import ProfileField

DIRECTORY_PAGE_SIZE = 24


@dataclass
class ShownField:
    field: ProfileField
    value: Any
    visibility: str

    @property
    def label(self) -> Any:
        return self.field.label


@dataclass
class ShownPerson:
    person: Person
    fields: list[ShownField]
    is_self: bool
    is_ally: bool


def _value(person: Person, field: ProfileField) -> Any:
    if field.name == "tags":
        return [t.name for t in person.tags.all()]
    if field.name == "capacity":
        return person
    return getattr(person, field.name)


def shown_person(person: Person, *, is_self: bool, is_ally: bool) -> ShownPerson:
    fields = [
        ShownField(f, _value(person, f), getattr(person, f.visibility_attr))
        for f in visible_fields(person, is_self=is_self, is_ally=is_ally)
    ]
    return ShownPerson(person=person, fields=fields, is_self=is_self, is_ally=is_ally)


def _marked_sensitive(name: str) -> Q:
    """The person marked this profile field as sensitive. ``sensitive_fields`` is a JSON list of
    field names; ``contains`` on JSON does not work on SQLite, so this matches the quoted name in
    the stored JSON text (no field name is part of another one between quotes)."""
    return Q(sensitive_fields__icontains=f'"{name}"')


def directory_page(user: Any, *, query: str = "", page: Any = 1) -> Page[Any]:
    """People the viewer may see, with only the fields they may see. Three queries a page.

    Allies are always listed; other people only when they chose to be findable (consent for
    ``Purpose.FINDABLE``; withdrawing it takes them off the list at once)."""
    viewer = person_of(user)
    if viewer is None:
        return Paginator([], DIRECTORY_PAGE_SIZE).get_page(1)
    ally_ids = ally_ids_of(viewer)
    people = (
        people_visible_to(user, ally_ids)
        # Allies always see each other; anyone else is listed only with their consent.
        .filter(Q(pk__in=ally_ids) | Q(consent_given(Purpose.FINDABLE)))
        .select_related("neighbourhood")
        .prefetch_related("tags")
        .order_by("display_name", "id")
    )
    if query:
        # Search names, and text fields only where the viewer may see them, and never in a part
        # that its owner marked as sensitive: a hit would tell what it says without a look
        # being recorded for them.
        text = Q(display_name__icontains=query)
        for name in ("about", "strengths", "aspirations", "lived_experience"):
            shared = Q(**{f"{name}_visibility": Visibility.MEMBERS}) | Q(
                pk__in=ally_ids, **{f"{name}_visibility": Visibility.ALLIES}
            )
            not_sensitive = ~_marked_sensitive(name) | Q(pk=viewer.pk)
            text |= Q(**{f"{name}__icontains": query}) & shared & not_sensitive
        people = people.filter(text)
    paged: Page[Any] = Paginator(people, DIRECTORY_PAGE_SIZE).get_page(page)
    paged.object_list = [
        shown_person(p, is_self=p.pk == viewer.pk, is_ally=p.pk in ally_ids)
        for p in paged.object_list
    ]
    return paged


def organisations_page(*, page: Any = 1) -> Page[Any]:
    organisations = (
        Organisation.objects.select_related("neighbourhood")
        .annotate(member_count=Count("memberships"))
        .order_by("name")
    )
    return Paginator(organisations, DIRECTORY_PAGE_SIZE).get_page(page)


def organisation_members(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("person").order_by(
        "-role", "person__display_name"
    )


def organisation_coordinators(organisation: Organisation) -> list[Person]:
    return [
        m.person
        for m in organisation.memberships.filter(role=MembershipRole.COORDINATOR).select_related(
            "person"
        )
    ]


def open_organisation_invitations(organisation: Organisation) -> QuerySet[OrganisationInvitation]:
    return organisation.invitations.filter(status=InvitationStatus.OPEN).select_related(
        "created_by"
    )


def my_organisations(user: Any) -> QuerySet[Membership]:
    person = person_of(user)
    if person is None:
        return Membership.objects.none()
    return Membership.objects.filter(person=person).select_related("organisation")


def coordinated_organisations(user: Any) -> QuerySet[Organisation]:
    person = person_of(user)
    if person is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__person=person, memberships__role=MembershipRole.COORDINATOR
    )
