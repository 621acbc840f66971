"""Import and export of an organisation's members' profiles, for its coordinators.

The uploaded file is read in memory and never stored as a file: after the dry run, the checked
rows are kept in the database for at most 30 minutes under a random key (only its hash is
stored; the key is in the confirmation form) and deleted on confirmation or cancel.
"""

import logging

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from bondgenoot.core.views_helpers import require_person

from . import selectors, services
from .forms import ConfirmForm, ExportForm, UploadForm
from .permissions import get_organisation_for_transfer
from .reading import FileRefused, read_rows
from .uploads import LimitedMemoryUploadHandler
from .writing import CONTENT_TYPES, write_rows

logger = logging.getLogger("bondgenoot.transfer")

SHOW_ADDED = 200  # rows "will be added" listed on the page; every refused row is listed


def _page(request: HttpRequest, organisation, form, report=None, key=None, status=200):
    context = {
        "organisation": organisation,
        "form": form,
        "report": report,
        "key": key,
        "refused": report.refused if report else [],
        "added_shown": [r for r in report.rows if r.ok][:SHOW_ADDED] if report else [],
        "export_form": ExportForm(),
        "transfers": selectors.recent_transfers(organisation),
    }
    return render(request, "transfer/import.html", context, status=status)


@csrf_exempt  # the CSRF check runs in _profile_import, after the upload handler is set
@require_http_methods(["GET", "POST"])
def profile_import(request: HttpRequest, pk: int) -> HttpResponse:
    handler = LimitedMemoryUploadHandler(request)
    request.upload_handlers = [handler]
    return _profile_import(request, pk, handler)


@csrf_protect
def _profile_import(
    request: HttpRequest, pk: int, handler: LimitedMemoryUploadHandler
) -> HttpResponse:
    person = require_person(request)
    organisation = get_organisation_for_transfer(request.user, pk)
    if request.method != "POST":
        return _page(request, organisation, UploadForm())
    form = UploadForm(request.POST, request.FILES)
    if handler.too_large:
        form.is_valid()
        form.errors.pop("file", None)
        form.add_error("file", _("The file is larger than 5 MB. Split it into smaller files."))
        return _page(request, organisation, form)
    if not form.is_valid():
        return _page(request, organisation, form)
    upload = form.cleaned_data["file"]
    try:
        file_format, rows = read_rows(upload.read(), upload.name or "")
    except FileRefused as refused:
        form.add_error("file", refused.message)
        return _page(request, organisation, form)
    report = services.profiles_check(rows=rows)
    key = None
    if report.ok:
        key = services.pending_import_create(
            organisation=organisation, by=person, rows=rows, file_format=file_format
        )
    return _page(request, organisation, UploadForm(), report=report, key=key)


@require_POST
def profile_import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    organisation = get_organisation_for_transfer(request.user, pk)
    form = ConfirmForm(request.POST)
    taken = (
        services.pending_import_take(
            organisation=organisation, by=person, key=form.cleaned_data["key"]
        )
        if form.is_valid()
        else None
    )
    if taken is None:
        messages.error(
            request,
            _(
                "This import is no longer waiting (after 30 minutes it is gone). Upload the file "
                "again."
            ),
        )
        return redirect("transfer:import", pk=organisation.pk)
    file_format, rows = taken
    report = services.profiles_import(
        organisation=organisation, by=person, rows=rows, file_format=file_format
    )
    if not report.ok:
        # Something changed since the dry run (e.g. someone made an account): nothing written.
        return _page(request, organisation, UploadForm(), report=report)
    messages.success(
        request,
        _("%(count)d profiles were added. They can log in with a link by e-mail.")
        % {"count": report.added},
    )
    return redirect("people:organisation_detail", pk=organisation.pk)


@require_POST
def profile_import_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    organisation = get_organisation_for_transfer(request.user, pk)
    services.pending_import_discard(organisation=organisation, by=person)
    messages.success(request, _("The import was cancelled. Nothing was added."))
    return redirect("transfer:import", pk=organisation.pk)


@require_POST
def profile_export(request: HttpRequest, pk: int) -> HttpResponse:
    """A download: POST, because every export is recorded (it holds personal data)."""
    person = require_person(request)
    organisation = get_organisation_for_transfer(request.user, pk)
    form = ExportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose CSV, Excel or JSONL."))
        return redirect("transfer:import", pk=organisation.pk)
    file_format = form.cleaned_data["format"]
    data, count = write_rows(services.export_rows(organisation=organisation), file_format)
    services.export_record(
        organisation=organisation, by=person, file_format=file_format, rows=count
    )
    response = HttpResponse(data, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = (
        f'attachment; filename="profielen-{organisation.pk}.{file_format}"'
    )
    response["Cache-Control"] = "no-store"
    return response
