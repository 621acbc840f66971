"""Benchmark of the profile import (docs/import.md): a CSV file of N rows read, checked (the
dry run) and imported (all or nothing) into a throw-away database. Not a test: prints figures.

    .venv/bin/python bench/import_profiles.py --rows 10000
    .venv/bin/python bench/import_profiles.py --rows 10000 --postgres postgres://postgres@127.0.0.1:5432

With ``--postgres`` (a server URL without a database name), a database of its own is created for
the run and dropped afterwards; without it, a SQLite file in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = [
    "koken",
    "luisteren",
    "fietsen",
    "repareren",
    "taalles",
    "administratie",
    "post",
    "samen",
    "wandelen",
    "buurt",
    "moeder",
    "vader",
    "kinderen",
    "school",
    "werk",
    "schulden",
    "huis",
    "tuin",
    "muziek",
    "sport",
    "computer",
    "formulieren",
]


def make_csv(rows: int, neighbourhoods: list[str]) -> bytes:
    rnd = random.Random(7)
    lines = [
        "email;name;neighbourhood;languages;about;strengths;aspirations;lived_experience;"
        "limits;capacity;tags;role;consent_given_on;consent_how"
    ]

    def text(n: int) -> str:
        return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."

    for i in range(rows):
        lines.append(
            ";".join(
                [
                    f"vrijwilliger{i}@example.org",
                    f"Vrijwilliger {i}",
                    rnd.choice(neighbourhoods),
                    "nl, en",
                    text(20),
                    text(25),
                    text(12),
                    text(15),
                    text(6),
                    rnd.choice(["ik heb tijd", "een beetje tijd", "nu even niet", ""]),
                    ", ".join(rnd.sample(WORDS, 2)),
                    "lid",
                    "2025-03-01",
                    rnd.choice(["op papier", "mondeling", "digitaal"]),
                ]
            )
        )
    return ("\r\n".join(lines) + "\r\n").encode()


def run(rows: int) -> dict[str, float]:
    import django

    django.setup()
    from django.core.management import call_command

    from bondgenoot.people.models import Neighbourhood, Organisation, Person
    from bondgenoot.transfer import services
    from bondgenoot.transfer.reading import read_rows

    call_command("migrate", verbosity=0)
    names = [f"Wijk {i}" for i in range(30)]
    Neighbourhood.objects.bulk_create([Neighbourhood(name=n) for n in names])
    organisation = Organisation.objects.create(name="Bench", kind="welzijn")
    data = make_csv(rows, names)
    figures = {"file_mb": len(data) / 2**20}
    t0 = time.perf_counter()
    fmt, raw = read_rows(data, "leden.csv")
    figures["read_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    report = services.profiles_check(rows=raw)
    figures["dry_run_s"] = time.perf_counter() - t0
    assert report.ok, report.refused[:3]
    t0 = time.perf_counter()
    report = services.profiles_import(
        organisation=organisation, by=None, rows=raw, file_format=fmt, check_permission=False
    )
    figures["import_s"] = time.perf_counter() - t0
    assert report.ok and Person.objects.count() == rows
    figures["total_s"] = figures["read_s"] + figures["import_s"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--postgres", default="", help="server URL, e.g. postgres://u@host:5432")
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    dropper: Callable[[], None] | None = None
    if args.postgres:
        import psycopg

        name = f"bondgenoot_bench_import_{os.getpid()}"
        server = args.postgres.rstrip("/")
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = f"{server}/{name}"

        def drop() -> None:
            from django.db import connections

            connections.close_all()
            with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')

        dropper = drop
    else:
        folder = tempfile.mkdtemp(prefix="bench-import-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    try:
        figures = run(args.rows)
    finally:
        if dropper is not None:
            dropper()
    engine = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"{engine}: {args.rows} rows ({figures['file_mb']:.1f} MB CSV): "
        f"read {figures['read_s']:.2f} s, dry run {figures['dry_run_s']:.2f} s, "
        f"import (check + write, one transaction) {figures['import_s']:.2f} s, "
        f"read + import {figures['total_s']:.2f} s (target < 30 s)"
    )


if __name__ == "__main__":
    main()
