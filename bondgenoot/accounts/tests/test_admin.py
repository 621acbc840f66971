"""Accounts are not deleted in the admin: people delete their own account on "Mijn gegevens",
where they choose what happens to what they shared (the admin's cascade would skip that, and
failed for anyone who takes part in an alliance)."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(admin) -> Client:
    client = Client()
    client.force_login(admin.user)
    return client


def test_the_delete_page_is_refused_to_a_superuser(staff, alliance, amina):
    url = reverse("admin:accounts_user_delete", args=[amina.user.pk])
    assert staff.get(url).status_code == 403
    assert staff.post(url, {"post": "yes"}).status_code == 403
    amina.user.refresh_from_db()


def test_no_delete_action_or_link_and_a_note_where_people_delete_themselves(staff, amina):
    listing = staff.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "delete_selected" not in listing
    page = staff.get(reverse("admin:accounts_user_change", args=[amina.user.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert reverse("admin:accounts_user_delete", args=[amina.user.pk]) not in html
    assert "Mijn gegevens" in html
