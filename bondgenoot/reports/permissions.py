"""Who may see or do what with a report.

A report belongs to an organisation: its members read it, its coordinators make, change and
share it. A funder account sees the versions shared with it and nothing else; a link that
expires shows one version to whoever has it. Everyone else gets a 404.
"""

import datetime
from typing import Any

from django.http import Http404
from django.utils import timezone

from bondgenoot.core.permissions import person_of
from bondgenoot.core.tokens import hash_link_secret
from bondgenoot.people.permissions import can_manage_organisation, membership_of

from .models import Report, ReportShare, ReportVersion


def can_view_report(user: Any, report: Report) -> bool:
    return membership_of(user, report.organisation) is not None


def can_manage_report(user: Any, report: Report) -> bool:
    return can_manage_organisation(user, report.organisation)


def get_report_for(user: Any, pk: int) -> Report:
    report = Report.objects.filter(pk=pk).select_related("organisation", "neighbourhood").first()
    if report is None or not can_view_report(user, report):
        raise Http404
    return report


def get_version_for(user: Any, report: Report, number: int) -> ReportVersion:
    version = ReportVersion.objects.filter(report=report, number=number).first()
    if version is None:
        raise Http404
    return version


def get_share_of(user: Any, report: Report, pk: int) -> ReportShare:
    share = (
        ReportShare.objects.filter(pk=pk, version__report=report)
        .select_related("version", "funder")
        .first()
    )
    if share is None:
        raise Http404
    return share


def share_is_open(share: ReportShare, *, today: datetime.date | None = None) -> bool:
    if share.revoked_at is not None:
        return False
    today = today or timezone.localdate()
    return share.expires_on is None or share.expires_on >= today


def get_share_for_funder(user: Any, pk: int) -> ReportShare:
    """A version shared with this account, while the share is not revoked."""
    person = person_of(user)
    share = (
        ReportShare.objects.filter(pk=pk, funder__isnull=False, funder=person)
        .select_related("version__report__organisation")
        .first()
    )
    if person is None or share is None or not share_is_open(share):
        raise Http404
    return share


def get_share_by_secret(secret: str) -> ReportShare:
    share = (
        ReportShare.objects.filter(token_hash=hash_link_secret(secret))
        .select_related("version__report__organisation")
        .first()
    )
    if share is None or not share_is_open(share):
        raise Http404
    return share
