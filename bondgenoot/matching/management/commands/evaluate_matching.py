"""python manage.py evaluate_matching PROFILES.jsonl QUERIES.jsonl

Prints nDCG@10, recall@10 and MRR of Bondgenoot zoeken next to plain BM25 and PostgreSQL's
Dutch full-text search (n/a on SQLite). The last line is always
``ndcg@10 ours=0.xx bm25=0.xx postgres=0.xx``.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bondgenoot.matching.evaluate import Scores, evaluate
from bondgenoot.matching.loading import load_profiles, load_queries


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


class Command(BaseCommand):
    help = "Measure how well Bondgenoot zoeken ranks profiles for a set of judged questions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("profiles", help="JSONL file with one profile per line")
        parser.add_argument("queries", help="JSONL file with one judged question per line")
        parser.add_argument(
            "--worst",
            type=int,
            default=0,
            help="also list the N questions where ours did worst (for tuning the thesaurus)",
        )

    def handle(self, *args: object, **options: object) -> None:
        try:
            documents = load_profiles(str(options["profiles"]))
            queries = load_queries(str(options["queries"]))
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"cannot read the evaluation files: {exc}") from exc
        if not documents or not queries:
            raise CommandError("the evaluation files hold no profiles or no questions")
        results, timings = evaluate(documents, queries)
        out = self.stdout
        judged = len(results["ours"].per_query) if results["ours"] else 0
        out.write(f"{len(documents)} profiles, {len(queries)} questions ({judged} judged)")
        out.write(
            f"index built in {timings['build_s']:.2f} s; "
            f"{timings['ours_query_ms']:.1f} ms per question (ours)"
        )
        out.write(f"{'system':<10} {'nDCG@10':>8} {'recall@10':>10} {'MRR':>6}")
        for name, scores in results.items():
            if scores is None:
                out.write(f"{name:<10} {'n/a':>8} {'n/a':>10} {'n/a':>6}")
            else:
                out.write(
                    f"{name:<10} {scores.ndcg:>8.2f} {scores.recall:>10.2f} {scores.mrr:>6.2f}"
                )
        worst = int(str(options["worst"] or 0))
        ours = results["ours"]
        if worst and isinstance(ours, Scores):
            bm25 = results["bm25"]
            by_id = {q.id: q for q in queries}
            for qid, value in sorted(ours.per_query.items(), key=lambda kv: kv[1])[:worst]:
                other = bm25.per_query.get(qid, 0.0) if bm25 else 0.0
                out.write(f"  {qid} ours={value:.2f} bm25={other:.2f}: {by_id[qid].text[:100]}")

        def ndcg(name: str) -> float | None:
            s = results.get(name)
            return s.ndcg if s else None

        out.write(
            f"ndcg@10 ours={_fmt(ndcg('ours'))} bm25={_fmt(ndcg('bm25'))} "
            f"postgres={_fmt(ndcg('postgres'))}"
        )
