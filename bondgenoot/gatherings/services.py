"""Writes for gatherings: organising, registering (with a waiting list), conversation groups,
the harvest, consent for quotes and names, and the report.

Each service checks the rule it enforces itself (views check first, for a kind 403/404), runs
in one transaction and validates before saving. Registrations lock the gathering's row
(``select_for_update``; SQLite takes its write lock at the start of the transaction), so two
people can never take the last place at the same time.
"""

import datetime
import random
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bondgenoot.alliances.permissions import ally_ids_of
from bondgenoot.core.errors import NotAllowed, ServiceError
from bondgenoot.core.services import notify
from bondgenoot.people.models import Membership, Organisation, Person

from . import report as report_text
from .models import (
    ConversationGroup,
    Gathering,
    GatheringReport,
    GatheringRole,
    GatheringStatus,
    HarvestItem,
    HarvestKind,
    Registration,
    RegistrationStatus,
)
from .permissions import can_create_for_organisation, can_view_gathering, manages

EDITABLE_FIELDS = (
    "organisation",
    "kind",
    "title",
    "theme",
    "question",
    "description",
    "starts_at",
    "ends_at",
    "place",
    "max_participants",
    "is_open",
    "status",
)


def _detail_url(gathering: Gathering) -> str:
    return reverse("gatherings:detail", args=[gathering.pk])


def _my_quotes_url() -> str:
    return reverse("gatherings:my_quotes")


def _require_manager(gathering: Gathering, by: Person) -> None:
    if not manages(by, gathering):
        raise NotAllowed


def _locked(gathering: Gathering) -> Gathering:
    """The gathering's row, locked until the end of the transaction."""
    return Gathering.objects.select_for_update().get(pk=gathering.pk)


# Organising --------------------------------------------------------------------------------


@transaction.atomic
def gathering_create(
    *,
    by: Person,
    kind: str,
    title: str,
    starts_at: datetime.datetime,
    place: str,
    theme: str = "",
    question: str = "",
    description: str = "",
    ends_at: datetime.datetime | None = None,
    organisation: Organisation | None = None,
    max_participants: int | None = None,
    is_open: bool = False,
    status: str = GatheringStatus.DRAFT,
) -> Gathering:
    """Organise a gathering; for an organisation only when you are one of its members."""
    if not can_create_for_organisation(by, organisation.pk if organisation else None):
        raise NotAllowed
    if status == GatheringStatus.PUBLISHED:
        raise ServiceError({"status": _("A report is published from the report page.")})
    gathering = Gathering(
        kind=kind,
        title=title.strip(),
        theme=theme.strip(),
        question=question,
        description=description,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        organisation=organisation,
        organiser=by,
        max_participants=max_participants,
        is_open=is_open,
        status=status,
    )
    gathering.full_clean()
    gathering.save()
    return gathering


@transaction.atomic
def gathering_update(*, gathering: Gathering, by: Person, **changes: Any) -> Gathering:
    """Change what the organiser wrote. A higher maximum lets people from the waiting list in."""
    gathering = _locked(gathering)
    _require_manager(gathering, by)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    if (
        changes.get("status") == GatheringStatus.PUBLISHED
        and gathering.status != GatheringStatus.PUBLISHED
    ):
        raise ServiceError({"status": _("A report is published from the report page.")})
    organisation = changes.get("organisation", gathering.organisation)
    if organisation != gathering.organisation and not can_create_for_organisation(
        by, organisation.pk if organisation else None
    ):
        raise NotAllowed
    for key, value in changes.items():
        setattr(gathering, key, value.strip() if key in ("title", "theme", "place") else value)
    gathering.full_clean()
    gathering.save()
    _fill_places(gathering)
    return gathering


# Registering -------------------------------------------------------------------------------


def _registered_count(gathering: Gathering) -> int:
    return Registration.objects.filter(
        gathering=gathering, status=RegistrationStatus.REGISTERED
    ).count()


def _has_room(gathering: Gathering) -> bool:
    return gathering.max_participants is None or (
        _registered_count(gathering) < gathering.max_participants
    )


def _fill_places(gathering: Gathering) -> list[Registration]:
    """Let the first people of the waiting list in while there is room, and tell them.
    The gathering must be locked by the caller."""
    moved: list[Registration] = []
    waiting = Registration.objects.filter(
        gathering=gathering, status=RegistrationStatus.WAITING
    ).select_related("person")
    free = (
        None
        if gathering.max_participants is None
        else gathering.max_participants - _registered_count(gathering)
    )
    for registration in waiting.order_by("queued_at", "id"):
        if free is not None and free <= 0:
            break
        registration.status = RegistrationStatus.REGISTERED
        registration.save(update_fields=["status", "updated_at"])
        moved.append(registration)
        if free is not None:
            free -= 1
    if moved:
        text = _("A place has opened up: you are now registered for %(title)s.") % {
            "title": gathering.title
        }
        notify(people=[r.person for r in moved], text=text, link=_detail_url(gathering))
    return moved


@transaction.atomic
def registration_register(*, gathering: Gathering, person: Person) -> Registration:
    """Register. When the gathering is full, the person goes on the waiting list (first come,
    first in). Registering again after withdrawing puts you at the back of the line."""
    gathering = _locked(gathering)
    if not can_view_gathering(person.user, gathering):
        raise NotAllowed
    if gathering.status != GatheringStatus.OPEN:
        raise ServiceError(_("Registration for this gathering is not open."))
    registration = Registration.objects.filter(gathering=gathering, person=person).first()
    if registration is not None and registration.status != RegistrationStatus.WITHDRAWN:
        raise ServiceError(_("You are already registered for this gathering."))
    if registration is None:
        registration = Registration(gathering=gathering, person=person)
    registration.queued_at = timezone.now()
    registration.status = (
        RegistrationStatus.REGISTERED if _has_room(gathering) else RegistrationStatus.WAITING
    )
    registration.full_clean()
    registration.save()
    return registration


@transaction.atomic
def registration_withdraw(*, gathering: Gathering, person: Person) -> Registration:
    """Withdraw (from the list or the waiting list). A freed place goes to the first person
    on the waiting list, who gets a notice."""
    gathering = _locked(gathering)
    registration = (
        Registration.objects.select_for_update()
        .filter(gathering=gathering, person=person)
        .exclude(status=RegistrationStatus.WITHDRAWN)
        .first()
    )
    if registration is None:
        raise ServiceError(_("You are not registered for this gathering."))
    registration.status = RegistrationStatus.WITHDRAWN
    registration.save(update_fields=["status", "updated_at"])
    _fill_places(gathering)
    return registration


def waiting_position(registration: Registration) -> int | None:
    """1 for the first person on the waiting list; None when not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = (
        Registration.objects.filter(
            gathering_id=registration.gathering_id,
            status=RegistrationStatus.WAITING,
            queued_at__lte=registration.queued_at,
        )
        .exclude(pk=registration.pk)
        .exclude(queued_at=registration.queued_at, id__gt=registration.pk)
        .count()
    )
    return ahead + 1


@transaction.atomic
def registration_consent_set(*, registration: Registration, by: Person, consent: bool) -> None:
    """A participant decides whether their name may be in the report (with their group)."""
    if registration.person_id != by.pk:
        raise NotAllowed
    registration.consent_to_name = consent
    registration.save(update_fields=["consent_to_name", "updated_at"])


# Speakers and guests -----------------------------------------------------------------------


def people_to_choose(gathering: Gathering, *, by: Person | None = None) -> QuerySet[Person]:
    """Whom an organiser may name as speaker, guest, group member or speaker of a quote:
    people who registered, speakers and guests with an account, the organiser, the members
    of the gathering's organisation, and the allies of the one who chooses (people they share
    an alliance with already know each other). Never the whole site."""
    ids = set(
        Registration.objects.filter(
            gathering=gathering, status=RegistrationStatus.REGISTERED
        ).values_list("person_id", flat=True)
    )
    ids.update(
        GatheringRole.objects.filter(gathering=gathering, person__isnull=False).values_list(
            "person_id", flat=True
        )
    )
    if gathering.organiser_id:
        ids.add(gathering.organiser_id)
    if by is not None:
        ids.update(ally_ids_of(by))
    condition = Q(pk__in=ids)
    if gathering.organisation_id:
        condition |= Q(
            pk__in=Membership.objects.filter(organisation_id=gathering.organisation_id).values(
                "person_id"
            )
        )
    return Person.objects.filter(condition).order_by("display_name", "id")


def _require_choosable(
    gathering: Gathering, people: Iterable[Person], field: str, *, by: Person
) -> None:
    allowed = set(people_to_choose(gathering, by=by).values_list("pk", flat=True))
    if any(p.pk not in allowed for p in people):
        raise ServiceError({field: _("Choose someone who takes part in this gathering.")})


@transaction.atomic
def role_add(
    *,
    gathering: Gathering,
    by: Person,
    role: str,
    person: Person | None = None,
    name_text: str = "",
    introduction: str = "",
    contribution: str = "",
    consent_to_name: bool = False,
) -> GatheringRole:
    """Add a speaker or guest. Someone with an account decides about their name themself
    (on "My quotes"); for someone without one, the organiser notes the consent they gave."""
    gathering = _locked(gathering)
    _require_manager(gathering, by)
    if person is not None:
        _require_choosable(gathering, [person], "person", by=by)
        name_text = ""
    position = (gathering.roles.aggregate(m=Max("position"))["m"] or 0) + 1
    item = GatheringRole(
        gathering=gathering,
        person=person,
        name_text=name_text.strip(),
        role=role,
        introduction=introduction.strip(),
        contribution=contribution,
        consent_to_name=consent_to_name if person is None else False,
        position=position,
    )
    item.full_clean()
    item.save()
    if person is not None and person.pk != by.pk:
        text = _(
            "You are a %(role)s at %(title)s. Decide whether your name may be in the report."
        ) % {"role": item.get_role_display().lower(), "title": gathering.title}
        notify(people=[person], text=text, link=_my_quotes_url())
    return item


@transaction.atomic
def role_update(
    *,
    role: GatheringRole,
    by: Person,
    introduction: str,
    contribution: str,
    name_text: str | None = None,
    consent_to_name: bool | None = None,
) -> GatheringRole:
    _require_manager(role.gathering, by)
    role.introduction = introduction.strip()
    role.contribution = contribution
    if role.person_id is None:
        if name_text is not None:
            role.name_text = name_text.strip()
        if consent_to_name is not None:
            role.consent_to_name = consent_to_name
    role.full_clean()
    role.save()
    return role


@transaction.atomic
def role_remove(*, role: GatheringRole, by: Person) -> None:
    _require_manager(role.gathering, by)
    role.delete()


@transaction.atomic
def role_consent_set(*, role: GatheringRole, by: Person, consent: bool) -> None:
    """A speaker or guest with an account decides whether they are named in the report."""
    if role.person_id != by.pk:
        raise NotAllowed
    role.consent_to_name = consent
    role.save(update_fields=["consent_to_name", "updated_at"])


# Conversation groups -----------------------------------------------------------------------


def _group_name(size: int, number: int) -> str:
    if size == 2:
        return _("Pair %(number)d") % {"number": number}
    return _("Group %(number)d") % {"number": number}


@transaction.atomic
def groups_form_random(
    *, gathering: Gathering, by: Person, size: int = 2, rng: random.Random | None = None
) -> list[ConversationGroup]:
    """Put every registered participant in exactly one group, at random. Groups differ in size
    by one at most (five people in pairs: a pair and a three). Replaces the groups there were;
    harvest noted for an old group stays, without its group."""
    gathering = _locked(gathering)
    _require_manager(gathering, by)
    if size < 2:
        raise ServiceError({"size": _("A group has at least two people.")})
    people = list(
        Person.objects.filter(
            registrations__gathering=gathering,
            registrations__status=RegistrationStatus.REGISTERED,
        ).order_by("pk")
    )
    if not people:
        raise ServiceError(_("Nobody has registered yet, so there is nobody to put in groups."))
    (rng or random.SystemRandom()).shuffle(people)
    count = max(1, len(people) // size)
    ConversationGroup.objects.filter(gathering=gathering).delete()
    groups = [
        ConversationGroup(gathering=gathering, name=_group_name(size, n + 1), position=n + 1)
        for n in range(count)
    ]
    ConversationGroup.objects.bulk_create(groups)
    through = ConversationGroup.members.through
    through.objects.bulk_create(
        [
            through(conversationgroup_id=groups[i % count].pk, person_id=person.pk)
            for i, person in enumerate(people)
        ]
    )
    return groups


@transaction.atomic
def group_save(
    *,
    gathering: Gathering,
    by: Person,
    name: str,
    members: Iterable[Person],
    discussed: str = "",
    group: ConversationGroup | None = None,
) -> ConversationGroup:
    """Make a group by hand, or change one: its name, members and what they discussed.
    Nobody is in two groups of the same gathering."""
    gathering = _locked(gathering)
    _require_manager(gathering, by)
    members = list(members)
    _require_choosable(gathering, members, "members", by=by)
    elsewhere = Person.objects.filter(
        conversation_groups__gathering=gathering, pk__in=[m.pk for m in members]
    )
    if group is not None:
        if group.gathering_id != gathering.pk:
            raise NotAllowed
        elsewhere = elsewhere.exclude(conversation_groups=group)
    taken = sorted(str(p) for p in elsewhere.distinct())
    if taken:
        raise ServiceError(
            {"members": _("Already in another group: %(names)s.") % {"names": ", ".join(taken)}}
        )
    if group is None:
        position = (gathering.groups.aggregate(m=Max("position"))["m"] or 0) + 1
        group = ConversationGroup(gathering=gathering, position=position)
    group.name = name.strip()
    group.discussed = discussed
    group.full_clean()
    group.save()
    group.members.set(members)
    return group


@transaction.atomic
def group_remove(*, group: ConversationGroup, by: Person) -> None:
    _require_manager(group.gathering, by)
    group.delete()


# The harvest -------------------------------------------------------------------------------


@transaction.atomic
def harvest_add(
    *,
    gathering: Gathering,
    by: Person,
    kind: str,
    text: str,
    speaker: Person | None = None,
    group: ConversationGroup | None = None,
) -> HarvestItem:
    """Note what the gathering yielded. A quote needs its speaker, who is asked for consent:
    until they give it, the quote is in no report."""
    _require_manager(gathering, by)
    if kind == HarvestKind.QUOTE and speaker is None:
        raise ServiceError({"speaker": _("Choose who said it: they decide if it may be shown.")})
    if speaker is not None:
        _require_choosable(gathering, [speaker], "speaker", by=by)
    if group is not None and group.gathering_id != gathering.pk:
        raise ServiceError({"group": _("Choose a group of this gathering.")})
    item = HarvestItem(
        gathering=gathering,
        kind=kind,
        text=text.strip(),
        speaker=speaker,
        group=group,
        added_by=by,
    )
    item.full_clean()
    item.save()
    if kind == HarvestKind.QUOTE and speaker is not None:
        # Even the organiser's own quote waits for a click: consent is given, never assumed.
        text_ = _(
            "Something you said at %(title)s was written down as a quote. Decide whether it may "
            "be in the report."
        ) % {"title": gathering.title}
        notify(people=[speaker], text=text_, link=_my_quotes_url())
    return item


@transaction.atomic
def harvest_remove(*, item: HarvestItem, by: Person) -> None:
    _require_manager(item.gathering, by)
    item.delete()


@transaction.atomic
def quote_consent_set(*, item: HarvestItem, by: Person, consent: bool) -> HarvestItem:
    """Only the speaker gives or withdraws consent for their quote. It counts at once: every
    report shown afterwards (page and PDF, also published ones) leaves a withdrawn quote out,
    and copies typed into a report's text become references that stay hidden."""
    item = HarvestItem.objects.select_for_update().get(pk=item.pk)
    if item.kind != HarvestKind.QUOTE or item.speaker_id != by.pk:
        raise NotAllowed
    item.speaker_consent = consent
    item.consent_changed_at = timezone.now()
    item.save(update_fields=["speaker_consent", "consent_changed_at", "updated_at"])
    if not consent:
        for stored in GatheringReport.objects.select_for_update().filter(
            gathering_id=item.gathering_id
        ):
            changed = []
            for key in ("title", *report_text.SECTION_FIELDS):
                before = getattr(stored, key)
                after = report_text.scrub_stored_text(before, item)
                if after != before:
                    setattr(stored, key, after)
                    changed.append(key)
            if changed:
                stored.save(update_fields=[*changed, "updated_at"])
    return item


# The report --------------------------------------------------------------------------------


def _next_version(gathering: Gathering) -> int:
    return (gathering.reports.aggregate(m=Max("version"))["m"] or 0) + 1


@transaction.atomic
def report_generate(*, gathering: Gathering, by: Person) -> GatheringReport:
    """A new draft version of the report, made from the gathering as it is now."""
    gathering = _locked(gathering)
    _require_manager(gathering, by)
    report = GatheringReport(
        gathering=gathering,
        version=_next_version(gathering),
        generated_by=by,
        generated_at=timezone.now(),
        **report_text.draft_sections(gathering),
    )
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def report_copy(*, report: GatheringReport, by: Person) -> GatheringReport:
    """A new draft with the text of an earlier version (to change a published report)."""
    gathering = _locked(report.gathering)
    _require_manager(gathering, by)
    fields = {key: getattr(report, key) for key in ("title", *report_text.SECTION_FIELDS)}
    copy = GatheringReport(
        gathering=gathering,
        version=_next_version(gathering),
        generated_by=by,
        generated_at=timezone.now(),
        **fields,
    )
    copy.full_clean()
    copy.save()
    return copy


@transaction.atomic
def report_update(*, report: GatheringReport, by: Person, **sections: str) -> GatheringReport:
    """The organiser's edit of a draft. A published version is never changed: copy it."""
    report = GatheringReport.objects.select_for_update().get(pk=report.pk)
    _require_manager(report.gathering, by)
    if report.is_published:
        raise ServiceError(_("This version is published. Make a new version to change it."))
    for key, value in sections.items():
        if key not in ("title", *report_text.SECTION_FIELDS):
            raise ValueError(f"Not a section: {key}")
        setattr(report, key, value)
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def report_publish(*, report: GatheringReport, by: Person) -> GatheringReport:
    """Publish a draft: everyone who can see the gathering can read it; those who took part
    get a notice."""
    report = GatheringReport.objects.select_for_update().get(pk=report.pk)
    gathering = _locked(report.gathering)
    _require_manager(gathering, by)
    if report.is_published:
        raise ServiceError(_("This version is already published."))
    report.published_at = timezone.now()
    report.save(update_fields=["published_at", "updated_at"])
    gathering.status = GatheringStatus.PUBLISHED
    gathering.save(update_fields=["status", "updated_at"])
    readers = Person.objects.filter(
        registrations__gathering=gathering,
        registrations__status=RegistrationStatus.REGISTERED,
    ) | Person.objects.filter(gathering_roles__gathering=gathering)
    text = _("The report of %(title)s has been published.") % {"title": gathering.title}
    link = reverse("gatherings:report", args=[gathering.pk])
    people = [p for p in readers.distinct() if p.pk != by.pk]
    notify(people=people, text=text, link=link)
    return report
