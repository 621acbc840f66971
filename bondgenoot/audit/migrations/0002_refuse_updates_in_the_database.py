"""The database itself refuses to change an access record (append-only), on PostgreSQL and on
SQLite. The only UPDATE let through is setting ``actor_id`` or ``alliance_id`` to NULL, with
everything else unchanged: that is what on_delete=SET_NULL does when the account of the one who
looked, or an alliance, is deleted. DELETE stays possible for on_delete=CASCADE (the subject
deletes their account); the application refuses every other delete (audit/models.py).

Note for later migrations of this table: on SQLite, Django rebuilds a table for most
alterations, which drops its triggers; re-create the trigger after such a migration (the test
``test_the_database_refuses_an_update`` fails when it is missing). The SQLite trigger lists the
columns; the PostgreSQL one compares whole rows and covers new columns by itself.
"""

from typing import Any

from django.db import migrations

TABLE = "audit_accessrecord"
COLUMNS = (
    "id",
    "subject_id",
    "actor_role",
    "actor_organisation",
    "actor_by_name",
    "object_type",
    "object_id",
    "field_name",
    "purpose",
    "viewed_at",
    "look",
)
SET_NULL_ONLY = ("actor_id", "alliance_id")

POSTGRESQL = [
    f"""
    CREATE OR REPLACE FUNCTION {TABLE}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF (to_jsonb(NEW) - 'actor_id' - 'alliance_id')
                IS DISTINCT FROM (to_jsonb(OLD) - 'actor_id' - 'alliance_id')
           OR (NEW.actor_id IS NOT NULL AND NEW.actor_id IS DISTINCT FROM OLD.actor_id)
           OR (NEW.alliance_id IS NOT NULL AND NEW.alliance_id IS DISTINCT FROM OLD.alliance_id)
        THEN
            RAISE EXCEPTION '{TABLE} is append-only: an access record cannot be changed'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END
    $$
    """,
    f"""
    CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION {TABLE}_append_only()
    """,
]
POSTGRESQL_REVERSE = [
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
    f"DROP FUNCTION IF EXISTS {TABLE}_append_only()",
]

_changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in COLUMNS)
_set_other_than_null = " OR ".join(
    f"(NEW.{c} IS NOT OLD.{c} AND NEW.{c} IS NOT NULL)" for c in SET_NULL_ONLY
)
SQLITE = [
    f"""
    CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE ON {TABLE}
    WHEN {_changed} OR {_set_other_than_null}
    BEGIN
        SELECT RAISE(ABORT, '{TABLE} is append-only: an access record cannot be changed');
    END
    """
]
SQLITE_REVERSE = [f"DROP TRIGGER IF EXISTS {TABLE}_append_only"]


class VendorSQL(migrations.RunSQL):
    """RunSQL for one database vendor only; a no-op elsewhere."""

    def __init__(self, vendor: str, sql: Any, reverse_sql: Any) -> None:
        super().__init__(sql, reverse_sql)
        self.vendor = vendor

    def database_forwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, *args)

    def database_backwards(self, app_label: str, schema_editor: Any, *args: Any) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, *args)

    def describe(self) -> str:
        return f"Refuse updates of access records ({self.vendor})"


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_access_records")]

    operations = [
        VendorSQL("postgresql", POSTGRESQL, POSTGRESQL_REVERSE),
        VendorSQL("sqlite", SQLITE, SQLITE_REVERSE),
    ]
