"""The outsider matrix: nobody sees or changes an alliance, its journal, contributions or
invitations, an organisation's business, or a profile field or any other personal data, that is
not theirs.

Every URL pattern of the site is discovered from the URL conf (``get_resolver()``); the test
fails when a pattern has no entry in ``TARGETS`` below (or in an app's ``tests/suites.py``, see
``core/tests/suites.py``), so a new view cannot be forgotten. The
Django admin under /beheer/ is one group: its index is a target, and every other pattern of it
is walked as well (only the site admin gets in; everyone else is sent to the admin login).

For every role (anonymous, stranger, party of another alliance, member and coordinator of
another organisation, funder, site admin) and every URL, with GET and with POST:

- the secret text of the world (in every private field) and amina's e-mail address never
  appear in the answer; pages about "you" (Mijn gegevens, Wie keek er mee, Login and security)
  show the outsider their own data only;
- the answer is the expected refusal (404/403/the login page) or the outsider's own page, and
  never a server error;
- the database does not change (a fingerprint of every model, see ``fingerprint``).

The legitimate people (amina, bas, gijs, the invitee ilse, the site admin, and anonymous for
public pages and e-mail links) open every page with GET too: it works for them (so the 404 of an
outsider means something), and a GET changes nothing in the database.

The counts of (URL, role) pairs checked are printed in the terminal summary ("URL checks").
"""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from bondgenoot.accounts.tokens import email_login_tokens
from bondgenoot.alliances import services
from bondgenoot.alliances.models import ContributionKind, Party, SensitiveTopic
from bondgenoot.api.models import PersonalToken
from bondgenoot.api.tests.helpers import token_for as api_token_for
from bondgenoot.audit import services as audit_services
from bondgenoot.core import paper_forms
from bondgenoot.core.services import notify
from bondgenoot.core.tests import suites
from bondgenoot.core.tests.outsider_kit import (
    AMINA,
    ANON,
    BAD_LINK,
    GIJS,
    GUESSED,
    ILSE,
    LOGIN,
    NOT_FOUND,
    OK,
    OUTSIDERS,
    OWN_LOCK,
    REDIRECT,
    REFUSED,
    SECRET,
    UNAUTHORIZED,
    Target,
    World,
    none,
)
from bondgenoot.core.tests.url_coverage import summary_line
from bondgenoot.people import selectors as people_selectors
from bondgenoot.people import services as people_services
from bondgenoot.people.models import Membership, MembershipRole, Tag, Visibility
from bondgenoot.people.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    share_everything_with,
)
from bondgenoot.privacy import services as privacy_services
from bondgenoot.privacy.models import ExportFormat, Purpose
from bondgenoot.privacy.tests.helpers import PASSWORD
from bondgenoot.privacy.tokens import email_change_token

pytestmark = pytest.mark.django_db

AMINA_EMAIL = "amina@example.org"  # nobody but amina (and the site admin, in the admin) sees it

PROFILE_TEXTS = ("about", "strengths", "aspirations", "lived_experience", "limits")


@pytest.fixture
def pdf_as_text(monkeypatch):
    """WeasyPrint compresses the text in a PDF, so a leak would not show: here the paper forms
    are rendered as the HTML they are made from (same template, same context), and quicker."""

    def as_html(template: str, context: dict[str, Any], *, request: Any = None) -> bytes:
        return render_to_string(template, context, request=request).encode()

    monkeypatch.setattr(paper_forms, "render_pdf", as_html)


@pytest.fixture
def world(request, pdf_as_text, alliance_with_org, amina, bas, gijs, org, other_org):
    alliance = alliance_with_org
    alliance.intention = f"Intentie {SECRET}"
    alliance.way_of_working = f"Werkwijze {SECRET}"
    alliance.save()
    mine = Party.objects.get(alliance=alliance, person=amina)
    mine.role = f"Rol {SECRET}"
    mine.save()
    his = Party.objects.get(alliance=alliance, person=bas)
    entry = services.journal_entry_add(
        alliance=alliance,
        author=amina,
        what_happened=f"Logboek {SECRET}",
        what_we_learned=f"Geleerd {SECRET}",
        what_next=f"Verder {SECRET}",
        is_sensitive=True,
        sensitive_topics=[SensitiveTopic.HEALTH],
    )
    contribution = services.contribution_add(
        alliance=alliance,
        by=amina,
        giver=mine,
        receiver=his,
        kind=ContributionKind.TIME,
        description=f"Bijdrage {SECRET}",
    )
    invitation, invitation_secret = services.invitation_create(
        alliance=alliance, by=amina, message=f"Kom {SECRET}"
    )
    ilse = PersonFactory(display_name="Ilse", user__email="ilse@example.org")
    invitation_for_ilse, _ = services.invitation_create(
        alliance=alliance, by=amina, email="ilse@example.org", message=f"Voor Ilse {SECRET}"
    )

    # A person with private profile fields, one of them sensitive, that her ally bas has read.
    for name in PROFILE_TEXTS:
        setattr(amina, name, f"{name} {SECRET}")
    amina.capacity_note = f"Tijd {SECRET}"
    amina.sensitive_fields = ["lived_experience"]
    share_everything_with(amina, Visibility.ALLIES)
    audit_services.record_profile_reads(
        viewer=bas, shown=[people_selectors.shown_person(amina, is_self=False, is_ally=True)]
    )
    notify(people=[amina], text=f"Bericht {SECRET}")
    privacy_services.consents_update(
        person=amina, by=amina, answers=dict.fromkeys(Purpose.values, True)
    )
    privacy_services.data_export_make(person=amina, by=amina, format=ExportFormat.JSON)

    org_invitation, org_invitation_secret = people_services.organisation_invitation_create(
        organisation=org, by=gijs, message=f"Word lid {SECRET}"
    )
    Tag.objects.get_or_create(name="koken")  # so that the admin has a tag to show
    api_token_for(amina)  # a personal token for the JSON API (its revoke page is a target)

    # A member (not a coordinator) of another organisation.
    hanna = PersonFactory(display_name="Hanna", user__email="hanna@example.org")
    MembershipFactory(organisation=other_org, person=hanna, role=MembershipRole.MEMBER)

    request.getfixturevalue("other_alliance")  # eva, fleur and dewi's organisation
    people = {
        "amina": amina,
        "bas": bas,
        "gijs": gijs,
        "ilse": ilse,
        "admin": request.getfixturevalue("admin"),
        # The outsiders, by role. None: an anonymous visitor.
        "anonymous": None,
        "stranger": request.getfixturevalue("chris"),
        "party of another alliance": request.getfixturevalue("eva"),
        "member of another organisation": hanna,
        "coordinator of another organisation": request.getfixturevalue("dewi"),
        "funder": request.getfixturevalue("funder"),
        "site admin": request.getfixturevalue("admin"),
    }
    w = World(
        alliance=alliance,
        amina_party=mine,
        bas_party=his,
        entry=entry,
        contribution=contribution,
        invitation=invitation,
        invitation_secret=invitation_secret,
        invitation_for_ilse=invitation_for_ilse,
        org=org,
        membership=Membership.objects.get(organisation=org, person=gijs),
        org_invitation=org_invitation,
        org_invitation_secret=org_invitation_secret,
        people=people,
    )
    suites.build("outsiders", w)
    return w


def _uid(w: World) -> str:
    return urlsafe_base64_encode(force_bytes(w.amina.user.pk))


def _alliance(w: World) -> dict[str, Any]:
    return {"pk": w.alliance.pk}


def _entry(w: World) -> dict[str, Any]:
    return {"pk": w.alliance.pk, "entry_pk": w.entry.pk}


def _api_alliance(w: World) -> dict[str, Any]:
    return {"alliance_id": w.alliance.pk}


def _org(w: World) -> dict[str, Any]:
    return {"pk": w.org.pk}


def _membership(w: World) -> dict[str, Any]:
    return {"pk": w.org.pk, "membership_pk": w.membership.pk}


def _email_change_token(w: World) -> dict[str, Any]:
    user = w.amina.user
    token = email_change_token(user_id=user.pk, old_email=user.email, new_email="nieuw@example.org")
    return {"token": token}


TARGETS: dict[str, Target] = {
    # core -------------------------------------------------------------------------------------
    "core:home": Target(none, OK, only="GET", anonymous=OK, insider=(AMINA, 200)),
    # POST marks one's own notices read (an outsider has none: nothing changes).
    "core:notices_read": Target(none, REDIRECT, only="POST", insider=(AMINA, 405)),
    "core:accessibility": Target(none, OK, only="GET", anonymous=OK, insider=(ANON, 200)),
    # accounts ---------------------------------------------------------------------------------
    # Logged in, signing up and logging in send you home.
    "accounts:signup": Target(none, REDIRECT, anonymous=OK, insider=(ANON, 200)),
    "accounts:login": Target(none, REDIRECT, anonymous=OK, insider=(ANON, 200)),
    # Nobody is halfway through logging in: back to the login page.
    "accounts:two_factor_verify": Target(none, REDIRECT, anonymous=REDIRECT, insider=(ANON, 302)),
    "accounts:email_link_request": Target(none, OK, anonymous=OK, insider=(ANON, 200)),
    "accounts:email_link_login": Target(
        lambda w: {"uidb64": _uid(w), "token": GUESSED},
        BAD_LINK,
        anonymous=BAD_LINK,
        insider=(ANON, 200),
        insider_kwargs=lambda w: {
            "uidb64": _uid(w),
            "token": email_login_tokens.make_token(w.amina.user),
        },
    ),
    # Logging out (POST only) ends one's own session.
    "accounts:logout": Target(
        none, OK | REDIRECT, only="POST", anonymous=OK | REDIRECT, insider=(AMINA, 405)
    ),
    "accounts:password_reset": Target(none, OK, anonymous=OK, insider=(ANON, 200)),
    "accounts:password_reset_done": Target(none, OK, only="GET", anonymous=OK, insider=(ANON, 200)),
    # A guessed token: the page that says the link does not work (200, no form).
    "accounts:password_reset_confirm": Target(
        lambda w: {"uidb64": _uid(w), "token": GUESSED},
        OK,
        post=OK,
        anonymous=OK,
        anonymous_post=OK,
        insider=(ANON, 302),  # a real link: on to the form, the token kept in the session
        insider_kwargs=lambda w: {
            "uidb64": _uid(w),
            "token": default_token_generator.make_token(w.amina.user),
        },
    ),
    "accounts:password_reset_complete": Target(
        none, OK, only="GET", anonymous=OK, insider=(ANON, 200)
    ),
    # The pages about one's own account: the outsider's own.
    "accounts:password_change": Target(none, OK, insider=(AMINA, 200)),
    "accounts:security": Target(none, OK, only="GET", insider=(AMINA, 200)),
    "accounts:two_factor_setup": Target(none, OK, insider=(AMINA, 200)),
    # Without two-step verification on: back to the security page.
    "accounts:two_factor_disable": Target(none, REDIRECT, insider=(AMINA, 302)),
    "accounts:sessions_end": Target(none, OK, insider=(AMINA, 200)),
    "accounts:recovery_codes_renew": Target(none, REDIRECT, insider=(AMINA, 302)),
    # people -----------------------------------------------------------------------------------
    "people:directory": Target(none, OK, only="GET", insider=(AMINA, 200)),
    "people:person_detail": Target(
        lambda w: {"pk": w.amina.pk}, NOT_FOUND, only="GET", insider=("bas", 200)
    ),
    "people:profile_edit": Target(none, OK, insider=(AMINA, 200)),  # always one's own profile
    # The profile on paper (PDF): one's own, or an empty one. The PDF's text is checked (see
    # ``pdf_as_text``).
    "people:profile_paper": Target(none, OK, only="GET", insider=(AMINA, 200)),
    "people:profile_paper_blank": Target(none, OK, only="GET", insider=(AMINA, 200)),
    # Typing in someone's paper profile: only an ally of theirs.
    "people:profile_paper_entry": Target(
        lambda w: {"pk": w.amina.pk}, NOT_FOUND, insider=("bas", 200)
    ),
    "people:organisation_list": Target(none, OK, only="GET", insider=(GIJS, 200)),
    "people:organisation_create": Target(none, OK, insider=(GIJS, 200)),
    # The page of an organisation is public; its members and invitations are not.
    "people:organisation_detail": Target(_org, OK, only="GET", insider=(GIJS, 200)),
    "people:organisation_edit": Target(_org, REFUSED, insider=(GIJS, 200)),
    "people:organisation_invite": Target(_org, REFUSED, insider=(GIJS, 200)),
    "people:organisation_invitation_withdraw": Target(
        lambda w: {"pk": w.org.pk, "invitation_pk": w.org_invitation.pk},
        REFUSED,
        insider=(GIJS, 200),
    ),
    "people:membership_role": Target(_membership, REFUSED, only="POST", insider=(GIJS, 405)),
    "people:membership_end": Target(_membership, REFUSED, insider=(GIJS, 200)),
    # Without the secret from the link, a guessed secret finds nothing.
    "people:organisation_invitation": Target(
        lambda w: {"secret": GUESSED},
        NOT_FOUND,
        insider=(ILSE, 200),
        insider_kwargs=lambda w: {"secret": w.org_invitation_secret},
    ),
    # matching ---------------------------------------------------------------------------------
    # Bondgenoot zoeken: everyone logged in searches; what they find is checked in
    # matching/tests (only consent, only parts shared with everyone, never sensitive ones).
    "matching:search": Target(none, OK, only="GET", insider=(AMINA, 200)),
    # transfer: import and export of members' profiles, only for coordinators of that org --
    "transfer:import": Target(_org, REFUSED, insider=(GIJS, 200)),
    "transfer:import_confirm": Target(_org, REFUSED, only="POST", insider=(GIJS, 405)),
    "transfer:import_cancel": Target(_org, REFUSED, only="POST", insider=(GIJS, 405)),
    "transfer:export": Target(_org, REFUSED, only="POST", insider=(GIJS, 405)),
    # alliances --------------------------------------------------------------------------------
    "alliances:list": Target(none, OK, only="GET", insider=(AMINA, 200)),
    "alliances:start": Target(none, OK, insider=(AMINA, 200)),
    "alliances:detail": Target(_alliance, NOT_FOUND, only="GET", insider=(AMINA, 200)),
    "alliances:edit": Target(_alliance, NOT_FOUND, insider=(AMINA, 200)),
    "alliances:party_role": Target(
        lambda w: {"pk": w.alliance.pk, "party_pk": w.amina_party.pk},
        NOT_FOUND,
        insider=(AMINA, 200),
    ),
    "alliances:party_leave": Target(
        lambda w: {"pk": w.alliance.pk, "party_pk": w.amina_party.pk},
        NOT_FOUND,
        insider=(AMINA, 200),
    ),
    "alliances:party_remove": Target(
        lambda w: {"pk": w.alliance.pk, "party_pk": w.bas_party.pk},
        NOT_FOUND,
        insider=(AMINA, 200),
    ),
    "alliances:organisation_join": Target(_alliance, NOT_FOUND, only="POST", insider=(GIJS, 405)),
    "alliances:invite": Target(_alliance, NOT_FOUND, insider=(AMINA, 200)),
    "alliances:invitation_withdraw": Target(
        lambda w: {"pk": w.alliance.pk, "invitation_pk": w.invitation.pk},
        NOT_FOUND,
        insider=(AMINA, 200),
    ),
    "alliances:invitation": Target(
        lambda w: {"secret": GUESSED},
        NOT_FOUND,
        insider=(ILSE, 200),
        insider_kwargs=lambda w: {"secret": w.invitation_secret},
    ),
    # Only the person it was sent to (by e-mail address) finds it.
    "alliances:invitation_by_id": Target(
        lambda w: {"invitation_pk": w.invitation_for_ilse.pk}, NOT_FOUND, insider=(ILSE, 200)
    ),
    "alliances:journal_entry_add": Target(_alliance, NOT_FOUND, insider=(AMINA, 200)),
    "alliances:journal_entry": Target(_entry, NOT_FOUND, only="GET", insider=(AMINA, 200)),
    "alliances:journal_entry_edit": Target(_entry, NOT_FOUND, insider=(AMINA, 200)),
    "alliances:journal_entry_milestone": Target(
        _entry, NOT_FOUND, only="POST", insider=(AMINA, 405)
    ),
    "alliances:journal_entry_delete": Target(_entry, NOT_FOUND, insider=(AMINA, 200)),
    "alliances:contributions": Target(_alliance, NOT_FOUND, only="GET", insider=(AMINA, 200)),
    "alliances:contribution_add": Target(_alliance, NOT_FOUND, insider=(AMINA, 200)),
    "alliances:contribution_delete": Target(
        lambda w: {"pk": w.alliance.pk, "contribution_pk": w.contribution.pk},
        NOT_FOUND,
        insider=(AMINA, 200),
    ),
    # api (JSON under /api/v1/, docs/api.md) ---------------------------------------------------
    # The API checks the login itself: anonymous gets 401 in JSON, not the login page. Outsiders
    # get their own data, and 404 for amina's alliance. A POST to a GET-only endpoint is a 405.
    "api:api-root": Target(none, OK, only="GET", anonymous=OK, insider=(ANON, 200)),
    "api:openapi-json": Target(none, OK, only="GET", anonymous=OK, insider=(ANON, 200)),
    "api:me": Target(none, OK, only="GET", anonymous=UNAUTHORIZED, insider=(AMINA, 200)),
    "api:alliances": Target(none, OK, only="GET", anonymous=UNAUTHORIZED, insider=(AMINA, 200)),
    "api:alliance": Target(
        _api_alliance, NOT_FOUND, only="GET", anonymous=UNAUTHORIZED, insider=(AMINA, 200)
    ),
    # A POST without a JSON body is refused before the alliance is looked up (400); with a
    # valid body an outsider gets 404 (bondgenoot/api/tests/test_api.py).
    "api:journal": Target(
        _api_alliance,
        NOT_FOUND,
        post=BAD_LINK,
        anonymous=UNAUTHORIZED,
        insider=(AMINA, 200),
    ),
    "api:contributions": Target(
        _api_alliance, NOT_FOUND, only="GET", anonymous=UNAUTHORIZED, insider=(AMINA, 200)
    ),
    "api:invitations": Target(none, OK, only="GET", anonymous=UNAUTHORIZED, insider=(AMINA, 200)),
    "api:ally_search": Target(none, OK, only="GET", anonymous=UNAUTHORIZED, insider=(AMINA, 200)),
    # Personal tokens in the account area: one's own list; someone else's token is a 404.
    "api:tokens": Target(none, OK, insider=(AMINA, 200)),
    "api:token_revoke": Target(
        lambda w: {"pk": PersonalToken.objects.get(person=w.amina).pk},
        NOT_FOUND,
        insider=(AMINA, 200),
    ),
    # audit ------------------------------------------------------------------------------------
    # Wie keek er mee: only ever the records about oneself.
    "audit:my_access_log": Target(none, OK, only="GET", insider=(AMINA, 200)),
    # privacy (Mijn gegevens: no ids in the URLs, always one's own) ---------------------------
    "privacy:overview": Target(none, OK, only="GET", insider=(AMINA, 200)),
    "privacy:reauth": Target(none, OK, insider=(AMINA, 200), post_writes=OWN_LOCK),
    # A guessed link token: "this link does not work".
    "privacy:reauth_link": Target(lambda w: {"token": GUESSED}, BAD_LINK),
    # First confirm that it is you.
    "privacy:download": Target(none, REDIRECT, only="GET", insider=(AMINA, 302)),
    "privacy:download_file": Target(
        lambda w: {"format": ExportFormat.JSON}, REDIRECT, only="POST", insider=(AMINA, 405)
    ),
    "privacy:email_change": Target(none, OK, insider=(AMINA, 200), post_writes=OWN_LOCK),
    "privacy:email_confirm": Target(
        lambda w: {"token": GUESSED},
        BAD_LINK,
        insider=(AMINA, 200),
        insider_kwargs=_email_change_token,
    ),
    "privacy:consents": Target(none, OK, insider=(AMINA, 200)),
    "privacy:account_delete": Target(none, REDIRECT, insider=(AMINA, 302)),
    "privacy:goodbye": Target(none, OK, only="GET", anonymous=OK, insider=(ANON, 200)),
    # Choosing the language of the page: a redirect back, for everyone.
    "set_language": Target(none, REDIRECT, anonymous=REDIRECT, insider=(ANON, 302)),
    # The Django admin: only the site admin gets in (see also test_the_admin_is_...).
    "admin:index": Target(
        none, REDIRECT, anonymous=REDIRECT, site_admin=OK, insider=("admin", 200)
    ),
}
TARGETS.update(suites.merged("OUTSIDER_TARGETS"))  # the apps' own (core/tests/suites.py)


# Discovery -------------------------------------------------------------------------------------


def walk(patterns: list[Any], namespace: str = "") -> Iterator[tuple[str, Any]]:
    """(name, pattern) of every URL pattern of the site; unnamed ones as ``?<route>``."""
    for item in patterns:
        if isinstance(item, URLResolver):
            inner = f"{namespace}{item.namespace}:" if item.namespace else namespace
            yield from walk(item.url_patterns, inner)
        elif isinstance(item, URLPattern):
            yield f"{namespace}{item.name or '?' + str(item.pattern)}", item


def site_names() -> set[str]:
    return {name for name, _ in walk(get_resolver().url_patterns) if not _is_admin(name)}


def admin_patterns() -> dict[str, Any]:
    """The Django admin's own patterns, handled as one group (besides its index)."""
    return {
        name: pattern
        for name, pattern in walk(get_resolver().url_patterns)
        if _is_admin(name) and name not in TARGETS
    }


def _is_admin(name: str) -> bool:
    return name.startswith("admin:")


def test_every_url_of_the_site_is_in_the_matrix():
    names = site_names() | {"admin:index"}
    missing = sorted(names - set(TARGETS))
    assert not missing, f"add these URL patterns to TARGETS in {__name__}: {missing}"
    assert not sorted(set(TARGETS) - names), "TARGETS names URL patterns that no longer exist"


# Requests and fingerprints ---------------------------------------------------------------------

# Left out of the database fingerprint, each for a documented reason:
# - sessions.Session: logging in, and every request (the idle timeout), write the session;
# - audit.AccessRecord: written on purpose when a page shows someone else's sensitive profile
#   field or a sensitive journal entry ("Wie keek er mee", docs/privacy.md): a GET-time write;
# - axes.AccessLog: django-axes' own record of logging in and out;
# - and what an app's plugin names in its ``FINGERPRINT_SKIP`` ({label: reason}).
FINGERPRINT_SKIP = {"sessions.Session", "audit.AccessRecord", "axes.AccessLog"} | set(
    suites.merged("FINGERPRINT_SKIP")
)


# Models whose rows are hashed, not only counted: those of the apps under test.
# The apps that take part through a plugin (core/tests/suites.py) are hashed as well.
HASHED_APPS = {
    "accounts",
    "core",
    "people",
    "alliances",
    "audit",
    "privacy",
} | suites.plugin_labels()


@cache
def _fingerprint_queries() -> tuple[list[str], str, list[tuple[str, str]]]:
    """(labels counted, one query counting them all, [(label, query of all rows)])."""
    quote = connection.ops.quote_name
    counted: list[tuple[str, str]] = []
    hashed: list[tuple[str, str]] = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.label in FINGERPRINT_SKIP:
            continue
        table = quote(meta.db_table)
        if meta.app_label in HASHED_APPS:
            order = quote(meta.pk.column)
            hashed.append((meta.label, f"SELECT * FROM {table} ORDER BY {order}"))  # noqa: S608
        else:
            counted.append((meta.label, f"SELECT COUNT(*) FROM {table}"))  # noqa: S608
    count_all = "SELECT " + ", ".join(f"({sql})" for _, sql in counted)
    return [label for label, _ in counted], count_all, hashed


def fingerprint() -> dict[str, str]:
    """The row count of every model, and a hash of all rows of the models under test."""
    labels, count_all, hashed = _fingerprint_queries()
    with connection.cursor() as cursor:
        cursor.execute(count_all)
        result = {
            label: f"{count} rows" for label, count in zip(labels, cursor.fetchone(), strict=True)
        }
        for label, sql in hashed:
            cursor.execute(sql)
            rows = cursor.fetchall()
            digest = hashlib.sha256(repr(rows).encode()).hexdigest()[:12]
            result[label] = f"{len(rows)} rows #{digest}"
    return result


def _changed(before: dict[str, str], after: dict[str, str]) -> dict[str, str]:
    return {
        label: f"{label}: {before[label]} -> {after[label]}"
        for label in before
        if before[label] != after[label]
    }


def _body(response: Any) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace") + response.get("Location", "")


@dataclass
class Visitor:
    """A test client that stays logged in as one person (or stays anonymous)."""

    person: Any
    client: Client = field(default_factory=Client)
    logged_in: bool = False
    state: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, url: str) -> tuple[Any, dict[str, str]]:
        """Make the request; return the answer and the changes in the database it made."""
        if self.person is not None and not self.logged_in:
            self.client.force_login(self.person.user)
            self.logged_in = True
            self.state = fingerprint()
        elif not self.state:
            self.state = fingerprint()
        response = getattr(self.client, method)(url)
        after = fingerprint()
        changes = _changed(self.state, after)
        self.state = after
        if self.person is not None:
            user = getattr(response.wsgi_request, "user", None)
            self.logged_in = bool(user is not None and user.is_authenticated)
        return response, changes


def _path(url: str) -> str:
    return urlsplit(url).path


def _check(expected: frozenset[int] | str, response: Any) -> str | None:
    """None when the answer is as expected, otherwise what was wrong."""
    status = response.status_code
    if expected == LOGIN:
        location = _path(response.get("Location", ""))
        if status == 302 and location == reverse("accounts:login"):
            return None
        return f"expected the login page, got {status} {response.get('Location', '')}"
    if status not in expected:
        return f"expected {sorted(expected)}, got {status} {response.get('Location', '')}"
    return None


def _leaks(body: str, *, email_too: bool = True) -> list[str]:
    found = [SECRET] if SECRET in body else []
    if email_too and AMINA_EMAIL in body:
        found.append(AMINA_EMAIL)
    return found


# The matrix ------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "post"])
def test_no_outsider_sees_or_changes_what_is_not_theirs(world, method, request):
    problems: list[str] = []
    checked = 0
    for role in OUTSIDERS:
        visitor = Visitor(world.people[role])
        for name, target in TARGETS.items():
            url = reverse(name, kwargs=target.kwargs(world))
            where = f"{role}: {method.upper()} {url} ({name})"
            try:
                response, changes = visitor.request(method, url)
            except Exception as error:  # a server error: report it with the others
                problems.append(f"{where}: raised {error!r}")
                visitor.logged_in = False
                visitor.state = {}
                continue
            checked += 1
            if leaked := _leaks(_body(response)):
                problems.append(f"{where}: shows {leaked}")
            if wrong := _check(target.expected(role, method), response):
                problems.append(f"{where}: {wrong}")
            if method == "post" and role != "anonymous":
                changes = {k: v for k, v in changes.items() if k not in target.post_writes}
            if changes:
                problems.append(f"{where}: changed the database: {list(changes.values())}")

    world.alliance.refresh_from_db()
    assert SECRET in world.alliance.intention
    summary_line(
        request.config,
        f"outsider matrix, {method.upper()}: {checked} (URL, role) pairs checked "
        f"({len(TARGETS)} URL patterns x {len(OUTSIDERS)} roles)",
    )
    assert not problems, "\n".join(problems)


# Pages that show the secret text of the world to the people it belongs to: so the secret is
# really there, and its absence for the outsiders means something.
INSIDER_SEES_SECRET = {
    "alliances:detail",
    "alliances:edit",
    "api:me",
    "api:alliance",
    "api:journal",
    "api:contributions",
    "alliances:journal_entry",
    "alliances:contributions",
    "alliances:invitation",
    "alliances:invitation_by_id",
    "people:person_detail",
    "people:profile_edit",
    "people:profile_paper",
    "privacy:overview",
    "core:home",
}
INSIDER_SEES_SECRET |= set(suites.merged("INSIDER_SEES_SECRET"))


def test_the_people_it_belongs_to_open_it_and_a_get_changes_nothing(world, request):
    """The other half of the matrix: the same pages open for the people they belong to (so a
    404 for an outsider means something), and no GET changes the database for them either."""
    problems: list[str] = []
    checked = 0
    for name, target in TARGETS.items():
        if target.insider is None:
            continue
        who, status = target.insider
        kwargs = (target.insider_kwargs or target.kwargs)(world)
        url = reverse(name, kwargs=kwargs)
        visitor = Visitor(world.people[who])
        response, changes = visitor.request("get", url)
        checked += 1
        if response.status_code != status:
            problems.append(
                f"{who}: GET {url} ({name}): expected {status}, got "
                f"{response.status_code} {response.get('Location', '')}"
            )
        if changes:
            problems.append(
                f"{who}: GET {url} ({name}) changed the database: {list(changes.values())}"
            )
        if name in INSIDER_SEES_SECRET and SECRET not in _body(response):
            problems.append(f"{who}: GET {url} ({name}) does not show the secret text")
    summary_line(
        request.config, f"legitimate people, GET (works, changes nothing): {checked} URLs checked"
    )
    assert not problems, "\n".join(problems)


def test_the_people_it_belongs_to_can_use_what_is_refused_to_outsiders(world, client):
    """The POST-only URLs and the pages behind "confirm it is you", refused to every outsider
    above, do their work for the people they belong to."""
    amina, gijs = world.people["amina"], world.people["gijs"]
    client.force_login(amina.user)

    assert client.post(reverse("core:notices_read")).status_code == 302
    assert not amina.notices.filter(read_at__isnull=True).exists()

    milestone = reverse("alliances:journal_entry_milestone", kwargs=_entry(world))
    assert client.post(milestone, {"milestone": "1"}).status_code == 302
    world.entry.refresh_from_db()
    assert world.entry.is_milestone

    house = OrganisationFactory(name="Huis van de Wijk")
    MembershipFactory(organisation=house, person=amina, role=MembershipRole.COORDINATOR)
    join = reverse("alliances:organisation_join", kwargs=_alliance(world))
    assert client.post(join, {"organisation": house.pk}).status_code == 302
    assert Party.objects.filter(alliance=world.alliance, organisation_id=house.pk).exists()

    assert client.post(reverse("privacy:reauth"), {"password": PASSWORD}).status_code == 302
    assert client.get(reverse("privacy:download")).status_code == 200
    assert client.get(reverse("privacy:account_delete")).status_code == 200
    download = reverse("privacy:download_file", kwargs={"format": ExportFormat.JSON})
    response = client.post(download)
    assert response.status_code == 200
    assert SECRET in response.content.decode()  # her own data, all of it

    client.force_login(gijs.user)
    member = MembershipFactory(organisation=world.org, role=MembershipRole.MEMBER)
    role = reverse("people:membership_role", args=[world.org.pk, member.pk])
    assert client.post(role, {"role": MembershipRole.COORDINATOR}).status_code == 302
    member.refresh_from_db()
    assert member.role == MembershipRole.COORDINATOR


# The Django admin as one group -----------------------------------------------------------------


def _admin_kwargs(name: str, pattern: Any, world: World) -> dict[str, Any] | None:
    """Fill in an admin URL with an object of the world; None for the catch-all patterns."""
    if name.startswith("admin:?"):
        return None
    params = set(pattern.pattern.regex.groupindex)
    kwargs: dict[str, Any] = {}
    for param in params:
        if param == "app_label":
            kwargs[param] = "people"
        elif param == "id":
            kwargs[param] = world.amina.user.pk
        elif param == "content_type_id":
            kwargs[param] = ContentType.objects.get_for_model(world.org).pk
            kwargs["object_id"] = world.org.pk
        elif param == "object_id" and "content_type_id" not in params:
            app_label, model_name = name.removeprefix("admin:").split("_")[:2]
            model = apps.get_model(app_label, model_name)
            first = model._base_manager.order_by("pk").first()
            kwargs[param] = first.pk if first is not None else 1
    return kwargs


def test_the_admin_is_for_the_site_admin_only(world, request):
    """Everyone but the site admin is sent to the (admin) login page, for every admin URL, with
    GET and POST, and nothing changes; the site admin gets in and still sees no private text."""
    admin_login = reverse("admin:login")
    refused_to = {admin_login, reverse("admin:index"), reverse("accounts:login")}
    problems: list[str] = []
    counts = {"get": 0, "post": 0}
    patterns = admin_patterns()
    assert "admin:accounts_user_change" in patterns  # the walk found the admin
    for role in OUTSIDERS:
        person = world.people[role]
        is_site_admin = person is not None and person.user.is_staff
        visitor = Visitor(person)
        for method in ("get",) if is_site_admin else ("get", "post"):
            for name, pattern in patterns.items():
                kwargs = _admin_kwargs(name, pattern, world)
                if kwargs is None:
                    continue
                url = reverse(name, kwargs=kwargs)
                where = f"{role}: {method.upper()} {url} ({name})"
                response, changes = visitor.request(method, url)
                counts[method] += 1
                # The site admin runs the installation: accounts (with their e-mail addresses),
                # never profiles or journals.
                if leaked := _leaks(_body(response), email_too=not is_site_admin):
                    problems.append(f"{where}: shows {leaked}")
                status = response.status_code
                if is_site_admin:
                    # In: every page answers (the admin's own refusals, such as adding an
                    # axes record, are 403 and fine); the index is checked in TARGETS.
                    if status >= 500:
                        problems.append(f"{where}: the site admin got {status}")
                elif status != 302 or _path(response["Location"]) not in refused_to:
                    problems.append(
                        f"{where}: expected the admin login, got {status} "
                        f"{response.get('Location', '')}"
                    )
                if changes:
                    problems.append(f"{where}: changed the database: {list(changes.values())}")
    summary_line(
        request.config,
        f"Django admin group: GET {counts['get']}, POST {counts['post']} (URL, role) pairs "
        f"checked ({len(patterns)} admin URL patterns)",
    )
    assert not problems, "\n".join(problems)
