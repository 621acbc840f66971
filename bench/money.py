"""Benchmark of money (issue 5, part 3): one organisation with 20 budgets of 10 lines and 50
expenses per line (10,000 expenses), and 2,000 contributions in kind in 40 alliances. Server
time and query counts (as a member) of the budget list, the budget page and
``money_for_report``. Not a test:
prints figures.

    .venv/bin/python bench/money.py [--scale 1.0] [--runs 20]

``--scale 0.1`` makes a tenth of the data: the query counts must be the same. A SQLite file in a
temporary folder, thrown away afterwards.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

YEAR_START = datetime.date(2026, 1, 1)


def build(scale: float) -> tuple[Any, Any, Any]:
    """The organisation and its money, written in bulk (the services are tested elsewhere)."""
    from bondgenoot.alliances.models import Alliance, Contribution, ContributionKind, Party
    from bondgenoot.money.models import Budget, BudgetLine, Expense, FunderView
    from bondgenoot.people.models import Membership, MembershipRole, Organisation
    from bondgenoot.people.tests.factories import PersonFactory

    rnd = random.Random(5)
    coordinator = PersonFactory.create(display_name="Coördinator", user__email="coord@example.org")
    organisation = Organisation.objects.create(name="Wij in de Wijk Bench", kind="buurtteam")
    Membership.objects.create(
        organisation=organisation, person=coordinator, role=MembershipRole.COORDINATOR
    )
    reader = PersonFactory.create(display_name="Lid", user__email="lid@example.org")
    Membership.objects.create(organisation=organisation, person=reader)
    n_budgets = max(1, int(20 * scale))
    per_line = max(1, int(50 * scale))
    budgets = Budget.objects.bulk_create(
        Budget(
            organisation=organisation,
            name=f"Budget {i}",
            period_start=YEAR_START - datetime.timedelta(days=365 * (i % 3)),
            period_end=YEAR_START + datetime.timedelta(days=364),
            funder_sees=FunderView.EXPENSES,
            created_by=coordinator,
        )
        for i in range(n_budgets)
    )
    lines = BudgetLine.objects.bulk_create(
        BudgetLine(budget=b, name=f"Post {j}", amount=Decimal(5000), position=j)
        for b in budgets
        for j in range(10)
    )
    Expense.objects.bulk_create(
        (
            Expense(
                line=line,
                amount=Decimal(rnd.randrange(100, 20000)) / 100,
                spent_on=YEAR_START + datetime.timedelta(days=rnd.randrange(365)),
                description=f"Uitgave {k} voor {line.name}",
                created_by=coordinator,
            )
            for line in lines
            for k in range(per_line)
        ),
        batch_size=2000,
    )
    people = [PersonFactory.create() for _ in range(max(2, int(80 * scale)))]
    alliances = Alliance.objects.bulk_create(
        Alliance(name=f"Samen {i}", intention="Samen verder.")
        for i in range(max(1, int(40 * scale)))
    )
    parties = []
    for i, alliance in enumerate(alliances):
        parties.append(Party(alliance=alliance, organisation=organisation))
        parties.append(Party(alliance=alliance, person=people[(2 * i) % len(people)]))
        parties.append(Party(alliance=alliance, person=people[(2 * i + 1) % len(people)]))
    Party.objects.bulk_create(parties)
    by_alliance: dict[int, list[Party]] = {}
    for party in Party.objects.filter(alliance__in=alliances):
        by_alliance.setdefault(party.alliance_id, []).append(party)
    kinds = [k for k in ContributionKind.values if k != ContributionKind.MONEY]
    contributions = []
    for _ in range(int(2000 * scale)):
        giver, receiver = rnd.sample(by_alliance[rnd.choice(alliances).pk], 2)
        contributions.append(
            Contribution(
                alliance_id=giver.alliance_id,
                giver=giver,
                receiver=receiver,
                kind=rnd.choice(kinds),
                description="Geholpen.",
                hours=Decimal(rnd.randrange(1, 8)),
                euros=Decimal(rnd.randrange(5, 50)) if rnd.random() < 0.2 else None,
                given_on=YEAR_START + datetime.timedelta(days=rnd.randrange(365)),
            )
        )
    Contribution.objects.bulk_create(contributions, batch_size=2000)
    return organisation, reader, budgets[0]


def timed(runs: int, call: Callable[[], Any]) -> tuple[float, float, int]:
    """(median, max) seconds and the number of queries of one call."""
    from django.db import connection

    call()  # warm up
    queries: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="bench-money-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client
        from django.urls import reverse

        from bondgenoot.money.models import Expense
        from bondgenoot.money.selectors import money_for_report

        call_command("migrate", verbosity=0)
        organisation, reader, budget = build(args.scale)
        client = Client()
        client.force_login(reader.user)  # a member (no two-step verification needed)
        list_url = reverse("money:budget_list", args=[organisation.pk])
        detail_url = reverse("money:budget_detail", args=[budget.pk])

        def page(url: str) -> Callable[[], Any]:
            def get() -> None:
                response = client.get(url)
                assert response.status_code == 200, response.status_code

            return get

        def report(for_funder: bool) -> Callable[[], Any]:
            return lambda: money_for_report(
                organisation=organisation,
                start=YEAR_START,
                end=YEAR_START + datetime.timedelta(days=364),
                for_funder=for_funder,
            )

        print(
            f"scale {args.scale}: {Expense.objects.count()} expenses in "
            f"{organisation.budgets.count()} budgets, {args.runs} runs each (SQLite)"
        )
        for name, call in (
            ("budget list page", page(list_url)),
            ("budget page", page(detail_url)),
            ("money_for_report (members)", report(False)),
            ("money_for_report (funder)", report(True)),
        ):
            median, worst, queries = timed(args.runs, call)
            print(
                f"{name}: median {median * 1000:.1f} ms, max {worst * 1000:.1f} ms, "
                f"{queries} queries"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
