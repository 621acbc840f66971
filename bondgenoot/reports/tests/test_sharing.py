"""Sharing a frozen version with a funder or by a link; withdrawal; every opening recorded."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bondgenoot.core.errors import NotAllowed
from bondgenoot.core.tests import poppler
from bondgenoot.privacy.models import Purpose
from bondgenoot.reports import services
from bondgenoot.reports.models import ReportOpening

from .conftest import consent

pytestmark = pytest.mark.django_db


def test_only_a_coordinator_makes_and_shares_reports(report, amina, funder):
    with pytest.raises(NotAllowed):
        services.report_share_with_funder(report=report, by=amina, email="funder@example.org")


def test_a_funder_sees_the_shared_version_and_nothing_else(
    client, report, gijs, funder, lived_year
):
    share = services.report_share_with_funder(report=report, by=gijs, email="FUNDER@example.org")
    client.force_login(funder.user)
    assert client.get(reverse("reports:shared_list")).content.decode().count(report.title) == 1
    response = client.get(reverse("reports:shared_detail", args=[share.pk]))
    assert response.status_code == 200 and report.title in response.content.decode()
    assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 404
    assert client.get(reverse("alliances:detail", args=[lived_year.pk])).status_code == 404
    assert ReportOpening.objects.filter(share=share, by=funder).count() == 1


def test_another_account_cannot_open_the_funders_share(client, report, gijs, funder, chris):
    share = services.report_share_with_funder(report=report, by=gijs, email="funder@example.org")
    client.force_login(chris.user)
    assert client.get(reverse("reports:shared_detail", args=[share.pk])).status_code == 404
    assert not ReportOpening.objects.exists()


def test_sharing_with_an_unknown_address_says_what_to_do(client, report, gijs):
    client.force_login(gijs.user)
    response = client.post(
        reverse("reports:share", args=[report.pk]),
        {"how": "funder", "funder-email": "niemand@example.org"},
    )
    assert response.status_code == 200
    assert "Er is geen account met dit e-mailadres" in response.content.decode()


def test_a_version_is_frozen(client, report, gijs, funder):
    share = services.report_share_with_funder(report=report, by=gijs, email="funder@example.org")
    services.report_update(report=report, by=gijs, introduction="Een nieuwe inleiding.")
    client.force_login(funder.user)
    body = client.get(reverse("reports:shared_detail", args=[share.pk])).content.decode()
    assert "Wij staan naast bewoners." in body and "Een nieuwe inleiding." not in body


def test_a_withdrawn_consent_withdraws_the_shared_version(
    client, report, gijs, funder, amina, lived_year
):
    consent(amina, Purpose.QUOTE_IN_REPORT)
    share = services.report_share_with_funder(report=report, by=gijs, email="funder@example.org")
    client.force_login(funder.user)
    url = reverse("reports:shared_detail", args=[share.pk])
    assert "woningcorporatie" in client.get(url).content.decode()

    consent(amina, Purpose.QUOTE_IN_REPORT, given=False)
    response = client.get(url)
    assert response.status_code == 410
    assert "woningcorporatie" not in response.content.decode()
    assert client.get(reverse("reports:shared_pdf", args=[share.pk])).status_code == 410

    # A report made after the withdrawal never holds the words.
    again = services.report_share_with_funder(report=report, by=gijs, email="funder@example.org")
    assert again.version.number == 2
    assert "woningcorporatie" not in str(again.version.content)
    assert client.get(reverse("reports:shared_detail", args=[again.pk])).status_code == 200


def test_a_link_works_until_it_expires_or_is_stopped(client, report, gijs):
    share, secret = services.report_share_by_link(report=report, by=gijs, valid_days=7)
    url = reverse("reports:shared_link", args=[secret])
    assert client.get(url).status_code == 200  # anonymous
    assert client.get(reverse("reports:shared_link", args=["geraden"])).status_code == 404
    share.expires_on = datetime.date.today() - datetime.timedelta(days=1)  # noqa: DTZ011
    share.save()
    assert client.get(url).status_code == 404
    share.expires_on = datetime.date.today() + datetime.timedelta(days=1)  # noqa: DTZ011
    share.save()
    services.share_revoke(share=share, by=gijs)
    response = client.get(url)
    assert response.status_code == 404 and "Deze link werkt niet" in response.content.decode()
    assert ReportOpening.objects.filter(share=share, by=None).count() == 1


def test_a_link_is_shown_once_and_only_its_hash_is_stored(client, report, gijs):
    client.force_login(gijs.user)
    response = client.post(
        reverse("reports:share", args=[report.pk]), {"how": "link", "link-valid_days": "14"}
    )
    assert response.status_code == 200
    link = re.search(r'value="(http[^"]+/verantwoording/lezen/[^"]+/)"', response.content.decode())
    assert link is not None
    secret = link.group(1).rstrip("/").rsplit("/", 1)[1]
    assert not report.versions.get().shares.filter(token_hash=secret).exists()


def test_a_link_is_valid_for_at_most_90_days(report, gijs):
    with pytest.raises(ValidationError):
        services.report_share_by_link(report=report, by=gijs, valid_days=365)


def test_the_coordinator_sees_every_opening(client, report, gijs, funder):
    share = services.report_share_with_funder(report=report, by=gijs, email="funder@example.org")
    funder_client = client.__class__()
    funder_client.force_login(funder.user)
    funder_client.get(reverse("reports:shared_detail", args=[share.pk]))
    funder_client.get(reverse("reports:shared_pdf", args=[share.pk]))
    client.force_login(gijs.user)
    body = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "2 keer" in body and "Funder" in body


def test_the_period_must_be_in_order(gijs, org):
    with pytest.raises(ValidationError):
        services.report_create(
            by=gijs,
            organisation=org,
            title="Verkeerd om",
            period_start=datetime.date(2026, 5, 1),
            period_end=datetime.date(2026, 1, 1),
        )


def test_the_pdf_holds_the_report_without_withheld_names(client, report, gijs, amina, lived_year):
    consent(amina, Purpose.QUOTE_IN_REPORT)
    client.force_login(gijs.user)
    response = client.get(reverse("reports:pdf", args=[report.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = poppler.pdf_text(response.content)
    assert "Ons jaar 2026" in text and "Inhoud" in text
    assert "woningcorporatie" in text
    assert "Amina" not in text and "Bas" not in text


def test_deleting_an_account_empties_every_version_with_that_persons_words(
    client, report, gijs, funder, amina, lived_year
):
    from bondgenoot.privacy import services as privacy_services
    from bondgenoot.reports.models import ReportVersion

    consent(amina, Purpose.QUOTE_IN_REPORT)
    with_her = services.report_share_with_funder(report=report, by=gijs, email="funder@example.org")
    assert "woningcorporatie" in str(with_her.version.content)
    consent(amina, Purpose.QUOTE_IN_REPORT, given=False)
    without_her = services.report_share_with_funder(
        report=report, by=gijs, email="funder@example.org"
    )

    privacy_services.account_delete(person=amina, by=amina, keep_history=True)

    assert ReportVersion.objects.get(pk=with_her.version.pk).content == {}
    assert ReportVersion.objects.get(pk=without_her.version.pk).content != {}
    client.force_login(funder.user)
    assert client.get(reverse("reports:shared_detail", args=[with_her.pk])).status_code == 410
    assert client.get(reverse("reports:shared_detail", args=[without_her.pk])).status_code == 200
    client.force_login(gijs.user)
    number = with_her.version.number
    page = client.get(reverse("reports:version", args=[report.pk, number]))
    assert page.status_code == 200 and "woningcorporatie" not in page.content.decode()
