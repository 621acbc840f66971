import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from bondgenoot.core.errors import NotAllowed, ServiceError
from bondgenoot.core.models import Notice
from bondgenoot.gatherings.models import RegistrationStatus
from bondgenoot.gatherings.tests.factories import GatheringFactory, RegistrationFactory
from bondgenoot.people.models import Membership, MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory, PersonFactory
from bondgenoot.reflection import selectors, services
from bondgenoot.reflection.models import (
    AnswerStatus,
    CasePhase,
    CaseResponse,
    ReflectionRound,
    RoundStatus,
)
from bondgenoot.reflection.permissions import cases_visible_to, teams_visible_to
from bondgenoot.reflection.schema import ROW_NUMBERS

from .factories import ReflectionTeamFactory, answer

pytestmark = pytest.mark.django_db


def rows(position=3, **extra):
    return {n: services.RowAnswer(position=position, **extra) for n in ROW_NUMBERS}


# Teams -------------------------------------------------------------------------------------------


def test_a_group_team_needs_two_others_the_maker_may_choose(alliance, amina, bas, chris):
    with pytest.raises(ServiceError):
        services.team_create(by=amina, name="Wij", members=[bas])  # one other: too few
    with pytest.raises(ServiceError):
        services.team_create(by=amina, name="Wij", members=[bas, chris])  # chris: a stranger
    fatma: Any = PersonFactory(display_name="Fatma")
    organisation = MembershipFactory(person=amina).organisation
    MembershipFactory(organisation=organisation, person=fatma)

    team = services.team_create(by=amina, name="  Wij   samen ", members=[bas, fatma])

    assert team.name == "Wij samen"
    assert set(selectors.team_members(team)) == {amina, bas, fatma}
    told = Notice.objects.filter(person__in=[bas, fatma])
    assert told.count() == 2 and "Amina" in told.first().text
    assert not Notice.objects.filter(person=amina).exists()


def test_an_organisation_team_follows_its_members(org, gijs, bas, dewi, other_org):
    with pytest.raises(NotAllowed):
        services.team_create_for_organisation(by=dewi, organisation=org)
    team = services.team_create_for_organisation(by=gijs, organisation=org)
    assert team.name == org.name
    assert bas not in selectors.team_members(team)

    membership = MembershipFactory(organisation=org, person=bas, role=MembershipRole.MEMBER)
    assert team in teams_visible_to(bas.user)
    membership.delete()
    assert team not in teams_visible_to(bas.user)

    with pytest.raises(ServiceError):
        services.team_create_for_organisation(by=gijs, organisation=org)  # once per org


def test_leaving_a_group_team_ends_access_and_keeps_handed_in_answers(
    team, round, amina, bas, gijs
):
    for person in (amina, bas, gijs):
        answer(round, person)
    services.team_leave(team=team, person=bas)
    assert team not in teams_visible_to(bas.user)
    assert selectors.submitted_count(round) == 3


# Rounds ------------------------------------------------------------------------------------------


def test_one_open_round_per_team_and_only_members_open_one(team, round, amina, chris):
    with pytest.raises(ServiceError):
        services.round_open(team=team, by=amina, title="Nog een")
    with pytest.raises(NotAllowed):
        services.round_open(team=ReflectionTeamFactory(members=[amina]), by=chris, title="X")
    services.round_close(round=round, by=amina)
    assert services.round_open(team=team, by=amina, title="Nog een").is_open


def test_members_are_told_when_a_round_opens(team, amina, bas, gijs):
    services.round_open(team=team, by=amina, title="Spiegel herfst")
    assert (
        Notice.objects.filter(person__in=[bas, gijs], text__contains="Spiegel herfst").count() == 2
    )


def test_a_round_closed_while_someone_fills_it_in_keeps_their_answer_as_a_draft(round, amina, bas):
    # Bas opened the form while the round was open; Amina closes it before he hands in.
    services.round_close(round=round, by=amina)

    saved = services.answer_save(
        round=round, person=bas, rows=rows(4, note="Ik leer veel."), submit=True
    )

    assert saved.kept_as_draft
    assert saved.answer.status == AnswerStatus.DRAFT
    assert saved.answer.rows.get(row=1).note == "Ik leer veel."
    assert selectors.submitted_count(round) == 0


def test_closing_leaves_drafts_as_drafts_and_handed_in_answers_cannot_change(round, amina, bas):
    answer(round, amina, 2, submit=False)
    answer(round, bas, 5)
    services.round_close(round=round, by=amina)
    round.refresh_from_db()
    assert round.status == RoundStatus.CLOSED and round.closed_by == amina
    assert {a.person: a.status for a in round.answers.all()} == {
        amina: AnswerStatus.DRAFT,
        bas: AnswerStatus.SUBMITTED,
    }
    with pytest.raises(ServiceError):
        answer(round, bas, 1)
    assert set(round.answers.get(person=bas).rows.values_list("position", flat=True)) == {5}
    with pytest.raises(ServiceError):
        services.round_close(round=round, by=amina)


def test_a_round_past_its_closing_time_counts_as_closed(team, amina, bas):
    round = services.round_open(
        team=team, by=amina, title="Kort", closes_at=timezone.now() + datetime.timedelta(hours=1)
    )
    ReflectionRound.objects.filter(pk=round.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    round.refresh_from_db()
    assert not round.is_open
    assert services.answer_save(round=round, person=bas, rows=rows(), submit=True).kept_as_draft
    # A new round closes the old one at its closing time.
    services.round_open(team=team, by=amina, title="Volgende")
    round.refresh_from_db()
    assert round.status == RoundStatus.CLOSED and round.closed_at == round.closes_at


def test_a_closing_day_in_the_past_is_refused(team, amina):
    with pytest.raises(ServiceError):
        services.round_open(
            team=team, by=amina, title="X", closes_at=timezone.now() - datetime.timedelta(days=1)
        )


def test_handing_in_needs_a_place_on_every_line_a_draft_does_not(round, amina):
    partial = {1: services.RowAnswer(position=2), 2: services.RowAnswer(position=None)}
    with pytest.raises(ServiceError) as refused:
        services.answer_save(round=round, person=amina, rows=partial, submit=True)
    assert set(refused.value.message_dict) == {f"row_{n}_position" for n in range(2, 7)}
    draft = services.answer_save(round=round, person=amina, rows=partial).answer
    assert draft.status == AnswerStatus.DRAFT and draft.rows.count() == 6
    with pytest.raises(ServiceError):
        services.answer_save(round=round, person=amina, rows={1: services.RowAnswer(position=9)})


def test_only_members_answer(round, chris):
    with pytest.raises(NotAllowed):
        answer(round, chris)


def test_an_answer_can_be_changed_and_taken_back_while_the_round_is_open(round, amina):
    answer(round, amina, 2)
    answer(round, amina, 4)
    mine = round.answers.get(person=amina)
    assert mine.status == AnswerStatus.SUBMITTED
    assert set(mine.rows.values_list("position", flat=True)) == {4}
    answer(round, amina, 4, submit=False)
    assert round.answers.get(person=amina).status == AnswerStatus.DRAFT


# The team view -----------------------------------------------------------------------------------


def test_with_fewer_than_three_answers_only_ones_own_view(round, amina, bas, gijs):
    answer(round, amina, 1, notes={1: "Mijn eigen woorden"})
    answer(round, bas, 5, notes={1: "Wat Bas schreef"})
    answer(round, gijs, 3, submit=False)  # a draft does not count

    page = selectors.round_page(amina, round)

    assert page["submitted"] == 2 and not page["enough"]
    assert "spread" not in page and "notes" not in page and "chart" not in page
    assert [r.position for r in page["my_rows"]] == [1] * 6
    assert page["my_rows"][0].note == "Mijn eigen woorden"


def test_while_the_round_is_open_nothing_of_the_others_even_with_three_answers(
    round, amina, bas, gijs
):
    # A spread that changed with each answer would give away the last one handed in.
    answer(round, amina, 1, notes={1: "Mijn eigen woorden"})
    answer(round, bas, 5, notes={1: "Wat Bas schreef"})
    answer(round, gijs, 3)

    page = selectors.round_page(amina, round)

    assert page["submitted"] == 3 and page["enough"] and not page["team_view"]
    assert "spread" not in page and "notes" not in page and "chart" not in page

    closed = services.round_close(round=round, by=amina)
    page = selectors.round_page(amina, closed)
    assert page["team_view"] and page["spread"].rows[0].counts == [1, 0, 1, 0, 1]


def test_from_three_answers_the_spread_per_row_not_only_the_middle(round, amina, bas, gijs):
    answer(round, amina, [1, 2, 3, 4, 5, 5], talk={6})
    answer(round, bas, [3, 2, 3, 4, 5, 1], talk={6, 2})
    answer(round, gijs, [5, 2, 4, 4, 5, 1])
    closed = services.round_close(round=round, by=amina)

    page = selectors.round_page(amina, closed)

    first, second, *_rest, sixth = page["spread"].rows
    assert first.counts == [1, 0, 1, 0, 1] and (first.lowest, first.highest) == (1, 5)
    assert first.mean == 3
    assert second.counts == [0, 3, 0, 0, 0] and second.talk == 1
    assert sixth.counts == [2, 0, 0, 0, 1] and sixth.talk == 2
    assert [s.row.number for s in page["talk_rows"]] == [6, 2]


def test_names_only_with_the_writers_choice(round, amina, bas, gijs):
    answer(round, amina, notes={1: "Open deur"}, show_name=True)
    answer(round, bas, notes={1: "Bas zijn notitie"})
    answer(round, gijs, notes={3: "Gijs zijn notitie"})

    notes = selectors.notes_of(round)

    assert [(n.text, n.name) for n in notes[1]] == [
        ("Bas zijn notitie", ""),
        ("Open deur", "Amina"),
    ]
    assert [(n.text, n.name) for n in notes[3]] == [("Gijs zijn notitie", "")]


def test_the_previous_round_is_next_to_this_one(team, round, amina, bas, gijs):
    for person in (amina, bas, gijs):
        answer(round, person, 2)
    services.round_close(round=round, by=amina)
    later = services.round_open(team=team, by=bas, title="Spiegel zomer")
    for person in (amina, bas, gijs):
        answer(later, person, 4)
    later = services.round_close(round=later, by=amina)

    page = selectors.round_page(gijs, later)

    assert page["previous"] == round
    assert {c.movement for c in page["comparison"]} == {"right"}
    assert page["comparison"][0].before.mean == 2
    assert page["chart"].before_band


def test_no_comparison_with_a_previous_round_of_fewer_than_three(team, round, amina, bas, gijs):
    answer(round, amina, 2)
    services.round_close(round=round, by=amina)
    later = services.round_open(team=team, by=bas, title="Spiegel zomer")
    for person in (amina, bas, gijs):
        answer(later, person, 4)
    later = services.round_close(round=later, by=amina)
    page = selectors.round_page(gijs, later)
    assert all(c.before is None and c.movement == "" for c in page["comparison"])
    assert page["chart"].before_band == ""


# Sharing in a report -----------------------------------------------------------------------------


def test_a_round_is_in_a_report_only_by_explicit_decision_and_only_as_summary(
    team, round, amina, chris
):
    answer(round, amina, notes={1: "Geheime notitie"})
    teams = teams_visible_to(amina.user)
    assert not selectors.shared_summaries(teams=teams).exists()
    with pytest.raises(ServiceError):  # still open
        services.round_share_in_report(round=round, by=amina, summary="Wij", team_decided=True)
    services.round_close(round=round, by=amina)
    with pytest.raises(ServiceError):  # no decision of the team
        services.round_share_in_report(round=round, by=amina, summary="Wij", team_decided=False)
    with pytest.raises(ServiceError):  # no text
        services.round_share_in_report(round=round, by=amina, summary="  ", team_decided=True)
    with pytest.raises(NotAllowed):
        services.round_share_in_report(round=round, by=chris, summary="Wij", team_decided=True)
    assert not selectors.shared_summaries(teams=teams).exists()

    services.round_share_in_report(
        round=round, by=amina, summary="We leren van elkaar.", team_decided=True
    )
    shared = selectors.shared_summaries(teams=teams).get()
    assert shared.shared_in_report_text == "We leren van elkaar."
    assert shared.shared_decided_by == amina

    services.round_unshare(round=round, by=amina)
    assert not selectors.shared_summaries(teams=teams).exists()


def test_the_database_refuses_a_summary_without_a_decision(round):
    with pytest.raises(IntegrityError), transaction.atomic():
        ReflectionRound.objects.filter(pk=round.pk).update(shared_in_report_text="Stiekem")


# Cases -------------------------------------------------------------------------------------------


def test_a_case_is_shared_with_one_group_the_owner_belongs_to(team, amina, chris, other_org):
    base = {"title": "T", "what_happens": "W", "my_question": "Q"}
    with pytest.raises(ServiceError):
        services.case_create(owner=amina, **base)
    with pytest.raises(ServiceError):
        services.case_create(owner=amina, team=team, organisation=other_org, **base)
    with pytest.raises(ServiceError):
        services.case_create(owner=amina, organisation=other_org, **base)
    with pytest.raises(ServiceError):
        services.case_create(owner=chris, team=team, **base)


def test_only_the_owner_moves_the_case_on(case, amina, bas):
    with pytest.raises(NotAllowed):
        services.case_move_on(case=case, by=bas, from_phase=CasePhase.SITUATION)
    services.case_move_on(case=case, by=amina, from_phase=CasePhase.SITUATION)
    with pytest.raises(ServiceError):  # a second click on the same step
        services.case_move_on(case=case, by=amina, from_phase=CasePhase.SITUATION)
    services.case_move_on(case=case, by=amina, from_phase=CasePhase.QUESTIONS)
    services.case_move_on(case=case, by=amina, from_phase=CasePhase.ADVICE)
    case.refresh_from_db()
    assert case.phase == CasePhase.TAKEAWAY
    with pytest.raises(ServiceError):
        services.case_move_on(case=case, by=amina, from_phase=CasePhase.TAKEAWAY)


def test_responses_only_in_the_current_step(case, amina, bas, gijs):
    with pytest.raises(ServiceError):  # step 1: reading
        services.case_respond(case=case, by=bas, phase=CasePhase.SITUATION, text="Vraag?")
    services.case_move_on(case=case, by=amina, from_phase=CasePhase.SITUATION)
    services.case_respond(case=case, by=bas, phase=CasePhase.QUESTIONS, text="Sinds wanneer?")
    services.case_respond(case=case, by=amina, phase=CasePhase.QUESTIONS, text="Sinds mei.")
    with pytest.raises(ServiceError):  # advice while it is the step of questions
        services.case_respond(case=case, by=bas, phase=CasePhase.ADVICE, text="Bel hem.")
    services.case_move_on(case=case, by=amina, from_phase=CasePhase.QUESTIONS)
    with pytest.raises(ServiceError):  # a question typed before the owner moved on
        services.case_respond(case=case, by=gijs, phase=CasePhase.QUESTIONS, text="En toen?")
    with pytest.raises(ServiceError):  # the owner listens in the step of advice
        services.case_respond(case=case, by=amina, phase=CasePhase.ADVICE, text="Ik denk...")
    services.case_respond(case=case, by=gijs, phase=CasePhase.ADVICE, text="Schrijf een kaartje.")
    services.case_move_on(case=case, by=amina, from_phase=CasePhase.ADVICE)
    with pytest.raises(ServiceError):
        services.case_respond(case=case, by=gijs, phase=CasePhase.TAKEAWAY, text="Nog iets")

    assert list(CaseResponse.objects.values_list("phase", "text")) == [
        (CasePhase.QUESTIONS, "Sinds wanneer?"),
        (CasePhase.QUESTIONS, "Sinds mei."),
        (CasePhase.ADVICE, "Schrijf een kaartje."),
    ]
    assert Notice.objects.filter(person=gijs).exists()  # told that the step changed


def test_only_people_it_is_shared_with_respond(case, amina, chris):
    services.case_move_on(case=case, by=amina, from_phase=CasePhase.SITUATION)
    with pytest.raises(NotAllowed):
        services.case_respond(case=case, by=chris, phase=CasePhase.QUESTIONS, text="Hoi")


def test_the_takeaway_is_the_owners_in_the_last_step(case, amina, bas):
    with pytest.raises(ServiceError):
        services.case_takeaway_save(case=case, by=amina, takeaway="Te vroeg")
    for phase in (CasePhase.SITUATION, CasePhase.QUESTIONS, CasePhase.ADVICE):
        services.case_move_on(case=case, by=amina, from_phase=phase)
    with pytest.raises(NotAllowed):
        services.case_takeaway_save(case=case, by=bas, takeaway="Van mij")
    services.case_takeaway_save(case=case, by=amina, takeaway="Ik stuur een kaartje.")
    case.refresh_from_db()
    assert case.takeaway == "Ik stuur een kaartje."


def test_a_case_shared_with_a_gathering_is_for_the_people_taking_part(amina, bas, chris, eva):
    gathering = GatheringFactory(organiser=amina, is_open=True)  # open: anyone may register
    RegistrationFactory(gathering=gathering, person=bas)
    RegistrationFactory(gathering=gathering, person=eva, status=RegistrationStatus.WAITING)
    case = services.case_create(
        owner=amina, title="T", what_happens="W", my_question="Q", gathering=gathering
    )
    assert case in cases_visible_to(bas.user)
    assert case not in cases_visible_to(eva.user)  # on the waiting list
    assert case not in cases_visible_to(chris.user)  # may see the open gathering, not the case


def test_a_case_shared_with_an_organisation_is_for_its_members(org, gijs, bas, dewi):
    case = services.case_create(
        owner=gijs, title="T", what_happens="W", my_question="Q", organisation=org
    )
    assert case not in cases_visible_to(bas.user)
    MembershipFactory(organisation=org, person=bas)
    assert case in cases_visible_to(bas.user)
    Membership.objects.filter(organisation=org, person=bas).delete()
    assert case not in cases_visible_to(bas.user)
    assert case not in cases_visible_to(dewi.user)


def test_text_too_long_is_refused_not_cut(case, amina):
    services.case_move_on(case=case, by=amina, from_phase=CasePhase.SITUATION)
    with pytest.raises(ValidationError):
        services.case_respond(case=case, by=amina, phase=CasePhase.QUESTIONS, text="x" * 2001)
