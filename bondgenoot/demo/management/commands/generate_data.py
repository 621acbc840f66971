"""``python manage.py generate_data --people N``: a large, deterministic data set for benchmarks.

Writes with ``bulk_create`` in batches, not through the services, for speed: see
``bondgenoot/demo/generator.py``. The rules are exercised by ``load_demo`` and the tests.

Example: ``--people 10000 --alliances 25000 --entries-per-alliance 10`` makes 250,000 journal
entries and about 125,000 contributions.
"""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from bondgenoot.demo.generator import Generator, default_alliances, default_organisations
from bondgenoot.people.models import Person


def _positive(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Generate many people, organisations, alliances, journal entries and contributions "
        "for benchmarks, quickly and deterministically (same --seed, same data). Refuses to "
        "run on a database that already has people, unless --force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--people", type=_positive, required=True, help="How many people.")
        parser.add_argument(
            "--alliances", type=_positive, help="How many alliances (default: people / 2)."
        )
        parser.add_argument(
            "--entries-per-alliance",
            type=_positive,
            default=10,
            help="Journal entries per alliance (default: 10). About half as many contributions.",
        )
        parser.add_argument(
            "--organisations",
            type=_positive,
            help="How many organisations (default: people / 250, at least 6).",
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default: 1).")
        parser.add_argument(
            "--batch-size", type=_positive, default=5000, help="Rows per INSERT (default: 5000)."
        )
        parser.add_argument(
            "--force", action="store_true", help="Also run when the database already has people."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        people: int = options["people"]
        if people < 2:
            raise CommandError("--people must be at least 2: an alliance needs two parties.")
        if Person.objects.exists() and not options["force"]:
            raise CommandError(
                "The database already has people. Use a fresh database, or add --force to "
                "add generated data next to them."
            )
        alliances = options["alliances"]
        if alliances is None:
            alliances = default_alliances(people)
        organisations = options["organisations"]
        if organisations is None:
            organisations = default_organisations(people)

        self.stdout.write(
            f"Generating on {connection.vendor} ({connection.settings_dict['NAME']}): "
            f"{people:,} people, {organisations:,} organisations, {alliances:,} alliances, "
            f"{options['entries_per_alliance']:,} entries per alliance, seed {options['seed']}."
        )
        started = time.perf_counter()
        generator = Generator(
            people=people,
            alliances=alliances,
            entries_per_alliance=options["entries_per_alliance"],
            organisations=organisations,
            seed=options["seed"],
            batch_size=options["batch_size"] or 5000,
            log=self.stdout.write,
        )
        report = generator.run()
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {elapsed:.1f} s (of which {report.total_seconds:.1f} s in the steps "
                "above)."
            )
        )
