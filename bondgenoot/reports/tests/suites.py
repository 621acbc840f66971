"""The reports in the site-wide suites (see bondgenoot/core/tests/suites.py).

gijs coordinates ``w.org`` (a party of amina and bas's alliance) and makes a report with the
secret text in it; he shares one version with a financier (not the "funder" outsider, who must
see nothing) and one by a link.
"""

import datetime
from typing import Any

from bondgenoot.core.tests.outsider_kit import (
    ANON,
    GIJS,
    GUESSED,
    NOT_FOUND,
    OK,
    REFUSED,
    SECRET,
    Target,
)
from bondgenoot.people.tests.factories import PersonFactory
from bondgenoot.reports import services

FINANCIER = "financier"


def _report(w: Any, *, by: Any, organisation: Any) -> Any:
    return services.report_create(
        by=by,
        organisation=organisation,
        title="Ons jaar",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        introduction=f"Inleiding {SECRET}",
        reflection=f"Terugblik {SECRET}",
        ask=f"Vraag {SECRET}",
    )


def outsiders(w: Any) -> None:
    gijs = w.people["gijs"]
    report = _report(w, by=gijs, organisation=w.org)
    financier = PersonFactory(display_name="Femke", user__email="femke@example.org")
    w.people[FINANCIER] = financier
    share = services.report_share_with_funder(report=report, by=gijs, email="femke@example.org")
    link_share, secret = services.report_share_by_link(report=report, by=gijs, valid_days=30)
    w.extra["report"] = report
    w.extra["report_share"] = share
    w.extra["report_link_share"] = link_share
    w.extra["report_secret"] = secret


def _report_kwargs(w: Any) -> dict[str, Any]:
    return {"pk": w.extra["report"].pk}


def _share_kwargs(w: Any) -> dict[str, Any]:
    return {"share_pk": w.extra["report_share"].pk}


# Pages of the organisation: its members only (gijs); everyone else gets a 404.
_member_page = {"kwargs": _report_kwargs, "outsider": NOT_FOUND, "insider": (GIJS, 200)}

OUTSIDER_TARGETS = {
    # One's own list (an outsider's is empty); making one needs an organisation to coordinate.
    "reports:list": Target(lambda w: {}, OK, only="GET", insider=(GIJS, 200)),
    # The coordinator of another organisation makes reports for his own (an empty form).
    "reports:create": Target(lambda w: {}, REFUSED | OK, insider=(GIJS, 200)),
    "reports:detail": Target(only="GET", **_member_page),
    "reports:pdf": Target(only="GET", **_member_page),
    "reports:edit": Target(**_member_page),
    "reports:share": Target(**_member_page),
    "reports:guide": Target(only="GET", **_member_page),
    "reports:guide_pdf": Target(only="GET", **_member_page),
    "reports:version": Target(
        lambda w: {"pk": w.extra["report"].pk, "number": 1},
        NOT_FOUND,
        only="GET",
        insider=(GIJS, 200),
    ),
    "reports:share_revoke": Target(
        lambda w: {"pk": w.extra["report"].pk, "share_pk": w.extra["report_share"].pk},
        NOT_FOUND,
        insider=(GIJS, 200),
    ),
    # What was shared with the financier: nobody else.
    "reports:shared_list": Target(lambda w: {}, OK, only="GET", insider=(FINANCIER, 200)),
    "reports:shared_detail": Target(_share_kwargs, NOT_FOUND, only="GET", insider=(FINANCIER, 200)),
    "reports:shared_pdf": Target(_share_kwargs, NOT_FOUND, only="GET", insider=(FINANCIER, 200)),
    # A guessed secret finds nothing, logged in or not.
    "reports:shared_link": Target(
        lambda w: {"secret": GUESSED},
        NOT_FOUND,
        only="GET",
        anonymous=NOT_FOUND,
        insider=(ANON, 200),
        insider_kwargs=lambda w: {"secret": w.extra["report_secret"]},
    ),
    "reports:shared_link_pdf": Target(
        lambda w: {"secret": GUESSED},
        NOT_FOUND,
        only="GET",
        anonymous=NOT_FOUND,
        insider=(ANON, 200),
        insider_kwargs=lambda w: {"secret": w.extra["report_secret"]},
    ),
}

INSIDER_SEES_SECRET = {"reports:detail", "reports:edit", "reports:shared_detail", "reports:guide"}

FINGERPRINT_SKIP = {
    # Every opening of a shared report is recorded on purpose (the coordinator sees who read
    # it and when): a GET-time write, like "Wie keek er mee".
    "reports.ReportOpening": "every opening of a shared report is recorded",
}


# Axe on every page: amina coordinates w.own_org; she makes a report and shares it with bas.


def every_page(w: Any) -> None:
    report = _report(w, by=w.amina, organisation=w.own_org)
    share = services.report_share_with_funder(report=report, by=w.amina, email=w.bas.user.email)
    _link_share, secret = services.report_share_by_link(report=report, by=w.amina)
    w.extra["report"] = report
    w.extra["report_share"] = share
    w.extra["report_secret"] = secret


EVERY_PAGE_KWARGS = {
    "reports:detail": _report_kwargs,
    "reports:pdf": _report_kwargs,
    "reports:edit": _report_kwargs,
    "reports:share": _report_kwargs,
    "reports:guide": _report_kwargs,
    "reports:guide_pdf": _report_kwargs,
    "reports:version": lambda w: {"pk": w.extra["report"].pk, "number": 1},
    "reports:share_revoke": lambda w: {
        "pk": w.extra["report"].pk,
        "share_pk": w.extra["report_share"].pk,
    },
    "reports:shared_link": lambda w: {"secret": w.extra["report_secret"]},
    "reports:shared_link_pdf": lambda w: {"secret": w.extra["report_secret"]},
    # Shared with bas, not with amina: her answer is the 404 page (checked with axe too).
    "reports:shared_detail": _share_kwargs,
    "reports:shared_pdf": _share_kwargs,
}
EVERY_PAGE_STATUS = {"reports:shared_detail": 404, "reports:shared_pdf": 404}


# Hostile input: amina coordinates w.org.


def hostile(w: Any) -> None:
    report = _report(w, by=w.amina, organisation=w.org)
    share = services.report_share_with_funder(report=report, by=w.amina, email="bas@example.org")
    _link_share, secret = services.report_share_by_link(report=report, by=w.amina)
    w.extra["report"] = report
    w.extra["report_share"] = share
    w.extra["report_secret"] = secret


HOSTILE_KWARGS = {
    **{
        name: EVERY_PAGE_KWARGS[name]
        for name in EVERY_PAGE_KWARGS
        if name not in {"reports:shared_detail", "reports:shared_pdf"}
    },
}
