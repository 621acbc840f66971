"""Report pages: thin views over permissions, selectors, services and ``content.build``."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bondgenoot.core.forms import add_service_error
from bondgenoot.core.pdf import PdfUnavailable, pdf_response, render_pdf
from bondgenoot.core.permissions import person_of
from bondgenoot.core.views_helpers import page_number, require, require_person

from . import content as report_content
from . import permissions, selectors, services
from .charts import network_chart
from .forms import ReportForm, ShareByLinkForm, ShareWithFunderForm
from .models import Report, ReportShare, ReportVersion


def _context(content: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "c": content,
        "chart": network_chart(content["network"]["months"]),
        **extra,
    }


def _pdf(
    request: HttpRequest, template: str, context: dict[str, Any], *, filename: str, back: str
) -> HttpResponse:
    try:
        pdf = render_pdf(template, context, request=request)
    except PdfUnavailable:
        messages.error(request, _("A PDF cannot be made on this server right now."))
        return redirect(back)
    return pdf_response(pdf, filename=filename)


def _filename(content: dict[str, Any], suffix: str = "") -> str:
    return f"verantwoording-{content['period_start']}-{content['period_end']}{suffix}.pdf"


# The organisation's own pages ----------------------------------------------------------------


@require_http_methods(["GET"])
def report_list(request: HttpRequest) -> HttpResponse:
    reports = selectors.reports_visible_to(request.user)
    page = Paginator(reports, 20).get_page(page_number(request))
    can_create = selectors.organisations_to_report_on(request.user).exists()
    return render(request, "reports/report_list.html", {"page": page, "can_create": can_create})


@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest) -> HttpResponse:
    person = require_person(request)
    organisations = selectors.organisations_to_report_on(request.user)
    require(organisations.exists())
    form = ReportForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The report has been made. Read it through below."))
            return redirect("reports:detail", pk=report.pk)
    return render(request, "reports/report_form.html", {"form": form})


@require_http_methods(["GET"])
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The report as it is now (read fresh), with its versions, shares and openings."""
    report = permissions.get_report_for(request.user, pk)
    content, _depends = report_content.build(report)
    can_manage = permissions.can_manage_report(request.user, report)
    context = _context(
        content,
        report=report,
        can_manage=can_manage,
        versions=selectors.versions_of(report) if can_manage else [],
        shares=selectors.shares_of(report) if can_manage else [],
        openings=selectors.openings_of(report) if can_manage else [],
    )
    return render(request, "reports/report_detail.html", context)


@require_http_methods(["GET"])
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = permissions.get_report_for(request.user, pk)
    content, _depends = report_content.build(report)
    return _pdf(
        request,
        "reports/report_pdf.html",
        _context(content),
        filename=_filename(content),
        back=reverse("reports:detail", args=[report.pk]),
    )


@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    report = permissions.get_report_for(request.user, pk)
    require(permissions.can_manage_report(request.user, report))
    form = ReportForm(
        request.POST or None,
        instance=report,
        organisations=selectors.organisations_to_report_on(request.user),
    )
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if k != "organisation"}
        try:
            services.report_update(report=Report.objects.get(pk=report.pk), by=person, **changes)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("reports:detail", pk=report.pk)
    return render(request, "reports/report_form.html", {"form": form, "report": report})


@require_http_methods(["GET", "POST"])
def report_share(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    report = permissions.get_report_for(request.user, pk)
    require(permissions.can_manage_report(request.user, report))
    how = request.POST.get("how", "")
    funder_form = ShareWithFunderForm(request.POST if how == "funder" else None, prefix="funder")
    link_form = ShareByLinkForm(request.POST if how == "link" else None, prefix="link")
    if request.method == "POST" and how not in {"funder", "link"}:
        funder_form = ShareWithFunderForm(request.POST, prefix="funder")
        funder_form.add_error(None, _("Choose how you want to share: with an account or a link."))
    elif request.method == "POST":
        try:
            if how == "funder" and funder_form.is_valid():
                share = services.report_share_with_funder(
                    report=report, by=person, email=funder_form.cleaned_data["email"]
                )
                messages.success(
                    request,
                    _("Version %(number)s has been shared with %(name)s.")
                    % {"number": share.version.number, "name": share.funder},
                )
                return redirect(reverse("reports:detail", args=[report.pk]) + "#delen")
            if how == "link" and link_form.is_valid():
                share, secret = services.report_share_by_link(
                    report=report, by=person, valid_days=link_form.cleaned_data["valid_days"]
                )
                link = request.build_absolute_uri(reverse("reports:shared_link", args=[secret]))
                return render(
                    request,
                    "reports/link_created.html",
                    {"report": report, "share": share, "link": link},
                )
        except ValidationError as error:
            add_service_error(funder_form if how == "funder" else link_form, error)
    return render(
        request,
        "reports/report_share.html",
        {"report": report, "funder_form": funder_form, "link_form": link_form},
    )


@require_http_methods(["GET", "POST"])
def share_revoke(request: HttpRequest, pk: int, share_pk: int) -> HttpResponse:
    person = require_person(request)
    report = permissions.get_report_for(request.user, pk)
    require(permissions.can_manage_report(request.user, report))
    share = permissions.get_share_of(request.user, report, share_pk)
    back = reverse("reports:detail", args=[report.pk]) + "#delen"
    if request.method == "POST":
        services.share_revoke(share=share, by=person)
        messages.success(request, _("Sharing has stopped. The report can no longer be opened."))
        return redirect(back)
    return render(
        request,
        "core/confirm.html",
        {
            "title": _("Stop sharing?"),
            "text": _(
                "Whoever you shared it with can no longer open version %(number)s of this "
                "report, from now on."
            )
            % {"number": share.version.number},
            "confirm_label": _("Yes, stop sharing"),
            "cancel_url": back,
        },
    )


@require_http_methods(["GET"])
def version_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    report = permissions.get_report_for(request.user, pk)
    version = permissions.get_version_for(request.user, report, number)
    problems = selectors.version_problems(version)
    # A withdrawn version shows only why: its content is not read (it may even be gone, when
    # someone in it deleted their account).
    context = {} if problems else _context(version.content)
    return render(
        request,
        "reports/version_detail.html",
        {**context, "report": report, "version": version, "problems": problems},
    )


@require_http_methods(["GET"])
def guide(request: HttpRequest, pk: int) -> HttpResponse:
    """A printable agenda for the conversation with the funder, built from the report."""
    report = permissions.get_report_for(request.user, pk)
    content, _depends = report_content.build(report)
    return render(request, "reports/guide.html", _context(content, report=report))


@require_http_methods(["GET"])
def guide_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = permissions.get_report_for(request.user, pk)
    content, _depends = report_content.build(report)
    return _pdf(
        request,
        "reports/guide_pdf.html",
        _context(content, report=report),
        filename=_filename(content, "-gesprek"),
        back=reverse("reports:guide", args=[report.pk]),
    )


# What a funder sees ----------------------------------------------------------------------------


@require_http_methods(["GET"])
def shared_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.shared_with(request.user), 20).get_page(page_number(request))
    return render(request, "reports/shared_list.html", {"page": page})


def _open_shared(
    request: HttpRequest, share: ReportShare, *, as_pdf: bool, pdf_url: str
) -> HttpResponse:
    version: ReportVersion = share.version
    problems = selectors.version_problems(version)
    services.opening_record(share=share, by=person_of(request.user), as_pdf=as_pdf)
    if problems:
        return render(
            request,
            "reports/shared_withdrawn.html",
            {"version": version, "organisation": version.report.organisation},
            status=410,
        )
    context = _context(version.content, version=version, share=share, pdf_url=pdf_url)
    if as_pdf:
        return _pdf(
            request,
            "reports/report_pdf.html",
            context,
            filename=_filename(version.content, f"-v{version.number}"),
            back=pdf_url,
        )
    response = render(request, "reports/shared_detail.html", context)
    response["Cache-Control"] = "no-store"  # also for a link opened without logging in
    return response


@require_http_methods(["GET"])
def shared_detail(request: HttpRequest, share_pk: int) -> HttpResponse:
    share = permissions.get_share_for_funder(request.user, share_pk)
    url = reverse("reports:shared_pdf", args=[share.pk])
    return _open_shared(request, share, as_pdf=False, pdf_url=url)


@require_http_methods(["GET"])
def shared_pdf(request: HttpRequest, share_pk: int) -> HttpResponse:
    share = permissions.get_share_for_funder(request.user, share_pk)
    url = reverse("reports:shared_detail", args=[share.pk])
    return _open_shared(request, share, as_pdf=True, pdf_url=url)


def _share_by_link(request: HttpRequest, secret: str) -> ReportShare | None:
    try:
        return permissions.get_share_by_secret(secret)
    except Http404:
        return None


@login_not_required
@require_http_methods(["GET"])
def shared_link(request: HttpRequest, secret: str) -> HttpResponse:
    share = _share_by_link(request, secret)
    if share is None:
        return render(request, "reports/link_unknown.html", status=404)
    url = reverse("reports:shared_link_pdf", args=[secret])
    return _open_shared(request, share, as_pdf=False, pdf_url=url)


@login_not_required
@require_http_methods(["GET"])
def shared_link_pdf(request: HttpRequest, secret: str) -> HttpResponse:
    share = _share_by_link(request, secret)
    if share is None:
        return render(request, "reports/link_unknown.html", status=404)
    url = reverse("reports:shared_link", args=[secret])
    return _open_shared(request, share, as_pdf=True, pdf_url=url)
