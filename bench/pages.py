"""Page benchmark: server time and query counts of the main pages on a large data set.

Run from the repository root (see bench/README.md)::

    .venv/bin/python bench/pages.py                 # SQLite and PostgreSQL, the issue's numbers
    .venv/bin/python bench/pages.py --db sqlite --people 1000 --alliances 2500 --requests 50

Per database: a throw-away database (SQLite file under /tmp, PostgreSQL database
``bondgenoot_bench``), ``migrate``, ``generate_data`` (reused when its counts match; ``--fresh``
forces a new one), then two benchmark alliances built through the services: one with exactly
100 journal entries whose parties are the benchmark user and two allies, and a small one with
10 entries for a second, new person. Then:

1. in-process with ``django.test.Client`` (DEBUG off): p50/p95/max server time and the query
   count of the home page, the 100-entry alliance page and an ally's profile page, and the
   query counts of the same pages for the small alliance (they must be equal);
2. with gunicorn (2 sync workers) and wrk: requests per second of the alliance page versus a
   trivial view, logged in with the benchmark user's session cookie.

This is not a test: it prints figures. ``--db both`` runs each database in its own process
(settings are per process).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import http.client
import json
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

if TYPE_CHECKING:
    from bondgenoot.alliances.models import Alliance
    from bondgenoot.people.models import Person

SQLITE_PATH = Path("/tmp/bondgenoot_bench.sqlite3")  # noqa: S108 - a throw-away database
PG_DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bondgenoot_bench"
SETTINGS = "bench.settings"

P95_TARGET_MS = 100.0
BIG_ENTRIES = 100
SMALL_ENTRIES = 10
BIG_NAME = "Benchmark: 100 logboekberichten"
SMALL_NAME = "Benchmark: 10 logboekberichten"
SMALL_EMAIL = "bench-klein@example.invalid"
BASE_DATE = datetime.date(2026, 6, 30)  # fixed, so the benchmark data is the same every time


# Small helpers ------------------------------------------------------------------------------


def say(text: str = "") -> None:
    print(text, flush=True)


def fmt_s(seconds: float) -> str:
    return f"{seconds:.1f} s"


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    rank = max(1, math.ceil(q * len(sorted_values)))
    return sorted_values[rank - 1]


@dataclass
class PageResult:
    name: str
    url: str
    p50_ms: float
    p95_ms: float
    max_ms: float
    queries: int
    small_queries: int | None = None
    slow_queries: list[tuple[float, str]] = field(default_factory=list)


@dataclass
class DbResult:
    db: str
    counts: dict[str, int]
    data: str
    timings: dict[str, float]
    pages: list[PageResult]
    requests: int
    rps_page: float | None = None
    rps_trivial: float | None = None
    wrk_note: str = ""
    load: str = ""


# The throw-away databases ---------------------------------------------------------------------


def pg_admin_conninfo(url: str) -> tuple[str, str]:
    """(conninfo of the server's maintenance database, name of the benchmark database)."""
    import dj_database_url

    cfg = dj_database_url.parse(url)
    parts = {
        "host": cfg.get("HOST") or "127.0.0.1",
        "port": str(cfg.get("PORT") or 5432),
        "user": cfg.get("USER") or "postgres",
        "password": cfg.get("PASSWORD") or "",
        "dbname": "postgres",
    }
    conninfo = " ".join(f"{k}={v}" for k, v in parts.items() if v)
    return conninfo, str(cfg["NAME"])


def pg_recreate(url: str) -> None:
    import psycopg
    from psycopg import sql

    conninfo, name = pg_admin_conninfo(url)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def pg_exists(url: str) -> bool:
    import psycopg

    conninfo, name = pg_admin_conninfo(url)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return row is not None


def sqlite_remove() -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)


def recreate_database(db: str, url: str) -> None:
    from django.db import connections

    connections.close_all()
    if db == "postgres":
        pg_recreate(url)
    else:
        sqlite_remove()


# Data -----------------------------------------------------------------------------------------


def expected_counts(args: argparse.Namespace) -> dict[str, int]:
    """Counts after generate_data plus the benchmark alliances (one extra person, two alliances)."""
    return {
        "people": args.people + 1,
        "alliances": args.alliances + 2,
        "journal entries": args.alliances * args.entries_per_alliance + BIG_ENTRIES + SMALL_ENTRIES,
    }


def actual_counts() -> dict[str, int]:
    from bondgenoot.alliances.models import Alliance, JournalEntry
    from bondgenoot.people.models import Person

    return {
        "people": Person.objects.count(),
        "alliances": Alliance.objects.count(),
        "journal entries": JournalEntry.objects.count(),
    }


def data_matches(args: argparse.Namespace) -> bool:
    from django.db import connection

    from bondgenoot.alliances.models import Alliance

    if "alliances_alliance" not in connection.introspection.table_names():
        return False
    has_bench = (
        Alliance.objects.filter(name=BIG_NAME).exists()
        and Alliance.objects.filter(name=SMALL_NAME).exists()
    )
    return has_bench and actual_counts() == expected_counts(args)


def pick_bench_person() -> Person:
    """The generated person with the most alliances: the heaviest home page there is."""
    from django.db.models import Count

    from bondgenoot.alliances.models import Party
    from bondgenoot.people.models import Person

    row = (
        Party.objects.filter(
            left_on__isnull=True, person__isnull=False, person__user__is_active=True
        )
        .values("person_id")
        .annotate(n=Count("id"))
        .order_by("-n", "person_id")
        .first()
    )
    if row is None:
        raise SystemExit("generate_data made no alliance with a person in it")
    return Person.objects.select_related("user").get(pk=row["person_id"])


def lorem(i: int, words: int) -> str:
    text = (
        "samen boodschappen gedaan en daarna koffie gedronken bij het buurthuis; we hebben de "
        "brief van de gemeente doorgenomen en een afspraak gemaakt met de wijkagent over de "
        "speeltuin, volgende week gaan we verder met het formulier voor de toeslag"
    )
    vocabulary = text.split()
    return " ".join(vocabulary[(i + k) % len(vocabulary)] for k in range(words)).capitalize()


def build_alliance(*, name: str, starter: Person, others: list[Person], entries: int) -> Alliance:
    """An alliance built through the services, with journal entries, revisions, contributions."""
    from bondgenoot.alliances import services
    from bondgenoot.alliances.models import ContributionKind, JournalEntry

    alliance = services.alliance_start(
        by=starter,
        name=name,
        intention=lorem(1, 30),
        way_of_working=lorem(2, 25),
        role="buurtgenoot",
        started_on=BASE_DATE - datetime.timedelta(days=3 * entries + 30),
    )
    for other in others:
        invitation, _secret = services.invitation_create(
            alliance=alliance, by=starter, email=other.user.email
        )
        services.invitation_accept(invitation=invitation, person=other, role="bondgenoot")
    members = [starter, *others]
    for i in range(entries):
        services.journal_entry_add(
            alliance=alliance,
            author=members[i % len(members)],
            what_happened=lorem(i, 45),
            what_we_learned=lorem(i + 7, 20),
            what_next=lorem(i + 13, 12),
            occurred_on=BASE_DATE - datetime.timedelta(days=3 * i),
            is_milestone=i % 10 == 0,
        )
    # A few edited entries, so the page shows "earlier versions" as in real use.
    for entry in JournalEntry.objects.filter(alliance=alliance).select_related("author")[:5]:
        assert entry.author is not None
        services.journal_entry_edit(
            entry=entry,
            by=entry.author,
            expected_version=entry.version,
            what_happened=entry.what_happened + " (aangevuld)",
            what_we_learned=entry.what_we_learned,
            what_next=entry.what_next,
        )
    parties = list(alliance.parties.order_by("joined_on", "id"))
    kinds = ContributionKind.values
    for i in range(entries // 4):
        kind = kinds[i % len(kinds)]
        services.contribution_add(
            alliance=alliance,
            by=starter,
            giver=parties[i % len(parties)],
            receiver=parties[(i + 1) % len(parties)],
            kind=kind,
            description=lorem(i + 3, 10),
            hours=Decimal("1.5") if kind == ContributionKind.TIME else None,
            euros=Decimal("25.00") if kind == ContributionKind.MONEY else None,
            given_on=BASE_DATE - datetime.timedelta(days=5 * i),
        )
    return alliance


def build_bench_alliances() -> None:
    from django.db import transaction

    from bondgenoot.people import services as people_services
    from bondgenoot.people.models import Person, Visibility
    from bondgenoot.people.permissions import shares_with

    with transaction.atomic():
        bench = pick_bench_person()
        allies = list(
            Person.objects.filter(shares_with({Visibility.ALLIES, Visibility.MEMBERS}))
            .filter(user__is_active=True)
            .exclude(pk=bench.pk)
            .select_related("user")
            .order_by("pk")[:2]
        )
        if len(allies) < 2:
            raise SystemExit("generate_data made fewer than two people who share a field")
        build_alliance(name=BIG_NAME, starter=bench, others=allies, entries=BIG_ENTRIES)
        small = people_services.person_register(email=SMALL_EMAIL, display_name="Benchmark Klein")
        people_services.profile_update(
            person=small, by=small, about=lorem(5, 20), about_visibility=Visibility.MEMBERS
        )
        build_alliance(name=SMALL_NAME, starter=small, others=allies[:1], entries=SMALL_ENTRIES)


def prepare_data(db: str, url: str, args: argparse.Namespace) -> tuple[str, dict[str, float]]:
    from django.core.management import call_command

    timings: dict[str, float] = {}
    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    timings["migrate"] = time.perf_counter() - start
    if data_matches(args):
        return "reused (counts match; --fresh regenerates)", timings

    from bondgenoot.people.models import Person

    if Person.objects.exists():  # other or older data: start again from an empty database
        say("  the data does not match: a fresh database, migrate and generate_data ...")
        recreate_database(db, url)
        start = time.perf_counter()
        call_command("migrate", verbosity=0)
        timings["migrate"] = time.perf_counter() - start
    else:
        say("  an empty database: generate_data ...")

    generate = [
        "--people",
        str(args.people),
        "--alliances",
        str(args.alliances),
        "--entries-per-alliance",
        str(args.entries_per_alliance),
        "--seed",
        str(args.seed),
    ]
    start = time.perf_counter()
    call_command("generate_data", *generate)
    timings["generate_data"] = time.perf_counter() - start

    start = time.perf_counter()
    build_bench_alliances()
    timings["benchmark alliances"] = time.perf_counter() - start
    if db == "postgres":
        from django.db import connection

        start = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        timings["analyze"] = time.perf_counter() - start
    counts = actual_counts()
    if counts != expected_counts(args):
        say(f"  NOTE: counts {counts} differ from the expected {expected_counts(args)}")
    return "generated now", timings


# In-process measurement -----------------------------------------------------------------------


@dataclass
class Scenario:
    user: Any
    alliance: Alliance
    ally: Person


def scenarios() -> tuple[Scenario, Scenario]:
    from bondgenoot.alliances.models import Alliance

    def load(name: str) -> Scenario:
        alliance = Alliance.objects.select_related("created_by__user").get(name=name)
        starter = alliance.created_by
        assert starter is not None
        parties = list(alliance.parties.filter(person__isnull=False).order_by("joined_on", "id"))
        ally = next(p.person for p in parties if p.person_id != starter.pk and p.person)
        return Scenario(user=starter.user, alliance=alliance, ally=ally)

    return load(BIG_NAME), load(SMALL_NAME)


def page_urls(scenario: Scenario) -> list[tuple[str, str]]:
    return [
        ("home", "/"),
        ("alliance", f"/bondgenootschappen/{scenario.alliance.pk}/"),
        ("profile", f"/mensen/{scenario.ally.pk}/"),
    ]


def get_ok(client: Any, url: str) -> Any:
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}, not 200")
    return response


def count_queries(client: Any, url: str) -> tuple[int, list[tuple[float, str]]]:
    """The number of queries of one request, and each query with its time, slowest first."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times: list[float] = []

    def timer(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        start = time.perf_counter()  # finer than CaptureQueriesContext's milliseconds
        try:
            return execute(sql, params, many, context)
        finally:
            times.append((time.perf_counter() - start) * 1000)

    with CaptureQueriesContext(connection) as ctx, connection.execute_wrapper(timer):
        get_ok(client, url)
    sqls = [q["sql"] for q in ctx.captured_queries]
    return len(sqls), sorted(zip(times, sqls, strict=True), reverse=True)


def measure_pages(big: Scenario, small: Scenario, requests: int, warmup: int) -> list[PageResult]:
    from django.test import Client

    results = []
    client = Client()
    client.force_login(big.user)
    for name, url in page_urls(big):
        for _ in range(warmup):
            get_ok(client, url)
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            get_ok(client, url)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        queries, timed = count_queries(client, url)
        results.append(
            PageResult(
                name=name,
                url=url,
                p50_ms=percentile(times, 0.50),
                p95_ms=percentile(times, 0.95),
                max_ms=times[-1],
                queries=queries,
                slow_queries=timed,
            )
        )
    small_client = Client()
    small_client.force_login(small.user)
    for result, (_name, url) in zip(results, page_urls(small), strict=True):
        get_ok(small_client, url)
        result.small_queries, _timed = count_queries(small_client, url)
    return results


def explain(sql: str) -> str:
    """The plan of a captured query (best effort: SQLite shows interpolated SQL)."""
    from django.db import connection

    prefix = (
        "EXPLAIN (ANALYZE, BUFFERS) "
        if connection.vendor == "postgresql"
        else "EXPLAIN QUERY PLAN "
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql)
            return "\n".join("      " + " ".join(str(c) for c in row) for row in cursor.fetchall())
    except Exception as error:
        return f"      (no plan: {error})"


# gunicorn + wrk ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_get(port: int, path: str, cookie: str) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Cookie": cookie})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def stop_process_group(proc: subprocess.Popen[Any]) -> None:
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


@contextlib.contextmanager
def gunicorn(env: dict[str, str], log: Path) -> Iterator[int]:
    """gunicorn with 2 sync workers in its own process group; the group is killed on exit."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--workers",
        "2",
        "--worker-class",
        "sync",
        "--bind",
        f"127.0.0.1:{port}",
        "--chdir",
        str(REPO),
        "--log-level",
        "warning",
    ]
    with log.open("w") as out:
        proc = subprocess.Popen(
            command, env=env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            deadline = time.monotonic() + 30
            while True:
                if proc.poll() is not None:
                    raise SystemExit(f"gunicorn stopped at start; see {log}:\n{log.read_text()}")
                with contextlib.suppress(OSError):
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                if time.monotonic() > deadline:
                    raise SystemExit(f"gunicorn did not listen on port {port}; see {log}")
                time.sleep(0.2)
            yield port
        finally:
            stop_process_group(proc)


def run_wrk(port: int, path: str, cookie: str, seconds: int, connections: int) -> float:
    command = [
        shutil.which("wrk") or "/usr/bin/wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "-H",
        f"Cookie: {cookie}",
        f"http://127.0.0.1:{port}{path}",
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx or 3xx responses" in out or "Socket errors" in out:
        raise SystemExit(f"wrk saw errors on {path}:\n{out}")
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if match is None:
        raise SystemExit(f"no Requests/sec in wrk's output:\n{out}")
    return float(match.group(1))


def measure_wrk(
    big: Scenario, url: str, args: argparse.Namespace, env: dict[str, str]
) -> tuple[float, float]:
    from django.conf import settings
    from django.test import Client
    from django.utils.html import escape

    client = Client()
    client.force_login(big.user)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    trivial = "/bench/trivial/"
    with (
        tempfile.TemporaryDirectory(prefix="bench-gunicorn-") as tmp,
        gunicorn(env, Path(tmp) / "gunicorn.log") as port,
    ):
        status, body = http_get(port, url, cookie)
        if status != 200 or escape(big.alliance.name) not in body:
            raise SystemExit(f"sample GET {url} under gunicorn: {status}, not the alliance page")
        status, body = http_get(port, trivial, cookie)
        if status != 200 or body != "ok":
            raise SystemExit(f"sample GET {trivial} under gunicorn: {status} {body[:80]!r}")
        rates = []
        for path in (url, trivial):
            run_wrk(port, path, cookie, 2, args.wrk_connections)  # warm up both workers
            rates.append(run_wrk(port, path, cookie, args.wrk_seconds, args.wrk_connections))
    return rates[0], rates[1]


# Reporting -----------------------------------------------------------------------------------


def print_result(result: DbResult, args: argparse.Namespace) -> None:
    counts = ", ".join(f"{n:,} {name}" for name, n in result.counts.items())
    say(f"  data: {counts} — {result.data}")
    say(
        f"  load average (1 min) at start, after in-process, after wrk: {result.load} on "
        f"{os.cpu_count()} cores (figures compare only on an otherwise idle machine)"
    )
    if result.timings:
        say("  timings: " + ", ".join(f"{k} {fmt_s(v)}" for k, v in result.timings.items()))
    say(
        f"  in-process, django.test.Client, DEBUG off, {result.requests} requests per page "
        "after warm-up"
    )
    header = f"{'page':<9} {'url':<27} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'queries':>8}"
    say(f"  {header}  target")
    for page in result.pages:
        verdict = "OK" if page.p95_ms < P95_TARGET_MS else "SLOW"
        say(
            f"  {page.name:<9} {page.url:<27} {page.p50_ms:7.1f} {page.p95_ms:7.1f} "
            f"{page.max_ms:7.1f} {page.queries:8d}  p95 < {P95_TARGET_MS:.0f} ms: {verdict}"
        )
    say(
        f"  query counts, small (new person, 1 alliance, {SMALL_ENTRIES} entries) vs big "
        f"(benchmark user, {BIG_ENTRIES} entries); target: constant"
    )
    for page in result.pages:
        small = page.small_queries
        same = "constant" if small == page.queries else f"GROWS ({small} -> {page.queries})"
        say(f"  {page.name:<9} {small!s:>5} vs {page.queries:<5} {same}")
    for page in result.pages:
        if page.p95_ms >= P95_TARGET_MS or args.show_queries:
            total = sum(ms for ms, _sql in page.slow_queries)
            say(f"  slowest queries of {page.name} ({page.url}), {total:.1f} ms in all:")
            shown = page.slow_queries if args.show_queries else page.slow_queries[:3]
            for ms, sql in shown:
                say(f"    {ms:7.2f} ms  {sql[:160]}")
    if result.rps_page is not None and result.rps_trivial is not None:
        ratio = result.rps_page / result.rps_trivial
        say(
            f"  alliance page {result.rps_page:,.0f} req/s vs trivial {result.rps_trivial:,.0f} "
            f"req/s = {ratio:.2g} ({result.db})  [gunicorn 2 sync workers, wrk -t2 "
            f"-c{args.wrk_connections} -d{args.wrk_seconds}s]"
        )
    elif result.wrk_note:
        say(f"  wrk: {result.wrk_note}")


def run_one(db: str, args: argparse.Namespace) -> DbResult:
    url = f"sqlite:///{SQLITE_PATH}" if db == "sqlite" else args.pg_url
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    if db == "postgres" and (args.fresh or not pg_exists(url)):
        pg_recreate(url)
    if db == "sqlite" and args.fresh:
        sqlite_remove()

    import django

    django.setup()
    from django.conf import settings

    assert not settings.DEBUG

    title = "SQLite" if db == "sqlite" else "PostgreSQL"
    where = SQLITE_PATH if db == "sqlite" else url
    say(f"== {title} ({where})")
    data, timings = prepare_data(db, url, args)
    big, small = scenarios()
    loads = [os.getloadavg()[0]]
    pages = measure_pages(big, small, args.requests, args.warmup)
    loads.append(os.getloadavg()[0])
    result = DbResult(
        db=db,
        counts=actual_counts(),
        data=data,
        timings=timings,
        pages=pages,
        requests=args.requests,
    )
    if args.explain or any(p.p95_ms >= P95_TARGET_MS for p in pages):
        for page in pages:
            if page.p95_ms >= P95_TARGET_MS or args.explain:
                for ms, sql in page.slow_queries[:1]:
                    say(f"  plan of the slowest query of {page.name} ({ms:.1f} ms):")
                    say(explain(sql))
    if args.no_wrk:
        result.wrk_note = "skipped (--no-wrk)"
    else:
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": SETTINGS}
        alliance_url = f"/bondgenootschappen/{big.alliance.pk}/"
        result.rps_page, result.rps_trivial = measure_wrk(big, alliance_url, args, env)
        loads.append(os.getloadavg()[0])
    result.load = ", ".join(f"{load:.2f}" for load in loads)
    print_result(result, args)
    return result


def child_argv(args: argparse.Namespace, db: str, json_out: str) -> list[str]:
    argv = ["--db", db, "--json-out", json_out]
    for name, value in vars(args).items():
        if name in {"db", "json_out"} or value is None or value is False:
            continue
        option = "--" + name.replace("_", "-")
        argv += [option] if value is True else [option, str(value)]
    return argv


def run_both(args: argparse.Namespace) -> int:
    """Each database in its own process: Django's settings are fixed per process."""
    results: list[dict[str, Any]] = []
    status = 0
    for db in ("sqlite", "postgres"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            command = [sys.executable, __file__, *child_argv(args, db, out.name)]
            proc = subprocess.Popen(command, cwd=REPO)
            try:
                code = proc.wait()
            finally:
                if proc.poll() is None:
                    proc.terminate()
                    proc.wait(timeout=60)
            if code != 0:
                status = code
                continue
            results.append(json.loads(Path(out.name).read_text()))
        say()
    if results:
        say("== Summary (markdown, for bench/README.md)")
        say("| database | page | p50 ms | p95 ms | max ms | queries (big) | queries (small) |")
        say("|---|---|---:|---:|---:|---:|---:|")
        for r in results:
            for p in r["pages"]:
                say(
                    f"| {r['db']} | {p['name']} | {p['p50_ms']:.1f} | {p['p95_ms']:.1f} "
                    f"| {p['max_ms']:.1f} | {p['queries']} | {p['small_queries']} |"
                )
        for r in results:
            if r["rps_page"]:
                say(
                    f"alliance page {r['rps_page']:,.0f} req/s vs trivial {r['rps_trivial']:,.0f}"
                    f" req/s = {r['rps_page'] / r['rps_trivial']:.2g} ({r['db']})"
                )
    return status


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--alliances", type=int, default=25_000)
    parser.add_argument("--entries-per-alliance", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests per page first")
    parser.add_argument("--fresh", action="store_true", help="regenerate the data")
    parser.add_argument("--pg-url", default=PG_DEFAULT_URL, help="the benchmark database")
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--wrk-connections", type=int, default=8)
    parser.add_argument("--no-wrk", action="store_true", help="skip gunicorn + wrk")
    parser.add_argument("--show-queries", action="store_true", help="slowest queries per page")
    parser.add_argument("--explain", action="store_true", help="plan of each page's slowest query")
    parser.add_argument("--json-out", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)

    def terminate(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)  # runs the finally blocks: gunicorn is stopped

    signal.signal(signal.SIGTERM, terminate)
    if args.db == "both":
        return run_both(args)
    result = run_one(args.db, args)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(asdict(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
