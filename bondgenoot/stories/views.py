"""Pages for stories of change, domains and selection rounds. Thin: parse, check, call one
service or selector, render."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bondgenoot.alliances.models import Alliance
from bondgenoot.alliances.permissions import alliances_visible_to, get_alliance_for
from bondgenoot.core.forms import add_service_error
from bondgenoot.core.views_helpers import page_number, require, require_person
from bondgenoot.people.models import Organisation, Person

from . import permissions, selectors, services
from .forms import (
    USE_EXPLANATIONS,
    ChooseForm,
    DomainEditForm,
    DomainForm,
    NoteForm,
    RoundOpenForm,
    StoryConfirmForm,
    StoryTellForm,
    StoryUseConfirmForm,
    StoryUseForm,
    StoryWriteDownForm,
)
from .models import Story, StoryUse, round_shows_name, use_allows


def _int_param(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and len(value) < 12 else None


def _uses(in_alliance: bool) -> list[tuple[str, Any, Any]]:
    """(value, label, explanation) of every use that fits, for the pages."""
    return [
        (value, label, USE_EXPLANATIONS[StoryUse(value)])
        for value, label in StoryUse.choices
        if in_alliance or value != StoryUse.ALLIANCE
    ]


# Lists -------------------------------------------------------------------------------------


@require_http_methods(["GET"])
def story_list(request: HttpRequest) -> HttpResponse:
    """My stories and the stories I may read; what waits for a confirmation on top."""
    person = require_person(request)
    organisation = alliance = None
    if (org_id := _int_param(request, "organisatie")) is not None:
        organisation = Organisation.objects.filter(pk=org_id, memberships__person=person).first()
    if (alliance_id := _int_param(request, "bondgenootschap")) is not None:
        alliance = alliances_visible_to(request.user).filter(pk=alliance_id).first()
    told_by_me = request.GET.get("mijn") == "1"
    page = selectors.stories_page(
        person=person,
        page=page_number(request),
        organisation=organisation,
        alliance=alliance,
        told_by_me=told_by_me,
    )
    return render(
        request,
        "stories/story_list.html",
        {
            "page": page,
            "person": person,
            "waiting": selectors.waiting_for(person),
            "organisation": organisation,
            "alliance": alliance,
            "told_by_me": told_by_me,
        },
    )


# Telling and writing down ------------------------------------------------------------------


def _where_choice(request: HttpRequest, *, write_down: bool) -> HttpResponse:
    person = require_person(request)
    contexts = selectors.tell_contexts(person)
    prefix = "stories:write_down" if write_down else "stories:tell"
    if contexts.count == 1:
        if contexts.alliances:
            return redirect(f"{prefix}_alliance", pk=contexts.alliances[0].pk)
        return redirect(f"{prefix}_organisation", pk=contexts.organisations[0].pk)
    return render(
        request,
        "stories/where.html",
        {"contexts": contexts, "write_down": write_down, "prefix": prefix},
    )


@require_http_methods(["GET"])
def story_tell(request: HttpRequest) -> HttpResponse:
    return _where_choice(request, write_down=False)


@require_http_methods(["GET"])
def story_write_down(request: HttpRequest) -> HttpResponse:
    return _where_choice(request, write_down=True)


def _ensure_domains(*, alliance: Alliance | None, organisation: Organisation | None) -> None:
    """The default domains, the first time an organisation's story pages are used."""
    organisations = (
        [organisation]
        if organisation is not None
        else selectors.organisations_taking_part(alliance=alliance)
        if alliance is not None
        else []
    )
    for each in organisations:
        services.domains_ensure_defaults(organisation=each)


def _alliance_context(request: HttpRequest, pk: int) -> Alliance:
    alliance = get_alliance_for(request.user, pk)
    require(permissions.can_tell_in_alliance(request.user, alliance))
    _ensure_domains(alliance=alliance, organisation=None)
    return alliance


def _organisation_context(request: HttpRequest, pk: int) -> Organisation:
    organisation = permissions.get_member_organisation_for(request.user, pk)
    _ensure_domains(alliance=None, organisation=organisation)
    return organisation


def _tell(
    request: HttpRequest,
    person: Person,
    *,
    alliance: Alliance | None = None,
    organisation: Organisation | None = None,
) -> HttpResponse:
    in_alliance = alliance is not None
    initial_use = services.narrowest_use(alliance=alliance)
    form = StoryTellForm(
        request.POST or None,
        domains=selectors.domains_for(alliance=alliance, organisation=organisation),
        in_alliance=in_alliance,
        initial_use=initial_use,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            story = services.story_tell(
                by=person,
                alliance=alliance,
                organisation=organisation,
                title=data["title"],
                what_changed=data["what_changed"],
                why_important=data["why_important"],
                domain=data.get("domain"),
                use=data["use"],
                told_on=data.get("told_on"),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Thank you for your story. It has been saved."))
            return redirect("stories:detail", pk=story.pk)
    return render(
        request,
        "stories/story_tell.html",
        {
            "form": form,
            "alliance": alliance,
            "organisation": organisation,
            "uses": _uses(in_alliance),
        },
    )


@require_http_methods(["GET", "POST"])
def story_tell_alliance(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    return _tell(request, person, alliance=_alliance_context(request, pk))


@require_http_methods(["GET", "POST"])
def story_tell_organisation(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    return _tell(request, person, organisation=_organisation_context(request, pk))


def _write_down(
    request: HttpRequest,
    person: Person,
    *,
    alliance: Alliance | None = None,
    organisation: Organisation | None = None,
) -> HttpResponse:
    storytellers = permissions.storytellers_in(
        writer=person, alliance=alliance, organisation=organisation
    )
    form = StoryWriteDownForm(
        request.POST or None,
        domains=selectors.domains_for(alliance=alliance, organisation=organisation),
        storytellers=storytellers,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            story = services.story_write_down(
                by=person,
                storyteller=data["storyteller"],
                alliance=alliance,
                organisation=organisation,
                title=data["title"],
                what_changed=data["what_changed"],
                why_important=data["why_important"],
                domain=data.get("domain"),
                told_on=data.get("told_on"),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Saved. %(name)s gets a message to read, confirm or correct it.")
                % {"name": story.storyteller.display_name},
            )
            return redirect("stories:detail", pk=story.pk)
    return render(
        request,
        "stories/story_write_down.html",
        {
            "form": form,
            "alliance": alliance,
            "organisation": organisation,
            "has_storytellers": storytellers.exists(),
        },
    )


@require_http_methods(["GET", "POST"])
def story_write_down_alliance(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    return _write_down(request, person, alliance=_alliance_context(request, pk))


@require_http_methods(["GET", "POST"])
def story_write_down_organisation(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    return _write_down(request, person, organisation=_organisation_context(request, pk))


# One story ---------------------------------------------------------------------------------


@require_http_methods(["GET"])
def story_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    story = permissions.get_story_for(request.user, pk)
    context = selectors.story_page(person=person, story=story)
    return render(
        request,
        "stories/story_detail.html",
        {
            "page": context,
            "story": story,
            "is_storyteller": story.storyteller_id == person.pk,
            "can_confirm": permissions.can_confirm_story(request.user, story),
            "can_change_use": permissions.can_change_story_use(request.user, story),
            "use_explanation": USE_EXPLANATIONS[StoryUse(story.use)],
        },
    )


def _detail(story: Story) -> HttpResponse:
    return redirect("stories:detail", pk=story.pk)


@require_http_methods(["GET", "POST"])
def story_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    story = permissions.get_story_for(request.user, pk)
    if story.is_confirmed and story.storyteller_id == person.pk:
        messages.info(request, _("This story has already been confirmed."))
        return _detail(story)
    require(permissions.can_confirm_story(request.user, story))
    in_alliance = story.alliance_id is not None
    _ensure_domains(alliance=story.alliance, organisation=story.organisation)
    form = StoryConfirmForm(
        request.POST or None,
        initial={
            "title": story.title,
            "what_changed": story.what_changed,
            "why_important": story.why_important,
            "domain": story.domain_id,
        },
        domains=selectors.domains_for(alliance=story.alliance, organisation=story.organisation),
        in_alliance=in_alliance,
        initial_use=services.narrowest_use(alliance=story.alliance),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.story_confirm(
                story=story,
                by=person,
                title=data["title"],
                what_changed=data["what_changed"],
                why_important=data["why_important"],
                use=data["use"],
                domain=data.get("domain"),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your story is confirmed. From now on it counts."))
            return _detail(story)
    return render(
        request,
        "stories/story_confirm.html",
        {"form": form, "story": story, "uses": _uses(in_alliance)},
    )


@require_http_methods(["GET", "POST"])
def story_decline(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    story = permissions.get_story_for(request.user, pk)
    require(permissions.can_confirm_story(request.user, story))
    if request.method == "POST":
        services.story_decline(story=story, by=person)
        messages.success(
            request,
            _("The story has been removed. %(name)s has been told.")
            % {"name": story.written_by.display_name if story.written_by else _("The writer")},
        )
        return redirect("stories:list")
    return render(
        request,
        "core/confirm.html",
        {
            "title": _("This is not my story?"),
            "text": _(
                "The story that %(name)s wrote down is removed. %(name)s gets a message. If "
                "only a few words are wrong, you can correct them instead."
            )
            % {"name": story.written_by.display_name if story.written_by else _("an ally")},
            "confirm_label": _("Yes, remove it"),
            "cancel_url": reverse("stories:confirm", args=[story.pk]),
        },
    )


@require_http_methods(["GET", "POST"])
def story_use(request: HttpRequest, pk: int) -> HttpResponse:
    """Change the use, in two steps: choose, then confirm what that means."""
    person = require_person(request)
    story = permissions.get_story_for(request.user, pk)
    require(permissions.can_change_story_use(request.user, story))
    in_alliance = story.alliance_id is not None
    if request.method == "POST" and "new_use" in request.POST:
        confirm_form = StoryUseConfirmForm(request.POST)
        if confirm_form.is_valid():
            try:
                services.story_change_use(
                    story=story, by=person, use=confirm_form.cleaned_data["new_use"]
                )
            except ValidationError as error:
                messages.error(request, error.messages[0])
            else:
                messages.success(request, _("From now on your story is used like this."))
                return _detail(story)
        else:
            messages.error(request, _("Choose how your story may be used."))
        return redirect("stories:use", pk=story.pk)
    form = StoryUseForm(request.POST or None, in_alliance=in_alliance, initial_use=story.use)
    if request.method == "POST" and form.is_valid():
        new_use = form.cleaned_data["use"]
        if new_use == story.use:
            messages.info(request, _("Nothing changed: this was already the use of your story."))
            return _detail(story)
        return render(
            request,
            "stories/story_use_confirm.html",
            {
                "story": story,
                "new_use": new_use,
                "new_label": StoryUse(new_use).label,
                "old_label": StoryUse(story.use).label,
                "new_explanation": USE_EXPLANATIONS[StoryUse(new_use)],
                "narrower": not use_allows(new_use, story.use),
                "form": StoryUseConfirmForm(initial={"new_use": new_use}),
            },
        )
    return render(
        request,
        "stories/story_use.html",
        {"form": form, "story": story, "uses": _uses(in_alliance)},
    )


# Domains -----------------------------------------------------------------------------------


def _domains_url(organisation: Organisation) -> str:
    return reverse("stories:domains", args=[organisation.pk])


def _domain_manager(request: HttpRequest, pk: int) -> tuple[Person, Organisation]:
    person = require_person(request)
    organisation = permissions.get_member_organisation_for(request.user, pk)
    require(permissions.can_manage_domains(request.user, organisation))
    return person, organisation


@require_http_methods(["GET", "POST"])
def domain_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The domains of an organisation, and a form to add one (coordinators)."""
    person, organisation = _domain_manager(request, pk)
    if request.method == "GET":
        services.domains_ensure_defaults(organisation=organisation)
    form = DomainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            domain = services.domain_add(organisation=organisation, by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The domain %(name)s was added.") % {"name": domain.name})
            return redirect(_domains_url(organisation))
    return render(
        request,
        "stories/domain_list.html",
        {
            "organisation": organisation,
            "domains": selectors.domains_page(organisation),
            "form": form,
        },
    )


@require_http_methods(["GET", "POST"])
def domain_edit(request: HttpRequest, pk: int, domain_pk: int) -> HttpResponse:
    person, organisation = _domain_manager(request, pk)
    domain = permissions.get_domain_for(request.user, organisation, domain_pk)
    form = DomainEditForm(
        request.POST or None,
        initial={
            "name": domain.name,
            "description": domain.description,
            "archived": domain.is_archived,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.domain_update(domain=domain, by=person, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(_domains_url(organisation))
    return render(
        request,
        "stories/domain_edit.html",
        {"form": form, "organisation": organisation, "domain": domain},
    )


@require_POST
def domain_move(request: HttpRequest, pk: int, domain_pk: int) -> HttpResponse:
    person, organisation = _domain_manager(request, pk)
    domain = permissions.get_domain_for(request.user, organisation, domain_pk)
    direction = request.POST.get("direction")
    if direction not in {"up", "down"}:
        messages.error(request, _("Choose up or down."))
    else:
        services.domain_move(domain=domain, by=person, up=direction == "up")
    return redirect(_domains_url(organisation))


@require_http_methods(["GET", "POST"])
def domain_remove(request: HttpRequest, pk: int, domain_pk: int) -> HttpResponse:
    person, organisation = _domain_manager(request, pk)
    domain = permissions.get_domain_for(request.user, organisation, domain_pk)
    if request.method == "POST":
        if services.domain_remove(domain=domain, by=person):
            messages.success(request, _("The domain %(name)s was removed.") % {"name": domain.name})
        else:
            messages.info(
                request,
                _("Stories use %(name)s, so it was archived instead of removed.")
                % {"name": domain.name},
            )
        return redirect(_domains_url(organisation))
    return render(
        request,
        "core/confirm.html",
        {
            "title": _("Remove the domain %(name)s?") % {"name": domain.name},
            "text": _(
                "When stories use this domain, it is archived: the stories keep it, new stories "
                "cannot choose it. Otherwise it is removed."
            ),
            "confirm_label": _("Yes, remove it"),
            "cancel_url": _domains_url(organisation),
        },
    )


# Selection rounds --------------------------------------------------------------------------


@require_http_methods(["GET"])
def round_list(request: HttpRequest, pk: int) -> HttpResponse:
    require_person(request)
    organisation = permissions.get_member_organisation_for(request.user, pk)
    return render(
        request,
        "stories/round_list.html",
        {
            "organisation": organisation,
            "page": selectors.rounds_of(organisation, page=page_number(request)),
            "can_open": permissions.can_open_round(request.user, organisation),
            "can_manage_domains": permissions.can_manage_domains(request.user, organisation),
        },
    )


@require_http_methods(["GET", "POST"])
def round_open(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    organisation = permissions.get_member_organisation_for(request.user, pk)
    require(permissions.can_open_round(request.user, organisation))
    form = RoundOpenForm(
        request.POST or None, previous_rounds=selectors.closed_rounds_before(organisation)
    )
    if request.method == "POST" and form.is_valid():
        try:
            selection_round = services.round_open(
                organisation=organisation, by=person, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("The round is open. Read the stories together, then choose.")
            )
            return redirect("stories:round", pk=selection_round.pk)
    return render(request, "stories/round_open.html", {"form": form, "organisation": organisation})


@require_http_methods(["GET"])
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    selection_round = permissions.get_round_for(request.user, pk)
    return render(
        request,
        "stories/round_detail.html",
        {
            "round": selection_round,
            "page": selectors.round_page(person=person, selection_round=selection_round),
            "can_run": permissions.can_run_round(request.user, selection_round),
            "can_note": permissions.can_write_note(request.user, selection_round),
        },
    )


@require_http_methods(["GET", "POST"])
def round_choose(request: HttpRequest, pk: int, domain_pk: int) -> HttpResponse:
    person = require_person(request)
    selection_round = permissions.get_round_for(request.user, pk)
    domain = permissions.get_domain_for(request.user, selection_round.organisation, domain_pk)
    require(permissions.can_run_round(request.user, selection_round))
    if selectors.choice_for(selection_round, domain) is not None:
        messages.info(request, _("A story has already been chosen for this domain."))
        return redirect("stories:round", pk=selection_round.pk)
    stories = selectors.stories_to_choose(selection_round, domain)
    form = ChooseForm(request.POST or None, stories=stories, selection_round=selection_round)
    if request.method == "POST" and form.is_valid():
        try:
            services.round_choose(
                selection_round=selection_round,
                by=person,
                domain=domain,
                story=form.cleaned_data["story"],
                reasons=form.cleaned_data["reasons"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("The choice is saved. The storyteller gets a message with your reasons.")
            )
            return redirect("stories:round", pk=selection_round.pk)
    return render(
        request,
        "stories/round_choose.html",
        {
            "form": form,
            "round": selection_round,
            "domain": domain,
            "stories": list(stories),
        },
    )


@require_http_methods(["GET", "POST"])
def round_close(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    selection_round = permissions.get_round_for(request.user, pk)
    require(permissions.can_run_round(request.user, selection_round))
    if request.method == "POST":
        services.round_close(selection_round=selection_round, by=person)
        messages.success(request, _("The round is closed."))
        return redirect("stories:round", pk=selection_round.pk)
    return render(
        request,
        "core/confirm.html",
        {
            "title": _("Close %(title)s?") % {"title": selection_round.title},
            "text": _(
                "After closing, nothing can be chosen or noted any more. The choices stay, and "
                "a next round can start from them."
            ),
            "confirm_label": _("Yes, close the round"),
            "cancel_url": reverse("stories:round", args=[selection_round.pk]),
        },
    )


@require_http_methods(["GET", "POST"])
def round_note(request: HttpRequest, pk: int, story_pk: int) -> HttpResponse:
    person = require_person(request)
    selection_round = permissions.get_round_for(request.user, pk)
    story = selectors.round_stories(selection_round).filter(pk=story_pk).first()
    if story is None:
        raise Http404
    require(permissions.can_write_note(request.user, selection_round))
    mine = selectors.my_note(selection_round=selection_round, story=story, person=person)
    form = NoteForm(request.POST or None, initial={"text": mine.text if mine else ""})
    if request.method == "POST" and form.is_valid():
        try:
            services.round_note(
                selection_round=selection_round,
                by=person,
                story=story,
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your note has been saved."))
            url = reverse("stories:round", args=[selection_round.pk])
            return redirect(f"{url}#verhaal-{story.pk}")
    return render(
        request,
        "stories/round_note.html",
        {
            "form": form,
            "round": selection_round,
            "story": story,
            "show_name": round_shows_name(selection_round, story),
        },
    )
