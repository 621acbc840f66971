"""Import of members' profiles: reading the file, the dry run, the all-or-nothing commit."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from bondgenoot.accounts.models import User
from bondgenoot.people.models import Capacity, Membership, MembershipRole, Person, Visibility
from bondgenoot.people.tests.factories import NeighbourhoodFactory
from bondgenoot.transfer import services
from bondgenoot.transfer.models import ImportConsent, TransferKind, TransferRecord
from bondgenoot.transfer.reading import FileRefused, read_rows

from .helpers import HEADER, csv_bytes, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def oosterpark(db):
    return NeighbourhoodFactory(name="Oosterpark")


def _import(org, gijs, data: bytes, name: str = "leden.csv"):
    fmt, rows = read_rows(data, name)
    return services.profiles_import(organisation=org, by=gijs, rows=rows, file_format=fmt)


# Reading ------------------------------------------------------------------------------------


def test_csv_with_bom_and_semicolons_and_commas_reads_the_same():
    with_bom = read_rows(csv_bytes(row(1), bom=True), "a.csv")[1]
    commas = HEADER.replace(";", ",")
    plain = read_rows(
        csv_bytes(
            'x@example.org,Xandra,Oosterpark,"nl, ar",Koken,,,,2025-03-01,mondeling',
            header=commas,
        ),
        "a.csv",
    )[1]
    assert with_bom[0].number == 2 and with_bom[0].cells["email"] == "vrijwilliger1@example.org"
    assert plain[0].cells["languages"] == "nl, ar"


def test_a_file_in_windows_1252_is_refused_with_the_line():
    data = csv_bytes(row(1), "x@example.org;Jos\u00e9;;;;;;;2025-03-01;mondeling").decode()
    with pytest.raises(FileRefused) as refused:
        read_rows(data.encode("cp1252"), "leden.csv")
    assert "UTF-8" in refused.value.message and "3" in refused.value.message


def test_unknown_columns_such_as_labels_are_refused():
    header = HEADER + ";doelgroep;risico"
    with pytest.raises(FileRefused) as refused:
        read_rows(csv_bytes(row(1) + ";x;y", header=header), "a.csv")
    assert "doelgroep" in refused.value.message and "risico" in refused.value.message


def test_missing_columns_are_named():
    with pytest.raises(FileRefused) as refused:
        read_rows(csv_bytes("a@example.org;A", header="email;name"), "a.csv")
    assert "consent_given_on" in refused.value.message


def test_extension_and_content_must_agree():
    with pytest.raises(FileRefused):
        read_rows(csv_bytes(row(1)), "leden.xlsx")
    with pytest.raises(FileRefused):
        read_rows(b"PK\x03\x04rest", "leden.csv")
    with pytest.raises(FileRefused):
        read_rows(csv_bytes(row(1)), "leden.exe")


def test_too_many_rows_are_refused(monkeypatch):
    monkeypatch.setattr("bondgenoot.transfer.reading.MAX_ROWS", 2)
    with pytest.raises(FileRefused):
        read_rows(csv_bytes(row(1), row(2), row(3)), "a.csv")


# The dry run and the commit ---------------------------------------------------------------


def test_dry_run_reports_per_row_and_writes_nothing(oosterpark):
    _fmt, rows = read_rows(
        csv_bytes(
            row(1),
            row(2, neighbourhood="Atlantis"),
            row(3, email="dubbel@example.org"),
            row(4, email="dubbel@example.org"),
        ),
        "a.csv",
    )
    users = User.objects.count()
    report = services.profiles_check(rows=rows)
    assert [r.number for r in report.rows] == [2, 3, 4, 5]
    assert report.rows[0].ok
    assert "Atlantis" in report.rows[1].reasons[0] and "Oosterpark" in report.rows[1].reasons[0]
    assert any("5" in reason for reason in report.rows[2].reasons)
    assert any("4" in reason for reason in report.rows[3].reasons)
    assert User.objects.count() == users


def test_import_creates_account_profile_membership_and_consent(org, gijs, oosterpark):
    report = _import(org, gijs, csv_bytes(row(1), row(2)))
    assert report.ok and report.added == 2
    person = Person.objects.get(user__email="vrijwilliger1@example.org")
    assert not person.user.has_usable_password()
    assert person.neighbourhood == oosterpark
    assert person.languages == ["nl", "ar"]
    assert person.capacity == Capacity.SOME
    assert [t.name for t in person.tags.all()] == ["koken"]
    assert person.strengths_visibility == Visibility.ALLIES
    assert person.lived_experience_visibility == Visibility.ALLIES
    membership = Membership.objects.get(organisation=org, person=person)
    assert membership.role == MembershipRole.MEMBER
    consent = ImportConsent.objects.get(person=person)
    assert consent.given_on == datetime.date(2025, 3, 1) and consent.imported_by == gijs
    assert TransferRecord.objects.get(kind=TransferKind.IMPORT).rows == 2


def test_one_bad_row_means_nothing_is_written(org, gijs, oosterpark):
    users, people = User.objects.count(), Person.objects.count()
    bad = "z@example.org;Z;Oosterpark;nl;;soms;;lid;2025-03-01;op papier"
    report = _import(org, gijs, csv_bytes(row(1), bad))
    assert not report.ok and report.refused[0].number == 3
    assert "soms" in report.refused[0].reasons[0]
    assert (User.objects.count(), Person.objects.count()) == (users, people)
    assert not ImportConsent.objects.exists() and not TransferRecord.objects.exists()


def test_an_existing_account_is_never_overwritten(org, gijs, amina, oosterpark):
    amina.strengths = "Mijn eigen woorden"
    amina.save()
    report = _import(org, gijs, csv_bytes(row(1), row(2, email="AMINA@example.org")))
    assert not report.ok
    assert "account" in report.refused[0].reasons[0]
    amina.refresh_from_db()
    assert amina.strengths == "Mijn eigen woorden"
    assert not Person.objects.filter(user__email="vrijwilliger1@example.org").exists()


def test_consent_is_required_and_not_in_the_future(org, gijs, oosterpark):
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()  # noqa: DTZ011
    report = _import(
        org,
        gijs,
        csv_bytes(
            "a@example.org;A;;;;;;;;op papier",
            f"b@example.org;B;;;;;;;{tomorrow};mondeling",
            "c@example.org;C;;;;;;;31-12-2024;per duif",
        ),
    )
    reasons = [r.reasons for r in report.rows]
    assert "toestemming" in reasons[0][0] and "toekomst" in reasons[1][0]
    assert any("op papier" in reason for reason in reasons[2])


def test_only_a_coordinator_of_the_organisation_may_import(org, other_org, dewi, amina):
    from bondgenoot.core.errors import NotAllowed

    _fmt, rows = read_rows(csv_bytes(row(1)), "a.csv")
    for by in (dewi, amina, None):
        with pytest.raises(NotAllowed):
            services.profiles_import(organisation=org, by=by, rows=rows, file_format="csv")
    assert not User.objects.filter(email="vrijwilliger1@example.org").exists()


def test_xlsx_and_jsonl_import(org, gijs, oosterpark):
    wb = Workbook()
    ws = wb.active
    ws.append(["email", "name", "consent_given_on", "consent_how", "capacity"])
    ws.append(["x@example.org", "Xandra", datetime.date(2025, 1, 2), "digitaal", "nu even niet"])
    ws.append([None, None, None, None, None])
    out = io.BytesIO()
    wb.save(out)
    assert _import(org, gijs, out.getvalue(), "leden.xlsx").ok
    lines = [
        {
            "email": "y@example.org",
            "name": "Yara",
            "languages": ["nl", "so"],
            "consent_given_on": "2025-01-02",
            "consent_how": "mondeling",
        },
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    assert _import(org, gijs, data, "leden.jsonl").ok
    assert Person.objects.get(user__email="x@example.org").capacity == Capacity.NOT_NOW
    assert Person.objects.get(user__email="y@example.org").languages == ["nl", "so"]


def test_jsonl_line_without_required_keys_names_the_line():
    data = (
        b'{"email": "a@example.org", "name": "A", "consent_given_on": "2025-01-01", '
        b'"consent_how": "digitaal"}\n{"email": "b@example.org"}\n'
    )
    with pytest.raises(FileRefused) as refused:
        read_rows(data, "a.jsonl")
    assert "2" in refused.value.message


# Export -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "jsonl"])
def test_export_gives_the_same_columns_back(org, gijs, oosterpark, fmt, tmp_path):
    from bondgenoot.transfer.writing import write_rows

    assert _import(org, gijs, csv_bytes(row(1), row(2))).ok
    data, count = write_rows(services.export_rows(organisation=org), fmt)
    assert count == 3  # gijs, the coordinator, too
    _fmt, rows = read_rows(data, f"x.{fmt}")
    by_email = {r.cells["email"]: r.cells for r in rows}
    assert by_email["vrijwilliger1@example.org"]["consent_how"] == "op papier"
    assert by_email["vrijwilliger1@example.org"]["capacity"] == "een beetje tijd"
    assert by_email["gijs@example.org"]["role"] == "coördinator"


def test_export_holds_only_members_of_that_organisation(org, gijs, other_org, dewi, amina):
    emails = {r["email"] for r in services.export_rows(organisation=org)}
    assert emails == {"gijs@example.org"}


# Command line -------------------------------------------------------------------------------


def test_command_dry_run_and_commit(org, gijs, oosterpark, tmp_path):
    path = tmp_path / "leden.csv"
    path.write_bytes(csv_bytes(row(1), row(2)))
    out = io.StringIO()
    call_command("import_profiles", str(path), "--organisation", org.name, "--dry-run", stdout=out)
    assert "2" in out.getvalue() and not User.objects.filter(email__startswith="vrij").exists()
    call_command(
        "import_profiles",
        str(path),
        "--organisation",
        str(org.pk),
        "--by",
        "gijs@example.org",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert Membership.objects.filter(organisation=org).count() == 3
    with pytest.raises(CommandError):  # now the accounts exist: refused, nothing written
        call_command("import_profiles", str(path), "--organisation", org.name, stdout=out)
    export = tmp_path / "uit.xlsx"
    call_command(
        "export_profiles",
        "--organisation",
        org.name,
        "--format",
        "xlsx",
        "-o",
        str(export),
        stdout=io.StringIO(),
    )
    assert len(read_rows(export.read_bytes(), "uit.xlsx")[1]) == 3
    assert TransferRecord.objects.filter(kind=TransferKind.EXPORT).count() == 1


def test_command_refuses_a_by_who_is_not_coordinator(org, dewi, tmp_path):
    path = tmp_path / "leden.csv"
    path.write_bytes(csv_bytes(row(1)))
    with pytest.raises(CommandError):
        call_command(
            "import_profiles", str(path), "--organisation", org.name, "--by", "dewi@example.org"
        )
