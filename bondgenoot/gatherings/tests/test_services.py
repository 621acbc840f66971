import random
from collections import Counter

import pytest
from django.core.exceptions import ValidationError

from bondgenoot.core.errors import NotAllowed, ServiceError
from bondgenoot.core.models import Notice
from bondgenoot.people.models import MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory, PersonFactory

from .. import services
from ..models import (
    ConversationGroup,
    GatheringStatus,
    HarvestKind,
    Registration,
    RegistrationStatus,
)
from .factories import GatheringFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _members(org, count):
    people = PersonFactory.create_batch(count)
    for person in people:
        MembershipFactory(organisation=org, person=person, role=MembershipRole.MEMBER)
    return people


# Registering, the maximum and the waiting list ----------------------------------------------


def test_registration_fills_the_places_then_the_waiting_list(gathering, org):
    first, second, third, fourth = _members(org, 4)
    assert services.registration_register(gathering=gathering, person=first).status == (
        RegistrationStatus.REGISTERED
    )
    assert services.registration_register(gathering=gathering, person=second).status == (
        RegistrationStatus.REGISTERED
    )
    waiting = services.registration_register(gathering=gathering, person=third)
    later = services.registration_register(gathering=gathering, person=fourth)
    assert waiting.status == later.status == RegistrationStatus.WAITING
    assert services.waiting_position(waiting) == 1
    assert services.waiting_position(later) == 2


def test_withdrawing_moves_the_first_waiting_person_up_with_a_notice(gathering, org):
    first, second, third, fourth = _members(org, 4)
    for person in (first, second, third, fourth):
        services.registration_register(gathering=gathering, person=person)

    services.registration_withdraw(gathering=gathering, person=first)

    statuses = dict(
        Registration.objects.filter(gathering=gathering).values_list("person_id", "status")
    )
    assert statuses == {
        first.pk: RegistrationStatus.WITHDRAWN,
        second.pk: RegistrationStatus.REGISTERED,
        third.pk: RegistrationStatus.REGISTERED,  # the first on the waiting list
        fourth.pk: RegistrationStatus.WAITING,
    }
    notice = Notice.objects.get(person=third)
    assert gathering.title in notice.text
    assert notice.link == f"/bijeenkomsten/{gathering.pk}/"
    assert not Notice.objects.filter(person=fourth).exists()
    assert services.waiting_position(Registration.objects.get(person=fourth)) == 1


def test_withdrawing_from_the_waiting_list_moves_nobody(gathering, org):
    first, second, third = _members(org, 3)
    for person in (first, second, third):
        services.registration_register(gathering=gathering, person=person)
    services.registration_withdraw(gathering=gathering, person=third)
    assert Registration.objects.filter(status=RegistrationStatus.REGISTERED).count() == 2
    assert not Notice.objects.exists()


def test_registering_again_after_withdrawing_goes_to_the_back_of_the_line(gathering, org):
    first, second, third = _members(org, 3)
    for person in (first, second, third):
        services.registration_register(gathering=gathering, person=person)
    services.registration_withdraw(gathering=gathering, person=first)  # third moves up
    again = services.registration_register(gathering=gathering, person=first)
    assert again.status == RegistrationStatus.WAITING
    assert services.waiting_position(again) == 1


def test_a_higher_maximum_lets_the_waiting_list_in(gathering, org, gijs):
    people = _members(org, 4)
    for person in people:
        services.registration_register(gathering=gathering, person=person)
    services.gathering_update(gathering=gathering, by=gijs, max_participants=3)
    assert Registration.objects.filter(status=RegistrationStatus.REGISTERED).count() == 3
    assert Notice.objects.filter(person=people[2]).exists()


def test_no_maximum_means_nobody_waits(gathering, org, gijs):
    services.gathering_update(gathering=gathering, by=gijs, max_participants=None)
    for person in _members(org, 5):
        services.registration_register(gathering=gathering, person=person)
    assert not Registration.objects.filter(status=RegistrationStatus.WAITING).exists()


def test_registering_twice_is_refused(gathering, amina):
    services.registration_register(gathering=gathering, person=amina)
    with pytest.raises(ServiceError):
        services.registration_register(gathering=gathering, person=amina)


def test_registering_needs_open_registration(gathering, amina, gijs):
    services.gathering_update(gathering=gathering, by=gijs, status=GatheringStatus.HELD)
    with pytest.raises(ServiceError):
        services.registration_register(gathering=gathering, person=amina)


def test_someone_who_cannot_see_the_gathering_cannot_register(gathering, chris):
    with pytest.raises(NotAllowed):
        services.registration_register(gathering=gathering, person=chris)


def test_an_open_gathering_without_organisation_takes_anyone(chris, gijs):
    gathering = services.gathering_create(
        by=gijs,
        kind="inloop",
        title="Inloop",
        starts_at=GatheringFactory.build().starts_at,
        place="online",
        is_open=True,
        status=GatheringStatus.OPEN,
    )
    assert services.registration_register(gathering=gathering, person=chris).status == (
        RegistrationStatus.REGISTERED
    )


def test_an_open_gathering_cannot_belong_to_an_organisation(gijs, org):
    with pytest.raises(ValidationError):
        services.gathering_create(
            by=gijs,
            kind="inloop",
            title="Inloop",
            starts_at=GatheringFactory.build().starts_at,
            place="online",
            organisation=org,
            is_open=True,
        )


def test_only_members_organise_for_an_organisation(chris, org):
    with pytest.raises(NotAllowed):
        services.gathering_create(
            by=chris,
            kind="webinar",
            title="Webinar",
            starts_at=GatheringFactory.build().starts_at,
            place="online",
            organisation=org,
        )


def test_only_the_organiser_and_coordinators_change_a_gathering(gathering, amina, gijs):
    with pytest.raises(NotAllowed):
        services.gathering_update(gathering=gathering, by=amina, title="Anders")
    services.gathering_update(gathering=gathering, by=gijs, title="Anders")


# Conversation groups ------------------------------------------------------------------------


@pytest.mark.parametrize(("people", "size"), [(1, 2), (2, 2), (5, 2), (7, 3), (12, 4), (13, 5)])
def test_random_groups_hold_every_participant_exactly_once(gathering, org, gijs, people, size):
    services.gathering_update(gathering=gathering, by=gijs, max_participants=None)
    registered = _members(org, people)
    for person in registered:
        services.registration_register(gathering=gathering, person=person)
    RegistrationFactory(gathering=gathering, status=RegistrationStatus.WAITING)  # not placed

    groups = services.groups_form_random(
        gathering=gathering, by=gijs, size=size, rng=random.Random(people)
    )

    placed = Counter(pk for group in groups for pk in group.members.values_list("pk", flat=True))
    assert placed == Counter({person.pk: 1 for person in registered})
    sizes = [group.members.count() for group in groups]
    assert max(sizes) - min(sizes) <= 1
    assert len(groups) == max(1, people // size)


def test_random_groups_replace_the_old_ones(gathering, org, gijs):
    for person in _members(org, 2):
        services.registration_register(gathering=gathering, person=person)
    services.groups_form_random(gathering=gathering, by=gijs)
    services.groups_form_random(gathering=gathering, by=gijs)
    assert ConversationGroup.objects.filter(gathering=gathering).count() == 1


def test_random_groups_need_participants(gathering, gijs):
    with pytest.raises(ServiceError):
        services.groups_form_random(gathering=gathering, by=gijs)


def test_nobody_is_in_two_groups_made_by_hand(gathering, org, gijs):
    first, second = _members(org, 2)
    for person in (first, second):
        services.registration_register(gathering=gathering, person=person)
    services.group_save(gathering=gathering, by=gijs, name="Groep 1", members=[first, second])
    with pytest.raises(ServiceError, match=first.display_name):
        services.group_save(gathering=gathering, by=gijs, name="Groep 2", members=[first])


def test_a_group_holds_only_people_of_the_gathering(gathering, gijs, chris):
    with pytest.raises(ServiceError):
        services.group_save(gathering=gathering, by=gijs, name="Groep 1", members=[chris])


# The harvest and consent ----------------------------------------------------------------------


def test_a_quote_needs_its_speaker_who_is_asked_for_consent(gathering, gijs, bas):
    with pytest.raises(ServiceError):
        services.harvest_add(gathering=gathering, by=gijs, kind=HarvestKind.QUOTE, text="Iets")
    quote = services.harvest_add(
        gathering=gathering, by=gijs, kind=HarvestKind.QUOTE, text="Samen doen!", speaker=bas
    )
    assert not quote.speaker_consent and not quote.may_be_shown
    assert Notice.objects.get(person=bas).link == "/bijeenkomsten/mijn-citaten/"


def test_the_speaker_of_a_quote_is_someone_of_the_gathering(gathering, gijs, chris):
    with pytest.raises(ServiceError):
        services.harvest_add(
            gathering=gathering, by=gijs, kind=HarvestKind.QUOTE, text="Hoi", speaker=chris
        )


def test_only_the_speaker_gives_consent_for_a_quote(gathering, gijs, bas):
    quote = services.harvest_add(
        gathering=gathering, by=gijs, kind=HarvestKind.QUOTE, text="Samen doen!", speaker=bas
    )
    with pytest.raises(NotAllowed):
        services.quote_consent_set(item=quote, by=gijs, consent=True)
    services.quote_consent_set(item=quote, by=bas, consent=True)
    quote.refresh_from_db()
    assert quote.may_be_shown and quote.consent_changed_at is not None


def test_only_the_person_decides_about_their_name(gathering, gijs, bas, amina):
    role = gathering.roles.get(person=bas)
    with pytest.raises(NotAllowed):
        services.role_consent_set(role=role, by=gijs, consent=True)
    services.role_consent_set(role=role, by=bas, consent=True)
    registration = services.registration_register(gathering=gathering, person=amina)
    with pytest.raises(NotAllowed):
        services.registration_consent_set(registration=registration, by=bas, consent=True)


def test_an_organiser_cannot_give_consent_for_someone_with_an_account(gathering, gijs, amina):
    role = services.role_add(
        gathering=gathering, by=gijs, role="guest", person=amina, consent_to_name=True
    )
    assert not role.consent_to_name
    assert Notice.objects.filter(person=amina).exists()


def test_only_managers_harvest(gathering, amina):
    with pytest.raises(NotAllowed):
        services.harvest_add(gathering=gathering, by=amina, kind="insight", text="Iets")


# Publishing ---------------------------------------------------------------------------------


def test_publishing_tells_the_participants(gathering, gijs, amina, bas):
    services.registration_register(gathering=gathering, person=amina)
    report = services.report_generate(gathering=gathering, by=gijs)
    services.report_publish(report=report, by=gijs)
    gathering.refresh_from_db()
    assert gathering.status == GatheringStatus.PUBLISHED
    told = set(
        Notice.objects.filter(link=f"/bijeenkomsten/{gathering.pk}/verslag/").values_list(
            "person_id", flat=True
        )
    )
    assert told == {amina.pk, bas.pk}


def test_a_published_version_is_not_changed_but_copied(gathering, gijs):
    report = services.report_generate(gathering=gathering, by=gijs)
    services.report_publish(report=report, by=gijs)
    with pytest.raises(ServiceError):
        services.report_update(report=report, by=gijs, closing="Anders")
    copy = services.report_copy(report=report, by=gijs)
    assert copy.version == 2 and copy.title == report.title and not copy.is_published
