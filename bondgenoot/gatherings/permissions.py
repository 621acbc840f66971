"""Who may see and do what with gatherings, their registrations, groups, harvest and reports.

The single place for these rules: views and template flags call these predicates.
``get_*_for`` helpers return the object or raise 404 when the person may not see it.

A gathering is visible to the members of its organisation, to the people registered for it
(or on its waiting list), to its speakers and guests with an account and to its organiser.
A gathering without an organisation that the organiser marked *open* is visible to everyone
with an account, so people can register. Nobody else sees it: not site administrators, not
funders, not members of other organisations. The published report is visible to the same
people.

The organiser manages a gathering, and so do the coordinators of its organisation.
A quote belongs to its speaker: only they give or withdraw consent for it.
"""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from bondgenoot.core.permissions import person_of
from bondgenoot.people.models import Membership, MembershipRole, Person

from .models import (
    ConversationGroup,
    Gathering,
    GatheringReport,
    GatheringRole,
    GatheringStatus,
    HarvestItem,
    HarvestKind,
    Registration,
    RegistrationStatus,
)

TAKING_PART = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITING)


def _organisation_ids(person: Person, *, coordinator: bool = False) -> list[int]:
    """Read fresh on every check: someone who leaves an organisation loses access at once."""
    memberships = Membership.objects.filter(person=person)
    if coordinator:
        memberships = memberships.filter(role=MembershipRole.COORDINATOR)
    return list(memberships.order_by().values_list("organisation_id", flat=True))


def visible_condition(person: Person) -> Q:
    """The visibility rule as a condition on Gathering. A draft is only for those who manage
    it: the organiser and the coordinators of its organisation."""
    taking_part = Q(
        pk__in=Registration.objects.filter(person=person, status__in=TAKING_PART).values(
            "gathering_id"
        )
    ) | Q(pk__in=GatheringRole.objects.filter(person=person).values("gathering_id"))
    announced = Q(organisation__isnull=True, is_open=True) | taking_part
    memberships = list(
        Membership.objects.filter(person=person).order_by().values_list("organisation_id", "role")
    )
    if memberships:
        announced |= Q(organisation_id__in=[org for org, _ in memberships])
    condition = Q(organiser=person) | (~Q(status=GatheringStatus.DRAFT) & announced)
    coordinated = [org for org, role in memberships if role == MembershipRole.COORDINATOR]
    if coordinated:
        condition |= Q(organisation_id__in=coordinated)
    return condition


def gatherings_visible_to(user: Any) -> QuerySet[Gathering]:
    person = person_of(user)
    if person is None:
        return Gathering.objects.none()
    return Gathering.objects.filter(visible_condition(person))


def can_view_gathering(user: Any, gathering: Gathering) -> bool:
    return gatherings_visible_to(user).filter(pk=gathering.pk).exists()


def manages(person: Person | None, gathering: Gathering) -> bool:
    """The organiser, or a coordinator of the gathering's organisation."""
    if person is None:
        return False
    if gathering.organiser_id == person.pk:
        return True
    return gathering.organisation_id is not None and gathering.organisation_id in _organisation_ids(
        person, coordinator=True
    )


def can_manage_gathering(user: Any, gathering: Gathering) -> bool:
    return manages(person_of(user), gathering)


def can_create_for_organisation(person: Person, organisation_id: int | None) -> bool:
    """Every member of an organisation may organise a gathering for it."""
    return organisation_id is None or organisation_id in _organisation_ids(person)


def can_register(user: Any, gathering: Gathering) -> bool:
    """While registration is open, everyone who can see the gathering may register."""
    return gathering.status == GatheringStatus.OPEN and can_view_gathering(user, gathering)


def gathering_abilities(person: Person, gathering: Gathering) -> dict[str, bool]:
    """The template flags of a gathering page."""
    can_manage = manages(person, gathering)
    return {
        "can_manage": can_manage,
        "can_register": gathering.status == GatheringStatus.OPEN,
    }


def get_gathering_for(user: Any, pk: int) -> Gathering:
    visible = gatherings_visible_to(user).filter(pk=pk)
    gathering = visible.select_related("organisation", "organiser").first()
    if gathering is None:
        raise Http404
    return gathering


def get_role_for(user: Any, gathering: Gathering, pk: int) -> GatheringRole:
    role = GatheringRole.objects.filter(gathering=gathering, pk=pk).select_related("person").first()
    if role is None:
        raise Http404
    return role


def get_group_for(user: Any, gathering: Gathering, pk: int) -> ConversationGroup:
    group = ConversationGroup.objects.filter(gathering=gathering, pk=pk).first()
    if group is None:
        raise Http404
    return group


def get_harvest_item_for(user: Any, gathering: Gathering, pk: int) -> HarvestItem:
    item = HarvestItem.objects.filter(gathering=gathering, pk=pk).first()
    if item is None:
        raise Http404
    return item


def get_published_report_for(user: Any, gathering: Gathering) -> GatheringReport:
    """The latest published version of the report of a gathering the person can see."""
    report = (
        GatheringReport.objects.filter(gathering=gathering, published_at__isnull=False)
        .order_by("-version")
        .first()
    )
    if report is None:
        raise Http404
    report.gathering = gathering  # already fetched (and checked): no second query
    return report


def get_my_quote_for(user: Any, pk: int) -> HarvestItem:
    """A quote of which this person is the speaker (404 for anyone else)."""
    person = person_of(user)
    item = (
        HarvestItem.objects.filter(pk=pk, kind=HarvestKind.QUOTE, speaker=person).first()
        if person is not None
        else None
    )
    if item is None:
        raise Http404
    return item


def get_my_role_for(user: Any, pk: int) -> GatheringRole:
    """A speaker's or guest's role of this person (404 for anyone else)."""
    person = person_of(user)
    role = GatheringRole.objects.filter(pk=pk, person=person).first() if person else None
    if role is None:
        raise Http404
    return role


def get_my_registration_for(user: Any, pk: int) -> Registration:
    person = person_of(user)
    registration = Registration.objects.filter(pk=pk, person=person).first() if person else None
    if registration is None:
        raise Http404
    return registration
