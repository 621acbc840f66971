"""Reads for the report pages, scoped to the viewer."""

from typing import Any

from django.apps import apps
from django.db.models import Count, Max, QuerySet
from django.utils.translation import gettext as _

from bondgenoot.core.permissions import person_of
from bondgenoot.people.models import Membership, Organisation
from bondgenoot.privacy.models import Consent, Purpose

from .models import Report, ReportShare, ReportVersion


def reports_visible_to(user: Any) -> QuerySet[Report]:
    """The reports of the organisations the person is a member of."""
    person = person_of(user)
    if person is None:
        return Report.objects.none()
    return (
        Report.objects.filter(
            organisation__in=Membership.objects.filter(person=person).values("organisation")
        )
        .select_related("organisation")
        .annotate(
            versions_made=Count("versions", distinct=True), last_version=Max("versions__number")
        )
        .order_by("-period_end", "-id")
    )


def organisations_to_report_on(user: Any) -> QuerySet[Organisation]:
    person = person_of(user)
    if person is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__person=person, memberships__role="coordinator"
    ).order_by("name")


def versions_of(report: Report) -> list[ReportVersion]:
    versions = list(
        report.versions.select_related("made_by")
        .prefetch_related("shares__funder")
        .defer("content")
    )
    for version in versions:
        version.problems = version_problems(version)  # type: ignore[attr-defined]
    return versions


def shares_of(report: Report) -> QuerySet[ReportShare]:
    return (
        ReportShare.objects.filter(version__report=report)
        .select_related("version", "funder", "created_by")
        .annotate(times_opened=Count("openings"), last_opened=Max("openings__opened_at"))
        .order_by("-created_at", "-id")
    )


def openings_of(report: Report, *, limit: int = 50) -> list[Any]:
    from .models import ReportOpening

    return list(
        ReportOpening.objects.filter(share__version__report=report)
        .select_related("share__version", "share__funder", "by")
        .order_by("-opened_at", "-pk")[:limit]
    )


def shared_with(user: Any) -> QuerySet[ReportShare]:
    person = person_of(user)
    if person is None:
        return ReportShare.objects.none()
    return (
        ReportShare.objects.filter(funder=person, revoked_at__isnull=True)
        .select_related("version__report__organisation")
        .defer("version__content")
    )


def version_problems(version: ReportVersion) -> list[str]:
    """Why this frozen version may no longer be shown: a storyteller narrowed the use of
    their story, or someone withdrew consent for their name or their words. The reasons
    never say who."""
    depends = version.depends or {}
    problems: list[str] = []
    story_ids = depends.get("stories", [])
    if story_ids and apps.is_installed("bondgenoot.stories"):
        from bondgenoot.stories.models import Story, StoryStatus, StoryUse

        stories = {s.pk: s for s in Story.objects.filter(pk__in=story_ids).only("use", "status")}
        allowed = {StoryUse.REPORT_ANONYMOUS, StoryUse.PUBLIC_NAMED}
        if any(
            pk not in stories
            or stories[pk].status != StoryStatus.CONFIRMED
            or stories[pk].use not in allowed
            for pk in story_ids
        ):
            problems.append(_("A storyteller no longer wants their story in a report."))
        if any(
            pk in stories and stories[pk].use != StoryUse.PUBLIC_NAMED
            for pk in depends.get("named_stories", [])
        ):
            problems.append(_("A storyteller no longer wants their name with their story."))
    for key, purpose, text in (
        ("named", Purpose.NAME_IN_REPORT, _("Someone no longer wants their name in a report.")),
        ("quoted", Purpose.QUOTE_IN_REPORT, _("Someone no longer wants to be quoted.")),
    ):
        ids = set(depends.get(key, []))
        if ids:
            still = set(
                Consent.objects.filter(person_id__in=ids, purpose=purpose, given=True).values_list(
                    "person_id", flat=True
                )
            )
            if ids - still:
                problems.append(text)
    return problems
