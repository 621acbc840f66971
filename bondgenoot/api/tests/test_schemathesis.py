"""Property-based tests of the JSON API against its own OpenAPI schema (schemathesis).

For every operation, schemathesis generates requests from the schema, valid ones and (for the
operations that take input) invalid ones, sent through the WSGI application as amina, a party
with data (a personal token). Half the valid requests use her real alliance id, so the journal,
contributions and writes are reached, not only 404s. Every answer must be no server error, have
a status code, content type, headers and body that the schema documents. Runs on SQLite and
PostgreSQL (DATABASE_URL) alike; about 20-40 s.
"""

import time
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from bondgenoot.alliances import services as alliance_services
from bondgenoot.alliances.models import ContributionKind, Party, SensitiveTopic
from bondgenoot.api.api import api
from bondgenoot.core.tests.url_coverage import summary_line
from bondgenoot.people.models import Visibility
from bondgenoot.privacy import services as privacy_services
from bondgenoot.privacy.models import Purpose

from .helpers import token_for

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = {GenerationMode.POSITIVE: 50, GenerationMode.NEGATIVE: 25}


@pytest.fixture
def party_with_data(alliance, amina, bas):
    mine = Party.objects.get(alliance=alliance, person=amina)
    his = Party.objects.get(alliance=alliance, person=bas)
    for i in range(3):
        alliance_services.journal_entry_add(
            alliance=alliance, author=amina, what_happened=f"Stap {i}"
        )
    alliance_services.journal_entry_add(
        alliance=alliance,
        author=bas,
        what_happened="Over geld",
        is_sensitive=True,
        sensitive_topics=[SensitiveTopic.MONEY],
    )
    alliance_services.contribution_add(
        alliance=alliance,
        by=amina,
        giver=mine,
        receiver=his,
        kind=ContributionKind.KNOWLEDGE,
        description="Uitleg over de brief",
        hours=2,
    )
    alliance_services.invitation_create(alliance=alliance, by=amina, email="nieuw@example.org")
    bas.strengths = "Brieven lezen en formulieren invullen."
    bas.strengths_visibility = Visibility.MEMBERS
    bas.save()
    privacy_services.consents_update(person=bas, by=bas, answers={Purpose.FINDABLE: True})
    return {"alliance": alliance, "token": token_for(amina, valid_days=None)}


def exercise(
    operation: Any,
    mode: GenerationMode,
    *,
    alliance_id: int,
    headers: dict[str, str],
    counts: dict[str, int],
    statuses: dict[int, int],
    failures: list[str],
) -> None:
    """Send generated requests for one operation; note each answer that breaks a check."""
    key = f"{operation.label} {mode}"

    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode), real=st.booleans())
    def run(case: Any, real: bool) -> None:
        path = case.path_parameters or {}
        if real and mode == GenerationMode.POSITIVE and "alliance_id" in path:
            path["alliance_id"] = alliance_id
        response = case.call(headers=headers)
        counts[key] = counts.get(key, 0) + 1
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        try:
            case.validate_response(response, checks=CHECKS)
        except Exception as error:
            failures.append(f"{key}: {response.status_code} {error}"[:800])
            raise

    try:
        run()
    except Exception as error:
        if not any(f.startswith(key) for f in failures):
            failures.append(f"{key}: {error!r}"[:800])


@pytest.fixture
def keep_the_test_connection():
    """As Django's test client does: a request through the WSGI application must not close the
    database connection at its end (on PostgreSQL that would end the test's transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_api_keeps_to_its_schema(party_with_data, keep_the_test_connection, request):
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    schema.app = get_wsgi_application()
    failures: list[str] = []
    counts: dict[str, int] = {}
    statuses: dict[int, int] = {}
    started = time.monotonic()
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation in operations:
        takes_input = bool(operation.body) or any(
            p.location in {"query", "path"} for p in operation.iter_parameters()
        )
        for mode in EXAMPLES:
            if mode == GenerationMode.NEGATIVE and not takes_input:
                continue
            exercise(
                operation,
                mode,
                alliance_id=party_with_data["alliance"].pk,
                headers={"Authorization": f"Bearer {party_with_data['token']}"},
                counts=counts,
                statuses=statuses,
                failures=failures,
            )
    seconds = time.monotonic() - started
    total = sum(counts.values())
    summary_line(
        request.config,
        f"schemathesis: {total} requests, {len(operations)} operations, "
        f"{len(counts)} (operation, mode) pairs, {len(failures)} failing, {seconds:.1f} s; "
        f"statuses {dict(sorted(statuses.items()))}",
    )
    assert not failures, "\n".join(failures)
    assert {key.rsplit(" ", 1)[0] for key in counts} == {op.label for op in operations}
    assert statuses.get(200) and statuses.get(201) and statuses.get(422) and statuses.get(404)
    assert not any(status >= 500 for status in statuses)
