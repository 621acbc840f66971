"""``python manage.py backup PATH``: a consistent backup of the database (docs/operations.md)."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from bondgenoot.core import backup, backup_uploads


def human_size(size: int) -> str:
    amount = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if amount < 1024 or unit == "GB":
            return f"{size} bytes" if unit == "bytes" else f"{amount:.1f} {unit}"
        amount /= 1024
    raise AssertionError("unreachable")


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the database to PATH (SQLite: a copy of the database "
        "file; PostgreSQL: pg_dump in custom format), and the uploaded files (receipts) to "
        "PATH.uploads.tar. Safe while the site runs."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help="The backup file to write.")
        parser.add_argument(
            "--force", action="store_true", help="Replace PATH if it already exists."
        )
        parser.add_argument(
            "--verify",
            action="store_true",
            help=(
                "Afterwards, restore the backup into a scratch database and compare every "
                "table (row count and a checksum of the rows) with the database."
            ),
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias.")

    def handle(self, *args: Any, **options: Any) -> None:
        connection = connections[options["database"]]
        archive = backup_uploads.archive_path(options["path"])
        if archive.exists() and not options["force"]:
            raise CommandError(f"{archive} already exists. Choose another name or add --force.")
        try:
            result = backup.backup_database(
                options["path"],
                connection=connection,
                force=options["force"],
                summarize=options["verify"],
            )
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {result.path}: {human_size(result.size)} "
                f"in {result.seconds:.1f} s."
            )
        )
        try:
            uploads = backup_uploads.back_up(
                result.path, Path(settings.MEDIA_ROOT), force=options["force"]
            )
        except (backup.BackupError, OSError) as error:
            raise CommandError(f"The uploaded files could not be backed up: {error}") from error
        if uploads is not None:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Uploaded files (such as receipts) written to {uploads.path}: "
                    f"{uploads.files} files, {human_size(uploads.size)}."
                )
            )
        if result.source is None:
            return
        try:
            problems = backup.verify_backup(
                result.path, source=result.source, connection=connection
            )
        except backup.BackupError as error:
            raise CommandError(f"Could not verify the backup: {error}") from error
        if problems:
            raise CommandError(
                "The restored backup differs from the database:\n  " + "\n  ".join(problems)
            )
        rows = sum(summary.rows for summary in result.source.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Verified: restored into a scratch database, all {len(result.source)} tables "
                f"and {rows} rows are identical."
            )
        )
        if uploads is None:
            return
        problems = backup_uploads.verify(uploads)
        if problems:
            raise CommandError(
                "The uploads archive differs from the files:\n  " + "\n  ".join(problems)
            )
        self.stdout.write(
            self.style.SUCCESS(f"Verified: all {uploads.files} uploaded files read back identical.")
        )
