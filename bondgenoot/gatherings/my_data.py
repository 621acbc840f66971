"""Gatherings in "Mijn gegevens" (contract: ``privacy/sections.py``)."""

from django.utils.translation import gettext_lazy as _

from bondgenoot.people.models import Person
from bondgenoot.privacy.sections import Section

from .models import GatheringRole, HarvestItem, HarvestKind, Registration


def _yes_no(value: bool) -> str:
    return str(_("yes") if value else _("no"))


def sections(person: Person) -> list[Section]:
    registrations = (
        Registration.objects.filter(person=person)
        .select_related("gathering")
        .order_by("-gathering__starts_at", "-id")
    )
    roles = (
        GatheringRole.objects.filter(person=person)
        .select_related("gathering")
        .order_by("-gathering__starts_at", "-id")
    )
    quotes = (
        HarvestItem.objects.filter(speaker=person, kind=HarvestKind.QUOTE)
        .select_related("gathering")
        .order_by("-gathering__starts_at", "-id")
    )
    return [
        Section(
            key="gathering_registrations",
            title=_("Gatherings I registered for"),
            items=[
                {
                    "title": r.gathering.title,
                    "starts_at": r.gathering.starts_at,
                    "status": r.status,
                    "status_label": r.get_status_display(),
                    "name_in_report": r.consent_to_name,
                    "name_in_report_label": _yes_no(r.consent_to_name),
                }
                for r in registrations
            ],
            labels=[
                ("starts_at", _("When")),
                ("status_label", _("Status")),
                ("name_in_report_label", _("My name may be in the report")),
            ],
            empty=_("You have not registered for a gathering."),
            on_delete=_("Deleted. Reports made afterwards do not name you."),
        ),
        Section(
            key="gathering_roles",
            title=_("Gatherings where I spoke or was a guest"),
            items=[
                {
                    "title": r.gathering.title,
                    "starts_at": r.gathering.starts_at,
                    "role": r.role,
                    "role_label": r.get_role_display(),
                    "introduction": r.introduction,
                    "contribution": r.contribution,
                    "name_in_report": r.consent_to_name,
                    "name_in_report_label": _yes_no(r.consent_to_name),
                }
                for r in roles
            ],
            labels=[
                ("starts_at", _("When")),
                ("role_label", _("Role")),
                ("introduction", _("Introduction")),
                ("contribution", _("What I brought in")),
                ("name_in_report_label", _("My name may be in the report")),
            ],
            empty=_("You have not spoken at a gathering."),
            on_delete=_("Deleted. Reports made afterwards do not name you."),
        ),
        Section(
            key="quotes",
            title=_("My quotes"),
            items=[
                {
                    "title": q.gathering.title,
                    "text": q.text,
                    "in_reports": q.speaker_consent,
                    "in_reports_label": _yes_no(q.speaker_consent),
                }
                for q in quotes
            ],
            labels=[("text", _("Quote")), ("in_reports_label", _("May be in reports"))],
            empty=_("Nobody has written down a quote of yours."),
            on_delete=_("Deleted. Reports made afterwards do not have them."),
        ),
    ]
