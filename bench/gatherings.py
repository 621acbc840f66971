"""Benchmark of the verslag of a gathering (issue 6): a masterclass with 100 participants in
50 pairs, 10 speakers and guests and 300 harvest items (60 of them quotes, half of those with
the speaker's consent), its report generated from the harvest and rendered as a PDF by the view
(``gatherings:report_pdf``), with the number of queries. Not a test: prints figures.

    .venv/bin/python bench/gatherings.py [--participants 100] [--items 300] [--runs 5]

A SQLite file in a temporary folder, thrown away afterwards. Target: the PDF in under 5 s.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = [
    "samen",
    "leren",
    "relatie",
    "vertrouwen",
    "buurt",
    "controle",
    "ruimte",
    "luisteren",
    "verhaal",
    "geld",
    "schema",
    "ervaring",
    "bondgenoot",
    "wijk",
    "gemeente",
    "initiatief",
    "vragen",
    "durven",
    "helpen",
    "werk",
]
TARGET_S = 5.0


def _text(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."


def build(participants: int, items: int) -> Any:
    """The gathering in bulk (the services are tested elsewhere), then the report through the
    service that makes it from the harvest, and published."""
    from django.utils import timezone

    from bondgenoot.gatherings import services
    from bondgenoot.gatherings.models import (
        ConversationGroup,
        Gathering,
        GatheringRole,
        HarvestItem,
        HarvestKind,
        Registration,
    )
    from bondgenoot.people.models import Membership, MembershipRole, Organisation
    from bondgenoot.people.tests.factories import PersonFactory

    rnd = random.Random(6)
    organisation = Organisation.objects.create(name="Welzijn Bench", kind="welzijn")
    organiser = PersonFactory.create(display_name="Organisator")
    Membership.objects.create(
        organisation=organisation, person=organiser, role=MembershipRole.COORDINATOR
    )
    people = [PersonFactory.create(display_name=f"Deelnemer {i}") for i in range(participants)]
    starts_at = timezone.now() - datetime.timedelta(days=3)
    gathering = Gathering.objects.create(
        kind="masterclass",
        title="Benchmark: masterclass met 100 deelnemers",
        theme="bondgenootschappelijk samenwerken",
        question=_text(rnd, 20),
        description=_text(rnd, 60),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=3),
        place="Buurthuis",
        organisation=organisation,
        organiser=organiser,
        status="held",
    )
    Registration.objects.bulk_create(
        [
            Registration(
                gathering=gathering,
                person=p,
                status="registered",
                consent_to_name=i % 2 == 0,
            )
            for i, p in enumerate(people)
        ]
    )
    roles = GatheringRole.objects.bulk_create(
        [
            GatheringRole(
                gathering=gathering,
                person=people[i] if i < 5 else None,
                name_text="" if i < 5 else f"Gast {i}",
                role="host" if i < 3 else "guest",
                introduction=_text(rnd, 6),
                contribution="\n\n".join(_text(rnd, 60) for _ in range(3)),
                consent_to_name=i % 3 != 0,
                position=i,
            )
            for i in range(10)
        ]
    )
    pairs = ConversationGroup.objects.bulk_create(
        [
            ConversationGroup(
                gathering=gathering, name=f"Tweetal {n + 1}", position=n, discussed=_text(rnd, 30)
            )
            for n in range(participants // 2)
        ]
    )
    through = ConversationGroup.members.through
    through.objects.bulk_create(
        [
            through(conversationgroup_id=pairs[i % len(pairs)].pk, person_id=p.pk)
            for i, p in enumerate(people)
        ]
    )
    kinds = [HarvestKind.INSIGHT, HarvestKind.QUESTION, HarvestKind.AGREEMENT, HarvestKind.CASE]
    harvest = []
    for i in range(items):
        is_quote = i % 5 == 0
        harvest.append(
            HarvestItem(
                gathering=gathering,
                kind=HarvestKind.QUOTE if is_quote else kinds[i % 4],
                text=_text(rnd, rnd.randint(12, 40)),
                speaker=people[i % participants] if is_quote else None,
                speaker_consent=is_quote and i % 2 == 0,
                group=pairs[i % len(pairs)] if i % 3 else None,
            )
        )
    HarvestItem.objects.bulk_create(harvest)
    report = services.report_generate(gathering=gathering, by=organiser)
    services.report_publish(report=report, by=organiser)
    return gathering, people[0], roles


def run(participants: int, items: int, runs: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    gathering, reader, _roles = build(participants, items)
    built = time.perf_counter() - t0
    client = Client()
    client.force_login(reader.user)
    url = reverse("gatherings:report_pdf", args=[gathering.pk])
    page_url = reverse("gatherings:report", args=[gathering.pk])
    first = client.get(url)  # fonts and WeasyPrint's own caches warm up here
    assert first.status_code == 200 and first.content.startswith(b"%PDF"), first.status_code
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        assert response.status_code == 200
    page_times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        assert client.get(page_url).status_code == 200
        page_times.append(time.perf_counter() - t0)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return {
        "pages": _pages(response.content),
        "built_s": built,
        "median_s": statistics.median(times),
        "max_s": max(times),
        "cpu_median_s": statistics.median(cpu),
        "page_median_ms": statistics.median(page_times) * 1000,
        "queries": len(queries.captured_queries),
        "kb": len(response.content) / 1024,
    }


def _pages(pdf: bytes) -> str:
    """The number of pages, from poppler's pdfinfo when it is installed."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        return "?"
    info = subprocess.run([pdfinfo, "-"], input=pdf, capture_output=True, check=True)
    for line in info.stdout.decode().splitlines():
        if line.startswith("Pages:"):
            return line.split()[1]
    return "?"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=100)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    folder = tempfile.mkdtemp(prefix="bench-gatherings-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    figures = run(args.participants, args.items, args.runs)
    verdict = "OK" if figures["max_s"] < TARGET_S else "SLOW"
    print(
        f"gathering report: {args.participants} participants, {args.items} harvest items "
        f"(built in {figures['built_s']:.1f} s)\n"
        f"  PDF (view, {args.runs} runs): median {figures['median_s']:.2f} s, "
        f"max {figures['max_s']:.2f} s (CPU time of the process: median "
        f"{figures['cpu_median_s']:.2f} s), {figures['queries']} queries, "
        f"{figures['pages']} pages, {figures['kb']:.0f} KB (target < {TARGET_S:.0f} s: {verdict})\n"
        f"  report page (HTML): median {figures['page_median_ms']:.0f} ms"
    )


if __name__ == "__main__":
    main()
