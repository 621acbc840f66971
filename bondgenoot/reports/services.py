"""Writing reports, freezing them into versions, sharing and recording who opened them."""

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bondgenoot.alliances.models import Alliance
from bondgenoot.core.errors import NotAllowed, ServiceError
from bondgenoot.core.services import notify
from bondgenoot.core.tokens import new_link_secret
from bondgenoot.people.models import Neighbourhood, Organisation, Person
from bondgenoot.people.permissions import can_manage_organisation

from . import content as report_content
from .models import Report, ReportOpening, ReportScope, ReportShare, ReportVersion

LONGEST_PERIOD_DAYS = 3 * 366
LINK_DAYS_MAX = 90


def _require_coordinator(person: Person, organisation: Organisation) -> None:
    if not can_manage_organisation(person.user, organisation):
        raise NotAllowed


def _check_scope(
    *,
    organisation: Organisation,
    scope: str,
    alliances: list[Alliance],
    neighbourhood: Neighbourhood | None,
    period_start: datetime.date,
    period_end: datetime.date,
) -> None:
    if period_end < period_start:
        raise ServiceError(_("The end of the period comes before its start."))
    if (period_end - period_start).days > LONGEST_PERIOD_DAYS:
        raise ServiceError(_("Choose a period of at most three years."))
    if scope == ReportScope.ALLIANCES:
        if not alliances:
            raise ServiceError(_("Choose at least one alliance."))
        own = set(
            Alliance.objects.filter(parties__organisation=organisation).values_list("pk", flat=True)
        )
        if any(a.pk not in own for a in alliances):
            raise ServiceError(_("You can only choose alliances your organisation takes part in."))
    if scope == ReportScope.NEIGHBOURHOOD and neighbourhood is None:
        raise ServiceError(_("Choose the neighbourhood."))


@transaction.atomic
def report_create(
    *,
    by: Person,
    organisation: Organisation,
    title: str,
    period_start: datetime.date,
    period_end: datetime.date,
    scope: str = ReportScope.ORGANISATION,
    alliances: list[Alliance] | None = None,
    neighbourhood: Neighbourhood | None = None,
    introduction: str = "",
    reflection: str = "",
    ask: str = "",
) -> Report:
    _require_coordinator(by, organisation)
    chosen = list(alliances or []) if scope == ReportScope.ALLIANCES else []
    _check_scope(
        organisation=organisation,
        scope=scope,
        alliances=chosen,
        neighbourhood=neighbourhood,
        period_start=period_start,
        period_end=period_end,
    )
    report = Report(
        organisation=organisation,
        title=title,
        scope=scope,
        neighbourhood=neighbourhood if scope == ReportScope.NEIGHBOURHOOD else None,
        period_start=period_start,
        period_end=period_end,
        introduction=introduction,
        reflection=reflection,
        ask=ask,
        created_by=by,
    )
    report.full_clean()
    report.save()
    report.alliances.set(chosen)
    return report


@transaction.atomic
def report_update(*, report: Report, by: Person, **changes: Any) -> Report:
    _require_coordinator(by, report.organisation)
    alliances = changes.pop("alliances", None)
    for name, value in changes.items():
        setattr(report, name, value)
    chosen = list(alliances) if alliances is not None else list(report.alliances.all())
    if report.scope != ReportScope.ALLIANCES:
        chosen = []
    if report.scope != ReportScope.NEIGHBOURHOOD:
        report.neighbourhood = None
    _check_scope(
        organisation=report.organisation,
        scope=report.scope,
        alliances=chosen,
        neighbourhood=report.neighbourhood,
        period_start=report.period_start,
        period_end=report.period_end,
    )
    report.full_clean()
    report.save()
    report.alliances.set(chosen)
    return report


@transaction.atomic
def version_make(*, report: Report, by: Person) -> ReportVersion:
    """Freeze the report as it is now: names replaced, consents as they are now."""
    _require_coordinator(by, report.organisation)
    Report.objects.select_for_update().filter(pk=report.pk).first()
    content, depends = report_content.build(report)
    last = report.versions.aggregate(n=Max("number"))["n"] or 0
    version = ReportVersion(
        report=report, number=last + 1, content=content, depends=depends, made_by=by
    )
    version.full_clean()
    version.save()
    return version


def _funder_by_email(email: str) -> Person:
    user = (
        get_user_model()
        .objects.filter(email__iexact=email.strip(), is_active=True)
        .select_related("person")
        .first()
    )
    person = getattr(user, "person", None) if user is not None else None
    if person is None:
        raise ServiceError(
            _(
                "There is no account with this e-mail address. Ask the funder to make an "
                "account on Bondgenoot first, or share the report with a link."
            )
        )
    return person


@transaction.atomic
def report_share_with_funder(*, report: Report, by: Person, email: str) -> ReportShare:
    """Freeze a new version and share it with one account. The funder gets a notice."""
    _require_coordinator(by, report.organisation)
    funder = _funder_by_email(email)
    if funder.pk == by.pk:
        raise ServiceError(_("You cannot share a report with yourself."))
    version = version_make(report=report, by=by)
    share = ReportShare(version=version, funder=funder, created_by=by)
    share.full_clean()
    share.save()
    link = reverse("reports:shared_detail", args=[share.pk])
    transaction.on_commit(
        lambda: notify(
            people=[funder],
            text=_("%(organisation)s shared a report with you: %(title)s")
            % {"organisation": report.organisation.name, "title": report.title},
            link=link,
        )
    )
    return share


@transaction.atomic
def report_share_by_link(
    *, report: Report, by: Person, valid_days: int = 30
) -> tuple[ReportShare, str]:
    """Freeze a new version and make a link to it that expires. Returns the share and the
    secret for the link (only a hash of it is stored: it is shown once)."""
    _require_coordinator(by, report.organisation)
    if not 1 <= valid_days <= LINK_DAYS_MAX:
        raise ServiceError(_("A link is valid for 1 to %(days)s days.") % {"days": LINK_DAYS_MAX})
    version = version_make(report=report, by=by)
    secret, digest = new_link_secret()
    share = ReportShare(
        version=version,
        token_hash=digest,
        expires_on=timezone.localdate() + datetime.timedelta(days=valid_days),
        created_by=by,
    )
    share.full_clean()
    share.save()
    return share, secret


@transaction.atomic
def share_revoke(*, share: ReportShare, by: Person) -> ReportShare:
    _require_coordinator(by, share.version.report.organisation)
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at", "updated_at"])
    return share


def opening_record(*, share: ReportShare, by: Person | None, as_pdf: bool = False) -> None:
    """Every opening of a shared report is recorded (the coordinator sees the list)."""
    ReportOpening.objects.create(share=share, by=by, as_pdf=as_pdf)
