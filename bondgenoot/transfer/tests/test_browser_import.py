"""Importing and exporting members' profiles in a real browser (Chromium, axe-core, strict CSP).

A coordinator opens her organisation, follows "Leden importeren en exporteren", uploads a CSV
with one bad row (the dry run names the row and the reason in Dutch, nothing is written),
uploads the corrected file, confirms, sees the new members on the organisation page, and
downloads a CSV export that holds them. Every page is screenshotted and checked with axe-core.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from bondgenoot.accounts.models import User
from bondgenoot.alliances.tests.test_browser_main_path import nl, ui
from bondgenoot.core.tests.a11y import log_in
from bondgenoot.people.models import Membership, MembershipRole, Person
from bondgenoot.people.tests.factories import NeighbourhoodFactory
from bondgenoot.transfer.models import (
    ConsentHow,
    ImportConsent,
    PendingImport,
    TransferKind,
    TransferRecord,
)

from .helpers import csv_bytes, row

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_EMAILS = ["vrijwilliger1@example.org", "vrijwilliger2@example.org"]


def _upload(page: Page, data: bytes) -> None:
    page.get_by_label(ui("File with profiles")).set_input_files(
        files=[{"name": "leden.csv", "mimeType": "text/csv", "buffer": data}]
    )
    page.get_by_role("button", name=ui("Check the file")).click()


def _report_rows(page: Page) -> list[list[str]]:
    table = page.get_by_role("table", name=ui("What would happen per row"))
    return [
        [cell.strip() for cell in tr.locator("td").all_inner_texts()]
        for tr in table.locator("tbody tr").all()
    ]


def test_coordinator_imports_and_exports_members(
    live_server: Any,
    page: Page,
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    gijs: Any,
    org: Any,
) -> None:
    NeighbourhoodFactory(name="Oosterpark")
    base = live_server.url

    def check(name: str) -> None:
        assert check_page(page, name) == [], f"axe found problems on {name}"

    # --- The coordinator opens her organisation and the import page ---------------------------
    log_in(page, base, "gijs@example.org")
    page.get_by_role("navigation", name=ui("Main menu")).get_by_role(
        "link", name=ui("Organisations")
    ).click()
    page.get_by_role("link", name=org.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(org.name)
    check("organisation")
    page.get_by_role("link", name=ui("Import and export members")).click()
    assert nl("Import and export members") == "Leden importeren en exporteren"
    expect(page.get_by_role("heading", level=1)).to_have_text(
        ui("Import and export profiles of %(name)s", name=org.name)
    )
    check("import-page")

    # --- A file with one bad row: an unknown neighbourhood in spreadsheet row 3 ----------------
    _upload(page, csv_bytes(row(1), row(2, neighbourhood="Atlantis")))
    expect(page.get_by_role("heading", level=2, name=ui("What would happen"))).to_be_visible()
    report = page.get_by_role("region", name=ui("What would happen"))
    expect(report.first).to_contain_text("1 rij is geweigerd.")
    rows = _report_rows(page)
    refused = [r for r in rows if r[0] == "3"]
    assert len(refused) == 1, rows
    assert refused[0][1:3] == ["Vrijwilliger 2", NEW_EMAILS[1]]
    assert refused[0][3].startswith("geweigerd: wijk 'Atlantis' kennen we hier niet."), refused
    assert "Oosterpark" in refused[0][3]  # the known neighbourhoods are listed
    # The good row is listed as "wordt toegevoegd", but there is no button to add anything.
    assert ["2", "Vrijwilliger 1", NEW_EMAILS[0], "wordt toegevoegd"] in rows
    expect(page.get_by_role("button", name=re.compile("toevoegen"))).to_have_count(0)
    check("dry-run-refused")
    # Nothing written: no accounts, no pending import, no record.
    assert not User.objects.filter(email__in=NEW_EMAILS).exists()
    assert not PendingImport.objects.exists()
    assert not TransferRecord.objects.exists()
    assert Membership.objects.filter(organisation=org).count() == 1

    # --- The corrected file ---------------------------------------------------------------------
    _upload(page, csv_bytes(row(1), row(2)))
    expect(page.get_by_role("main")).to_contain_text("2 profielen worden toegevoegd.")
    rows = _report_rows(page)
    assert rows == [
        ["2", "Vrijwilliger 1", NEW_EMAILS[0], "wordt toegevoegd"],
        ["3", "Vrijwilliger 2", NEW_EMAILS[1], "wordt toegevoegd"],
    ]
    check("dry-run-ok")
    # Still nothing written but the checked rows waiting for the confirmation.
    assert not User.objects.filter(email__in=NEW_EMAILS).exists()
    assert PendingImport.objects.count() == 1

    page.get_by_role("button", name="2 profielen toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(org.name)
    expect(page.get_by_role("status").or_(page.get_by_role("alert")).first).to_contain_text(
        "Er zijn 2 profielen toegevoegd."
    )
    members = page.get_by_role("table", name=ui("Members"))
    expect(members).to_contain_text("Vrijwilliger 1")
    expect(members).to_contain_text("Vrijwilliger 2")
    check("organisation-after-import")

    # In the database: accounts without a password, members, and the recorded consent.
    assert not PendingImport.objects.exists()
    for email in NEW_EMAILS:
        user = User.objects.get(email=email)
        assert not user.has_usable_password()
        person = Person.objects.get(user=user)
        assert Membership.objects.get(person=person, organisation=org).role == (
            MembershipRole.MEMBER
        )
        consent = ImportConsent.objects.get(person=person)
        assert consent.organisation == org
        assert consent.imported_by == gijs
        assert consent.given_on == datetime.date(2025, 3, 1)
        assert consent.how == ConsentHow.ON_PAPER
    record = TransferRecord.objects.get()
    assert (record.kind, record.file_format, record.rows, record.by) == (
        TransferKind.IMPORT,
        "csv",
        2,
        gijs,
    )

    # --- Export as CSV ----------------------------------------------------------------------
    page.get_by_role("link", name=ui("Import and export members")).click()
    expect(page.get_by_role("heading", level=2, name=ui("Earlier imports and exports")))
    check("import-page-with-history")
    with page.expect_download() as download_info:
        page.get_by_role("button", name=ui("Download as %(label)s", label="CSV")).click()
    download = download_info.value
    assert download.suggested_filename == f"profielen-{org.pk}.csv"
    data = download.path().read_bytes()
    assert data.startswith("\ufeff".encode())  # UTF-8 with BOM, for Dutch Excel
    exported = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    by_email = {line["email"]: line for line in exported}
    assert set(by_email) == {"gijs@example.org", *NEW_EMAILS}
    assert by_email[NEW_EMAILS[0]]["name"] == "Vrijwilliger 1"
    assert by_email[NEW_EMAILS[0]]["neighbourhood"] == "Oosterpark"
    assert by_email[NEW_EMAILS[0]]["consent_given_on"] == "2025-03-01"
    assert by_email[NEW_EMAILS[0]]["consent_how"] == "op papier"
    assert by_email["gijs@example.org"]["role"] == "coördinator"
    assert by_email["gijs@example.org"]["consent_given_on"] == ""
    assert TransferRecord.objects.filter(kind=TransferKind.EXPORT, rows=3).count() == 1
    # The download left the page as it was: still usable.
    check("import-page-after-export")
