"""Personal tokens: made for oneself only, only a hash stored, shown once, revoked at once,
gone with the account; and the pages in the account area, also for people who should not."""

import datetime
import hashlib

import pytest
from django.urls import reverse
from django.utils import timezone

from bondgenoot.api import services
from bondgenoot.api.models import PersonalToken
from bondgenoot.core.errors import NotAllowed, ServiceError
from bondgenoot.people.models import MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory

from .helpers import call, token_for

pytestmark = pytest.mark.django_db

ME = "/api/v1/me"


def test_only_a_hash_of_the_secret_is_stored(amina):
    token, secret = services.token_create(person=amina, by=amina, name="Excel", valid_days=30)
    assert secret.startswith("bgt_") and len(secret) > 40
    stored = PersonalToken.objects.get(pk=token.pk)
    assert stored.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in repr(stored.__dict__)
    assert stored.expires_at is not None
    assert stored.expires_at - timezone.now() > datetime.timedelta(days=29)


def test_nobody_makes_or_revokes_a_token_for_someone_else(amina, bas):
    with pytest.raises(NotAllowed):
        services.token_create(person=amina, by=bas, name="x", valid_days=30)
    token, _secret = services.token_create(person=amina, by=amina, name="x", valid_days=30)
    with pytest.raises(NotAllowed):
        services.token_revoke(token=token, by=bas)


def test_a_token_works_until_it_is_revoked(client, amina):
    token, secret = services.token_create(person=amina, by=amina, name="x", valid_days=None)
    assert call(client, "get", ME, token=secret).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    services.token_revoke(token=token, by=amina)
    response = call(client, "get", ME, token=secret)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_token_stops_working_when_it_expires(client, amina):
    token, secret = services.token_create(person=amina, by=amina, name="x", valid_days=30)
    PersonalToken.objects.filter(pk=token.pk).update(expires_at=timezone.now())
    assert call(client, "get", ME, token=secret).status_code == 401


def test_tokens_go_with_the_account(amina):
    token_for(amina)
    amina.user.delete()
    assert not PersonalToken.objects.exists()


def test_a_switched_off_account_cannot_use_its_token(client, amina):
    secret = token_for(amina)
    amina.user.is_active = False
    amina.user.save()
    assert call(client, "get", ME, token=secret).status_code == 401


def test_there_is_a_limit_on_working_tokens(amina):
    for i in range(services.MAX_USABLE_TOKENS):
        token_for(amina, name=f"t{i}")
    with pytest.raises(ServiceError):
        token_for(amina, name="een te veel")


@pytest.fixture
def two_factor_required(settings):
    settings.BONDGENOOT_REQUIRE_2FA_FOR_COORDINATORS = True


def test_coordinators_get_tokens_only_with_two_step_verification(
    client, gijs, org, two_factor_required
):
    with pytest.raises(ServiceError):
        token_for(gijs)
    gijs.user.totp_confirmed_at = timezone.now()
    gijs.user.save()
    secret = token_for(gijs)
    assert call(client, "get", ME, token=secret).status_code == 200
    # Turning it off again: the token stops working (403, with the reason in Dutch).
    gijs.user.totp_confirmed_at = None
    gijs.user.save()
    response = call(client, "get", ME, token=secret)
    assert response.status_code == 403
    assert "tweestapsverificatie" in response.json()["detail"]


def test_a_person_who_becomes_coordinator_needs_two_step_verification_for_the_token(
    client, amina, other_org, two_factor_required
):
    secret = token_for(amina)
    MembershipFactory(organisation=other_org, person=amina, role=MembershipRole.COORDINATOR)
    assert call(client, "get", ME, token=secret).status_code == 403


# The pages -------------------------------------------------------------------------------------

TOKENS = "/account/api-sleutels/"


def test_the_page_makes_a_token_and_shows_the_secret_once(client, amina):
    client.force_login(amina.user)
    response = client.get(TOKENS)
    assert response.status_code == 200
    assert "form" in response.context
    response = client.post(TOKENS, {"name": "Mijn spreadsheet", "valid_days": "30"})
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret in response.content.decode()
    token = PersonalToken.objects.get(person=amina)
    assert token.name == "Mijn spreadsheet"
    listing = client.get(TOKENS).content.decode()
    assert "Mijn spreadsheet" in listing
    assert secret not in listing
    assert call(client, "get", ME, token=secret).status_code == 200


def test_the_page_refuses_a_name_that_is_too_long_in_dutch(client, amina):
    client.force_login(amina.user)
    response = client.post(TOKENS, {"name": "x" * 81, "valid_days": ""})
    assert response.status_code == 200
    assert not PersonalToken.objects.exists()
    assert response.context["form"].errors["name"]


def test_revoking_asks_first_and_only_post_revokes(client, amina):
    token, _secret = services.token_create(person=amina, by=amina, name="x", valid_days=30)
    client.force_login(amina.user)
    url = reverse("api:token_revoke", args=[token.pk])
    assert client.get(url).status_code == 200
    token.refresh_from_db()
    assert token.revoked_at is None
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == TOKENS
    token.refresh_from_db()
    assert token.revoked_at is not None
    # Once more: it says so, and changes nothing.
    assert client.get(url).status_code == 302
    assert client.post(url).status_code == 302


def test_coordinator_without_two_step_verification_sees_no_form(client, gijs, org, settings):
    client.force_login(gijs.user)
    settings.BONDGENOOT_REQUIRE_2FA_FOR_COORDINATORS = True
    # The middleware sends them to the set-up page first; the page itself refuses too.
    assert client.get(TOKENS).status_code == 302
    settings.BONDGENOOT_REQUIRE_2FA_FOR_COORDINATORS = False
    assert services.tokens_allowed(gijs.user)


@pytest.mark.parametrize("who", ["stranger", "party of another alliance", "site admin"])
def test_nobody_sees_or_revokes_someone_elses_token(client, amina, outsiders, who):
    token, _secret = services.token_create(person=amina, by=amina, name="Van Amina", valid_days=30)
    client.force_login(outsiders[who].user)
    assert "Van Amina" not in client.get(TOKENS).content.decode()
    url = reverse("api:token_revoke", args=[token.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_anonymous_visitors_are_sent_to_the_login_page(client, amina):
    token, _secret = services.token_create(person=amina, by=amina, name="x", valid_days=30)
    for url in (TOKENS, reverse("api:token_revoke", args=[token.pk])):
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("accounts:login"))
    token.refresh_from_db()
    assert token.revoked_at is None
    assert PersonalToken.objects.count() == 1
