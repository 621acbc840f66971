"""Writes for the mirror (teams, rounds, answers) and for cases (intervisie).

Each service checks the rule it relies on itself (views check first, for a kind 403/404), runs
in one transaction and validates before saving.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bondgenoot.core.errors import NotAllowed, ServiceError
from bondgenoot.core.services import notify
from bondgenoot.gatherings.models import Gathering
from bondgenoot.people.models import Organisation, Person

from .models import (
    AnswerStatus,
    Case,
    CasePhase,
    CaseResponse,
    ReflectionAnswer,
    ReflectionRound,
    ReflectionRow,
    ReflectionTeam,
    RoundStatus,
    TeamMembership,
)
from .permissions import (
    can_create_team_for,
    case_condition,
    choosable_people_ids,
    gatherings_taking_part,
    is_team_member,
    may_respond,
    organisation_ids_of,
    team_condition,
    team_member_ids,
)
from .schema import ROW_NUMBERS, STEPS

# A team view needs three handed-in answers (selectors.MIN_ANSWERS): a group team starts with
# its maker and at least two others.
MIN_OTHERS_IN_GROUP_TEAM = 2


def _require_member(team: ReflectionTeam, person: Person) -> None:
    if not is_team_member(person, team):
        raise NotAllowed


def _fresh_round(round: ReflectionRound) -> ReflectionRound:
    """The round as it is now in the database (closed meanwhile?), locked until commit."""
    return (
        ReflectionRound.objects.select_for_update(of=("self",))
        .select_related("team")
        .get(pk=round.pk)
    )


def _people(ids: Iterable[int]) -> list[Person]:
    return list(Person.objects.filter(pk__in=list(ids)).order_by("pk"))


# Teams ------------------------------------------------------------------------------------------


@transaction.atomic
def team_create(*, by: Person, name: str, members: Iterable[Person]) -> ReflectionTeam:
    """A group of people who choose to reflect together. The maker is a member; the others are
    told, and can leave at any time."""
    chosen = {p.pk: p for p in members if p.pk != by.pk}
    if set(chosen) - choosable_people_ids(by):
        raise ServiceError({"members": _("Choose people from the list.")})
    if len(chosen) < MIN_OTHERS_IN_GROUP_TEAM:
        raise ServiceError(
            {
                "members": _(
                    "Choose at least two other people: the team sees the answers together "
                    "from three people on."
                )
            }
        )
    team = ReflectionTeam(name=" ".join(name.split()), created_by=by)
    team.full_clean()
    team.save()
    TeamMembership.objects.bulk_create(
        [TeamMembership(team=team, person=p, added_by=by) for p in [by, *chosen.values()]]
    )
    notify(
        people=list(chosen.values()),
        text=_(
            "%(by)s asked you to hold up the mirror together in the team %(team)s. "
            "You can leave the team at any time."
        )
        % {"by": by.display_name, "team": team.name},
        link=reverse("reflection:team_detail", args=[team.pk]),
    )
    return team


@transaction.atomic
def team_create_for_organisation(
    *, by: Person, organisation: Organisation, name: str = ""
) -> ReflectionTeam:
    """A team of all members of an organisation (who they are is read fresh every time)."""
    if not can_create_team_for(by.user, organisation):
        raise NotAllowed
    if ReflectionTeam.objects.filter(organisation=organisation).exists():
        raise ServiceError(_("This organisation already has a team for the mirror."))
    team = ReflectionTeam(
        name=" ".join(name.split()) or organisation.name, organisation=organisation, created_by=by
    )
    team.full_clean()
    team.save()
    return team


@transaction.atomic
def team_leave(*, team: ReflectionTeam, person: Person) -> None:
    """Leave a group team. Answers already handed in stay part of the team's spread (without a
    name, as they always were); drafts stay the person's own."""
    if team.is_organisation_team:
        raise ServiceError(
            _("This is the team of an organisation: everyone who is a member takes part.")
        )
    deleted, _rows = TeamMembership.objects.filter(team=team, person=person).delete()
    if not deleted:
        raise NotAllowed


# Rounds -----------------------------------------------------------------------------------------


def _close_expired_rounds(team: ReflectionTeam) -> None:
    """A round whose closing time has passed is closed at that time."""
    now = timezone.now()
    for expired in team.rounds.filter(status=RoundStatus.OPEN, closes_at__lte=now):
        expired.status = RoundStatus.CLOSED
        expired.closed_at = expired.closes_at
        expired.save(update_fields=["status", "closed_at", "updated_at"])


def end_of_day(day: datetime.date) -> datetime.datetime:
    """A round that is open "until and including" a day closes when the next day starts."""
    start_next = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(start_next)


@transaction.atomic
def round_open(
    *,
    team: ReflectionTeam,
    by: Person,
    title: str,
    closes_at: datetime.datetime | None = None,
    opened_at: datetime.datetime | None = None,
) -> ReflectionRound:
    """Every member may open a round; a team has one open round at a time."""
    _require_member(team, by)
    _close_expired_rounds(team)
    if team.rounds.filter(status=RoundStatus.OPEN).exists():
        raise ServiceError(_("This team already has an open round. Close it first."))
    opened_at = opened_at or timezone.now()
    if closes_at is not None and closes_at <= max(opened_at, timezone.now()):
        raise ServiceError({"closes_on": _("Choose a day from today on.")})
    round = ReflectionRound(
        team=team,
        title=" ".join(title.split()),
        opened_by=by,
        opened_at=opened_at,
        closes_at=closes_at,
    )
    round.full_clean()
    round.save()
    notify(
        people=_people(i for i in team_member_ids(team) if i != by.pk),
        text=_("A new round of the mirror is open in %(team)s: %(title)s.")
        % {"team": team.name, "title": round.title},
        link=reverse("reflection:round_fill", args=[round.pk]),
    )
    return round


@transaction.atomic
def round_close(*, round: ReflectionRound, by: Person) -> ReflectionRound:
    """Close a round. Answers handed in count; drafts stay drafts of their writers."""
    round = _fresh_round(round)
    _require_member(round.team, by)
    if round.status != RoundStatus.OPEN:
        raise ServiceError(_("This round is already closed."))
    round.status = RoundStatus.CLOSED
    round.closed_at = min(timezone.now(), round.closes_at) if round.closes_at else timezone.now()
    round.closed_by = by
    round.save(update_fields=["status", "closed_at", "closed_by", "updated_at"])
    return round


@dataclass(frozen=True)
class RowAnswer:
    position: int | None
    note: str = ""
    want_to_talk: bool = False


@dataclass(frozen=True)
class AnswerSaved:
    answer: ReflectionAnswer
    # The round closed while the person was filling it in: the answer is kept as a draft.
    kept_as_draft: bool = False


def _check_rows(rows: Mapping[int, RowAnswer], *, submit: bool) -> None:
    if set(rows) - set(ROW_NUMBERS):
        raise ServiceError(_("The mirror has six rows."))
    for number, row in rows.items():
        if row.position is not None and row.position not in STEPS:
            raise ServiceError({f"row_{number}_position": _("Choose one of the five places.")})
    if submit:
        missing = {
            f"row_{n}_position": _("Choose a place on the line.")
            for n in ROW_NUMBERS
            if n not in rows or rows[n].position is None
        }
        if missing:
            raise ServiceError(missing)


@transaction.atomic
def answer_save(
    *,
    round: ReflectionRound,
    person: Person,
    rows: Mapping[int, RowAnswer],
    show_name: bool = False,
    submit: bool = False,
) -> AnswerSaved:
    """Save a person's own answer, as a draft or handed in.

    A round that was closed while the person was filling it in keeps what they wrote as a
    draft (``kept_as_draft``), never counted; an answer that was already handed in is not
    changed any more once the round is closed.
    """
    round = _fresh_round(round)
    _require_member(round.team, person)
    answer = ReflectionAnswer.objects.filter(round=round, person=person).first()
    still_open = round.is_open
    if not still_open and answer is not None and answer.status == AnswerStatus.SUBMITTED:
        raise ServiceError(
            _(
                "This round was closed while you were filling it in. Your answer that you "
                "handed in before counts as it was; your changes were not saved."
            )
        )
    _check_rows(rows, submit=submit and still_open)
    if answer is None:
        answer = ReflectionAnswer(round=round, person=person)
    answer.show_name = show_name
    if submit and still_open:
        answer.status = AnswerStatus.SUBMITTED
        answer.submitted_at = timezone.now()
    else:
        answer.status = AnswerStatus.DRAFT
        answer.submitted_at = None
    answer.full_clean()
    answer.save()
    existing = {r.row: r for r in answer.rows.all()}
    for number in ROW_NUMBERS:
        given = rows.get(number, RowAnswer(position=None))
        row = existing.get(number) or ReflectionRow(answer=answer, row=number)
        row.position = given.position
        row.note = given.note.strip()
        row.want_to_talk = given.want_to_talk
        row.full_clean()
        row.save()
    return AnswerSaved(answer=answer, kept_as_draft=submit and not still_open)


@transaction.atomic
def round_share_in_report(
    *, round: ReflectionRound, by: Person, summary: str, team_decided: bool
) -> ReflectionRound:
    """The team decides to let a report for a funder show this round, and then only as its own
    summary text: never the answers, the notes, the chart or the figures."""
    round = _fresh_round(round)
    _require_member(round.team, by)
    if round.is_open:
        raise ServiceError(_("Close the round first; then the team can write its summary."))
    if not team_decided:
        raise ServiceError(
            {"team_decided": _("Share it only when the team has decided so together.")}
        )
    summary = summary.strip()
    if not summary:
        raise ServiceError({"summary": _("Write the summary in the team's own words.")})
    round.shared_in_report_text = summary
    round.shared_decided_by = by
    round.shared_decided_at = timezone.now()
    round.full_clean()
    round.save()
    return round


@transaction.atomic
def round_unshare(*, round: ReflectionRound, by: Person) -> ReflectionRound:
    """The team takes its summary back: reports made from now on no longer show it."""
    round = _fresh_round(round)
    _require_member(round.team, by)
    round.shared_in_report_text = ""
    round.shared_decided_by = None
    round.shared_decided_at = None
    round.save(
        update_fields=[
            "shared_in_report_text",
            "shared_decided_by",
            "shared_decided_at",
            "updated_at",
        ]
    )
    return round


# Cases ------------------------------------------------------------------------------------------


@transaction.atomic
def case_create(
    *,
    owner: Person,
    title: str,
    what_happens: str,
    my_question: str,
    organisation: Organisation | None = None,
    team: ReflectionTeam | None = None,
    gathering: Gathering | None = None,
) -> Case:
    """Bring in a situation from practice, shared with one group the owner belongs to."""
    chosen = [x for x in (organisation, team, gathering) if x is not None]
    if len(chosen) != 1:
        raise ServiceError({"share_with": _("Choose one group to share it with.")})
    allowed = (
        (organisation is not None and organisation.pk in organisation_ids_of(owner))
        or (
            team is not None
            and ReflectionTeam.objects.filter(team_condition(owner), pk=team.pk).exists()
        )
        or (
            gathering is not None and gatherings_taking_part(owner).filter(pk=gathering.pk).exists()
        )
    )
    if not allowed:
        raise ServiceError({"share_with": _("Choose a group you belong to.")})
    case = Case(
        owner=owner,
        title=" ".join(title.split()),
        what_happens=what_happens.strip(),
        my_question=my_question.strip(),
        shared_with_organisation=organisation,
        shared_with_team=team,
        shared_with_gathering=gathering,
    )
    case.full_clean()
    case.save()
    return case


def _fresh_case(case: Case) -> Case:
    return Case.objects.select_for_update(of=("self",)).select_related("owner").get(pk=case.pk)


@transaction.atomic
def case_respond(*, case: Case, by: Person, phase: int, text: str) -> CaseResponse:
    """A question (step 2) or advice (step 3), only in the step the case is in now."""
    case = _fresh_case(case)
    if not Case.objects.filter(case_condition(by), pk=case.pk).exists():
        raise NotAllowed
    if phase != case.phase:
        raise ServiceError(
            _(
                "%(name)s has moved on to another step, so your text was not added. "
                "It is still in the box below."
            )
            % {"name": case.owner.display_name}
        )
    if not may_respond(by, case):
        raise ServiceError(_("In this step you cannot add anything."))
    text = text.strip()
    if not text:
        raise ServiceError({"text": _("Write your question or advice.")})
    response = CaseResponse(case=case, author=by, phase=case.phase, text=text)
    response.full_clean()
    response.save()
    return response


@transaction.atomic
def case_move_on(*, case: Case, by: Person, from_phase: int) -> Case:
    """Only the owner moves the case on to the next step; the others are told."""
    case = _fresh_case(case)
    if case.owner_id != by.pk:
        raise NotAllowed
    if case.phase != from_phase:
        raise ServiceError(_("This step was already closed."))
    if case.phase >= CasePhase.TAKEAWAY:
        raise ServiceError(_("This is the last step."))
    case.phase += 1
    case.phase_changed_at = timezone.now()
    case.save(update_fields=["phase", "phase_changed_at", "updated_at"])
    responders = (
        CaseResponse.objects.filter(case=case)
        .exclude(author=by)
        .exclude(author__isnull=True)
        .order_by()
        .values_list("author_id", flat=True)
        .distinct()
    )
    notify(
        people=_people(responders),
        text=_("%(name)s moved %(title)s on to the next step: %(step)s.")
        % {
            "name": by.display_name,
            "title": case.title,
            "step": CasePhase(case.phase).label,
        },
        link=reverse("reflection:case_detail", args=[case.pk]),
    )
    return case


@transaction.atomic
def case_takeaway_save(*, case: Case, by: Person, takeaway: str) -> Case:
    """In the last step the owner writes what they take from it."""
    case = _fresh_case(case)
    if case.owner_id != by.pk:
        raise NotAllowed
    if case.phase != CasePhase.TAKEAWAY:
        raise ServiceError(_("First go through the questions and the advice."))
    takeaway = takeaway.strip()
    if not takeaway:
        raise ServiceError({"takeaway": _("Write what you take from it.")})
    case.takeaway = takeaway
    case.full_clean()
    case.save()
    return case
