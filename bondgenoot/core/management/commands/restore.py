"""``python manage.py restore PATH``: restore a backup made by ``backup`` (docs/operations.md)."""

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any, TextIO

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper

from bondgenoot.core import backup, backup_uploads


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into the configured database, and the "
        "uploaded files from PATH.uploads.tar when it is there. Refuses a database that holds "
        "data unless --force (then asks to type the database name, or needs --yes in "
        "scripts). Stop the site first."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help="The backup file to restore.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace what is in the database (PostgreSQL: drop and recreate its tables).",
        )
        parser.add_argument(
            "--yes",
            action="store_true",
            help="With --force: do not ask for confirmation (for scripts).",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias.")

    def handle(self, *args: Any, **options: Any) -> None:
        connection = connections[options["database"]]
        media_root = Path(settings.MEDIA_ROOT)
        try:
            # The uploads archive is checked first: a bad one stops the restore before the
            # database is touched.
            uploads = backup_uploads.check(options["path"], media_root, force=options["force"])
            if options["force"] and not options["yes"] and not backup.database_is_empty(connection):
                self.confirm(connection, options.get("stdin") or sys.stdin)
            result = backup.restore_database(
                options["path"], connection=connection, force=options["force"]
            )
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        width = max((len(table) for table in result.row_counts), default=0)
        self.stdout.write("Rows per table:")
        for table, count in result.row_counts.items():
            self.stdout.write(f"  {table:<{width}}  {count:>8}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {options['path']} in {result.seconds:.1f} s: "
                f"{len(result.row_counts)} tables, {sum(result.row_counts.values())} rows."
            )
        )
        if uploads is None:
            archive = backup_uploads.archive_path(options["path"]).name
            self.stdout.write(
                f"No uploaded files restored: there is no {archive} next to the backup "
                "(a backup made without uploads has none)."
            )
        else:
            restored = backup_uploads.restore(options["path"], media_root)
            self.stdout.write(
                self.style.SUCCESS(f"Restored {restored} uploaded files into {media_root}.")
            )
        self.stdout.write(
            "If the backup comes from an older version of Bondgenoot, run "
            "`python manage.py migrate` now."
        )

    def confirm(self, connection: BaseDatabaseWrapper, stdin: TextIO) -> None:
        label = backup.database_label(connection)
        if not stdin.isatty():
            raise CommandError(
                f"The database {label} is not empty and there is nobody to confirm. "
                "In a script, add --yes to --force."
            )
        self.stdout.write(
            self.style.WARNING(
                f"This replaces everything in the database {label} with the backup. "
                f"Type {label} to go on:"
            )
        )
        self.stdout.flush()
        if stdin.readline().strip() != label:
            raise CommandError("Not confirmed; nothing was changed.")
