"""Access records are append-only: nothing in the application changes or deletes one, and the
database refuses an UPDATE too. They go only when the person they are about deletes their
account (on_delete=CASCADE)."""

import datetime

import pytest
from django.contrib import admin
from django.db import IntegrityError, connection, transaction

from bondgenoot.alliances.models import Party
from bondgenoot.audit.models import AccessRecord, AppendOnly
from bondgenoot.audit.services import record_journal_reads

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(alliance, bas, sensitive_entry):
    assert record_journal_reads(viewer=bas, alliance=alliance, entries=[sensitive_entry]) == 1
    return AccessRecord.objects.get()


def test_saving_a_changed_record_is_refused(record):
    record.purpose = "view_profile"
    with pytest.raises(AppendOnly):
        record.save()
    with pytest.raises(AppendOnly):
        record.save(update_fields=["purpose"])
    record.refresh_from_db()
    assert record.purpose == "read_journal"


def test_a_new_record_with_the_id_of_an_old_one_cannot_overwrite_it(record):
    copy = AccessRecord(
        pk=record.pk,
        subject=record.subject,
        actor=None,
        actor_role="neighbour",
        object_type="journal_entry",
        object_id=1,
        purpose="read_journal",
    )
    with pytest.raises(AppendOnly):
        copy.save()
    record.refresh_from_db()
    assert record.actor_id is not None and record.actor_role == "party"


@pytest.mark.parametrize(
    "attempt",
    [
        pytest.param(lambda r: r.delete(), id="instance.delete"),
        pytest.param(lambda r: AccessRecord.objects.all().delete(), id="queryset.delete"),
        pytest.param(lambda r: AccessRecord.objects.filter(pk=r.pk).delete(), id="filter.delete"),
        pytest.param(
            lambda r: AccessRecord.objects.update(purpose="search_people"), id="manager.update"
        ),
        pytest.param(
            lambda r: AccessRecord.objects.filter(pk=r.pk).update(actor=None),
            id="hide who looked",
        ),
        pytest.param(
            lambda r: AccessRecord.objects.bulk_update([r], ["purpose"]), id="bulk_update"
        ),
        pytest.param(
            lambda r: AccessRecord.objects.update_or_create(  # type: ignore[misc]
                pk=r.pk, defaults={"purpose": "search_people"}
            ),
            id="update_or_create",
        ),
        pytest.param(
            lambda r: AccessRecord.objects.bulk_create(
                [r], update_conflicts=True, unique_fields=["id"], update_fields=["purpose"]
            ),
            id="bulk_create(update_conflicts)",
        ),
        pytest.param(lambda r: r.subject.access_records.all().delete(), id="related.delete"),
        pytest.param(lambda r: r.subject.access_records.update(purpose="x"), id="related.update"),
        pytest.param(lambda r: r.actor.access_records_as_actor.clear(), id="actor.clear"),
        pytest.param(lambda r: r.actor.access_records_as_actor.remove(r), id="actor.remove"),
    ],
)
def test_no_orm_api_changes_or_deletes_a_record(record, attempt):
    before = list(AccessRecord.objects.values())
    with pytest.raises(AppendOnly):
        attempt(record)
    assert list(AccessRecord.objects.values()) == before


def test_the_database_refuses_an_update(record):
    """Also for someone who goes around the application (a trigger, on SQLite and PostgreSQL)."""
    table = AccessRecord._meta.db_table
    for sql in (
        f"UPDATE {table} SET purpose = 'search_people'",  # noqa: S608
        f"UPDATE {table} SET object_id = object_id + 1",  # noqa: S608
        f"UPDATE {table} SET actor_id = subject_id",  # noqa: S608 - someone else as the actor
    ):
        with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert list(AccessRecord.objects.values_list("purpose", "object_id", "actor_id")) == [
        (record.purpose, record.object_id, record.actor_id)
    ]


def _delete_account(person):
    """What account deletion does at least (the privacy app's service does more): leave, then go."""
    Party.objects.filter(person=person).update(left_on=datetime.date(2026, 3, 1))
    person.user.delete()


def test_when_the_one_who_looked_deletes_their_account_the_record_stays(record, bas, amina):
    _delete_account(bas)
    record.refresh_from_db()
    assert record.actor is None
    assert record.subject == amina and record.actor_by_name


def test_when_the_alliance_goes_the_record_stays(record, alliance):
    alliance.delete()
    record.refresh_from_db()
    assert record.alliance is None


def test_when_the_subject_deletes_their_account_their_records_go(record, amina, bas):
    """The one way out: on_delete=CASCADE through Django's deletion collector."""
    other = AccessRecord.objects.bulk_create(
        [
            AccessRecord(
                subject=bas,
                actor=amina,
                actor_role="party",
                object_type="journal_entry",
                object_id=1,
                purpose="read_journal",
            )
        ]
    )[0]
    _delete_account(amina)
    assert list(AccessRecord.objects.values_list("pk", "actor_id")) == [(other.pk, None)]


def test_access_records_are_not_in_the_admin():
    """Site administrators do not read who looked at whose sensitive data. If the model is ever
    registered, it must be read-only."""
    model_admin = admin.site._registry.get(AccessRecord)
    if model_admin is not None:  # pragma: no cover - not registered today
        assert not model_admin.has_add_permission(None)
        assert not model_admin.has_change_permission(None)
        assert not model_admin.has_delete_permission(None)
    assert model_admin is None
