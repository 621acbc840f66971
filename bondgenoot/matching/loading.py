"""Reading evaluation files.

``load_profiles`` is the one place where profiles become ``Document`` objects for the
evaluation. Today it reads the JSONL directly; once profiles can be imported into ``Person``
records (CSV/XLSX/JSONL import), swap its body for "import into a throw-away database, then
turn the Person rows into Documents", and the command keeps working unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .engine import Document

PROFILE_FIELDS = ("about", "strengths", "aspirations", "lived_experience")


@dataclass(frozen=True, slots=True)
class Query:
    id: str
    text: str
    language: str
    neighbourhood: str
    relevant: dict[str, float]  # profile id -> graded gain (0 = not relevant)


def _read_jsonl(path: Path | str) -> list[dict]:
    rows = []
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
    return rows


def profile_to_document(row: dict) -> Document:
    return Document(
        id=str(row["id"]),
        neighbourhood=str(row.get("neighbourhood") or ""),
        fields={f: str(row.get(f) or "") for f in PROFILE_FIELDS},
        limits=str(row.get("limits") or ""),
        capacity=str(row.get("capacity") or ""),
        languages=tuple(str(code) for code in row.get("languages") or ()),
    )


def load_profiles(path: Path | str) -> list[Document]:
    return [profile_to_document(row) for row in _read_jsonl(path)]


def load_queries(path: Path | str) -> list[Query]:
    return [
        Query(
            id=str(row["id"]),
            text=str(row.get("text") or ""),
            language=str(row.get("language") or "nl"),
            neighbourhood=str(row.get("neighbourhood") or ""),
            relevant={str(k): float(v) for k, v in (row.get("relevant") or {}).items()},
        )
        for row in _read_jsonl(path)
    ]
