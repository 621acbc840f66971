from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bondgenoot.core.forms import add_service_error
from bondgenoot.core.views_helpers import page_number, require, require_person
from bondgenoot.gatherings.models import Gathering
from bondgenoot.people.models import Organisation

from . import permissions, selectors, services
from .forms import (
    AnswerForm,
    CaseForm,
    MoveOnForm,
    OrganisationTeamForm,
    ResponseForm,
    RoundOpenForm,
    RoundShareForm,
    TakeawayForm,
    TeamCreateForm,
)
from .models import AnswerStatus, Case, CasePhase, ReflectionTeam, RoundStatus
from .schema import LEFT_FRAME, LEFT_HEADING, RIGHT_FRAME, RIGHT_HEADING, ROWS

SCHEMA_CONTEXT = {
    "schema_rows": ROWS,
    "left_heading": LEFT_HEADING,
    "right_heading": RIGHT_HEADING,
    "left_frame": LEFT_FRAME,
    "right_frame": RIGHT_FRAME,
}


def _round_url(pk: int) -> str:
    return reverse("reflection:round_detail", args=[pk])


def _case_url(pk: int) -> str:
    return reverse("reflection:case_detail", args=[pk])


# Teams ------------------------------------------------------------------------------------------


@require_http_methods(["GET"])
def team_list(request: HttpRequest) -> HttpResponse:
    person = require_person(request)
    return render(
        request,
        "reflection/team_list.html",
        {
            "teams": selectors.my_teams(request.user),
            "can_create_for_organisation": selectors.coordinated_organisations_without_team(
                person
            ).exists(),
            **SCHEMA_CONTEXT,
        },
    )


@require_http_methods(["GET", "POST"])
def team_create(request: HttpRequest) -> HttpResponse:
    person = require_person(request)
    people = selectors.choosable_people(person)
    form = TeamCreateForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        try:
            team = services.team_create(
                by=person, name=form.cleaned_data["name"], members=form.cleaned_data["members"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The team has been made. Open a first round."))
            return redirect("reflection:team_detail", pk=team.pk)
    return render(
        request,
        "reflection/team_create.html",
        {"form": form, "has_people": people.exists()},
    )


@require_http_methods(["GET", "POST"])
def team_create_for_organisation(request: HttpRequest) -> HttpResponse:
    person = require_person(request)
    organisations = selectors.coordinated_organisations_without_team(person)
    form = OrganisationTeamForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        organisation: Organisation = form.cleaned_data["organisation"]
        try:
            team = services.team_create_for_organisation(
                by=person, organisation=organisation, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Every member of %(name)s is now in the team.") % {"name": organisation.name},
            )
            return redirect("reflection:team_detail", pk=team.pk)
    return render(
        request,
        "reflection/team_create_organisation.html",
        {"form": form, "has_organisations": organisations.exists()},
    )


@require_http_methods(["GET"])
def team_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    team = permissions.get_team_for(request.user, pk)
    return render(request, "reflection/team_detail.html", selectors.team_page(person, team))


@require_http_methods(["GET", "POST"])
def team_leave(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    team = permissions.get_team_for(request.user, pk)
    require(permissions.can_leave_team(request.user, team))
    if request.method == "POST":
        services.team_leave(team=team, person=person)
        messages.success(request, _("You have left %(name)s.") % {"name": team.name})
        return redirect("reflection:team_list")
    return render(
        request,
        "core/confirm.html",
        {
            "title": _("Leave %(name)s?") % {"name": team.name},
            "text": _(
                "You no longer see the rounds of this team. What you handed in stays part of "
                "the team's overview, without your name."
            ),
            "confirm_label": _("Yes, leave the team"),
            "cancel_url": reverse("reflection:team_detail", args=[team.pk]),
        },
    )


# Rounds -----------------------------------------------------------------------------------------


def _open_round_of(team: ReflectionTeam) -> int | None:
    current = next((r for r in team.rounds.filter(status=RoundStatus.OPEN) if r.is_open), None)
    return current.pk if current is not None else None


@require_http_methods(["GET", "POST"])
def round_open(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    team = permissions.get_team_for(request.user, pk)
    require(permissions.can_open_round(request.user, team))
    if (current := _open_round_of(team)) is not None:
        messages.info(request, _("This team already has an open round. Close it first."))
        return redirect(_round_url(current))
    form = RoundOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        closes_on = form.cleaned_data["closes_on"]
        try:
            round = services.round_open(
                team=team,
                by=person,
                title=form.cleaned_data["title"],
                closes_at=services.end_of_day(closes_on) if closes_on else None,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The round is open. Everyone in the team has been told."))
            return redirect("reflection:round_fill", pk=round.pk)
    return render(request, "reflection/round_open.html", {"form": form, "team": team})


@require_http_methods(["GET"])
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    round = permissions.get_round_for(request.user, pk)
    context = selectors.round_page(person, round)
    return render(request, "reflection/round_detail.html", {**context, **SCHEMA_CONTEXT})


@require_http_methods(["GET", "POST"])
def round_fill(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    round = permissions.get_round_for(request.user, pk)
    if request.method == "GET" and not round.is_open:
        messages.info(request, _("This round is closed. You can no longer fill it in."))
        return redirect(_round_url(round.pk))
    answer = selectors.my_answer(round, person)
    form = AnswerForm(request.POST or None, initial=AnswerForm.initial_from(answer))
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.answer_save(
                round=round,
                person=person,
                rows=form.answers(),
                show_name=form.cleaned_data["show_name"],
                submit=request.POST.get("action") == AnswerForm.SUBMIT,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            if saved.kept_as_draft:
                messages.warning(
                    request,
                    _(
                        "This round was closed while you were filling it in. We kept your "
                        "answer as a draft: only you can see it, and it does not count in the "
                        "team's overview."
                    ),
                )
            elif saved.answer.status == AnswerStatus.SUBMITTED:
                messages.success(
                    request,
                    _(
                        "Thank you, your answer has been handed in. You can change it while "
                        "the round is open."
                    ),
                )
            else:
                messages.success(
                    request,
                    _("Saved as a draft. Only you can see it. Hand it in when you are ready."),
                )
            return redirect(_round_url(round.pk))
    return render(
        request,
        "reflection/round_fill.html",
        {"form": form, "round": round, "team": round.team, "answer": answer, **SCHEMA_CONTEXT},
    )


@require_http_methods(["GET", "POST"])
def round_close(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    round = permissions.get_round_for(request.user, pk)
    if round.status != RoundStatus.OPEN:
        messages.info(request, _("This round is already closed."))
        return redirect(_round_url(round.pk))
    require(permissions.can_close_round(request.user, round))
    if request.method == "POST":
        try:
            services.round_close(round=round, by=person)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request, _("The round is closed. Answers that were not handed in stay drafts.")
            )
        return redirect(_round_url(round.pk))
    return render(
        request,
        "core/confirm.html",
        {
            "title": _("Close %(title)s?") % {"title": round.title},
            "text": _(
                "After this nobody can hand in or change an answer. Answers that were not "
                "handed in stay drafts: only their writers see them."
            ),
            "confirm_label": _("Yes, close the round"),
            "cancel_url": _round_url(round.pk),
        },
    )


@require_http_methods(["GET", "POST"])
def round_share(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    round = permissions.get_round_for(request.user, pk)
    if round.is_open:
        messages.info(request, _("Close the round first; then the team can write its summary."))
        return redirect(_round_url(round.pk))
    require(permissions.can_share_round(request.user, round))
    if request.method == "POST" and "withdraw" in request.POST:
        services.round_unshare(round=round, by=person)
        messages.success(request, _("The summary is no longer shared. New reports leave it out."))
        return redirect(_round_url(round.pk))
    form = RoundShareForm(request.POST or None, initial={"summary": round.shared_in_report_text})
    if request.method == "POST" and form.is_valid():
        try:
            services.round_share_in_report(
                round=round,
                by=person,
                summary=form.cleaned_data["summary"],
                team_decided=form.cleaned_data["team_decided"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The team's summary may now appear in a report."))
            return redirect(_round_url(round.pk))
    return render(request, "reflection/round_share.html", {"form": form, "round": round})


# Cases ------------------------------------------------------------------------------------------


@require_http_methods(["GET"])
def case_list(request: HttpRequest) -> HttpResponse:
    person = require_person(request)
    return render(
        request,
        "reflection/case_list.html",
        {"page": selectors.my_cases(request.user, page=page_number(request)), "person": person},
    )


def _share_target(kind: str, pk: int) -> dict[str, object]:
    """The chosen group as the keyword for ``case_create`` (the service checks membership)."""
    models: dict[str, Any] = {
        "organisation": Organisation,
        "team": ReflectionTeam,
        "gathering": Gathering,
    }
    model = models[kind]
    return {kind: model.objects.filter(pk=pk).first()}


@require_http_methods(["GET", "POST"])
def case_create(request: HttpRequest) -> HttpResponse:
    person = require_person(request)
    options = selectors.share_options(person)
    form = CaseForm(request.POST or None, options=options)
    if request.method == "POST" and form.is_valid():
        kind, pk = form.target()
        try:
            case = services.case_create(
                owner=person,
                title=form.cleaned_data["title"],
                what_happens=form.cleaned_data["what_happens"],
                my_question=form.cleaned_data["my_question"],
                **_share_target(kind, pk),  # type: ignore[arg-type]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Your situation is shared. When you are ready, open the step with questions."),
            )
            return redirect(_case_url(case.pk))
    return render(
        request,
        "reflection/case_create.html",
        {"form": form, "has_groups": any(options.values())},
    )


def _case_page(
    request: HttpRequest, case: Case, *, form: ResponseForm | None = None, status: int = 200
) -> HttpResponse:
    person = require_person(request)
    context = selectors.case_page(person, case)
    if form is None and context["can_respond"]:
        form = ResponseForm(phase=case.phase)
    context["form"] = form
    return render(request, "reflection/case_detail.html", context, status=status)


@require_http_methods(["GET"])
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_page(request, permissions.get_case_for(request.user, pk))


@require_POST
def case_respond(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    case = permissions.get_case_for(request.user, pk)
    form = ResponseForm(request.POST, phase=case.phase)
    if form.is_valid():
        try:
            services.case_respond(
                case=case,
                by=person,
                phase=form.cleaned_data["phase"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            add_service_error(form, error)
            case.refresh_from_db()
        else:
            messages.success(request, _("Thank you, your response has been added."))
            return redirect(_case_url(case.pk) + "#stap-" + str(case.phase))
    return _case_page(request, case, form=form)


@require_http_methods(["GET", "POST"])
def case_move_on(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    case = permissions.get_case_for(request.user, pk)
    require(permissions.is_case_owner(request.user, case))
    if case.phase >= CasePhase.TAKEAWAY:
        messages.info(request, _("This is the last step."))
        return redirect(_case_url(case.pk))
    form = MoveOnForm(request.POST or None, initial={"from_phase": case.phase})
    if request.method == "POST" and form.is_valid():
        try:
            services.case_move_on(case=case, by=person, from_phase=form.cleaned_data["from_phase"])
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The next step is open."))
        return redirect(_case_url(case.pk))
    next_phase = CasePhase(case.phase + 1)
    return render(
        request,
        "reflection/case_move_on.html",
        {"case": case, "form": form, "current": CasePhase(case.phase), "next": next_phase},
    )


@require_http_methods(["GET", "POST"])
def case_takeaway(request: HttpRequest, pk: int) -> HttpResponse:
    person = require_person(request)
    case = permissions.get_case_for(request.user, pk)
    require(permissions.is_case_owner(request.user, case))
    if case.phase != CasePhase.TAKEAWAY:
        messages.info(request, _("First go through the questions and the advice."))
        return redirect(_case_url(case.pk))
    form = TakeawayForm(request.POST or None, initial={"takeaway": case.takeaway})
    if request.method == "POST" and form.is_valid():
        try:
            services.case_takeaway_save(
                case=case, by=person, takeaway=form.cleaned_data["takeaway"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Saved what you take from it."))
            return redirect(_case_url(case.pk) + "#stap-4")
    return render(request, "reflection/case_takeaway.html", {"case": case, "form": form})
