"""Small helpers shared by the privacy tests."""

from typing import Any

from django.test import Client
from django.urls import reverse

PASSWORD = "geheim-wachtwoord-123"  # the password of every account made by UserFactory


def login(client: Client, person: Any) -> None:
    client.force_login(person.user)


def confirm_it_is_me(client: Client, *, next_url: str = "") -> Any:
    """Re-enter the password on the confirmation page, as a person would."""
    data = {"password": PASSWORD}
    if next_url:
        data["next"] = next_url
    response = client.post(reverse("privacy:reauth"), data)
    assert response.status_code == 302, response.content.decode()[:500]
    return response
