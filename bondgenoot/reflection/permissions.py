"""Who may see and do what with the mirror (teams, rounds, answers) and with cases.

The single place for these rules: views and template flags call these predicates.
``get_*_for`` helpers return the object or raise 404 when the person may not see it.

- A **team** is seen by its members: the people of a group team, or the members (and
  coordinators) of the team's organisation, read fresh on every check. Every member may open
  and close a round: nobody owns the mirror. Only a coordinator makes a team for an
  organisation.
- A **round** is seen by the members of its team. A person's answer is theirs: others see only
  the spread of everyone together, and only from three handed-in answers (``selectors``).
- A **case** is seen by its owner and by the people it is shared with: the members of an
  organisation, the members of a team, or the people taking part in a gathering (organiser,
  speakers and guests with an account, registered participants). Nobody else: not site
  administrators, not funders, not members of other organisations. Only the owner moves it on.
"""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from bondgenoot.alliances.permissions import ally_ids_of
from bondgenoot.core.permissions import person_of
from bondgenoot.gatherings.models import Gathering, GatheringRole, Registration, RegistrationStatus
from bondgenoot.people.models import Membership, MembershipRole, Organisation, Person

from .models import (
    Case,
    CasePhase,
    ReflectionRound,
    ReflectionTeam,
    RoundStatus,
    TeamMembership,
)

# Teams ------------------------------------------------------------------------------------------


def organisation_ids_of(person: Person) -> list[int]:
    """Read fresh on every check: someone who leaves an organisation loses access at once."""
    return list(
        Membership.objects.filter(person=person)
        .order_by()
        .values_list("organisation_id", flat=True)
    )


def team_condition(person: Person) -> Q:
    """The visibility rule of teams, as a condition on ReflectionTeam."""
    condition = Q(pk__in=TeamMembership.objects.filter(person=person).values("team_id"))
    organisation_ids = organisation_ids_of(person)
    if organisation_ids:
        condition |= Q(organisation_id__in=organisation_ids)
    return condition


def teams_visible_to(user: Any) -> QuerySet[ReflectionTeam]:
    person = person_of(user)
    if person is None:
        return ReflectionTeam.objects.none()
    return ReflectionTeam.objects.filter(team_condition(person))


def is_team_member(person: Person | None, team: ReflectionTeam) -> bool:
    if person is None:
        return False
    if team.organisation_id is not None:
        return Membership.objects.filter(
            organisation_id=team.organisation_id, person=person
        ).exists()
    return TeamMembership.objects.filter(team=team, person=person).exists()


def team_member_ids(team: ReflectionTeam) -> list[int]:
    if team.organisation_id is not None:
        return list(
            Membership.objects.filter(organisation_id=team.organisation_id)
            .order_by()
            .values_list("person_id", flat=True)
        )
    return list(team.memberships.order_by().values_list("person_id", flat=True))


def choosable_people_ids(person: Person) -> set[int]:
    """Whom a person may put in a group team: their allies and the members of their
    organisations (people they already work with), not the whole site."""
    ids = ally_ids_of(person)
    organisation_ids = organisation_ids_of(person)
    if organisation_ids:
        ids.update(
            Membership.objects.filter(organisation_id__in=organisation_ids)
            .order_by()
            .values_list("person_id", flat=True)
        )
    ids.discard(person.pk)
    return ids


def can_create_team_for(user: Any, organisation: Organisation) -> bool:
    person = person_of(user)
    return (
        person is not None
        and Membership.objects.filter(
            organisation=organisation, person=person, role=MembershipRole.COORDINATOR
        ).exists()
    )


def can_leave_team(user: Any, team: ReflectionTeam) -> bool:
    """One leaves a group team oneself; an organisation team follows the organisation."""
    return not team.is_organisation_team and is_team_member(person_of(user), team)


def can_open_round(user: Any, team: ReflectionTeam) -> bool:
    return is_team_member(person_of(user), team)


def get_team_for(user: Any, pk: int) -> ReflectionTeam:
    team = teams_visible_to(user).filter(pk=pk).select_related("organisation").first()
    if team is None:
        raise Http404
    return team


# Rounds -----------------------------------------------------------------------------------------


def get_round_for(user: Any, pk: int) -> ReflectionRound:
    """A round of a team this person is a member of (404 for everyone else)."""
    person = person_of(user)
    if person is None:
        raise Http404
    found = (
        ReflectionRound.objects.filter(
            pk=pk, team__in=ReflectionTeam.objects.filter(team_condition(person))
        )
        .select_related("team", "team__organisation")
        .first()
    )
    if found is None:
        raise Http404
    return found


def round_abilities(*, is_member: bool, round: ReflectionRound) -> dict[str, bool]:
    """The template flags of a round page, for a member of its team."""
    return {
        "can_answer": is_member and round.is_open,
        "can_close": is_member and round.status == RoundStatus.OPEN,
        "can_share": is_member and not round.is_open,
    }


def can_answer_round(user: Any, round: ReflectionRound) -> bool:
    return round.is_open and is_team_member(person_of(user), round.team)


def can_close_round(user: Any, round: ReflectionRound) -> bool:
    return round.status == RoundStatus.OPEN and is_team_member(person_of(user), round.team)


def can_share_round(user: Any, round: ReflectionRound) -> bool:
    """The team's summary for a report: for a round that is over, by a member of the team."""
    return not round.is_open and is_team_member(person_of(user), round.team)


# Cases ------------------------------------------------------------------------------------------


def gatherings_taking_part(person: Person) -> QuerySet[Gathering]:
    """The gatherings this person takes part in: registered (not on the waiting list), speaker or
    guest, or organiser. Not everyone who may see a gathering (an open one is seen by all)."""
    return Gathering.objects.filter(
        Q(organiser=person)
        | Q(
            pk__in=Registration.objects.filter(
                person=person, status=RegistrationStatus.REGISTERED
            ).values("gathering_id")
        )
        | Q(pk__in=GatheringRole.objects.filter(person=person).values("gathering_id"))
    )


def case_condition(person: Person) -> Q:
    """The visibility rule of cases, as a condition on Case."""
    condition = Q(owner=person) | Q(
        shared_with_team__in=ReflectionTeam.objects.filter(team_condition(person))
    )
    organisation_ids = organisation_ids_of(person)
    if organisation_ids:
        condition |= Q(shared_with_organisation_id__in=organisation_ids)
    return condition | Q(shared_with_gathering__in=gatherings_taking_part(person))


def cases_visible_to(user: Any) -> QuerySet[Case]:
    person = person_of(user)
    if person is None:
        return Case.objects.none()
    return Case.objects.filter(case_condition(person))


def get_case_for(user: Any, pk: int) -> Case:
    case = (
        cases_visible_to(user)
        .filter(pk=pk)
        .select_related(
            "owner", "shared_with_organisation", "shared_with_team", "shared_with_gathering"
        )
        .first()
    )
    if case is None:
        raise Http404
    return case


def is_case_owner(user: Any, case: Case) -> bool:
    person = person_of(user)
    return person is not None and case.owner_id == person.pk


def may_respond(person: Person | None, case: Case) -> bool:
    """For a person who sees the case: questions in step 2 (the owner answers them there too),
    advice in step 3 from the others. Never in another step."""
    if person is None:
        return False
    if case.phase == CasePhase.QUESTIONS:
        return True
    return case.phase == CasePhase.ADVICE and case.owner_id != person.pk


def can_respond_to_case(user: Any, case: Case) -> bool:
    return may_respond(person_of(user), case)


def can_move_case_on(user: Any, case: Case) -> bool:
    return is_case_owner(user, case) and case.phase < CasePhase.TAKEAWAY


def can_write_takeaway(user: Any, case: Case) -> bool:
    return is_case_owner(user, case) and case.phase == CasePhase.TAKEAWAY


def case_abilities(person: Person, case: Case) -> dict[str, bool]:
    is_owner = case.owner_id == person.pk
    return {
        "is_owner": is_owner,
        "can_respond": may_respond(person, case),
        "can_move_on": is_owner and case.phase < CasePhase.TAKEAWAY,
        "can_write_takeaway": is_owner and case.phase == CasePhase.TAKEAWAY,
    }
