"""Reads for the mirror and for cases, already scoped to the viewer. Query counts of the team
view are pinned by tests.

The team view shows the spread of everyone together: per row of the schema the lowest and the
highest place, how many people chose each of the five places, and how many want to talk about
it. Never one person's places, never a score per person, never an order of people. While a
round is open, and with fewer than three handed-in answers, nothing of the others is read at
all: the person sees their own answer only. (A spread that changed with every answer handed in
would let someone watching it work out the places and notes of the last one to hand in.)
Notes are shown per row, sorted by their text (not by who wrote them or when), so a note
cannot be linked to the notes of the same person in other rows; a name comes with a note only
when its writer chose that, and the database hands out no name otherwise.
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Case as Choose
from django.db.models import (
    CharField,
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from bondgenoot.people.models import MembershipRole, Organisation, Person

from . import radar
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
    case_abilities,
    cases_visible_to,
    choosable_people_ids,
    gatherings_taking_part,
    organisation_ids_of,
    round_abilities,
    team_condition,
    teams_visible_to,
)
from .schema import ROWS, STEPS, SchemaRow

MIN_ANSWERS = 3  # below this, a person sees only their own answer
CASES_PAGE_SIZE = 20
# A change of the middle smaller than this is "about the same" (a quarter of a step).
MOVEMENT_THRESHOLD = 0.25


# Teams ------------------------------------------------------------------------------------------


def my_teams(user: Any) -> list[ReflectionTeam]:
    """The teams of the list page, each with its open round (``open_rounds``) if any."""
    return list(
        teams_visible_to(user)
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "rounds",
                queryset=ReflectionRound.objects.filter(status=RoundStatus.OPEN),
                to_attr="open_rounds",
            )
        )
        .order_by("name", "id")
    )


def coordinated_organisations_without_team(person: Person) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        memberships__person=person, memberships__role=MembershipRole.COORDINATOR
    ).exclude(reflection_teams__isnull=False)


def choosable_people(person: Person) -> QuerySet[Person]:
    return Person.objects.filter(
        pk__in=choosable_people_ids(person), user__is_active=True
    ).order_by("display_name", "pk")


def team_members(team: ReflectionTeam) -> list[Person]:
    if team.organisation_id is not None:
        people = Person.objects.filter(memberships__organisation_id=team.organisation_id)
    else:
        people = Person.objects.filter(
            pk__in=TeamMembership.objects.filter(team=team).values("person_id")
        )
    return list(people.order_by("display_name", "pk"))


def team_page(person: Person, team: ReflectionTeam) -> dict[str, Any]:
    """The team, its members and its rounds, newest first, with the count of handed-in answers
    and the state of the viewer's own answer."""
    mine = ReflectionAnswer.objects.filter(round=OuterRef("pk"), person=person).values("status")[:1]
    rounds = list(
        team.rounds.annotate(
            submitted=Count("answers", filter=Q(answers__status=AnswerStatus.SUBMITTED)),
            my_status=Subquery(mine, output_field=CharField()),
        ).order_by("-opened_at", "-id")
    )
    return {
        "team": team,
        "members": team_members(team),
        "rounds": rounds,
        "has_open_round": any(r.is_open for r in rounds),
        "can_leave": not team.is_organisation_team,
    }


# One round: the team view ---------------------------------------------------------------------


@dataclass
class RowSpread:
    """The places chosen by everyone together on one row; ``counts[i]`` is step ``i + 1``."""

    row: SchemaRow
    counts: list[int] = field(default_factory=lambda: [0] * len(STEPS))
    talk: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def lowest(self) -> int | None:
        return next((s for s, n in zip(STEPS, self.counts, strict=True) if n), None)

    @property
    def highest(self) -> int | None:
        return next((s for s, n in zip(STEPS[::-1], self.counts[::-1], strict=True) if n), None)

    @property
    def mean(self) -> float | None:
        total = self.total
        if not total:
            return None
        return sum(s * n for s, n in zip(STEPS, self.counts, strict=True)) / total

    @property
    def steps(self) -> list[tuple[int, int]]:
        return list(zip(STEPS, self.counts, strict=True))


@dataclass
class Spread:
    round: ReflectionRound
    answers: int
    rows: list[RowSpread]

    @property
    def enough(self) -> bool:
        return self.answers >= MIN_ANSWERS


@dataclass
class Note:
    text: str
    name: str  # empty unless the writer chose to show their name
    want_to_talk: bool


@dataclass
class Comparison:
    """One row of the table: this round next to the previous one."""

    now: RowSpread
    before: RowSpread | None

    @property
    def movement(self) -> str:
        """'right', 'left', 'same' or '' (nothing to compare): of the middle of the team."""
        if self.before is None or self.now.mean is None or self.before.mean is None:
            return ""
        delta = self.now.mean - self.before.mean
        if abs(delta) < MOVEMENT_THRESHOLD:
            return "same"
        return "right" if delta > 0 else "left"


def submitted_count(round: ReflectionRound) -> int:
    return ReflectionAnswer.objects.filter(round=round, status=AnswerStatus.SUBMITTED).count()


def spread_of(round: ReflectionRound, *, answers: int | None = None) -> Spread:
    """The spread of the handed-in answers of a round. Reads the places only when there are
    enough answers to show them (one query to count, one for all rows)."""
    if answers is None:
        answers = submitted_count(round)
    rows = {r.number: RowSpread(row=r) for r in ROWS}
    if answers >= MIN_ANSWERS:
        grouped = (
            ReflectionRow.objects.filter(
                answer__round=round,
                answer__status=AnswerStatus.SUBMITTED,
                position__isnull=False,
            )
            .order_by()
            .values("row", "position")
            .annotate(n=Count("id"), talk=Count("id", filter=Q(want_to_talk=True)))
        )
        for group in grouped:
            spread = rows.get(group["row"])
            if spread is None or group["position"] not in STEPS:
                continue
            spread.counts[group["position"] - 1] = group["n"]
            spread.talk += group["talk"]
    return Spread(round=round, answers=answers, rows=list(rows.values()))


def notes_of(round: ReflectionRound) -> dict[int, list[Note]]:
    """The notes of the handed-in answers, per row, sorted by text; a name only by choice."""
    name = Choose(
        When(answer__show_name=True, then=F("answer__person__display_name")),
        default=Value(""),
        output_field=CharField(),
    )
    found = (
        ReflectionRow.objects.filter(answer__round=round, answer__status=AnswerStatus.SUBMITTED)
        .exclude(note="")
        .annotate(shown_name=name)
        .order_by("row", "note", "id")
        .values_list("row", "note", "shown_name", "want_to_talk")
    )
    notes: dict[int, list[Note]] = {r.number: [] for r in ROWS}
    for row, note, shown_name, want_to_talk in found:
        notes.setdefault(row, []).append(
            Note(text=note, name=shown_name, want_to_talk=want_to_talk)
        )
    return notes


def previous_round(round: ReflectionRound) -> ReflectionRound | None:
    return (
        ReflectionRound.objects.filter(team_id=round.team_id)
        .filter(Q(opened_at__lt=round.opened_at) | Q(opened_at=round.opened_at, pk__lt=round.pk))
        .order_by("-opened_at", "-id")
        .first()
    )


def my_answer(round: ReflectionRound, person: Person) -> ReflectionAnswer | None:
    return (
        ReflectionAnswer.objects.filter(round=round, person=person)
        .prefetch_related(Prefetch("rows", queryset=ReflectionRow.objects.order_by("row")))
        .first()
    )


@dataclass
class OwnRow:
    row: SchemaRow
    position: int | None
    note: str
    want_to_talk: bool


def own_rows(answer: ReflectionAnswer | None) -> list[OwnRow]:
    stored = {r.row: r for r in answer.rows.all()} if answer is not None else {}
    result = []
    for row in ROWS:
        mine = stored.get(row.number)
        result.append(
            OwnRow(
                row=row,
                position=mine.position if mine else None,
                note=mine.note if mine else "",
                want_to_talk=mine.want_to_talk if mine else False,
            )
        )
    return result


def round_page(person: Person, round: ReflectionRound) -> dict[str, Any]:
    """Everything on the page of a round that ``get_round_for`` let this person see.

    A fixed number of queries whatever the number of answers (pinned by a test).
    """
    answer = my_answer(round, person)
    answers = submitted_count(round)
    context: dict[str, Any] = {
        "round": round,
        "team": round.team,
        "my_answer": answer,
        "my_rows": own_rows(answer),
        "submitted": answers,
        "min_answers": MIN_ANSWERS,
        "enough": answers >= MIN_ANSWERS,
        "team_view": not round.is_open and answers >= MIN_ANSWERS,
        **round_abilities(is_member=True, round=round),
    }
    previous = previous_round(round)
    context["previous"] = previous
    if not context["team_view"]:
        return context  # the person's own view only: nothing of the others is read
    spread = spread_of(round, answers=answers)
    before = spread_of(previous) if previous is not None else None
    shown_before = before if before is not None and before.enough else None
    context.update(
        {
            "spread": spread,
            "before": before,
            "comparison": [
                Comparison(now=now, before=shown_before.rows[i] if shown_before else None)
                for i, now in enumerate(spread.rows)
            ],
            "notes": [(r, notes) for r, notes in zip(ROWS, notes_of(round).values(), strict=True)],
            "talk_rows": sorted(
                (s for s in spread.rows if s.talk), key=lambda s: (-s.talk, s.row.number)
            ),
            "chart": radar.chart(spread, shown_before),
        }
    )
    return context


def rounds_to_fill(person: Person) -> QuerySet[ReflectionRound]:
    """Open rounds of the person's teams (for the home page or the team list)."""
    return ReflectionRound.objects.filter(
        status=RoundStatus.OPEN, team__in=ReflectionTeam.objects.filter(team_condition(person))
    )


def shared_summaries(*, teams: QuerySet[ReflectionTeam]) -> QuerySet[ReflectionRound]:
    """What a report for a funder may show of the mirror: only the summaries a team decided
    to share, in its own words. Never the answers, the notes, the chart or any figure."""
    return (
        ReflectionRound.objects.filter(team__in=teams, shared_decided_at__isnull=False)
        .exclude(shared_in_report_text="")
        .select_related("team")
        .order_by("-closed_at", "-id")
        .only("title", "team__name", "closed_at", "shared_in_report_text", "shared_decided_at")
    )


# Cases ------------------------------------------------------------------------------------------


def my_cases(user: Any, *, page: Any = 1) -> Page[Case]:
    cases = cases_visible_to(user).select_related(
        "owner", "shared_with_organisation", "shared_with_team", "shared_with_gathering"
    )
    return Paginator(cases.order_by("-created_at", "-id"), CASES_PAGE_SIZE).get_page(page)


def share_options(person: Person) -> dict[str, list[tuple[str, str]]]:
    """The groups a person may share a case with, by kind: ``{kind: [(value, name)]}``."""
    organisations = Organisation.objects.filter(pk__in=organisation_ids_of(person)).order_by("name")
    teams = ReflectionTeam.objects.filter(team_condition(person)).order_by("name", "id")
    gatherings = gatherings_taking_part(person).order_by("-starts_at", "-id")
    return {
        "organisation": [(f"organisation-{o.pk}", o.name) for o in organisations],
        "team": [(f"team-{t.pk}", t.name) for t in teams],
        "gathering": [(f"gathering-{g.pk}", g.title) for g in gatherings],
    }


@dataclass
class PhaseStep:
    phase: CasePhase
    state: str  # "done", "current" or "later"
    responses: list[CaseResponse]


def case_page(person: Person, case: Case) -> dict[str, Any]:
    """The case with its steps; the responses of each step that has been reached."""
    responses = list(
        CaseResponse.objects.filter(case=case).select_related("author").order_by("created_at", "id")
    )
    steps = []
    for phase in CasePhase:
        state = "done" if phase < case.phase else "current" if phase == case.phase else "later"
        steps.append(
            PhaseStep(
                phase=phase,
                state=state,
                responses=[r for r in responses if r.phase == phase] if state != "later" else [],
            )
        )
    return {
        "case": case,
        "steps": steps,
        "current": CasePhase(case.phase),
        "shared_with": shared_with_name(case),
        **case_abilities(person, case),
    }


def shared_with_name(case: Case) -> str:
    if case.shared_with_organisation is not None:
        return case.shared_with_organisation.name
    if case.shared_with_team is not None:
        return case.shared_with_team.name
    if case.shared_with_gathering is not None:
        return case.shared_with_gathering.title
    return ""
