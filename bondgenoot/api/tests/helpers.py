"""Making tokens and calling the API in tests."""

import datetime
import json
from typing import Any

from django.test import Client
from django.utils import timezone

from bondgenoot.api import services
from bondgenoot.api.models import PersonalToken


def token_for(person: Any, *, name: str = "script", valid_days: int | None = 90) -> str:
    _token, secret = services.token_create(
        person=person, by=person, name=name, valid_days=valid_days
    )
    return secret


def expired_token_for(person: Any) -> str:
    token, secret = services.token_create(person=person, by=person, name="oud", valid_days=30)
    PersonalToken.objects.filter(pk=token.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    return secret


def revoked_token_for(person: Any) -> str:
    token, secret = services.token_create(person=person, by=person, name="weg", valid_days=30)
    services.token_revoke(token=token, by=person)
    return secret


def call(
    client: Client, method: str, url: str, *, token: str | None = None, body: Any = None
) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if body is None:
        return getattr(client, method)(url, headers=headers)
    return getattr(client, method)(
        url, data=json.dumps(body), content_type="application/json", headers=headers
    )
