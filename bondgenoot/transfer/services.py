"""Import and export of an organisation's members' profiles (docs/import.md).

``profiles_check`` is the dry run: it says per row "will be added" or "refused: <reason>" and
writes nothing. ``profiles_import`` checks again and writes only when *every* row is fine, in
one transaction (all or nothing), with bulk inserts: accounts without a password (people log
in with an e-mail link), profiles, memberships and the recorded consent. An existing account is
never changed: the row is refused (that person fills in their own profile; invite them).
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import re
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bondgenoot.accounts.models import User
from bondgenoot.core.errors import NotAllowed
from bondgenoot.people.models import (
    TEXT_MAX,
    Capacity,
    Membership,
    MembershipRole,
    Neighbourhood,
    Organisation,
    Person,
    Tag,
    Visibility,
)
from bondgenoot.people.permissions import can_manage_organisation
from bondgenoot.people.services import MAX_LANGUAGES, MAX_TAGS, split_words

from .models import ConsentHow, ImportConsent, PendingImport, TransferKind, TransferRecord
from .reading import COLUMNS, RawRow

logger = logging.getLogger("bondgenoot.transfer")

TEXT_COLUMNS = ("about", "strengths", "aspirations", "lived_experience", "limits")
PROFILE_VISIBILITY_ATTRS = (
    "about_visibility",
    "strengths_visibility",
    "aspirations_visibility",
    "lived_experience_visibility",
    "limits_visibility",
    "capacity_visibility",
    "languages_visibility",
    "tags_visibility",
)
# Imported words are visible to the person's allies only (people they share an alliance
# with): the safest choice that still lets an alliance work. The person can change it.
IMPORT_VISIBILITY = Visibility.ALLIES
PENDING_MINUTES = 30
BATCH = 2_000

# The Dutch words of the file (and the English values of an export), folded to lower case.
CAPACITY_WORDS = {
    "": Capacity.SOME,
    "ik heb tijd": Capacity.AVAILABLE,
    "tijd": Capacity.AVAILABLE,
    "beschikbaar": Capacity.AVAILABLE,
    "available": Capacity.AVAILABLE,
    "ik heb een beetje tijd": Capacity.SOME,
    "een beetje tijd": Capacity.SOME,
    "een beetje": Capacity.SOME,
    "af en toe": Capacity.SOME,
    "een paar uur per week": Capacity.SOME,
    "some": Capacity.SOME,
    "nu even niet": Capacity.NOT_NOW,
    "niet nu": Capacity.NOT_NOW,
    "not_now": Capacity.NOT_NOW,
}
CAPACITY_EXPORT = {
    Capacity.AVAILABLE: "ik heb tijd",
    Capacity.SOME: "een beetje tijd",
    Capacity.NOT_NOW: "nu even niet",
}
ROLE_WORDS = {
    "": MembershipRole.MEMBER,
    "lid": MembershipRole.MEMBER,
    "member": MembershipRole.MEMBER,
    "coördinator": MembershipRole.COORDINATOR,
    "coordinator": MembershipRole.COORDINATOR,
}
ROLE_EXPORT = {MembershipRole.MEMBER: "lid", MembershipRole.COORDINATOR: "coördinator"}
CONSENT_WORDS = {
    "op papier": ConsentHow.ON_PAPER,
    "papier": ConsentHow.ON_PAPER,
    "paper": ConsentHow.ON_PAPER,
    "mondeling": ConsentHow.SPOKEN,
    "spoken": ConsentHow.SPOKEN,
    "digitaal": ConsentHow.DIGITAL,
    "digital": ConsentHow.DIGITAL,
}
CONSENT_EXPORT = {
    ConsentHow.ON_PAPER: "op papier",
    ConsentHow.SPOKEN: "mondeling",
    ConsentHow.DIGITAL: "digitaal",
}
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")
KNOWN_SHOWN = 20  # neighbourhood names listed in a refusal


@dataclass
class RowResult:
    """What happens to one row; ``values`` are the checked values for the commit."""

    number: int
    email: str
    name: str
    reasons: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.reasons


@dataclass
class CheckReport:
    rows: list[RowResult]

    @property
    def refused(self) -> list[RowResult]:
        return [r for r in self.rows if not r.ok]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.refused

    @property
    def added(self) -> int:
        return sum(1 for r in self.rows if r.ok)


def _fold(value: str) -> str:
    return " ".join(value.split()).casefold()


def _parse_date(value: str) -> datetime.date | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value.strip(), fmt).date()  # noqa: DTZ007
        except ValueError:
            continue
    return None


def _check_row(
    raw: RawRow, *, neighbourhoods: dict[str, Neighbourhood], known_names: str
) -> RowResult:
    cells = {c: raw.cells.get(c, "") for c in COLUMNS}
    email = cells["email"].strip().lower()
    result = RowResult(number=raw.number, email=email, name=cells["name"].strip())
    reasons = result.reasons
    values = result.values

    if not email:
        reasons.append(_("the e-mail address is empty"))
    else:
        try:
            validate_email(email)
        except ValidationError:
            reasons.append(_("'%(value)s' is not an e-mail address") % {"value": email[:60]})
    name = " ".join(cells["name"].split())
    if not name:
        reasons.append(_("the name is empty"))
    elif len(name) > 80:
        reasons.append(_("the name is longer than 80 characters"))
    values["display_name"] = name

    neighbourhood_name = " ".join(cells["neighbourhood"].split())
    values["neighbourhood"] = None
    if neighbourhood_name:
        found = neighbourhoods.get(neighbourhood_name.casefold())
        if found is None:
            reasons.append(
                _("neighbourhood '%(name)s' is not known here. Known neighbourhoods: %(known)s")
                % {"name": neighbourhood_name[:60], "known": known_names}
            )
        else:
            values["neighbourhood"] = found

    for column in TEXT_COLUMNS:
        text = cells[column].replace("\r\n", "\n").strip()
        if len(text) > TEXT_MAX:
            reasons.append(
                _("%(column)s is longer than %(max)d characters")
                % {"column": column, "max": TEXT_MAX}
            )
        values[column] = text

    try:
        languages = [
            w.lower()
            for w in split_words(cells["languages"], max_items=MAX_LANGUAGES, max_length=3)
        ]
    except ValidationError:
        languages = []
        reasons.append(
            _("languages: use at most %(max)d codes of 2 or 3 letters, such as nl, ar, en")
            % {"max": MAX_LANGUAGES}
        )
    else:
        wrong = [w for w in languages if not LANGUAGE_CODE.fullmatch(w)]
        if wrong:
            reasons.append(
                _("'%(value)s' is not a language code (such as nl, ar, en)")
                % {"value": wrong[0][:10]}
            )
    values["languages"] = languages

    try:
        values["tags"] = split_words(cells["tags"], max_items=MAX_TAGS, max_length=40)
    except ValidationError:
        values["tags"] = []
        reasons.append(
            _("tags: use at most %(max)d words of at most 40 characters") % {"max": MAX_TAGS}
        )

    capacity = CAPACITY_WORDS.get(_fold(cells["capacity"]))
    if capacity is None:
        reasons.append(
            _(
                "capacity '%(value)s' is unknown: use 'ik heb tijd', 'een beetje tijd' or "
                "'nu even niet'"
            )
            % {"value": cells["capacity"][:40]}
        )
    values["capacity"] = capacity or Capacity.SOME

    role = ROLE_WORDS.get(_fold(cells["role"]))
    if role is None:
        reasons.append(
            _("role '%(value)s' is unknown: use 'lid' or 'coördinator'")
            % {"value": cells["role"][:40]}
        )
    values["role"] = role or MembershipRole.MEMBER

    given_on = _parse_date(cells["consent_given_on"]) if cells["consent_given_on"] else None
    if not cells["consent_given_on"].strip():
        reasons.append(_("the date of consent is empty: import only with consent"))
    elif given_on is None:
        reasons.append(
            _("'%(value)s' is not a date (write it as 2025-03-31 or 31-03-2025)")
            % {"value": cells["consent_given_on"][:20]}
        )
    elif given_on > timezone.localdate():
        reasons.append(_("the date of consent is in the future"))
    values["consent_given_on"] = given_on

    how = CONSENT_WORDS.get(_fold(cells["consent_how"]))
    if how is None:
        reasons.append(_("how consent was given: write 'op papier', 'mondeling' or 'digitaal'"))
    values["consent_how"] = how
    return result


def profiles_check(
    *, rows: Sequence[RawRow], progress: Callable[[int], None] | None = None
) -> CheckReport:
    """The dry run: what would happen to every row, and why a row is refused. Writes nothing."""
    neighbourhoods = {n.name.casefold(): n for n in Neighbourhood.objects.all()}
    names = sorted(n.name for n in neighbourhoods.values())
    known = ", ".join(names[:KNOWN_SHOWN]) + (" …" if len(names) > KNOWN_SHOWN else "")
    known = known or _("(none yet; a site administrator adds them)")
    results: list[RowResult] = []
    for index, raw in enumerate(rows):
        results.append(_check_row(raw, neighbourhoods=neighbourhoods, known_names=known))
        if progress is not None and index % 500 == 499:
            progress(500)

    emails = [r.email for r in results if r.email]
    repeated = {e for e, n in Counter(emails).items() if n > 1}
    if repeated:
        rows_of: dict[str, list[int]] = {}
        for r in results:
            if r.email in repeated:
                rows_of.setdefault(r.email, []).append(r.number)
        for r in results:
            if r.email in repeated:
                others = [str(n) for n in rows_of[r.email] if n != r.number]
                r.reasons.append(
                    _("the same e-mail address is also in row %(rows)s")
                    % {"rows": ", ".join(others)}
                )
    existing: set[str] = set()
    unique = sorted(set(emails))
    for start in range(0, len(unique), 500):
        existing.update(
            User.objects.filter(email__in=unique[start : start + 500]).values_list(
                "email", flat=True
            )
        )
    for r in results:
        if r.email in existing:
            r.reasons.append(
                _(
                    "there is already an account with this e-mail address; that person fills "
                    "in their own profile (invite them to the organisation instead)"
                )
            )
    return CheckReport(results)


def _require_coordinator(organisation: Organisation, by: Person | None) -> None:
    if by is None or not can_manage_organisation(by.user, organisation):
        raise NotAllowed


def _bulk_users(emails: list[str]) -> dict[str, int]:
    now = timezone.now()
    # An unusable password (what make_password(None) makes: "!" + random), so no hashing:
    # they log in with a one-time e-mail link.
    users = [
        User(
            email=email,
            password=UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30),
            date_joined=now,
        )
        for email in emails
    ]
    for start in range(0, len(users), BATCH):
        User.objects.bulk_create(users[start : start + BATCH])
    if any(u.pk is None for u in users):  # a database without RETURNING
        return dict(User.objects.filter(email__in=emails).values_list("email", "pk"))
    return {u.email: u.pk for u in users}


def _bulk_tags(results: list[RowResult], people: dict[str, Person]) -> None:
    wanted = {t.casefold(): t for r in results for t in r.values["tags"]}
    if not wanted:
        return
    tags: dict[str, Tag] = {}
    names = list(wanted.values())
    for start in range(0, len(names), 500):
        for tag in Tag.objects.filter(name__in=names[start : start + 500]):
            tags[tag.name.casefold()] = tag
    for key, name in wanted.items():
        if key not in tags:
            tags[key] = Tag.objects.get_or_create(name=name)[0]
    through = Person.tags.through
    links = [
        through(person_id=people[r.email].pk, tag_id=tags[t.casefold()].pk)
        for r in results
        for t in r.values["tags"]
    ]
    through.objects.bulk_create(links, batch_size=BATCH, ignore_conflicts=True)


@transaction.atomic
def profiles_import(
    *,
    organisation: Organisation,
    by: Person | None,
    rows: Sequence[RawRow],
    file_format: str,
    visibility: str = IMPORT_VISIBILITY,
    progress: Callable[[int], None] | None = None,
    check_permission: bool = True,
) -> CheckReport:
    """Import every row, or nothing. Returns the report; ``report.ok`` says whether it wrote.

    ``check_permission=False`` only for the evaluation's throw-away database
    (``matching.loading``) and the command line, which is run by the people who run the site.
    """
    if check_permission:
        _require_coordinator(organisation, by)
    report = profiles_check(rows=rows, progress=progress)
    if not report.ok:
        return report
    results = report.rows
    user_ids = _bulk_users([r.email for r in results])
    people: dict[str, Person] = {}
    for r in results:
        v = r.values
        person = Person(
            user_id=user_ids[r.email],
            display_name=v["display_name"],
            neighbourhood=v["neighbourhood"],
            languages=v["languages"],
            capacity=v["capacity"],
            **{c: v[c] for c in TEXT_COLUMNS},
            **dict.fromkeys(PROFILE_VISIBILITY_ATTRS, visibility),
        )
        # Without the foreign keys: checked above (one query per row each otherwise).
        person.full_clean(exclude=["user", "neighbourhood"], validate_unique=False)
        people[r.email] = person
    Person.objects.bulk_create(list(people.values()), batch_size=BATCH)
    if any(p.pk is None for p in people.values()):
        by_user = dict(
            Person.objects.filter(user_id__in=user_ids.values()).values_list("user_id", "pk")
        )
        for p in people.values():
            p.pk = by_user[p.user_id]
    _bulk_tags(results, people)
    Membership.objects.bulk_create(
        [
            Membership(organisation=organisation, person=people[r.email], role=r.values["role"])
            for r in results
        ],
        batch_size=BATCH,
    )
    ImportConsent.objects.bulk_create(
        [
            ImportConsent(
                person=people[r.email],
                organisation=organisation,
                imported_by=by,
                given_on=r.values["consent_given_on"],
                how=r.values["consent_how"],
            )
            for r in results
        ],
        batch_size=BATCH,
    )
    TransferRecord.objects.create(
        organisation=organisation,
        by=by,
        kind=TransferKind.IMPORT,
        file_format=file_format,
        rows=len(results),
    )
    logger.info(
        "import organisation=%s by=%s rows=%d format=%s",
        organisation.pk,
        by.pk if by else None,
        len(results),
        file_format,
    )
    return report


# Export ------------------------------------------------------------------------------------


def export_rows(*, organisation: Organisation) -> Iterable[dict[str, str]]:
    """The members of this organisation in the columns of the import (docs/import.md).

    Only people who are a member of this organisation; no other account. The consent date and
    way are the ones recorded at their import by this organisation (empty when they joined
    otherwise)."""
    memberships = (
        Membership.objects.filter(organisation=organisation, person__user__is_active=True)
        .select_related("person__user", "person__neighbourhood")
        .prefetch_related("person__tags")
        .order_by("person__display_name", "person_id")
    )
    consents: dict[int, ImportConsent] = {}
    for consent in ImportConsent.objects.filter(organisation=organisation).order_by("created_at"):
        consents[consent.person_id] = consent
    for membership in memberships.iterator(chunk_size=2000):
        person = membership.person
        found = consents.get(person.pk)
        yield {
            "email": person.user.email,
            "name": person.display_name,
            "neighbourhood": person.neighbourhood.name if person.neighbourhood else "",
            "languages": ", ".join(person.languages or []),
            **{c: getattr(person, c) for c in TEXT_COLUMNS},
            "capacity": CAPACITY_EXPORT.get(Capacity(person.capacity), ""),
            "tags": ", ".join(t.name for t in person.tags.all()),
            "role": ROLE_EXPORT.get(MembershipRole(membership.role), "lid"),
            "consent_given_on": found.given_on.isoformat() if found else "",
            "consent_how": CONSENT_EXPORT.get(ConsentHow(found.how), "") if found else "",
        }


def export_record(*, organisation: Organisation, by: Person | None, file_format: str, rows: int):
    """Exporting profiles is itself a sensitive act: recorded and logged."""
    TransferRecord.objects.create(
        organisation=organisation,
        by=by,
        kind=TransferKind.EXPORT,
        file_format=file_format,
        rows=rows,
    )
    logger.info(
        "export organisation=%s by=%s rows=%d format=%s",
        organisation.pk,
        by.pk if by else None,
        rows,
        file_format,
    )


# Between the dry run and the confirmation (web) ------------------------------------------


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def pending_expire() -> None:
    PendingImport.objects.filter(
        created_at__lt=timezone.now() - timedelta(minutes=PENDING_MINUTES)
    ).delete()


@transaction.atomic
def pending_import_create(
    *, organisation: Organisation, by: Person, rows: Sequence[RawRow], file_format: str
) -> str:
    """Keep a checked file for ``PENDING_MINUTES``; returns the key (only its hash is stored).
    One pending file per coordinator and organisation: a new upload replaces the old one."""
    _require_coordinator(organisation, by)
    pending_expire()
    PendingImport.objects.filter(organisation=organisation, by=by).delete()
    key = secrets.token_urlsafe(32)
    PendingImport.objects.create(
        organisation=organisation,
        by=by,
        key_digest=_digest(key),
        file_format=file_format,
        rows=[[r.number, r.cells] for r in rows],
    )
    return key


def pending_import_take(
    *, organisation: Organisation, by: Person, key: str
) -> tuple[str, list[RawRow]] | None:
    """The rows kept under this key (and delete them), or None when gone or not theirs."""
    pending_expire()
    found = PendingImport.objects.filter(
        organisation=organisation, by=by, key_digest=_digest(key or "")
    ).first()
    if found is None:
        return None
    rows = [RawRow(int(number), dict(cells)) for number, cells in found.rows]
    found.delete()
    return found.file_format, rows


def pending_import_discard(*, organisation: Organisation, by: Person) -> None:
    PendingImport.objects.filter(organisation=organisation, by=by).delete()
