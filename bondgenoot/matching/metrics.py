"""Ranking metrics with graded gains: nDCG@k, recall@k and MRR."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def ndcg_at(ranking: Sequence[str], relevant: Mapping[str, float], k: int = 10) -> float:
    """Normalised discounted cumulative gain with exponential gains (2**grade - 1)."""
    ideal = sorted((g for g in relevant.values() if g > 0), reverse=True)[:k]
    if not ideal:
        return 0.0
    dcg = sum(
        (2 ** relevant.get(doc, 0.0) - 1) / math.log2(i + 2) for i, doc in enumerate(ranking[:k])
    )
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg


def recall_at(ranking: Sequence[str], relevant: Mapping[str, float], k: int = 10) -> float:
    wanted = {d for d, g in relevant.items() if g > 0}
    if not wanted:
        return 0.0
    return len(wanted & set(ranking[:k])) / len(wanted)


def reciprocal_rank(ranking: Sequence[str], relevant: Mapping[str, float]) -> float:
    for i, doc in enumerate(ranking):
        if relevant.get(doc, 0.0) > 0:
            return 1.0 / (i + 1)
    return 0.0
