"""Evaluate the engine and two baselines on a profiles + queries set (used by the command)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import baselines
from .engine import Document, MatchIndex, Settings
from .loading import Query
from .metrics import ndcg_at, recall_at, reciprocal_rank

K = 10


@dataclass(frozen=True, slots=True)
class Scores:
    ndcg: float
    recall: float
    mrr: float
    per_query: dict[str, float]  # query id -> nDCG@10


def score_system(queries: Sequence[Query], search: Callable[[Query], list[str]]) -> Scores:
    ndcgs, recalls, rrs, per_query = [], [], [], {}
    for q in queries:
        if not any(g > 0 for g in q.relevant.values()):
            continue
        ranking = search(q)
        ndcgs.append(ndcg_at(ranking, q.relevant, K))
        recalls.append(recall_at(ranking, q.relevant, K))
        rrs.append(reciprocal_rank(ranking, q.relevant))
        per_query[q.id] = ndcgs[-1]
    n = max(len(ndcgs), 1)
    return Scores(sum(ndcgs) / n, sum(recalls) / n, sum(rrs) / n, per_query)


def evaluate(
    documents: Sequence[Document],
    queries: Sequence[Query],
    *,
    use_postgres: bool | None = None,
    settings: Settings | None = None,
) -> tuple[dict[str, Scores | None], dict[str, float]]:
    """Score the engine as the search page runs it, next to the baselines.

    ``settings`` defaults to the page's own (``sources.SETTINGS``: its field weights for tags and
    an organisation's description, and what counts as "offered"), so the figure is the page's.
    """
    if settings is None:
        from . import sources  # imports the models: only when Django is set up

        settings = sources.SETTINGS
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    index = MatchIndex.build(documents, settings=settings)
    timings["build_s"] = time.perf_counter() - t0

    def ours(q: Query) -> list[str]:
        hits = index.search(q.text, neighbourhood=q.neighbourhood or None, limit=K)
        return [str(h.id) for h in hits]

    t0 = time.perf_counter()
    results: dict[str, Scores | None] = {"ours": score_system(queries, ours)}
    timings["ours_query_ms"] = (time.perf_counter() - t0) * 1000 / max(len(queries), 1)
    bm25 = baselines.PlainBM25(documents)
    results["bm25"] = score_system(queries, lambda q: [str(i) for i in bm25.search(q.text, K)])
    if use_postgres is None:
        use_postgres = baselines.postgres_available()
    results["postgres"] = None
    if use_postgres:
        pg = baselines.PostgresDutchFTS(documents)
        try:
            results["postgres"] = score_system(queries, lambda q: pg.search(q.text, K))
        finally:
            pg.close()
    return results, timings
