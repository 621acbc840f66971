"""Two baselines for the evaluation: plain BM25 and PostgreSQL's Dutch full-text search."""

from __future__ import annotations

import math
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence

from django.db import connection

from .engine import Document

_WORD = re.compile(r"\w+")


def plain_words(text: str) -> list[str]:
    """Lower-cased words; no stemming, no stop words, no accent folding."""
    return _WORD.findall(text.lower())


def document_text(doc: Document) -> str:
    return "\n".join(t for t in doc.fields.values() if t)


class PlainBM25:
    """Okapi BM25 (k1=1.5, b=0.75) over lower-cased words of all fields together."""

    def __init__(self, documents: Sequence[Document], k1: float = 1.5, b: float = 0.75) -> None:
        self.ids = [d.id for d in documents]
        self.k1, self.b = k1, b
        self.tf: list[Counter[str]] = [Counter(plain_words(document_text(d))) for d in documents]
        self.len = [sum(c.values()) for c in self.tf]
        self.avgdl = sum(self.len) / max(len(self.len), 1)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, counts in enumerate(self.tf):
            for word in counts:
                self.postings[word].append(i)

    def search(self, query: str, limit: int = 10) -> list:
        n = len(self.ids)
        scores: dict[int, float] = defaultdict(float)
        for word in set(plain_words(query)):
            docs = self.postings.get(word, [])
            idf = math.log(1 + (n - len(docs) + 0.5) / (len(docs) + 0.5))
            for i in docs:
                tf = self.tf[i][word]
                norm = self.k1 * (1 - self.b + self.b * self.len[i] / self.avgdl)
                scores[i] += idf * tf * (self.k1 + 1) / (tf + norm)
        best = sorted(scores, key=lambda i: (-scores[i], i))[:limit]
        return [self.ids[i] for i in best]


def postgres_available() -> bool:
    return connection.vendor == "postgresql"


class PostgresDutchFTS:
    """to_tsvector('dutch') + OR-ed plainto_tsquery words + ts_rank, in a temporary table."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.table = "matching_eval_" + uuid.uuid4().hex[:12]
        with connection.cursor() as cur:
            cur.execute(f"CREATE TEMPORARY TABLE {self.table} (id text PRIMARY KEY, body tsvector)")
            cur.executemany(
                f"INSERT INTO {self.table} VALUES (%s, to_tsvector('dutch', %s))",  # noqa: S608
                [(str(d.id), document_text(d)) for d in documents],
            )
            cur.execute(f"CREATE INDEX ON {self.table} USING gin (body)")

    def search(self, query: str, limit: int = 10) -> list[str]:
        words = [w for w in plain_words(query) if w]
        if not words:
            return []
        # plainto_tsquery ANDs its words; OR them so a long question can still match.
        # The table name is our own uuid-based name, never input.
        sql = (
            "WITH q AS (SELECT to_tsquery('dutch', string_agg(quote_literal(w), ' | ')) AS tsq"  # noqa: S608
            " FROM unnest(%s::text[]) AS w WHERE numnode(plainto_tsquery('dutch', w)) > 0)"
            f" SELECT id FROM {self.table}, q WHERE body @@ q.tsq"
            " ORDER BY ts_rank(body, q.tsq) DESC, id LIMIT %s"
        )
        with connection.cursor() as cur:
            cur.execute(sql, [words, limit])
            return [row[0] for row in cur.fetchall()]

    def close(self) -> None:
        with connection.cursor() as cur:
            cur.execute(f"DROP TABLE IF EXISTS {self.table}")
