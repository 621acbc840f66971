"""The evaluation command on a tiny fixture (postgres=n/a on SQLite, a figure on PostgreSQL)."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from bondgenoot.matching.metrics import ndcg_at, recall_at, reciprocal_rank

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.django_db
def test_command_prints_the_three_systems_and_the_last_line():
    out = StringIO()
    call_command(
        "evaluate_matching",
        str(FIXTURES / "profiles.jsonl"),
        str(FIXTURES / "queries.jsonl"),
        stdout=out,
    )
    lines = out.getvalue().strip().splitlines()
    postgres = r"\d\.\d\d" if connection.vendor == "postgresql" else "n/a"
    assert re.fullmatch(rf"ndcg@10 ours=\d\.\d\d bm25=\d\.\d\d postgres={postgres}", lines[-1])
    ours = float(re.search(r"ours=(\d\.\d\d)", lines[-1]).group(1))
    bm25 = float(re.search(r"bm25=(\d\.\d\d)", lines[-1]).group(1))
    assert ours > bm25
    assert any(line.startswith("bm25") for line in lines)


def test_command_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("evaluate_matching", str(tmp_path / "nope.jsonl"), str(tmp_path / "q.jsonl"))


def test_metrics():
    rel = {"a": 3, "b": 1}
    assert ndcg_at(["a", "b"], rel) == pytest.approx(1.0)
    assert ndcg_at(["b", "a"], rel) < 1.0
    assert ndcg_at(["x"], rel) == 0.0
    assert recall_at(["a", "x"], rel) == 0.5
    assert reciprocal_rank(["x", "b"], rel) == 0.5


def test_evaluation_uses_the_search_page_settings(monkeypatch):
    """The figure is the page's: the index is built with ``sources.SETTINGS``."""
    from bondgenoot.matching import evaluate, sources
    from bondgenoot.matching.engine import Document, MatchIndex
    from bondgenoot.matching.loading import Query

    used = []
    real_build = MatchIndex.build

    def spy(documents, **kwargs):
        used.append(kwargs.get("settings"))
        return real_build(documents, **kwargs)

    monkeypatch.setattr(MatchIndex, "build", spy)
    documents = [Document(id="o1", fields={sources.ORGANISATION_FIELD: "Hulp bij schulden."})]
    queries = [Query("q1", "schulden", "nl", "", {"o1": 3})]
    results, _timings = evaluate.evaluate(documents, queries, use_postgres=False)
    assert used == [sources.SETTINGS]
    assert results["ours"].ndcg == 1.0
