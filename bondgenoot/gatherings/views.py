from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from bondgenoot.core.forms import add_service_error
from bondgenoot.core.pdf import PdfUnavailable, pdf_response, render_pdf
from bondgenoot.core.views_helpers import page_number, require, require_person
from bondgenoot.people.models import Organisation, Person

from . import permissions, selectors, services
from .forms import (
    ConsentForm,
    GatheringForm,
    GroupForm,
    HarvestForm,
    RandomGroupsForm,
    ReportForm,
    RoleForm,
)
from .models import ConversationGroup, Gathering
from .report import section_headings

REPORT_PDF_TEMPLATE = "gatherings/print/report.html"


def _detail_url(gathering: Gathering) -> str:
    return reverse("gatherings:detail", args=[gathering.pk])


def _member_organisations(person: Person, *, also: int | None = None) -> Any:
    """The organisations one may organise for (and the current one, when editing)."""
    condition = Q(memberships__person=person)
    if also is not None:
        condition |= Q(pk=also)
    return Organisation.objects.filter(condition).distinct().order_by("name")


def _managed(request: HttpRequest, pk: int) -> tuple[Person, Gathering]:
    """A gathering the person may see (else 404) and manage (else 403)."""
    person = require_person(request)
    gathering = permissions.get_gathering_for(request.user, pk)
    require(permissions.manages(person, gathering))
    return person, gathering


# The list and the page of a gathering --------------------------------------------------------


@require_http_methods(["GET"])
def gathering_list(request: HttpRequest) -> HttpResponse:
    when = selectors.PAST if request.GET.get("wanneer") == "voorbij" else selectors.UPCOMING
    page = selectors.gathering_list(request.user, when=when, page=page_number(request))
    return render(request, "gatherings/gathering_list.html", {"page": page, "when": when})


@require_http_methods(["GET", "POST"])
def gathering_create(request: HttpRequest) -> HttpResponse:
    person = require_person(request)
    form = GatheringForm(request.POST or None, organisations=_member_organisations(person))
    if request.method == "POST" and form.is_valid():
        try:
            gathering = services.gathering_create(by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("The gathering has been made. Add the speakers and guests.")
            )
            return redirect(_detail_url(gathering))
    return render(request, "gatherings/gathering_form.html", {"form": form, "gathering": None})


@require_http_methods(["GET", "POST"])
def gathering_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person, gathering = _managed(request, pk)
    organisation_before = gathering.organisation_id  # the form changes the instance itself
    form = GatheringForm(
        request.POST or None,
        instance=gathering,
        organisations=_member_organisations(person, also=organisation_before),
    )
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        organisation_id = organisation.pk if organisation else None
        require(
            organisation_id == organisation_before
            or permissions.can_create_for_organisation(person, organisation_id)
        )
        try:
            services.gathering_update(gathering=gathering, by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(_detail_url(gathering))
    return render(request, "gatherings/gathering_form.html", {"form": form, "gathering": gathering})


@require_http_methods(["GET"])
def gathering_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    gathering = permissions.get_gathering_for(request.user, pk)
    return render(
        request, "gatherings/gathering_detail.html", selectors.gathering_page(person, gathering)
    )


@require_POST
def register(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    gathering = permissions.get_gathering_for(request.user, pk)
    require(permissions.can_register(request.user, gathering))
    try:
        registration = services.registration_register(gathering=gathering, person=person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if registration.status == "registered":
            messages.success(request, _("You are registered. See you there!"))
        else:
            messages.info(
                request,
                _(
                    "The gathering is full. You are on the waiting list: when a place opens up, "
                    "you move up and we let you know."
                ),
            )
    return redirect(_detail_url(gathering))


@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    gathering = permissions.get_gathering_for(request.user, pk)
    try:
        services.registration_withdraw(gathering=gathering, person=person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You are no longer registered for this gathering."))
    return redirect(_detail_url(gathering))


@require_http_methods(["GET"])
def participants(request: HttpRequest, pk: int) -> HttpResponse:
    _person, gathering = _managed(request, pk)
    return render(
        request,
        "gatherings/participants.html",
        {"gathering": gathering, **selectors.participants(gathering)},
    )


# Speakers and guests -------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def roles(request: HttpRequest, pk: int) -> HttpResponse:
    person, gathering = _managed(request, pk)
    form = RoleForm(request.POST or None, people=services.people_to_choose(gathering, by=person))
    if request.method == "POST" and form.is_valid():
        try:
            services.role_add(gathering=gathering, by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Added."))
            return redirect("gatherings:roles", pk=gathering.pk)
    return render(
        request,
        "gatherings/roles.html",
        {"gathering": gathering, "roles": selectors.roles(gathering), "form": form},
    )


@require_http_methods(["GET", "POST"])
def role_edit(request: HttpRequest, pk: int, role_pk: int) -> HttpResponse:
    person, gathering = _managed(request, pk)
    role = permissions.get_role_for(request.user, gathering, role_pk)
    form = RoleForm(request.POST or None, instance=role)
    if request.method == "POST" and form.is_valid():
        try:
            services.role_update(role=role, by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("gatherings:roles", pk=gathering.pk)
    return render(
        request, "gatherings/role_form.html", {"gathering": gathering, "role": role, "form": form}
    )


@require_http_methods(["GET", "POST"])
def role_remove(request: HttpRequest, pk: int, role_pk: int) -> HttpResponse:
    person, gathering = _managed(request, pk)
    role = permissions.get_role_for(request.user, gathering, role_pk)
    if request.method == "GET":
        return _confirm_remove(
            request,
            title=_("Remove %(name)s?") % {"name": role.name},
            back=reverse("gatherings:roles", args=[gathering.pk]),
        )
    services.role_remove(role=role, by=person)
    messages.success(request, _("%(name)s has been removed.") % {"name": role.name})
    return redirect("gatherings:roles", pk=gathering.pk)


def _confirm_remove(request: HttpRequest, *, title: str, back: str) -> HttpResponse:
    """Removing asks first (core/confirm.html): the POST of its button removes."""
    return render(
        request,
        "core/confirm.html",
        {
            "title": title,
            "text": _("This cannot be undone."),
            "confirm_label": _("Yes, remove"),
            "cancel_url": back,
        },
    )


# Conversation groups -------------------------------------------------------------------------


def _group_form(
    request: HttpRequest, gathering: Gathering, person: Person, **kwargs: Any
) -> GroupForm:
    people = services.people_to_choose(gathering, by=person)
    return GroupForm(request.POST or None, people=people, **kwargs)


@require_http_methods(["GET", "POST"])
def groups(request: HttpRequest, pk: int) -> HttpResponse:
    """The groups, forming them at random, and making one by hand (POST)."""
    person, gathering = _managed(request, pk)
    form = _group_form(request, gathering, person)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_save(gathering=gathering, by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The group has been made."))
            return redirect("gatherings:groups", pk=gathering.pk)
    shown = selectors.groups(gathering)
    return render(
        request,
        "gatherings/groups.html",
        {
            "gathering": gathering,
            "groups": shown,
            "ungrouped": selectors.ungrouped(gathering, shown),
            "form": form,
            "random_form": RandomGroupsForm(),
        },
    )


@require_POST
def groups_random(request: HttpRequest, pk: int) -> HttpResponse:
    person, gathering = _managed(request, pk)
    form = RandomGroupsForm(request.POST)
    if form.is_valid():
        try:
            made = services.groups_form_random(
                gathering=gathering, by=person, size=form.cleaned_data["size"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            text = ngettext(
                "%(count)d group has been made at random.",
                "%(count)d groups have been made at random.",
                len(made),
            )
            messages.success(request, text % {"count": len(made)})
    else:
        messages.error(request, _("Choose how many people per group."))
    return redirect("gatherings:groups", pk=gathering.pk)


@require_http_methods(["GET", "POST"])
def group_edit(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    person, gathering = _managed(request, pk)
    group = permissions.get_group_for(request.user, gathering, group_pk)
    form = _group_form(request, gathering, person, instance=group)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_save(gathering=gathering, by=person, group=group, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("gatherings:groups", pk=gathering.pk)
    return render(
        request,
        "gatherings/group_form.html",
        {"gathering": gathering, "group": group, "form": form},
    )


@require_http_methods(["GET", "POST"])
def group_remove(request: HttpRequest, pk: int, group_pk: int) -> HttpResponse:
    person, gathering = _managed(request, pk)
    group = permissions.get_group_for(request.user, gathering, group_pk)
    if request.method == "GET":
        return _confirm_remove(
            request,
            title=_("Remove %(name)s?") % {"name": group.name},
            back=reverse("gatherings:groups", args=[gathering.pk]),
        )
    services.group_remove(group=group, by=person)
    messages.success(request, _("%(name)s has been removed.") % {"name": group.name})
    return redirect("gatherings:groups", pk=gathering.pk)


# The harvest ---------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def harvest(request: HttpRequest, pk: int) -> HttpResponse:
    person, gathering = _managed(request, pk)
    form = HarvestForm(
        request.POST or None,
        people=services.people_to_choose(gathering, by=person),
        groups=ConversationGroup.objects.filter(gathering=gathering),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.harvest_add(gathering=gathering, by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Added to the harvest."))
            return redirect("gatherings:harvest", pk=gathering.pk)
    return render(
        request,
        "gatherings/harvest.html",
        {"gathering": gathering, "items": selectors.harvest(gathering), "form": form},
    )


@require_http_methods(["GET", "POST"])
def harvest_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    person, gathering = _managed(request, pk)
    item = permissions.get_harvest_item_for(request.user, gathering, item_pk)
    if request.method == "GET":
        return _confirm_remove(
            request,
            title=_("Remove this from the harvest?"),
            back=reverse("gatherings:harvest", args=[gathering.pk]),
        )
    services.harvest_remove(item=item, by=person)
    messages.success(request, _("Removed from the harvest."))
    return redirect("gatherings:harvest", pk=gathering.pk)


# The report ----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The organiser edits the draft section by section, with a preview as it will be shown."""
    person, gathering = _managed(request, pk)
    draft = selectors.draft_report(gathering)
    form = ReportForm(request.POST or None, instance=draft) if draft else None
    if request.method == "POST":
        if draft is None or form is None:
            raise Http404
        if form.is_valid():
            try:
                services.report_update(report=draft, by=person, **form.cleaned_data)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The text of the report has been saved."))
                return redirect("gatherings:report_edit", pk=gathering.pk)
    return render(
        request,
        "gatherings/report_edit.html",
        {
            "gathering": gathering,
            "draft": draft,
            "form": form,
            "preview": selectors.shown_report(draft) if draft else None,
            "published": selectors.latest_published(gathering),
            "headings": section_headings(),
        },
    )


@require_POST
def report_generate(request: HttpRequest, pk: int) -> HttpResponse:
    """A new draft: from the gathering and its harvest, or from the published text."""
    person, gathering = _managed(request, pk)
    published = selectors.latest_published(gathering)
    if request.POST.get("bron") == "gepubliceerd" and published is not None:
        services.report_copy(report=published, by=person)
        messages.success(request, _("A new version with the published text is ready to edit."))
    else:
        services.report_generate(gathering=gathering, by=person)
        messages.success(request, _("A new draft of the report has been made from the harvest."))
    return redirect("gatherings:report_edit", pk=gathering.pk)


@require_POST
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    person, gathering = _managed(request, pk)
    draft = selectors.draft_report(gathering)
    if draft is None:
        messages.error(request, _("There is no draft to publish."))
        return redirect("gatherings:report_edit", pk=gathering.pk)
    services.report_publish(report=draft, by=person)
    messages.success(request, _("The report has been published."))
    return redirect("gatherings:report", pk=gathering.pk)


@require_http_methods(["GET"])
def report(request: HttpRequest, pk: int) -> HttpResponse:
    require_person(request)
    gathering = permissions.get_gathering_for(request.user, pk)
    published = permissions.get_published_report_for(request.user, gathering)
    return render(
        request,
        "gatherings/report.html",
        {
            "shown": selectors.shown_report(published),
            "gathering": gathering,
            "can_manage": permissions.can_manage_gathering(request.user, gathering),
        },
    )


def report_filename(gathering: Gathering) -> str:
    return f"verslag-{slugify(gathering.title)[:60] or gathering.pk}.pdf"


@require_http_methods(["GET"])
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    require_person(request)
    gathering = permissions.get_gathering_for(request.user, pk)
    published = permissions.get_published_report_for(request.user, gathering)
    try:
        pdf = render_pdf(REPORT_PDF_TEMPLATE, {"shown": selectors.shown_report(published)})
    except PdfUnavailable:
        messages.error(request, _("A PDF cannot be made on this server right now."))
        return redirect("gatherings:report", pk=gathering.pk)
    return pdf_response(pdf, filename=report_filename(gathering))


# My quotes and my name -----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def my_quotes(request: HttpRequest) -> HttpResponse:
    """A person's own quotes, roles and registrations: they say yes or no to each. Only ever
    their own (the services check again)."""
    person = require_person(request)
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if not form.is_valid():
            raise Http404
        what, item_pk = form.cleaned_data["what"], form.cleaned_data["pk"]
        consent = form.cleaned_data["consent"] == "yes"
        if what == "quote":
            item = permissions.get_my_quote_for(request.user, item_pk)
            services.quote_consent_set(item=item, by=person, consent=consent)
        elif what == "role":
            role = permissions.get_my_role_for(request.user, item_pk)
            services.role_consent_set(role=role, by=person, consent=consent)
        else:
            registration = permissions.get_my_registration_for(request.user, item_pk)
            services.registration_consent_set(registration=registration, by=person, consent=consent)
        if consent:
            messages.success(request, _("Thank you. Your answer has been saved."))
        else:
            messages.success(
                request,
                _("Your answer has been saved. It is left out of every report from now on."),
            )
        return redirect("gatherings:my_quotes")
    return render(request, "gatherings/my_quotes.html", {"part": selectors.my_part(person)})
