"""Backup and restore (docs/operations.md): every row comes back, and nothing is half done.

The round trip backs up the demo neighbourhood (people, organisations, alliances with journal
entries, revisions, contributions and invitations, all made through the services), restores it
into a fresh database and compares every table of every Django model, row by row.
"""

import hashlib
import io
import shutil
import tarfile
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import psycopg
import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from psycopg import sql

from bondgenoot.alliances import services as alliance_services
from bondgenoot.alliances.models import (
    Alliance,
    Contribution,
    Invitation,
    JournalEntry,
    JournalEntryRevision,
)
from bondgenoot.core import backup, backup_uploads
from bondgenoot.demo.loader import load_demo
from bondgenoot.people.models import Person
from bondgenoot.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)

on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="SQLite backup API round trip; this run uses PostgreSQL (see the PostgreSQL test)",
)
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="pg_dump/pg_restore round trip; needs DATABASE_URL=postgres://… (CI runs it)",
)


def _canonical(value: Any) -> Any:
    return bytes(value) if isinstance(value, memoryview) else value


def model_rows(database: BaseDatabaseWrapper) -> dict[str, tuple[int, str]]:
    """Per Django model (and many-to-many table): row count and a hash of its rows in
    primary-key order, read through the model's own columns."""
    found = {}
    quote = database.ops.quote_name
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.managed or meta.proxy:
            continue
        columns = ", ".join(quote(field.column) for field in meta.local_concrete_fields)
        with database.cursor() as cursor:
            cursor.execute(
                f"SELECT {columns} FROM {quote(meta.db_table)} "  # noqa: S608
                f"ORDER BY {quote(meta.pk.column)}"
            )
            rows = [tuple(_canonical(v) for v in row) for row in cursor.fetchall()]
        found[meta.db_table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return found


@pytest.fixture
def neighbourhood() -> None:
    """The demo neighbourhood, plus text that is easy to mangle (quotes, newlines, emoji)."""
    assert load_demo().loaded
    alliance = Alliance.objects.order_by("pk").first()
    author = alliance.parties.filter(person__isnull=False).first().person
    entry = alliance_services.journal_entry_add(
        alliance=alliance,
        author=author,
        what_happened='Koffie bij "\'t Hoekje";\nDROP TABLE x; -- \\ 😀 één',
    )
    alliance_services.journal_entry_edit(
        entry=entry,
        by=author,
        expected_version=entry.version,
        what_happened="Tab\there, NUL-free, ünïcode ✓",
    )
    # The round trip is only worth something if every kind of row is there.
    for model in (Person, JournalEntry, JournalEntryRevision, Contribution, Invitation):
        assert model.objects.exists(), model


@pytest.fixture
def fresh_sqlite(tmp_path: Path) -> Iterator[BaseDatabaseWrapper]:
    fresh = connection.copy()
    fresh.settings_dict["NAME"] = str(tmp_path / "fresh.sqlite3")
    yield fresh
    fresh.close()


@pytest.fixture
def fresh_postgresql() -> Iterator[BaseDatabaseWrapper]:
    """A second, empty database next to the test database, dropped afterwards."""
    settings_dict = connection.settings_dict
    name = f"{settings_dict['NAME']}_restore"
    parameters = {
        "dbname": "postgres",
        "user": settings_dict["USER"] or None,
        "password": settings_dict["PASSWORD"] or None,
        "host": settings_dict["HOST"] or None,
        "port": settings_dict["PORT"] or None,
    }
    admin = psycopg.connect(autocommit=True, **{k: v for k, v in parameters.items() if v})
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    admin.execute(drop)
    admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name)))
    fresh = connection.copy()
    fresh.settings_dict["NAME"] = name
    try:
        yield fresh
    finally:
        fresh.close()
        admin.execute(drop)
        admin.close()


def _round_trip(tmp_path: Path, fresh: BaseDatabaseWrapper) -> None:
    path = tmp_path / "bondgenoot.backup"
    out = io.StringIO()
    call_command("backup", str(path), stdout=out)
    assert f"Backup written to {path}" in out.getvalue()

    assert backup.database_is_empty(fresh)
    result = backup.restore_database(path, connection=fresh)

    before, after = model_rows(connection), model_rows(fresh)
    assert sorted(before) == sorted(after)
    for table, (rows, checksum) in before.items():
        assert after[table] == (rows, checksum), table
    assert after[JournalEntryRevision._meta.db_table][0] >= 2
    assert result.row_counts[Person._meta.db_table] == Person.objects.count()
    # The tool's own check agrees, table by table (including Django's own tables)…
    assert backup.compare_summaries(backup.table_summaries(), backup.table_summaries(fresh)) == []
    # …and notices a single changed word.
    quote = fresh.ops.quote_name
    with fresh.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(JournalEntry._meta.db_table)} SET what_happened = 'changed' "  # noqa: S608
            f"WHERE id = {JournalEntry.objects.order_by('pk').first().pk}"
        )
    assert backup.compare_summaries(backup.table_summaries(), backup.table_summaries(fresh)) == [
        f"{JournalEntry._meta.db_table}: same number of rows, but their contents differ"
    ]


@on_sqlite
def test_sqlite_backup_restores_every_row_into_a_fresh_database(
    neighbourhood: None, tmp_path: Path, fresh_sqlite: BaseDatabaseWrapper
) -> None:
    _round_trip(tmp_path, fresh_sqlite)


@on_postgresql
def test_postgresql_backup_restores_every_row_into_a_fresh_database(
    neighbourhood: None, tmp_path: Path, fresh_postgresql: BaseDatabaseWrapper
) -> None:
    _round_trip(tmp_path, fresh_postgresql)


def test_backup_verify_restores_into_a_scratch_database_and_compares(
    amina: Person, tmp_path: Path
) -> None:
    out = io.StringIO()
    call_command("backup", str(tmp_path / "checked.backup"), "--verify", stdout=out)
    assert "Verified: restored into a scratch database, all" in out.getvalue()
    assert "rows are identical" in out.getvalue()


def test_backup_refuses_to_overwrite_an_existing_file_unless_forced(
    amina: Person, tmp_path: Path
) -> None:
    path = tmp_path / "nightly.backup"
    path.write_bytes(b"last night's backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(path), stdout=io.StringIO())
    assert path.read_bytes() == b"last night's backup"

    call_command("backup", str(path), "--force", stdout=io.StringIO())
    assert path.read_bytes()[:5] in (backup.SQLITE_MAGIC[:5], backup.PG_DUMP_MAGIC)
    assert path.stat().st_mode & 0o077 == 0, "a backup holds personal data: owner only"


def test_a_crash_during_backup_leaves_no_file_under_the_final_name(
    amina: Person, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = backup._write_backup

    def write_then_crash(*args: Any, **kwargs: Any) -> Any:
        written(*args, **kwargs)  # the temporary file is complete…
        raise OSError("disk full")  # …and then something breaks before the rename

    monkeypatch.setattr(backup, "_write_backup", write_then_crash)
    with pytest.raises(OSError, match="disk full"):
        call_command("backup", str(tmp_path / "new.backup"), stdout=io.StringIO())
    assert list(tmp_path.iterdir()) == []  # no backup, and no temporary file left behind

    old = tmp_path / "old.backup"
    old.write_bytes(b"the previous good backup")
    with pytest.raises(OSError, match="disk full"):
        call_command("backup", str(old), "--force", stdout=io.StringIO())
    assert old.read_bytes() == b"the previous good backup"
    assert list(tmp_path.iterdir()) == [old]


def test_restore_refuses_a_database_that_is_not_empty(amina: Person, tmp_path: Path) -> None:
    path = tmp_path / "amina.backup"
    call_command("backup", str(path), stdout=io.StringIO())
    PersonFactory(display_name="Chris")
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(path), stdout=io.StringIO())
    # In a script (no terminal), --force alone is not enough either.
    with pytest.raises(CommandError, match="add --yes"):
        call_command("restore", str(path), "--force", stdin=io.StringIO(""), stdout=io.StringIO())
    assert set(Person.objects.values_list("display_name", flat=True)) == {"Amina", "Chris"}


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_forced_restore_asks_to_type_the_database_name(amina: Person, tmp_path: Path) -> None:
    path = tmp_path / "amina.backup"
    call_command("backup", str(path), stdout=io.StringIO())
    PersonFactory(display_name="Chris")
    label = backup.database_label()

    with pytest.raises(CommandError, match="Not confirmed"):
        call_command(
            "restore", str(path), "--force", stdin=_Terminal("yes\n"), stdout=io.StringIO()
        )
    assert Person.objects.count() == 2

    out = io.StringIO()
    call_command("restore", str(path), "--force", stdin=_Terminal(f"{label}\n"), stdout=out)
    assert f"Type {label} to go on" in out.getvalue()
    assert list(Person.objects.values_list("display_name", flat=True)) == ["Amina"]
    # The row counts per table are printed.
    assert any(line.split() == [Person._meta.db_table, "1"] for line in out.getvalue().splitlines())


def test_forced_restore_in_a_script_needs_yes(amina: Person, tmp_path: Path) -> None:
    path = tmp_path / "amina.backup"
    call_command("backup", str(path), stdout=io.StringIO())
    PersonFactory(display_name="Chris")
    call_command("restore", str(path), "--force", "--yes", stdout=io.StringIO())
    assert list(Person.objects.values_list("display_name", flat=True)) == ["Amina"]


def test_a_damaged_backup_is_refused_and_changes_nothing(amina: Person, tmp_path: Path) -> None:
    path = tmp_path / "amina.backup"
    call_command("backup", str(path), stdout=io.StringIO())
    content = path.read_bytes()
    path.write_bytes(content[: len(content) // 2])  # e.g. a copy that broke off halfway
    PersonFactory(display_name="Chris")
    with pytest.raises(CommandError):
        call_command("restore", str(path), "--force", "--yes", stdout=io.StringIO())
    assert set(Person.objects.values_list("display_name", flat=True)) == {"Amina", "Chris"}

    path.write_text("name,email\nAmina,amina@example.org\n")
    with pytest.raises(CommandError, match="not a Bondgenoot backup"):
        call_command("restore", str(path), "--force", "--yes", stdout=io.StringIO())


def test_the_postgresql_password_never_appears_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def run(arguments: list[str], **kwargs: Any) -> SimpleNamespace:
        calls.append((arguments, kwargs["env"]))
        return SimpleNamespace(returncode=0, stderr="")

    monkeypatch.setattr(backup.subprocess, "run", run)
    monkeypatch.setattr(backup.shutil, "which", lambda name: f"/usr/bin/{name}")
    database = SimpleNamespace(
        vendor="postgresql",
        settings_dict={
            "NAME": "bondgenoot",
            "USER": "site",
            "PASSWORD": "pa ss'word",
            "HOST": "db.internal",
            "PORT": 5432,
            "OPTIONS": {"sslmode": "verify-full"},
        },
        ensure_connection=lambda: None,
    )
    backup.backup_database(tmp_path / "b.backup", connection=database)

    [(arguments, env)] = calls
    assert not any("pa ss'word" in argument for argument in arguments)
    assert env["PGPASSWORD"] == "pa ss'word"
    assert (env["PGUSER"], env["PGHOST"], env["PGPORT"]) == ("site", "db.internal", "5432")
    assert env["PGSSLMODE"] == "verify-full"
    assert arguments[:2] == ["/usr/bin/pg_dump", "--format=custom"]
    assert "--dbname=dbname=bondgenoot" in arguments


def test_backup_and_restore_bring_back_the_uploaded_files(
    amina: Person, tmp_path: Path, settings: Any
) -> None:
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    out = io.StringIO()
    call_command("backup", str(tmp_path / "a.backup"), stdout=out)
    assert "Uploaded files" not in out.getvalue()  # nothing uploaded yet: no archive
    assert not (tmp_path / "a.backup.uploads.tar").exists()

    receipts = {"bonnen/2026/3f9c.pdf": b"%PDF-1.7 receipt", "bonnen/2026/77aa.jpg": b"\xff\xd8"}
    for name, content in receipts.items():
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(content)
    out = io.StringIO()
    call_command("backup", str(tmp_path / "b.backup"), "--verify", stdout=out)
    archive = tmp_path / "b.backup.uploads.tar"
    assert f"Uploaded files (such as receipts) written to {archive}: 2 files" in out.getvalue()
    assert "Verified: all 2 uploaded files read back identical." in out.getvalue()
    assert archive.stat().st_mode & 0o777 == 0o600  # receipts are personal data

    # The machine is lost: an empty uploads folder, and the backup is restored.
    shutil.rmtree(media)
    out = io.StringIO()
    call_command("restore", str(tmp_path / "b.backup"), "--force", "--yes", stdout=out)
    assert f"Restored 2 uploaded files into {media}." in out.getvalue()
    assert {name: (media / name).read_bytes() for name in receipts} == receipts

    # Another backup under the same name needs --force, for the archive too.
    (tmp_path / "b.backup").unlink()
    with pytest.raises(CommandError, match=r"uploads\.tar already exists"):
        call_command("backup", str(tmp_path / "b.backup"), stdout=io.StringIO())
    assert not (tmp_path / "b.backup").exists()

    # Restoring over files that are there needs --force.
    with pytest.raises(backup.BackupError, match="already in"):
        backup_uploads.check(tmp_path / "b.backup", media, force=False)
    # A backup without an archive says that no uploads came back.
    out = io.StringIO()
    call_command("restore", str(tmp_path / "a.backup"), "--force", "--yes", stdout=out)
    assert "No uploaded files restored: there is no a.backup.uploads.tar" in out.getvalue()


def test_a_bad_uploads_archive_stops_the_restore_before_the_database(
    amina: Person, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    path = tmp_path / "amina.backup"
    call_command("backup", str(path), stdout=io.StringIO())
    PersonFactory(display_name="Chris")

    # An archive that would write outside the uploads folder.
    with tarfile.open(tmp_path / "amina.backup.uploads.tar", "w") as archive:
        info = tarfile.TarInfo("../elsewhere.txt")
        info.size = 4
        archive.addfile(info, io.BytesIO(b"evil"))
    with pytest.raises(CommandError, match="not a file inside the uploads folder"):
        call_command("restore", str(path), "--force", "--yes", stdout=io.StringIO())
    assert not (tmp_path / "elsewhere.txt").exists()
    assert set(Person.objects.values_list("display_name", flat=True)) == {"Amina", "Chris"}

    # A damaged one.
    (tmp_path / "amina.backup.uploads.tar").write_bytes(b"not a tar file at all" * 40)
    with pytest.raises(CommandError, match="not a readable uploads archive"):
        call_command("restore", str(path), "--force", "--yes", stdout=io.StringIO())
    assert set(Person.objects.values_list("display_name", flat=True)) == {"Amina", "Chris"}
