"""Benchmark of Bondgenoot zoeken: index build, query latency, upsert latency, memory.

Not a test: prints figures. From the repository root:

    .venv/bin/python bench/matching.py                 # 100,000 generated profiles
    .venv/bin/python bench/matching.py --profiles 10000 --queries 200
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django

django.setup()

from bench.matching_profiles import NEIGHBOURHOODS, QUERIES, generate  # noqa: E402
from bondgenoot.matching import thesaurus  # noqa: E402
from bondgenoot.matching.analysis import Lexicon  # noqa: E402
from bondgenoot.matching.engine import MatchIndex  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--upserts", type=int, default=200)
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations")
    args = parser.parse_args()

    t0 = time.perf_counter()
    Lexicon.get()
    thesaurus.default()
    print(f"lexicon + thesaurus loaded once per process: {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    docs = generate(args.profiles)
    chars = sum(len(t) for d in docs for t in d.fields.values()) / len(docs)
    print(
        f"generated {len(docs):,} profiles in {time.perf_counter() - t0:.1f} s "
        f"(mean {chars:.0f} characters of own words)"
    )

    if args.tracemalloc:
        tracemalloc.start()
    rss_before = rss_mb()
    t0 = time.perf_counter()
    index = MatchIndex.build(docs)
    build_s = time.perf_counter() - t0
    rss_after = rss_mb()
    print(
        f"build: {build_s:.1f} s for {len(index):,} profiles "
        f"({len(index._postings):,} index terms, {len(index._vocabulary):,} words)"
    )
    print(f"memory: RSS +{rss_after - rss_before:.0f} MB for the index (incl. word caches)")
    if args.tracemalloc:
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"memory (tracemalloc): {current / 2**20:.0f} MB held, peak {peak / 2**20:.0f} MB")

    rnd = random.Random(2)
    every_other = {d.id for d in docs[::2]}
    runs: dict[str, dict[str, Any]] = {
        "plain": {},
        "neighbourhood": {"neighbourhood": None},
        "allowed_ids (50%)": {"allowed_ids": every_other},
        "allowed_ids callable": {"allowed_ids": lambda i: i % 3 != 0},
    }
    for label, kwargs in runs.items():
        times = []
        for i in range(args.queries):
            q = QUERIES[i % len(QUERIES)]
            kw = dict(kwargs)
            if "neighbourhood" in kw:
                kw["neighbourhood"] = rnd.choice(NEIGHBOURHOODS)
            t0 = time.perf_counter()
            index.search(q, limit=10, **kw)
            times.append((time.perf_counter() - t0) * 1000)
        print(
            f"query {label:<22} p50 {statistics.median(times):6.1f} ms   "
            f"p95 {pct(times, 95):6.1f} ms   max {max(times):6.1f} ms"
        )

    times = []
    found = 0
    for _ in range(args.upserts):
        doc = docs[rnd.randrange(len(docs))]
        word = "zeldzaam" + "".join(rnd.choice("bdfgklmnprstvz") for _ in range(6))
        changed = replace(
            doc, fields={**doc.fields, "strengths": f"Ik help met {word}."}, capacity="available"
        )
        t0 = time.perf_counter()
        index.upsert(changed)
        times.append((time.perf_counter() - t0) * 1000)
        hits = index.search(word, limit=1)
        found += bool(hits and hits[0].id == doc.id)
    print(
        f"upsert p50 {statistics.median(times):.2f} ms   p95 {pct(times, 95):.2f} ms   "
        f"found at once after upsert: {found}/{args.upserts}"
    )


if __name__ == "__main__":
    main()
