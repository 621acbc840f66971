"""python manage.py import_profiles FILE --organisation "<name or id>" [--dry-run] [--by EMAIL]

Imports members' profiles (docs/import.md): every row, or nothing. The dry run prints per row
what would happen. A progress bar on stderr for large files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from tqdm import tqdm

from bondgenoot.transfer import services
from bondgenoot.transfer.reading import FileRefused, read_rows

from ._common import find_coordinator, find_organisation

MAX_FILE_BYTES = 100 * 1024 * 1024
BAR_FROM_ROWS = 1000


class Command(BaseCommand):
    help = "Import members' profiles (CSV, XLSX or JSON Lines) into an organisation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--organisation", required=True, help="name or id")
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")
        parser.add_argument("--by", help="e-mail address of the coordinator who asked")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = find_organisation(options["organisation"])
        by = find_coordinator(options.get("by"), organisation)
        path = Path(options["file"])
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise CommandError(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MB")
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
        try:
            file_format, rows = read_rows(data, path.name)
        except FileRefused as refused:
            raise CommandError(refused.message) from refused

        bar = tqdm(
            total=len(rows),
            unit=" rijen",
            file=self.stderr._out,
            disable=len(rows) < BAR_FROM_ROWS,
            desc=_("Checking"),
        )
        with bar:
            if options["dry_run"]:
                report = services.profiles_check(rows=rows, progress=bar.update)
            else:
                report = services.profiles_import(
                    organisation=organisation,
                    by=by,
                    rows=rows,
                    file_format=file_format,
                    progress=bar.update,
                    check_permission=False,
                )
            bar.update(len(rows) - bar.n)

        for row in report.rows:
            if not row.ok:
                self.stdout.write(
                    _("row %(row)d: refused: %(reasons)s")
                    % {"row": row.number, "reasons": "; ".join(row.reasons)}
                )
            elif options["dry_run"]:
                self.stdout.write(_("row %(row)d: will be added") % {"row": row.number})
        refused_count = len(report.refused)
        if refused_count:
            raise CommandError(
                _("%(refused)d of %(total)d rows refused: nothing was written.")
                % {"refused": refused_count, "total": len(report.rows)}
            )
        if options["dry_run"]:
            self.stdout.write(
                _("Dry run: %(count)d rows would be added. Nothing was written.")
                % {"count": report.added}
            )
        else:
            self.stdout.write(
                _("%(count)d profiles added to %(organisation)s.")
                % {"count": report.added, "organisation": organisation.name}
            )
