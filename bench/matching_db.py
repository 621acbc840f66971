"""Benchmark of Bondgenoot zoeken *with the database*: the index built from Person rows, a
search through ``search_allies`` (sync + engine + check of every hit), and how long a change in
the database takes to be findable. Not a test: prints figures.

Uses a throw-away SQLite database (or ``--database-url``). From the repository root:

    .venv/bin/python bench/matching_db.py --profiles 10000
    .venv/bin/python bench/matching_db.py --profiles 100000 --queries 200
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="bench-matching-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from bench.matching_profiles import QUERIES, generate
    from bondgenoot.accounts.models import User
    from bondgenoot.matching import index_store
    from bondgenoot.matching.search import search_allies
    from bondgenoot.people.models import Neighbourhood, Person, Visibility
    from bondgenoot.privacy.models import Consent, Purpose

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    docs = generate(args.profiles)
    places = {
        name: Neighbourhood.objects.get_or_create(name=name)[0]
        for name in {d.neighbourhood for d in docs}
    }
    users = User.objects.bulk_create(
        [User(email=f"bench{i}@example.org", password="!") for i in range(len(docs))],  # noqa: S106
        batch_size=2000,
    )
    shared = {
        f"{name}_visibility": Visibility.MEMBERS
        for name in ("about", "strengths", "aspirations", "lived_experience", "languages")
    }
    people = Person.objects.bulk_create(
        [
            Person(
                user=user,
                display_name=f"Persoon {i}",
                neighbourhood=places[d.neighbourhood],
                about=d.fields.get("about", ""),
                strengths=d.fields.get("strengths", ""),
                aspirations=d.fields.get("aspirations", ""),
                lived_experience=d.fields.get("lived_experience", ""),
                limits=d.limits,
                capacity=d.capacity if d.capacity in ("available", "some", "not_now") else "some",
                languages=list(d.languages),
                **shared,
            )
            for i, (user, d) in enumerate(zip(users, docs, strict=True))
        ],
        batch_size=2000,
    )
    Consent.objects.bulk_create(
        [Consent(person=p, purpose=Purpose.FINDABLE, given=True) for p in people],
        batch_size=2000,
    )
    print(f"{len(people):,} people written in {time.perf_counter() - started:.1f} s")

    viewer = people[0]
    store = index_store.get_store()
    started = time.perf_counter()
    store.build()
    print(
        f"index built from the database: {store.stats().documents:,} documents "
        f"in {time.perf_counter() - started:.1f} s"
    )

    timings = []
    for i in range(args.queries):
        text = QUERIES[i % len(QUERIES)]
        t = time.perf_counter()
        search_allies(viewer=viewer, text=text, limit=20)
        timings.append((time.perf_counter() - t) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"search_allies (sync + engine + check of hits): p50 {statistics.median(timings):.1f} ms,"
        f" p95 {p95:.1f} ms, over {len(timings)} questions"
    )

    t = time.perf_counter()
    store.sync()
    print(f"one sync with nothing changed: {(time.perf_counter() - t) * 1000:.1f} ms")

    # A change as another process makes it: no signal reaches this store. Searched every
    # 20 ms until found (the sync runs at most every MATCHING_SYNC_SECONDS).
    target = people[len(people) // 2]
    changes = []
    for n in range(5):
        word = f"zeldzaamwoord{n}x"
        t = time.perf_counter()
        Person.objects.filter(pk=target.pk).update(
            strengths=f"Ik help met {word}.", updated_at=timezone.now()
        )
        while not search_allies(viewer=viewer, text=word).hits:
            time.sleep(0.02)
        changes.append((time.perf_counter() - t) * 1000)
    print(
        f"a change made by another process, found after: {statistics.median(changes):.0f} ms "
        f"(median of 5, max {max(changes):.0f} ms)"
    )

    t = time.perf_counter()
    store.reconcile()
    print(f"reconcile (ids and versions of everyone): {(time.perf_counter() - t) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
