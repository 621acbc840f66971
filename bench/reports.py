"""Benchmark of the verantwoording (issue 5): one organisation with a year of data — 5,000
journal entries, 500 stories, 2,000 contributions, 300 expenses — rendered as a page and as a
PDF, with the number of queries. Not a test: prints figures.

    .venv/bin/python bench/reports.py [--scale 1.0] [--runs 5]

``--scale 0.1`` makes a tenth of the data: the query count must be the same (it does not grow
with the data). A SQLite file in a temporary folder, thrown away afterwards.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

YEAR_START = datetime.date(2026, 1, 1)
YEAR_END = datetime.date(2026, 12, 31)
WORDS = [
    "samen",
    "post",
    "koken",
    "bellen",
    "woningcorporatie",
    "buurthuis",
    "fietsen",
    "taal",
    "formulier",
    "huur",
    "school",
    "wandelen",
    "moestuin",
    "loket",
    "toeslagen",
    "luisteren",
    "vertrouwen",
    "durven",
    "vragen",
    "helpen",
]


def _text(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."


def _day(rnd: random.Random) -> datetime.date:
    return YEAR_START + datetime.timedelta(days=rnd.randrange(365))


def build(scale: float) -> Any:
    """The organisation and its year, written in bulk (the services are tested elsewhere)."""
    from django.utils import timezone

    from bondgenoot.alliances.models import Alliance, Contribution, JournalEntry, Party
    from bondgenoot.money.models import Budget, BudgetLine, Expense, FunderView
    from bondgenoot.people.models import Membership, MembershipRole, Organisation, Person
    from bondgenoot.people.tests.factories import PersonFactory
    from bondgenoot.privacy.models import Consent, Purpose
    from bondgenoot.reports import services as report_services
    from bondgenoot.stories.models import (
        Domain,
        RoundStatus,
        RoundTier,
        SelectionChoice,
        SelectionRound,
        Story,
        StoryStatus,
        StoryUse,
    )

    rnd = random.Random(11)
    n_alliances = max(2, int(200 * scale))
    n_people = max(4, int(600 * scale))
    coordinator = PersonFactory.create(display_name="Coördinator", user__email="coord@example.org")
    organisation = Organisation.objects.create(
        name="Buurtteam Bench", kind="buurtteam", description="Wij staan naast bewoners."
    )
    Membership.objects.create(
        organisation=organisation, person=coordinator, role=MembershipRole.COORDINATOR
    )
    people = [PersonFactory.create() for _ in range(n_people)]
    Consent.objects.bulk_create(
        Consent(person=p, purpose=Purpose.QUOTE_IN_REPORT, given=True) for p in people[::2]
    )
    alliances = Alliance.objects.bulk_create(
        Alliance(
            name=f"Bondgenootschap {i}",
            intention=_text(rnd, 8),
            way_of_working=_text(rnd, 8),
            started_on=_day(rnd),
            created_by=coordinator,
        )
        for i in range(n_alliances)
    )
    parties = []
    for alliance in alliances:
        parties.append(Party(alliance=alliance, organisation=organisation, person=None))
        for person in rnd.sample(people, 3):
            parties.append(Party(alliance=alliance, person=person, joined_on=alliance.started_on))
    Party.objects.bulk_create(parties)
    person_parties: dict[int, list[Party]] = {}
    for party in Party.objects.filter(alliance__in=alliances, person__isnull=False):
        person_parties.setdefault(party.alliance_id, []).append(party)

    JournalEntry.objects.bulk_create(
        JournalEntry(
            alliance=(alliance := rnd.choice(alliances)),
            author=rnd.choice(person_parties[alliance.pk]).person,
            what_happened=_text(rnd, 20),
            what_we_learned=_text(rnd, 10) if i % 3 == 0 else "",
            occurred_on=_day(rnd),
            is_milestone=i % 25 == 0,
        )
        for i in range(int(5000 * scale))
    )
    contributions = []
    for _ in range(int(2000 * scale)):
        alliance = rnd.choice(alliances)
        giver, receiver = rnd.sample(person_parties[alliance.pk], 2)
        contributions.append(
            Contribution(
                alliance=alliance,
                giver=giver,
                receiver=receiver,
                kind=rnd.choice(["time", "knowledge", "experience", "goods"]),
                description=_text(rnd, 6),
                hours=Decimal(rnd.choice([1, 2, 3])),
                euros=Decimal(rnd.choice([0, 10, 25])) or None,
                given_on=_day(rnd),
            )
        )
    Contribution.objects.bulk_create(contributions)

    domains = Domain.objects.bulk_create(
        Domain(organisation=organisation, name=name, position=i)
        for i, name in enumerate(
            ["meedoen", "geld en bestaanszekerheid", "gezondheid", "netwerk", "eigen kracht"]
        )
    )
    uses = [StoryUse.ORGANISATION, StoryUse.REPORT_ANONYMOUS, StoryUse.PUBLIC_NAMED]
    stories = Story.objects.bulk_create(
        Story(
            storyteller=(teller := rnd.choice(people)),
            written_by=teller,
            organisation=organisation,
            domain=rnd.choice(domains),
            title=_text(rnd, 5),
            what_changed=_text(rnd, 40),
            why_important=_text(rnd, 25),
            told_on=_day(rnd),
            use=rnd.choice(uses),
            status=StoryStatus.CONFIRMED,
            confirmed_at=timezone.now(),
        )
        for _ in range(int(500 * scale))
    )
    selection = SelectionRound.objects.create(
        organisation=organisation,
        title="Ronde van het team",
        period_start=YEAR_START,
        period_end=YEAR_END,
        tier=RoundTier.TEAM,
        status=RoundStatus.CLOSED,
        created_by=coordinator,
    )
    reportable = [s for s in stories if s.use != StoryUse.ORGANISATION]
    for domain in domains:
        fitting = [s for s in reportable if s.domain_id == domain.pk]
        if fitting:
            SelectionChoice.objects.create(
                round=selection,
                domain=domain,
                story=fitting[0],
                reasons=_text(rnd, 30),
                chosen_by=coordinator,
            )

    budget = Budget.objects.create(
        organisation=organisation,
        name="Subsidie 2026",
        period_start=YEAR_START,
        period_end=YEAR_END,
        funder_sees=FunderView.EXPENSES,
        created_by=coordinator,
    )
    lines = BudgetLine.objects.bulk_create(
        BudgetLine(budget=budget, name=name, amount=Decimal(amount), position=i)
        for i, (name, amount) in enumerate(
            [("Activiteiten", 20000), ("Vrijwilligers", 8000), ("Ruimte", 12000)]
        )
    )
    Expense.objects.bulk_create(
        Expense(
            line=rnd.choice(lines),
            amount=Decimal(rnd.randrange(500, 15000)) / 100,
            spent_on=_day(rnd),
            description=_text(rnd, 5),
            created_by=coordinator,
        )
        for _ in range(int(300 * scale))
    )
    report = report_services.report_create(
        by=coordinator,
        organisation=organisation,
        title="Ons jaar 2026",
        period_start=YEAR_START,
        period_end=YEAR_END,
        introduction=_text(rnd, 60),
        reflection=_text(rnd, 60),
        ask=_text(rnd, 20),
    )
    return report, coordinator, Person.objects.count()


def measure(runs: int, report: Any, coordinator: Any) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(coordinator.user)
    page_url = reverse("reports:detail", args=[report.pk])
    pdf_url = reverse("reports:pdf", args=[report.pk])
    client.get(page_url)  # warm up (templates, translations)
    page_times, pdf_times = [], []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(page_url)
        page_times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    queries: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(page_url)
    pdf_size = 0
    for _ in range(max(1, runs // 2)):
        started = time.perf_counter()
        response = client.get(pdf_url)
        pdf_times.append(time.perf_counter() - started)
        assert response["Content-Type"] == "application/pdf"
        pdf_size = len(response.content)
    return {
        "page_median": statistics.median(page_times),
        "page_max": max(page_times),
        "pdf_median": statistics.median(pdf_times),
        "pdf_max": max(pdf_times),
        "pdf_kb": pdf_size / 1024,
        "queries": len(queries),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="bench-reports-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    report, coordinator, people = build(args.scale)
    built = time.perf_counter() - started
    from django.test import override_settings

    # The coordinator would first be sent to set up two-step verification: not what is measured.
    with override_settings(BONDGENOOT_REQUIRE_2FA_FOR_COORDINATORS=False):
        figures = measure(args.runs, report, coordinator)
    print(
        f"scale {args.scale}: {people} people, data made in {built:.1f} s\n"
        f"report page: median {figures['page_median'] * 1000:.0f} ms, "
        f"max {figures['page_max'] * 1000:.0f} ms (target < 1 s), "
        f"{figures['queries']} queries\n"
        f"report PDF: median {figures['pdf_median']:.2f} s, max {figures['pdf_max']:.2f} s "
        f"(target < 5 s), {figures['pdf_kb']:.0f} KB"
    )


if __name__ == "__main__":
    main()
