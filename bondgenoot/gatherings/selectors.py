"""Reads for gatherings, already scoped to the viewer. Query counts here are pinned by tests."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from bondgenoot.people.models import Person

from . import report as report_text
from .models import (
    ConversationGroup,
    Gathering,
    GatheringReport,
    GatheringRole,
    HarvestItem,
    HarvestKind,
    Registration,
    RegistrationStatus,
)
from .permissions import gathering_abilities, gatherings_visible_to
from .services import waiting_position

PAGE_SIZE = 12
UPCOMING = "upcoming"
PAST = "past"


def _with_counts(gatherings: QuerySet[Any]) -> QuerySet[Any]:
    return gatherings.annotate(
        registered_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)
        ),
        waiting_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
        ),
    )


def gathering_list(user: Any, *, when: str = UPCOMING, page: Any = 1) -> Page[Any]:
    """Upcoming gatherings (soonest first) or past ones (latest first). Two queries a page."""
    now = timezone.now()
    visible = gatherings_visible_to(user).annotate(until=Coalesce("ends_at", "starts_at"))
    if when == PAST:
        chosen = visible.filter(until__lt=now).order_by("-starts_at", "-id")
    else:
        chosen = visible.filter(until__gte=now).order_by("starts_at", "id")
    return Paginator(_with_counts(chosen.select_related("organisation")), PAGE_SIZE).get_page(page)


def _roles(gathering: Gathering) -> list[GatheringRole]:
    return list(GatheringRole.objects.filter(gathering=gathering).select_related("person"))


def gathering_page(person: Person, gathering: Gathering) -> dict[str, Any]:
    """Everything on the page of a gathering that ``get_gathering_for`` let this person see."""
    roles = _roles(gathering)
    counts = Registration.objects.filter(gathering=gathering).aggregate(
        registered_count=Count("pk", filter=Q(status=RegistrationStatus.REGISTERED)),
        waiting_count=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
    )
    mine = Registration.objects.filter(gathering=gathering, person=person).first()
    my_group = (
        ConversationGroup.objects.filter(gathering=gathering, members=person)
        .prefetch_related(Prefetch("members", queryset=Person.objects.order_by("display_name")))
        .first()
    )
    report = (
        GatheringReport.objects.filter(gathering=gathering, published_at__isnull=False)
        .order_by("-version")
        .only("pk", "published_at", "version", "gathering_id")
        .first()
    )
    abilities = gathering_abilities(person, gathering)
    is_full = gathering.max_participants is not None and (
        counts["registered_count"] >= gathering.max_participants
    )
    return {
        "gathering": gathering,
        "person": person,
        "hosts": [r for r in roles if r.role == "host"],
        "guests": [r for r in roles if r.role == "guest"],
        "registered_count": counts["registered_count"],
        "waiting_count": counts["waiting_count"],
        "is_full": is_full,
        "registration": mine if mine and mine.status != RegistrationStatus.WITHDRAWN else None,
        "waiting_position": waiting_position(mine) if mine else None,
        "my_group": my_group,
        "published_report": report,
        **abilities,
    }


def participants(gathering: Gathering) -> dict[str, list[Registration]]:
    """The registrations of a gathering by status, in order of arrival. One query."""
    rows = list(
        Registration.objects.filter(gathering=gathering)
        .select_related("person")
        .order_by("queued_at", "id")
    )
    return {
        "registered": [r for r in rows if r.status == RegistrationStatus.REGISTERED],
        "waiting": [r for r in rows if r.status == RegistrationStatus.WAITING],
        "withdrawn": [r for r in rows if r.status == RegistrationStatus.WITHDRAWN],
    }


def roles(gathering: Gathering) -> list[GatheringRole]:
    return _roles(gathering)


def groups(gathering: Gathering) -> list[ConversationGroup]:
    members = Prefetch("members", queryset=Person.objects.order_by("display_name", "id"))
    return list(
        ConversationGroup.objects.filter(gathering=gathering)
        .prefetch_related(members)
        .annotate(harvest_count=Count("harvest"))
    )


def ungrouped(gathering: Gathering, groups: list[ConversationGroup]) -> list[Person]:
    """Registered participants who are in no group yet."""
    grouped = {m.pk for g in groups for m in g.members.all()}
    return [
        r.person
        for r in Registration.objects.filter(
            gathering=gathering, status=RegistrationStatus.REGISTERED
        )
        .select_related("person")
        .order_by("person__display_name", "person_id")
        if r.person_id not in grouped
    ]


def harvest(gathering: Gathering) -> list[HarvestItem]:
    return list(
        HarvestItem.objects.filter(gathering=gathering)
        .select_related("speaker", "group")
        .order_by("kind", "created_at", "id")
    )


def draft_report(gathering: Gathering) -> GatheringReport | None:
    """The latest version, when it is not published yet."""
    latest = GatheringReport.objects.filter(gathering=gathering).order_by("-version").first()
    if latest is None or latest.is_published:
        return None
    return latest


def latest_published(gathering: Gathering) -> GatheringReport | None:
    return (
        GatheringReport.objects.filter(gathering=gathering, published_at__isnull=False)
        .order_by("-version")
        .first()
    )


@dataclass
class ShownReport:
    report: GatheringReport
    gathering: Gathering
    sections: list[report_text.Section]


def shown_report(report: GatheringReport) -> ShownReport:
    """A report as it may be shown now: references resolved with today's consent."""
    data = report_text.load_report_data(report.gathering)
    return ShownReport(
        report=report,
        gathering=report.gathering,
        sections=report_text.render_sections(report, data),
    )


@dataclass
class MyPart:
    """What one person has in gatherings' reports: quotes, a role, their name with a group."""

    quotes: list[HarvestItem]
    roles: list[GatheringRole]
    registrations: list[Registration]


def my_part(person: Person) -> MyPart:
    """Only the person's own quotes, roles and registrations. Three queries."""
    return MyPart(
        quotes=list(
            HarvestItem.objects.filter(speaker=person, kind=HarvestKind.QUOTE)
            .select_related("gathering")
            .order_by("-gathering__starts_at", "created_at", "id")
        ),
        roles=list(
            GatheringRole.objects.filter(person=person)
            .select_related("gathering")
            .order_by("-gathering__starts_at", "id")
        ),
        registrations=list(
            Registration.objects.filter(person=person, status=RegistrationStatus.REGISTERED)
            .select_related("gathering")
            .order_by("-gathering__starts_at", "id")
        ),
    )
