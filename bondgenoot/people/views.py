from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bondgenoot.audit import services as audit
from bondgenoot.audit.models import AccessPurpose
from bondgenoot.core.forms import add_service_error
from bondgenoot.core.invitations import invitation_digest, invitation_problem
from bondgenoot.core.paper_forms import render_paper_form
from bondgenoot.core.pdf import PdfUnavailable, pdf_response
from bondgenoot.core.permissions import person_of
from bondgenoot.core.views_helpers import page_number, require, require_person

from . import paper, permissions, selectors, services
from .forms import (
    DirectorySearchForm,
    InviteMemberForm,
    OrganisationForm,
    PaperEntryForm,
    ProfileForm,
)
from .models import Membership, MembershipRole, OrganisationInvitation, Person

# The profile fields a card in the directory shows (people/directory.html).
DIRECTORY_CARD_FIELDS = {"strengths", "tags"}


@require_http_methods(["GET"])
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectorySearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    page = selectors.directory_page(request.user, query=query, page=page_number(request))
    viewer = person_of(request.user)
    if viewer is not None:
        audit.record_profile_reads(
            viewer=viewer,
            shown=page.object_list,
            purpose=AccessPurpose.SEARCH_PEOPLE,
            only_fields=DIRECTORY_CARD_FIELDS,
        )
    template = "people/directory.html"
    if request.htmx:  # type: ignore[attr-defined]
        template += "#results"
    return render(request, template, {"form": form, "page": page, "query": query})


@require_http_methods(["GET"])
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person, is_self, is_ally = permissions.get_person_for(request.user, pk)
    shown = selectors.shown_person(person, is_self=is_self, is_ally=is_ally)
    if not is_self:
        audit.record_profile_reads(viewer=require_person(request), shown=[shown])
    context = {
        "shown": shown,
        "person": person,
        "can_enter_paper": permissions.paper_entry_allowed(is_self=is_self, is_ally=is_ally),
    }
    return render(request, "people/person_detail.html", context)


@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    person = require_person(request)
    form = ProfileForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(person=person, by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("people:person_detail", pk=person.pk)
    return render(request, "people/profile_edit.html", {"form": form, "person": person})


# The profile on paper ------------------------------------------------------------------------


def _paper_pdf(request: HttpRequest, person: Person | None) -> HttpResponse:
    try:
        pdf = render_paper_form(paper.profile_paper_form(person))
    except PdfUnavailable:
        messages.error(request, _("A PDF cannot be made on this server right now."))
        return redirect("people:profile_edit")
    return pdf_response(pdf, filename=paper.profile_paper_filename(person))


@require_http_methods(["GET"])
def profile_paper_blank(request: HttpRequest) -> HttpResponse:
    """The empty profile form to print, for anyone logged in (to fill in, or to hand out)."""
    return _paper_pdf(request, None)


@require_http_methods(["GET"])
def profile_paper(request: HttpRequest) -> HttpResponse:
    """One's own profile on paper, filled in with what it says now. Only ever one's own."""
    return _paper_pdf(request, require_person(request))


@require_http_methods(["GET", "POST"])
def profile_paper_entry(request: HttpRequest, pk: int) -> HttpResponse:
    """An ally types in someone's paper profile form, with their consent."""
    by = require_person(request)
    if by.pk == pk:
        return redirect("people:profile_edit")
    person = permissions.get_person_for_paper_entry(request.user, pk)
    form = PaperEntryForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        try:
            paper.profile_enter_from_paper(person=person, by=by, **form.entry_arguments())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Saved. %(name)s gets a message that you typed in their profile.")
                % {"name": person.display_name},
            )
            return redirect("people:person_detail", pk=person.pk)
    return render(request, "people/profile_paper_entry.html", {"form": form, "person": person})


# Organisations -------------------------------------------------------------------------------


@require_http_methods(["GET"])
def organisation_list(request: HttpRequest) -> HttpResponse:
    page = selectors.organisations_page(page=page_number(request))
    mine = selectors.my_organisations(request.user)
    return render(request, "people/organisation_list.html", {"page": page, "mine": mine})


@require_http_methods(["GET", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    person = require_person(request)
    require(permissions.can_create_organisation(request.user))
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("Your organisation has been created. You are its coordinator.")
            )
            return redirect("people:organisation_detail", pk=organisation.pk)
    return render(request, "people/organisation_form.html", {"form": form})


@require_http_methods(["GET"])
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = permissions.get_organisation_for(request.user, pk)
    can_see_members = permissions.can_view_members(request.user, organisation)
    can_manage = permissions.can_manage_organisation(request.user, organisation)
    context = {
        "organisation": organisation,
        "coordinators": selectors.organisation_coordinators(organisation),
        "members": selectors.organisation_members(organisation) if can_see_members else None,
        "membership": permissions.membership_of(request.user, organisation),
        "can_manage": can_manage,
        "invitations": (
            selectors.open_organisation_invitations(organisation) if can_manage else None
        ),
        "roles": MembershipRole,
    }
    return render(request, "people/organisation_detail.html", context)


@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    organisation = permissions.get_organisation_for(request.user, pk)
    require(permissions.can_manage_organisation(request.user, organisation))
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(organisation=organisation, by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("people:organisation_detail", pk=organisation.pk)
    return render(
        request, "people/organisation_form.html", {"form": form, "organisation": organisation}
    )


@require_http_methods(["GET", "POST"])
def organisation_invite(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    organisation = permissions.get_organisation_for(request.user, pk)
    require(permissions.can_manage_organisation(request.user, organisation))
    form = InviteMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation, secret = services.organisation_invitation_create(
            organisation=organisation, by=person, **form.cleaned_data
        )
        link = request.build_absolute_uri(reverse("people:organisation_invitation", args=[secret]))
        services.organisation_invitation_mail(invitation, link=link)
        return render(
            request,
            "people/organisation_invitation_created.html",
            {"organisation": organisation, "invitation": invitation, "link": link},
        )
    return render(
        request, "people/organisation_invite.html", {"form": form, "organisation": organisation}
    )


@require_http_methods(["GET", "POST"])
def organisation_invitation_withdraw(
    request: HttpRequest, pk: int, invitation_pk: int
) -> HttpResponse:
    person = require_person(request)
    organisation = permissions.get_organisation_for(request.user, pk)
    require(permissions.can_manage_organisation(request.user, organisation))
    invitation = get_object_or_404(
        OrganisationInvitation, organisation=organisation, pk=invitation_pk
    )
    if request.method == "POST":
        try:
            services.organisation_invitation_withdraw(invitation=invitation, by=person)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request, _("The invitation has been withdrawn. The link no longer works.")
            )
        return redirect("people:organisation_detail", pk=organisation.pk)
    return render(
        request,
        "core/confirm.html",
        {
            "title": _("Withdraw this invitation?"),
            "text": _("The link will stop working. Nobody can use it any more."),
            "confirm_label": _("Yes, withdraw the invitation"),
            "cancel_url": reverse("people:organisation_detail", args=[organisation.pk]),
        },
    )


@require_POST
def membership_role(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    person = require_person(request)
    organisation = permissions.get_organisation_for(request.user, pk)
    require(permissions.can_manage_organisation(request.user, organisation))
    membership = get_object_or_404(Membership, organisation=organisation, pk=membership_pk)
    role = request.POST.get("role", "")
    if role not in MembershipRole.values:
        messages.error(request, _("Choose a role from the list."))
    else:
        try:
            services.membership_set_role(membership=membership, by=person, role=role)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The role has been changed."))
    return redirect("people:organisation_detail", pk=organisation.pk)


@require_http_methods(["GET", "POST"])
def membership_end(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    person = require_person(request)
    organisation = permissions.get_organisation_for(request.user, pk)
    membership = get_object_or_404(Membership, organisation=organisation, pk=membership_pk)
    is_own = membership.person_id == person.pk
    require(is_own or permissions.can_manage_organisation(request.user, organisation))
    back = reverse("people:organisation_detail", args=[organisation.pk])
    if request.method == "POST":
        try:
            services.membership_end(membership=membership, by=person)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect(back)
        if is_own:
            messages.success(
                request, _("You are no longer a member of %(name)s.") % {"name": organisation.name}
            )
        else:
            messages.success(
                request,
                _("%(name)s is no longer a member.") % {"name": membership.person.display_name},
            )
        return redirect(back)
    if is_own:
        title = _("Leave %(name)s?") % {"name": organisation.name}
        text = _("You will no longer see the members or the alliances of this organisation.")
    else:
        title = _("Remove %(name)s from this organisation?") % {
            "name": membership.person.display_name
        }
        text = _(
            "They will at once no longer see the members or the alliances of this organisation."
        )
    return render(
        request,
        "core/confirm.html",
        {"title": title, "text": text, "confirm_label": _("Yes, I am sure"), "cancel_url": back},
    )


@require_http_methods(["GET", "POST"])
def organisation_invitation(request: HttpRequest, secret: str) -> HttpResponse:
    invitation = (
        OrganisationInvitation.objects.select_related("organisation", "created_by")
        .filter(token_hash=invitation_digest(secret))
        .first()
    )
    if invitation is None:
        return render(request, "core/invitation_unknown.html", status=404)
    person = require_person(request)
    if request.method == "POST":
        try:
            if request.POST.get("answer") == "accept":
                services.organisation_invitation_accept(invitation=invitation, person=person)
                messages.success(
                    request,
                    _("Welcome! You are now a member of %(name)s.")
                    % {"name": invitation.organisation.name},
                )
                return redirect("people:organisation_detail", pk=invitation.organisation_id)
            services.organisation_invitation_decline(invitation=invitation, person=person)
            messages.info(request, _("You have declined the invitation."))
            return redirect("core:home")
        except ValidationError as error:
            messages.error(request, error.messages[0])
    return render(
        request,
        "people/organisation_invitation.html",
        {"invitation": invitation, "problem": invitation_problem(invitation, person)},
    )
