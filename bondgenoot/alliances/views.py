from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bondgenoot.audit import services as audit
from bondgenoot.core.errors import StaleVersion
from bondgenoot.core.forms import add_service_error
from bondgenoot.core.invitations import invitation_digest
from bondgenoot.core.views_helpers import page_number, require, require_person
from bondgenoot.people.selectors import coordinated_organisations

from . import permissions, selectors, services
from .forms import (
    AcceptInvitationForm,
    AllianceEditForm,
    AllianceStartForm,
    ContributionForm,
    InviteForm,
    JournalEntryAddForm,
    JournalEntryEditForm,
    RemovePartyForm,
    RoleForm,
)
from .models import Alliance, AllianceStatus, Invitation


def _detail_url(alliance_pk: int) -> str:
    return reverse("alliances:detail", args=[alliance_pk])


def _archived(request: HttpRequest, alliance: Alliance) -> HttpResponse | None:
    """A kind answer instead of a form for an archived alliance (the services refuse too)."""
    if not alliance.is_archived:
        return None
    messages.info(
        request,
        _("This alliance is archived. You can still read it, but nothing can be added or changed."),
    )
    return redirect(_detail_url(alliance.pk))


@require_http_methods(["GET"])
def alliance_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in AllianceStatus.values:
        status = ""
    alliances = selectors.my_alliances(request.user, status=status or None)
    page = Paginator(alliances, 12).get_page(page_number(request))
    counts = selectors.status_counts(request.user)
    statuses = [(value, label, counts[value]) for value, label in AllianceStatus.choices]
    return render(
        request,
        "alliances/alliance_list.html",
        {"page": page, "status": status, "statuses": statuses, "total": sum(counts.values())},
    )


@require_http_methods(["GET", "POST"])
def alliance_start(request: HttpRequest) -> HttpResponse:
    person = require_person(request)
    organisations = coordinated_organisations(request.user)
    form = AllianceStartForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            alliance = services.alliance_start(
                by=person,
                name=data["name"],
                intention=data["intention"],
                way_of_working=data["way_of_working"],
                role=data["role"],
                started_on=data["started_on"],
                organisation=data.get("organisation"),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your alliance has started. Invite your ally with a link."))
            return redirect("alliances:invite", pk=alliance.pk)
    return render(request, "alliances/alliance_start.html", {"form": form})


@require_http_methods(["GET"])
def alliance_detail(request: HttpRequest, pk: int) -> HttpResponse:
    alliance = permissions.get_alliance_for(request.user, pk)
    person = require_person(request)
    if request.htmx and request.GET.get("pagina"):  # type: ignore[attr-defined]
        journal = selectors.journal_page(alliance, page=page_number(request))
        audit.record_journal_reads(viewer=person, alliance=alliance, entries=journal.object_list)
        return render(
            request,
            "alliances/alliance_detail.html#journal-page",
            {
                "alliance": alliance,
                "journal": journal,
                "can_write": permissions.can_write_in_alliance(request.user, alliance),
            },
        )
    context = selectors.alliance_page(person, alliance, page=page_number(request))
    audit.record_journal_reads(
        viewer=person,
        alliance=alliance,
        entries=context["journal"].object_list,
        acting_parties=context["acting_parties"],
    )
    return render(request, "alliances/alliance_detail.html", context)


@require_http_methods(["GET", "POST"])
def alliance_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    alliance = permissions.get_alliance_for(request.user, pk)
    if refused := _archived(request, alliance):
        return refused
    require(permissions.can_change_alliance(request.user, alliance))
    form = AllianceEditForm(request.POST or None, instance=alliance)
    if request.method == "POST" and form.is_valid():
        try:
            services.alliance_update(alliance=alliance, by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(_detail_url(alliance.pk))
    return render(request, "alliances/alliance_edit.html", {"form": form, "alliance": alliance})


@require_http_methods(["GET", "POST"])
def party_role(request: HttpRequest, pk: int, party_pk: int) -> HttpResponse:
    person = require_person(request)
    alliance = permissions.get_alliance_for(request.user, pk)
    party = permissions.get_party_for(request.user, alliance, party_pk)
    if refused := _archived(request, alliance):
        return refused
    require(permissions.can_change_party_role(request.user, party))
    form = RoleForm(request.POST or None, initial={"role": party.role})
    if request.method == "POST" and form.is_valid():
        services.party_update_role(party=party, by=person, role=form.cleaned_data["role"])
        messages.success(request, _("The role has been saved."))
        return redirect(_detail_url(alliance.pk))
    return render(
        request, "alliances/party_role.html", {"form": form, "alliance": alliance, "party": party}
    )


@require_http_methods(["GET", "POST"])
def party_leave(request: HttpRequest, pk: int, party_pk: int) -> HttpResponse:
    person = require_person(request)
    alliance = permissions.get_alliance_for(request.user, pk)
    party = permissions.get_party_for(request.user, alliance, party_pk)
    require(permissions.can_speak_for_party(request.user, party))
    if request.method == "POST":
        services.party_leave(party=party, by=person)
        if party.person_id == person.pk:
            messages.success(request, _("You have left %(name)s.") % {"name": alliance.name})
            return redirect("core:home")
        messages.success(request, _("%(name)s has left the alliance.") % {"name": party.name})
        return redirect(_detail_url(alliance.pk))
    if party.person_id == person.pk:
        title = _("Leave %(name)s?") % {"name": alliance.name}
        text = _(
            "What was written and given stays in the shared journal. "
            "You will no longer see this alliance. The others can invite you again."
        )
    else:
        title = _("Let %(party)s leave %(name)s?") % {"party": party.name, "name": alliance.name}
        text = _(
            "What was written and given stays in the shared journal. The organisation no "
            "longer takes part; you still do, as yourself."
        )
    return render(
        request,
        "core/confirm.html",
        {
            "title": title,
            "text": text,
            "confirm_label": _("Yes, leave the alliance"),
            "cancel_url": _detail_url(alliance.pk),
        },
    )


@require_http_methods(["GET", "POST"])
def party_remove(request: HttpRequest, pk: int, party_pk: int) -> HttpResponse:
    """Remove another party, with a short reason. GET asks first; only POST changes."""
    person = require_person(request)
    alliance = permissions.get_alliance_for(request.user, pk)
    party = permissions.get_party_for(request.user, alliance, party_pk)
    if refused := _archived(request, alliance):
        return refused
    require(permissions.can_remove_party(request.user, party))
    form = RemovePartyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.party_remove(party=party, by=person, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("%(name)s no longer takes part. Everyone has been told why.")
                % {"name": party.name},
            )
            return redirect(_detail_url(alliance.pk))
    return render(
        request,
        "alliances/party_remove.html",
        {
            "form": form,
            "alliance": alliance,
            "party": party,
            "also_through": selectors.other_routes_of(party),
        },
    )


@require_POST
def organisation_join(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    alliance = permissions.get_alliance_for(request.user, pk)
    if refused := _archived(request, alliance):
        return refused
    require(permissions.can_write_in_alliance(request.user, alliance))
    organisation = (
        coordinated_organisations(request.user)
        .filter(pk=request.POST.get("organisation") or 0)
        .first()
    )
    if organisation is None:
        messages.error(request, _("Choose an organisation you coordinate."))
    else:
        try:
            services.organisation_join_alliance(
                alliance=alliance, organisation=organisation, by=person
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("%(name)s now takes part.") % {"name": organisation.name})
    return redirect(_detail_url(alliance.pk))


# Invitations ---------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    alliance = permissions.get_alliance_for(request.user, pk)
    if refused := _archived(request, alliance):
        return refused
    require(permissions.can_invite_to_alliance(request.user, alliance))
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, secret = services.invitation_create(
                alliance=alliance, by=person, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            link = request.build_absolute_uri(reverse("alliances:invitation", args=[secret]))
            services.invitation_mail(invitation, link=link)
            return render(
                request,
                "alliances/invitation_created.html",
                {"alliance": alliance, "invitation": invitation, "link": link},
            )
    return render(request, "alliances/invite.html", {"form": form, "alliance": alliance})


@require_http_methods(["GET", "POST"])
def invitation_withdraw(request: HttpRequest, pk: int, invitation_pk: int) -> HttpResponse:
    person = require_person(request)
    alliance = permissions.get_alliance_for(request.user, pk)
    invitation = permissions.get_invitation_for(request.user, alliance, invitation_pk)
    if refused := _archived(request, alliance):
        return refused
    require(permissions.can_withdraw_invitation(request.user, invitation))
    if request.method == "POST":
        try:
            services.invitation_withdraw(invitation=invitation, by=person)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request, _("The invitation has been withdrawn. The link no longer works.")
            )
        return redirect(_detail_url(alliance.pk))
    return render(
        request,
        "core/confirm.html",
        {
            "title": _("Withdraw this invitation?"),
            "text": _("The link will stop working. Nobody can use it any more."),
            "confirm_label": _("Yes, withdraw the invitation"),
            "cancel_url": _detail_url(alliance.pk),
        },
    )


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, secret: str) -> HttpResponse:
    """The page behind an invitation link: see who invites you to what, then accept or decline."""
    found = (
        Invitation.objects.select_related("alliance", "created_by")
        .filter(token_hash=invitation_digest(secret))
        .first()
    )
    if found is None:
        return render(request, "core/invitation_unknown.html", status=404)
    return _answer_invitation(request, found)


@require_http_methods(["GET", "POST"])
def invitation_for_me(request: HttpRequest, invitation_pk: int) -> HttpResponse:
    """An invitation sent to my e-mail address, opened from the home page instead of the mail."""
    found = permissions.get_invitation_addressed_to(request.user, invitation_pk)
    return _answer_invitation(request, found)


def _answer_invitation(request: HttpRequest, found: Invitation) -> HttpResponse:
    person = require_person(request)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST":
        try:
            if request.POST.get("answer") == "accept":
                if form.is_valid():
                    services.invitation_accept(
                        invitation=found, person=person, role=form.cleaned_data["role"]
                    )
                    messages.success(
                        request,
                        _("Welcome to %(name)s! You can now write in the shared journal.")
                        % {"name": found.alliance.name},
                    )
                    return redirect(_detail_url(found.alliance_id))
            else:
                services.invitation_decline(invitation=found, person=person)
                messages.info(request, _("You have declined the invitation. Nothing else changes."))
                return redirect("core:home")
        except ValidationError as error:
            messages.error(request, error.messages[0])
    return render(
        request,
        "alliances/invitation.html",
        {
            "invitation": found,
            "form": form,
            "problem": services.invitation_problem(found, person),
        },
    )


# Journal -------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def journal_entry_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    alliance = permissions.get_alliance_for(request.user, pk)
    if refused := _archived(request, alliance):
        return refused
    require(permissions.can_write_in_alliance(request.user, alliance))
    form = JournalEntryAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.journal_entry_add(alliance=alliance, author=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your entry is in the journal."))
            return redirect(_detail_url(alliance.pk) + "#logboek")
    return render(
        request, "alliances/journal_entry_form.html", {"form": form, "alliance": alliance}
    )


@require_http_methods(["GET"])
def journal_entry_detail(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    alliance = permissions.get_alliance_for(request.user, pk)
    entry = permissions.get_journal_entry_for(request.user, alliance, entry_pk)
    revisions = list(entry.revisions.select_related("written_by").order_by("-version", "-id"))
    audit.record_journal_entry_read(
        viewer=require_person(request), alliance=alliance, entry=entry, revisions=revisions
    )
    return render(
        request,
        "alliances/journal_entry_detail.html",
        {
            "alliance": alliance,
            "entry": entry,
            "revisions": revisions,
            "can_edit": permissions.can_edit_journal_entry(request.user, entry),
            # Also when archived: one's own words can be taken back.
            "can_remove": permissions.can_remove_journal_entry(request.user, entry),
        },
    )


@require_http_methods(["GET", "POST"])
def journal_entry_edit(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    person = require_person(request)
    alliance = permissions.get_alliance_for(request.user, pk)
    entry = permissions.get_journal_entry_for(request.user, alliance, entry_pk)
    if refused := _archived(request, alliance):
        return refused
    require(permissions.can_edit_journal_entry(request.user, entry))
    form = JournalEntryEditForm(
        request.POST or None, instance=entry, initial={"version": entry.version}
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.journal_entry_edit(
                entry=entry,
                by=person,
                expected_version=data["version"],
                what_happened=data["what_happened"],
                what_we_learned=data["what_we_learned"],
                what_next=data["what_next"],
                occurred_on=data["occurred_on"],
                is_sensitive=data["is_sensitive"],
                sensitive_topics=data["sensitive_topics"],
            )
        except StaleVersion as stale:
            conflict = stale.current
            # Keep the writer's text in the form; let them save again on the newest version.
            mine = {key: value for key, value in data.items() if key != "version"}
            form = JournalEntryEditForm(
                instance=entry, initial={**mine, "version": conflict.version}
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your changes are saved. The earlier text is kept."))
            return redirect("alliances:journal_entry", pk=alliance.pk, entry_pk=entry.pk)
    return render(
        request,
        "alliances/journal_entry_form.html",
        {"form": form, "alliance": alliance, "entry": entry, "conflict": conflict},
    )


@require_POST
def journal_entry_milestone(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    person = require_person(request)
    alliance = permissions.get_alliance_for(request.user, pk)
    entry = permissions.get_journal_entry_for(request.user, alliance, entry_pk)
    if refused := _archived(request, alliance):
        return refused
    require(permissions.can_mark_milestone(request.user, entry))
    services.journal_entry_set_milestone(
        entry=entry, by=person, is_milestone=request.POST.get("milestone") == "1"
    )
    if request.htmx:  # type: ignore[attr-defined]
        audit.record_journal_reads(viewer=person, alliance=alliance, entries=[entry])
        return render(
            request,
            "alliances/alliance_detail.html#journal-entry",
            {
                "alliance": alliance,
                "entry": entry,
                "can_write": permissions.can_write_in_alliance(request.user, alliance),
            },
        )
    return redirect(_detail_url(alliance.pk) + f"#entry-{entry.pk}")


@require_http_methods(["GET", "POST"])
def journal_entry_delete(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    person = require_person(request)
    alliance = permissions.get_alliance_for(request.user, pk)
    entry = permissions.get_journal_entry_for(request.user, alliance, entry_pk)
    require(permissions.can_remove_journal_entry(request.user, entry))
    if request.method == "POST":
        services.journal_entry_delete(entry=entry, by=person)
        messages.success(request, _("Your entry has been removed, with its earlier versions."))
        return redirect(_detail_url(alliance.pk) + "#logboek")
    return render(
        request,
        "core/confirm.html",
        {
            "title": _("Remove this journal entry?"),
            "text": _(
                "Your entry and all its earlier versions will be removed for everyone. "
                "This cannot be undone."
            ),
            "confirm_label": _("Yes, remove my entry"),
            "cancel_url": reverse("alliances:journal_entry", args=[alliance.pk, entry.pk]),
        },
    )


# Reciprocity ---------------------------------------------------------------------------------


@require_http_methods(["GET"])
def contribution_list(request: HttpRequest, pk: int) -> HttpResponse:
    alliance = permissions.get_alliance_for(request.user, pk)
    page = selectors.contributions_page(alliance, page=page_number(request))
    return render(request, "alliances/contribution_list.html", {"alliance": alliance, "page": page})


@require_http_methods(["GET", "POST"])
def contribution_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    alliance = permissions.get_alliance_for(request.user, pk)
    if refused := _archived(request, alliance):
        return refused
    require(permissions.can_write_in_alliance(request.user, alliance))
    parties = (
        permissions.active_parties()
        .filter(alliance=alliance)
        .select_related("person", "organisation")
    )
    initial = {}
    mine = parties.filter(person=person).first()
    if mine is not None:
        initial["giver"] = mine.pk
    form = ContributionForm(request.POST or None, parties=parties, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.contribution_add(alliance=alliance, by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Thank you. What was given is now visible to all parties."))
            return redirect(_detail_url(alliance.pk) + "#wederkerigheid")
    return render(request, "alliances/contribution_form.html", {"form": form, "alliance": alliance})


@require_http_methods(["GET", "POST"])
def contribution_delete(request: HttpRequest, pk: int, contribution_pk: int) -> HttpResponse:
    person = require_person(request)
    alliance = permissions.get_alliance_for(request.user, pk)
    contribution = permissions.get_contribution_for(request.user, alliance, contribution_pk)
    if refused := _archived(request, alliance):
        return refused
    require(permissions.can_delete_contribution(request.user, contribution))
    if request.method == "POST":
        services.contribution_delete(contribution=contribution, by=person)
        messages.success(request, _("The contribution has been removed."))
        return redirect(_detail_url(alliance.pk) + "#wederkerigheid")
    return render(
        request,
        "core/confirm.html",
        {
            "title": _("Remove this contribution?"),
            "text": _("It will disappear from the overview for all parties."),
            "confirm_label": _("Yes, remove it"),
            "cancel_url": _detail_url(alliance.pk) + "#wederkerigheid",
        },
    )
