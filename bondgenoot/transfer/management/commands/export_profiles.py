"""python manage.py export_profiles --organisation "<name or id>" --format csv|xlsx|jsonl -o FILE

The members of that organisation in the columns of the import (docs/import.md). The export
is recorded (``TransferRecord``) and logged: it holds personal data, keep the file safe.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bondgenoot.transfer import services
from bondgenoot.transfer.reading import FileFormat
from bondgenoot.transfer.writing import write_rows

from ._common import find_coordinator, find_organisation


class Command(BaseCommand):
    help = "Export the members' profiles of an organisation (CSV, XLSX or JSON Lines)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", required=True, help="name or id")
        parser.add_argument("--format", choices=FileFormat.ALL, default=FileFormat.CSV)
        parser.add_argument("-o", "--output", required=True, help="file to write")
        parser.add_argument("--by", help="e-mail address of the coordinator who asked")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = find_organisation(options["organisation"])
        by = find_coordinator(options.get("by"), organisation)
        data, count = write_rows(services.export_rows(organisation=organisation), options["format"])
        path = Path(options["output"])
        try:
            # Readable by the owner only: it holds personal data.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise CommandError(f"cannot write {path}: {exc.strerror}") from exc
        services.export_record(
            organisation=organisation, by=by, file_format=options["format"], rows=count
        )
        self.stdout.write(f"{count} profiles written to {path}")
