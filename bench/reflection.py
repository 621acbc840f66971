"""Benchmark of the mirror's team view (issue 6): a round with 200 handed-in answers, shown next
to the previous round (also 200 answers), rendered in under 300 ms. Not a test: prints figures.

    .venv/bin/python bench/reflection.py
    .venv/bin/python bench/reflection.py --answers 200 --requests 50
    .venv/bin/python bench/reflection.py --postgres postgres://postgres@127.0.0.1:5432

A throw-away database (a SQLite file in a temporary folder, or with ``--postgres`` a database of
its own that is dropped afterwards), ``migrate``, then N people (``person_register``) in one
group team (its memberships in bulk), and through the services a closed round and an open round
with an answer of every person (six places, notes on three rows, some rows flagged to talk
about, a third with their name shown). Then the page
``/spiegel/rondes/<pk>/`` as one of them, with ``django.test.Client`` (DEBUG off, production-like
``bench.settings``): warm-up requests, then timed ones (``time.perf_counter()`` around
``client.get``: middleware, view, queries and template, no network), p50/p95/max, the query
count, and the size of the page. Every response must be a 200 with the chart and the comparison.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_MS = 300.0
NOTES = [
    "We kijken eerst naar wat mensen zelf kunnen.",
    "De formulieren vragen nog steeds naar wat niet lukt.",
    "Ik durf vaker te zeggen dat ik het niet weet.",
    "Verantwoorden in aantallen blijft lastig.",
    "Samen met bewoners bepalen we wat voorrang krijgt.",
    "Ik voel me soms gecontroleerd in plaats van gesteund.",
    "In de inloop zie ik buren, geen doelgroepen.",
    "We leren veel van de ervaringsdeskundigen in het team.",
]


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def build(answers: int) -> tuple[Any, Any]:
    """The team with ``answers`` people and two rounds; returns (a member, the open round)."""
    import datetime

    from django.utils import timezone

    from bondgenoot.people import services as people_services
    from bondgenoot.reflection import services
    from bondgenoot.reflection.models import ReflectionTeam, TeamMembership

    rnd = random.Random(6)
    people = [
        people_services.person_register(
            email=f"spiegel{i}@example.invalid", display_name=f"Teamlid {i}", password=None
        )
        for i in range(answers)
    ]
    team = ReflectionTeam.objects.create(name="Benchmark: de grote spiegel", created_by=people[0])
    TeamMembership.objects.bulk_create([TeamMembership(team=team, person=p) for p in people])

    def fill(round: Any, shift: int) -> None:
        for i, person in enumerate(people):
            rows = {}
            noted = set(rnd.sample(range(1, 7), 3))
            for number in range(1, 7):
                place = min(5, max(1, rnd.randint(1, 4) + shift))
                rows[number] = services.RowAnswer(
                    position=place,
                    note=rnd.choice(NOTES) if number in noted else "",
                    want_to_talk=rnd.random() < 0.15,
                )
            services.answer_save(
                round=round, person=person, rows=rows, show_name=i % 3 == 0, submit=True
            )

    earlier = services.round_open(
        team=team,
        by=people[0],
        title="Spiegel winter",
        opened_at=timezone.now() - datetime.timedelta(days=90),
    )
    fill(earlier, 0)
    services.round_close(round=earlier, by=people[0])
    current = services.round_open(team=team, by=people[1], title="Spiegel voorjaar")
    fill(current, 1)
    # The team sees its overview once the round is closed.
    return people[2], services.round_close(round=current, by=people[1])


def run(answers: int, requests: int, warmup: int, show_queries: bool = False) -> dict[str, float]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    viewer, round = build(answers)
    build_s = time.perf_counter() - t0

    client = Client()
    client.force_login(viewer.user)
    url = reverse("reflection:round_detail", args=[round.pk])

    def get() -> bytes:
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        return response.content

    body = get()
    assert b'role="img"' in body and b"bondgenoot-radar__before" in body, "no chart or comparison"
    assert b"Spiegel winter" in body
    for _ in range(warmup):
        get()
    times = []
    for _ in range(requests):
        t0 = time.perf_counter()
        get()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    timings: list[tuple[float, str]] = []

    def timed(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append(((time.perf_counter() - t0) * 1000, sql))

    with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(timed):
        get()
    if show_queries:
        for ms, sql in timings:
            print(f"  {ms:7.2f} ms  {sql[:160]}")
    return {
        "build_s": build_s,
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "max": times[-1],
        "queries": len(queries.captured_queries),
        "kb": len(body) / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--postgres", default="", help="server URL, e.g. postgres://u@host:5432")
    parser.add_argument("--show-queries", action="store_true", help="each query with its time")
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    dropper: Callable[[], None] | None = None
    if args.postgres:
        import psycopg

        name = f"bondgenoot_bench_reflection_{os.getpid()}"
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
        folder = tempfile.mkdtemp(prefix="bench-reflection-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    try:
        figures = run(args.answers, args.requests, args.warmup, args.show_queries)
    finally:
        if dropper is not None:
            dropper()
    engine = "PostgreSQL" if args.postgres else "SQLite"
    verdict = "OK" if figures["p95"] < TARGET_MS else "SLOW"
    print(
        f"{engine}: team view of a round with {args.answers} answers next to the previous round "
        f"({args.answers} answers), {args.requests} requests: "
        f"p50 {figures['p50']:.1f} ms, p95 {figures['p95']:.1f} ms, max {figures['max']:.1f} ms "
        f"(target < {TARGET_MS:.0f} ms: {verdict}); {figures['queries']} queries; "
        f"page {figures['kb']:.0f} KB; data built through the services in "
        f"{figures['build_s']:.1f} s"
    )


if __name__ == "__main__":
    main()
