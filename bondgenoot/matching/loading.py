"""Reading evaluation files.

``load_profiles`` turns the evaluation's profiles into ``Document`` objects through the normal
import path: it migrates a fresh, throw-away SQLite database in a temporary file, imports the
profiles there with ``transfer.services.profiles_import`` (people; initiatives become an
``Organisation`` whose description holds their words), and builds the documents with
``matching.sources`` -- the functions the search page uses. The real database is never
touched: for the duration, the ``default`` connection *is* the throw-away database (every ORM
call, also in code that does not take a ``using`` argument, goes there); afterwards the real
connection is put back and the file is deleted, whatever happened.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
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
    """A profile straight from the file, without the database (for quick experiments)."""
    return Document(
        id=str(row["id"]),
        neighbourhood=str(row.get("neighbourhood") or ""),
        fields={f: str(row.get(f) or "") for f in PROFILE_FIELDS},
        limits=str(row.get("limits") or ""),
        capacity=str(row.get("capacity") or ""),
        languages=tuple(str(code) for code in row.get("languages") or ()),
    )


def load_profiles(path: Path | str) -> list[Document]:
    rows = _read_jsonl(path)
    for number, row in enumerate(rows, start=1):
        if "id" not in row:
            raise KeyError(f"{path}:{number}: no id")
    with throwaway_database():
        return _import_and_build(rows)


@contextmanager
def throwaway_database() -> Iterator[None]:
    """Make ``connections["default"]`` a new, migrated SQLite database in a temporary file."""
    from django.apps import apps
    from django.core.management import call_command
    from django.db import connections
    from django.db.utils import load_backend
    from django.test.utils import override_settings

    with tempfile.TemporaryDirectory(prefix="bondgenoot-eval-") as folder:
        config = connections.configure_settings(
            {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": f"{folder}/eval.sqlite3"}}
        )["default"]
        throwaway = load_backend(config["ENGINE"]).DatabaseWrapper(config, "default")
        real = connections["default"]
        connections["default"] = throwaway
        try:
            # The tables straight from the models (as pytest-django's --nomigrations): seconds
            # faster than running every migration, and this database lives for one run only.
            without_migrations = {app.label: None for app in apps.get_app_configs()}
            with override_settings(MIGRATION_MODULES=without_migrations):
                call_command(
                    "migrate", run_syncdb=True, verbosity=0, interactive=False, skip_checks=True
                )
            yield
        finally:
            throwaway.close()
            connections["default"] = real


INITIATIVE_KINDS = {"bewonersinitiatief", "initiative", "initiatief"}
EVAL_DOMAIN = "evaluatie.invalid"  # reserved: these addresses can never receive mail


def _import_and_build(rows: list[dict]) -> list[Document]:
    from django.utils import timezone

    from bondgenoot.people.models import (
        Neighbourhood,
        Organisation,
        OrganisationKind,
        Person,
        Visibility,
    )
    from bondgenoot.privacy.models import Purpose
    from bondgenoot.privacy.services import consent_set
    from bondgenoot.transfer.reading import RawRow
    from bondgenoot.transfer.services import CAPACITY_WORDS, profiles_import

    from . import sources

    names = {" ".join(str(r.get("neighbourhood") or "").split()) for r in rows} - {""}
    Neighbourhood.objects.bulk_create([Neighbourhood(name=n) for n in sorted(names)])
    host = Organisation.objects.create(name="Evaluatie", kind=OrganisationKind.WELFARE)
    today = timezone.localdate().isoformat()

    people_rows: list[RawRow] = []
    eval_id_of_email: dict[str, str] = {}
    eval_id_of_org: dict[int, str] = {}
    for number, row in enumerate(rows, start=1):
        eval_id = str(row["id"])
        kind = str(row.get("kind") or "").strip().lower()
        texts = {f: str(row.get(f) or "") for f in (*PROFILE_FIELDS, "limits")}
        neighbourhood = " ".join(str(row.get("neighbourhood") or "").split())
        if kind in INITIATIVE_KINDS:
            organisation = Organisation.objects.create(
                name=f"{str(row.get('name') or eval_id)[:100]} ({eval_id})",
                kind=OrganisationKind.RESIDENT_INITIATIVE,
                description="\n\n".join(t for f in PROFILE_FIELDS if (t := texts[f].strip())),
                neighbourhood=Neighbourhood.objects.filter(name=neighbourhood).first(),
            )
            eval_id_of_org[organisation.pk] = eval_id
            continue
        email = f"profiel-{number}@{EVAL_DOMAIN}"
        eval_id_of_email[email] = eval_id
        capacity = str(row.get("capacity") or "")
        languages = row.get("languages") or []
        people_rows.append(
            RawRow(
                number,
                {
                    "email": email,
                    "name": str(row.get("name") or eval_id)[:80],
                    "neighbourhood": neighbourhood,
                    "languages": ", ".join(languages) if isinstance(languages, list) else languages,
                    **texts,
                    # Free words ("een paar uur per week") that are not one of the three choices
                    # count as "a little time"; only "not right now" changes the search.
                    "capacity": capacity if _fold(capacity) in CAPACITY_WORDS else "",
                    "role": "",
                    "consent_given_on": today,
                    "consent_how": "digitaal",
                },
            )
        )
    report = profiles_import(
        organisation=host,
        by=None,
        rows=people_rows,
        file_format="jsonl",
        visibility=Visibility.MEMBERS,  # the evaluation's profiles are meant to be found
        check_permission=False,
    )
    if not report.ok:
        problems = "; ".join(
            f"{eval_id_of_email.get(r.email, r.number)}: {', '.join(r.reasons)}"
            for r in report.refused[:5]
        )
        raise ValueError(f"profiles refused by the import: {problems}")
    for person in Person.objects.filter(memberships__organisation=host):
        consent_set(person=person, by=person, purpose=Purpose.FINDABLE, given=True)

    names_by_pk: dict[int | None, str] = dict(Neighbourhood.objects.values_list("pk", "name"))
    documents: dict[str, Document] = {}
    for person in sources.people_for_index().filter(memberships__organisation=host):
        doc = sources.person_document(person)
        eval_id = eval_id_of_email[person.user.email]
        documents[eval_id] = _as_evaluated(
            doc, eval_id, names_by_pk.get(person.neighbourhood_id, "")
        )
    for organisation in sources.organisations_for_index().filter(pk__in=eval_id_of_org):
        doc = sources.organisation_document(organisation)
        eval_id = eval_id_of_org[organisation.pk]
        documents[eval_id] = _as_evaluated(
            doc, eval_id, names_by_pk.get(organisation.neighbourhood_id, "")
        )
    # In the order of the file, as before.
    return [documents[str(row["id"])] for row in rows if str(row["id"]) in documents]


def _fold(value: str) -> str:
    return " ".join(value.split()).casefold()


def _as_evaluated(doc: Document | None, eval_id: str, neighbourhood: str) -> Document:
    """The search page's document, under the evaluation's id and neighbourhood name (the
    questions name their neighbourhood; the index compares them by id)."""
    if doc is None:  # nothing findable (an empty profile): an empty document keeps the count
        return Document(id=eval_id, neighbourhood=neighbourhood)
    return replace(doc, id=eval_id, neighbourhood=neighbourhood)


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
