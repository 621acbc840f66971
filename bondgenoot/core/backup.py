"""Backup and restore of the database, for ``manage.py backup`` and ``manage.py restore``.

* SQLite (the embedded default): Python's ``sqlite3`` backup API copies the database page by
  page inside one read transaction, so the copy is consistent while the site keeps running
  (in WAL mode writers are not blocked). Restoring is the same API the other way.
* PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean --if-exists --no-owner``.
  Connection parameters come from ``settings.DATABASES``; the password goes to the client
  through the ``PGPASSWORD`` environment variable, never on the command line.

A backup is written to a hidden temporary file in the target folder and renamed at the end,
so a crash never leaves a half backup under the final name.

``table_summaries`` gives per table the row count and a SHA-256 over all rows in primary-key
order; ``verify_backup`` restores a backup into a scratch database and compares those with
the source, taken in the same snapshot as the backup.

Everything here speaks English to the operator (command-line output, not the site).
"""

import hashlib
import os
import secrets
import shutil
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from psycopg import sql
from psycopg.conninfo import make_conninfo

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
_CHUNK_ROWS = 2000

# settings.DATABASES[...]["OPTIONS"] keys that libpq clients read from the environment.
_PG_OPTION_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why, for the operator."""


@dataclass(frozen=True)
class TableSummary:
    rows: int
    checksum: str


Summaries = dict[str, TableSummary]


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    seconds: float
    # The source's tables, read in the same snapshot as the backup (only when asked for).
    source: Summaries | None = None


@dataclass(frozen=True)
class RestoreResult:
    seconds: float
    row_counts: dict[str, int]


def _connection(connection: BaseDatabaseWrapper | None) -> BaseDatabaseWrapper:
    connection = connection or connections[DEFAULT_DB_ALIAS]
    if connection.vendor not in ("sqlite", "postgresql"):
        raise BackupError(
            f"Backups are supported on SQLite and PostgreSQL, not {connection.vendor}."
        )
    return connection


def database_label(connection: BaseDatabaseWrapper | None = None) -> str:
    """The name an operator types to confirm a restore: the database name, or the file name."""
    connection = _connection(connection)
    name = str(connection.settings_dict["NAME"])
    return Path(name).name if connection.vendor == "sqlite" else name


# Reading tables ---------------------------------------------------------------------------


def _tables(connection: BaseDatabaseWrapper) -> list[str]:
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor))


def row_counts(connection: BaseDatabaseWrapper | None = None) -> dict[str, int]:
    connection = _connection(connection)
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for table in _tables(connection):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (quoted name)
            counts[table] = cursor.fetchone()[0]
    return counts


def database_is_empty(connection: BaseDatabaseWrapper | None = None) -> bool:
    """True when no table holds a row: a new database, or one without migrations applied."""
    connection = _connection(connection)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in _tables(connection):
            cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")  # noqa: S608 (quoted name)
            if cursor.fetchone() is not None:
                return False
    return True


def _canonical(value: Any) -> Any:
    # psycopg returns bytea as memoryview, whose repr holds a memory address.
    return bytes(value) if isinstance(value, memoryview) else value


def table_summaries(connection: BaseDatabaseWrapper | None = None) -> Summaries:
    """Per table: the number of rows and a SHA-256 over all rows in primary-key order."""
    connection = _connection(connection)
    quote = connection.ops.quote_name
    summaries = {}
    for table in _tables(connection):
        with connection.cursor() as cursor:
            key = connection.introspection.get_primary_key_columns(cursor, table)
            if not key:  # order by every column instead
                cursor.execute(f"SELECT * FROM {quote(table)} LIMIT 0")  # noqa: S608
                key = [column[0] for column in cursor.description]
        order = ", ".join(quote(column) for column in key)
        digest = hashlib.sha256()
        rows = 0
        with connection.chunked_cursor() as cursor:
            cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {order}")  # noqa: S608
            while chunk := cursor.fetchmany(_CHUNK_ROWS):
                for row in chunk:
                    digest.update(repr(tuple(_canonical(v) for v in row)).encode())
                    digest.update(b"\n")
                rows += len(chunk)
        summaries[table] = TableSummary(rows=rows, checksum=digest.hexdigest())
    return summaries


def compare_summaries(source: Summaries, restored: Summaries) -> list[str]:
    """What differs between two databases, one line per table; empty when they are equal."""
    problems = []
    for table in sorted(source.keys() | restored.keys()):
        if table not in restored:
            problems.append(f"{table}: missing after restore")
        elif table not in source:
            problems.append(f"{table}: not in the source")
        elif source[table].rows != restored[table].rows:
            problems.append(
                f"{table}: {source[table].rows} rows in the source, "
                f"{restored[table].rows} after restore"
            )
        elif source[table].checksum != restored[table].checksum:
            problems.append(f"{table}: same number of rows, but their contents differ")
    return problems


# Backup -------------------------------------------------------------------------------------


def backup_database(
    path: str | os.PathLike[str],
    *,
    connection: BaseDatabaseWrapper | None = None,
    force: bool = False,
    summarize: bool = False,
) -> BackupResult:
    """Write a consistent backup of the database to ``path``.

    Refuses an existing file unless ``force``. With ``summarize``, also reads the source's
    table summaries in the same snapshot as the backup (for ``verify_backup``)."""
    connection = _connection(connection)
    final = Path(path).absolute()
    if final.is_dir():
        raise BackupError(f"{final} is a folder; give the path of the backup file.")
    if not final.parent.is_dir():
        raise BackupError(f"The folder {final.parent} does not exist.")
    if final.exists() and not force:
        raise BackupError(f"{final} already exists. Choose another name or add --force.")

    started = time.monotonic()
    handle, temporary_name = tempfile.mkstemp(
        prefix=f".{final.name}.", suffix=".partial", dir=final.parent
    )  # mode 0600: a backup holds personal data
    os.close(handle)
    temporary = Path(temporary_name)
    try:
        source = _write_backup(connection, temporary, summarize=summarize)
        fsync(temporary)
        if final.exists() and not force:
            raise BackupError(f"{final} appeared while the backup ran; it was left alone.")
        temporary.replace(final)
        fsync(final.parent)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return BackupResult(
        path=final,
        size=final.stat().st_size,
        seconds=time.monotonic() - started,
        source=source,
    )


def _write_backup(
    connection: BaseDatabaseWrapper, target: Path, *, summarize: bool
) -> Summaries | None:
    if connection.vendor == "sqlite":
        return _sqlite_backup(connection, target, summarize=summarize)
    return _pg_dump(connection, target, summarize=summarize)


def fsync(path: Path) -> None:
    try:
        handle = os.open(path, os.O_RDONLY)
    except OSError:  # e.g. folders on some platforms
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _sqlite_backup(
    connection: BaseDatabaseWrapper, target: Path, *, summarize: bool
) -> Summaries | None:
    connection.ensure_connection()
    raw: sqlite3.Connection = connection.connection
    # One read transaction around the summaries and the copy: both see the same snapshot.
    own_transaction = not raw.in_transaction
    if own_transaction:
        raw.execute("BEGIN DEFERRED")
    try:
        source = table_summaries(connection) if summarize else None
        copy = sqlite3.connect(target)
        try:
            raw.backup(copy)
            # One self-contained file (no -wal/-shm next to it), checked before it is kept.
            copy.execute("PRAGMA journal_mode=DELETE")
            result = copy.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            copy.close()
    finally:
        if own_transaction:
            raw.execute("COMMIT")
    if result != "ok":
        raise BackupError(f"The copy did not pass SQLite's quick check: {result}")
    return source


# PostgreSQL clients -------------------------------------------------------------------------


def _pg_environment(settings_dict: dict[str, Any]) -> dict[str, str]:
    """libpq environment for pg_dump/pg_restore: everything but the database name."""
    env = dict(os.environ)
    for key, variable in (
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    for option, variable in _PG_OPTION_ENV.items():
        value = (settings_dict.get("OPTIONS") or {}).get(option)
        if value:
            env[variable] = str(value)
    return env


def _pg_database(settings_dict: dict[str, Any]) -> str:
    # A connection string with only the (quoted) name: any name is read as a name, never as
    # options; the rest comes from the environment.
    return make_conninfo("", dbname=str(settings_dict["NAME"]))


def _pg_client(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"{name} was not found. Install the PostgreSQL client programs (the same major "
            "version as the server, or newer) and make sure they are on the PATH."
        )
    return found


def _pg_run(arguments: list[str], settings_dict: dict[str, Any]) -> None:
    completed = subprocess.run(  # noqa: S603 (fixed program, no shell, no password)
        arguments,
        env=_pg_environment(settings_dict),
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        program = Path(arguments[0]).name
        raise BackupError(f"{program} failed: {completed.stderr.strip()}")


def _pg_dump(connection: BaseDatabaseWrapper, target: Path, *, summarize: bool) -> Summaries | None:
    settings_dict = connection.settings_dict
    arguments = [
        _pg_client("pg_dump"),
        "--format=custom",
        "--no-password",
        f"--file={target}",
        f"--dbname={_pg_database(settings_dict)}",
    ]
    connection.ensure_connection()
    if not summarize:
        _pg_run(arguments, settings_dict)  # pg_dump reads in one snapshot of its own
        return None
    if not connection.get_autocommit():
        # Already inside a transaction (e.g. a test): read in it, pg_dump sees what is committed.
        source = table_summaries(connection)
        _pg_run(arguments, settings_dict)
        return source
    # Export our snapshot to pg_dump, so the summaries and the dump see the same data.
    connection.set_autocommit(False)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        source = table_summaries(connection)
        _pg_run([*arguments, f"--snapshot={snapshot}"], settings_dict)
    finally:
        connection.rollback()
        connection.set_autocommit(True)
    return source


# Restore ------------------------------------------------------------------------------------


def _backup_kind(path: Path) -> str:
    try:
        with path.open("rb") as backup:
            head = backup.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise BackupError(f"{path} does not exist.") from None
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    raise BackupError(f"{path} is not a Bondgenoot backup (neither SQLite nor pg_dump custom).")


def restore_database(
    path: str | os.PathLike[str],
    *,
    connection: BaseDatabaseWrapper | None = None,
    force: bool = False,
) -> RestoreResult:
    """Restore the backup at ``path`` into the database of ``connection``.

    Refuses a database that holds any row unless ``force`` (the caller asks the operator)."""
    connection = _connection(connection)
    if not connection.get_autocommit():
        raise BackupError("Cannot restore inside a transaction.")
    source = Path(path).absolute()
    kind = _backup_kind(source)
    if kind != connection.vendor:
        raise BackupError(
            f"{source} is a {kind} backup; the configured database is {connection.vendor}."
        )
    if not force and not database_is_empty(connection):
        raise BackupError(
            f"The database {database_label(connection)} is not empty. Restore into an empty "
            "database, or add --force to replace what is in it."
        )
    started = time.monotonic()
    if connection.vendor == "sqlite":
        _sqlite_restore(source, connection)
    else:
        _pg_restore(source, connection)
    seconds = time.monotonic() - started
    return RestoreResult(seconds=seconds, row_counts=row_counts(connection))


def _sqlite_restore(source: Path, connection: BaseDatabaseWrapper) -> None:
    connection.ensure_connection()
    target: sqlite3.Connection = connection.connection
    if target.in_transaction:
        raise BackupError("Cannot restore inside a transaction.")
    backup = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    try:
        if backup.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError(f"{source} is damaged: it does not pass SQLite's quick check.")
        backup.backup(target)
    except sqlite3.Error as error:
        raise BackupError(f"Restore failed: {error}") from error
    finally:
        backup.close()


def _pg_restore(source: Path, connection: BaseDatabaseWrapper) -> None:
    # Our own connection must not hold locks on the tables pg_restore drops.
    connection.close()
    _pg_run(
        [
            _pg_client("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-acl",
            "--single-transaction",  # all or nothing: a failed restore changes nothing
            "--exit-on-error",
            "--no-password",
            f"--dbname={_pg_database(connection.settings_dict)}",
            str(source),
        ],
        connection.settings_dict,
    )


# Verification -------------------------------------------------------------------------------


def pg_admin_connection(settings_dict: dict[str, Any]) -> psycopg.Connection[Any]:
    """An autocommit connection to the ``postgres`` database, to create and drop databases."""
    options = settings_dict.get("OPTIONS") or {}
    parameters = {
        "dbname": "postgres",
        "user": settings_dict.get("USER") or None,
        "password": settings_dict.get("PASSWORD") or None,
        "host": settings_dict.get("HOST") or None,
        "port": settings_dict.get("PORT") or None,
        **{key: options[key] for key in _PG_OPTION_ENV if options.get(key)},
    }
    return psycopg.connect(
        autocommit=True, **{key: value for key, value in parameters.items() if value is not None}
    )


@contextmanager
def scratch_database(
    connection: BaseDatabaseWrapper | None = None,
) -> Iterator[BaseDatabaseWrapper]:
    """A new, empty database of the same kind, removed afterwards: a temporary SQLite file, or
    a PostgreSQL database ``<name>_verify_<random>`` (the user needs the right to create one)."""
    connection = _connection(connection)
    scratch = connection.copy()  # same alias: Django looks some features up by alias
    if connection.vendor == "sqlite":
        with tempfile.TemporaryDirectory(prefix="bondgenoot-verify-") as folder:
            scratch.settings_dict["NAME"] = str(Path(folder) / "scratch.sqlite3")
            try:
                yield scratch
            finally:
                scratch.close()
        return
    name = f"{str(connection.settings_dict['NAME'])[:40]}_verify_{secrets.token_hex(4)}"
    with pg_admin_connection(connection.settings_dict) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name)))
    scratch.settings_dict["NAME"] = name
    try:
        yield scratch
    finally:
        scratch.close()
        with pg_admin_connection(connection.settings_dict) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def verify_backup(
    path: str | os.PathLike[str],
    *,
    source: Summaries,
    connection: BaseDatabaseWrapper | None = None,
) -> list[str]:
    """Restore ``path`` into a scratch database and compare every table with ``source``.
    Returns the differences (empty when every row came back)."""
    with scratch_database(connection) as scratch:
        restore_database(path, connection=scratch)
        return compare_summaries(source, table_summaries(scratch))
