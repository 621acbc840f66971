"""Archive ended alliances and erase their sensitive journal texts when their time has come.

Safe to run every day: what was done is not done again, each alliance is handled in its own
transaction, and ``--dry-run`` only tells what would happen. The output names alliances by
number only: whoever reads the log of the server does not get to see their names.
"""

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from bondgenoot.alliances.services import apply_retention


class Command(BaseCommand):
    help = (
        "Archive alliances that ended RETENTION_ARCHIVE_AFTER_DAYS ago and erase the texts "
        "marked as sensitive of those that ended RETENTION_ERASE_SENSITIVE_AFTER_DAYS ago."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Only show what would be done; change nothing."
        )
        parser.add_argument(
            "--today",
            help="Act as if today were this date (YYYY-MM-DD), e.g. to check a configuration.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError("--today must be a date like 2026-03-01") from error
        dry_run = options["dry_run"]
        self.stdout.write(
            f"Retention: archive {settings.RETENTION_ARCHIVE_AFTER_DAYS} days after the end, "
            f"erase sensitive texts {settings.RETENTION_ERASE_SENSITIVE_AFTER_DAYS} days after "
            f"the end{' (dry run: nothing is changed)' if dry_run else ''}."
        )
        steps = apply_retention(today=today, dry_run=dry_run)
        would = "would be " if dry_run else ""
        failed = [step for step in steps if step.error]
        for step in steps:
            if step.error:
                self.stderr.write(
                    f"Alliance #{step.alliance_id}: not done, left as it was: {step.error}"
                )
                continue
            done = []
            if step.archived:
                done.append(f"{would}archived")
            if step.entries_erased or step.revisions_erased:
                done.append(
                    f"{would}erased: {step.entries_erased} sensitive entries, "
                    f"{step.revisions_erased} earlier versions"
                )
            elif not step.archived:
                done.append("no sensitive texts to erase")
            self.stdout.write(
                f"Alliance #{step.alliance_id} (ended {step.ended_on:%Y-%m-%d}): {'; '.join(done)}"
            )
        if failed:
            raise CommandError(
                f"{len(failed)} of {len(steps)} alliance(s) failed; the others were done. "
                "Running the command again retries what is left."
            )
        self.stdout.write(
            self.style.SUCCESS(f"{len(steps)} alliance(s) {would}handled.")
            if steps
            else "Nothing to do."
        )
