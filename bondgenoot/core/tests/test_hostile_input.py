"""Hostile input in every form field and query parameter (issue 3).

The forms are discovered, not listed: every URL pattern of the site (without the Django admin
and logging out) is opened by a logged-in party of an alliance (amina), and the public ones also
by an anonymous visitor. Every ``<form method=post>`` on those pages is sent again with the
page's own values, sensible defaults for what is still empty, and one hostile value in one field.
Every page also gets hostile query parameters (q, page, next, sort, … and the names found in its
links and search forms).

For every answer: no server error, no payload markup unescaped on the page. A refusal says why in
Dutch and keeps what the person typed. What is stored is shown escaped on the page the form leads
to, and is stored as typed or cleaned, never cut off without a word.

Each POST runs in a savepoint that is rolled back, so a form that deletes or logs out does not
change the world for the next one.
"""

import copy
import datetime
import os
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import models, transaction
from django.db.models.signals import post_save
from django.http import HttpRequest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from bondgenoot.alliances import services as alliance_services
from bondgenoot.alliances.models import ContributionKind, Party
from bondgenoot.people import services as people_services
from bondgenoot.people.models import Membership, MembershipRole
from bondgenoot.people.tests.factories import MembershipFactory

from . import suites
from .hostile import (
    ALL_XSS,
    CHOICE_PAYLOADS,
    DATE_PAYLOADS,
    LONG_100K,
    PASSWORD_PAYLOADS,
    QUERY_PAYLOADS,
    TEXT_PAYLOADS,
    TEXT_TYPES,
    Control,
    Form,
    Page,
    Payload,
    controls_by_name,
    injected,
    iter_errors,
    normalise,
    not_dutch,
    read_page,
    urlencode_pairs,
)

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"
SKIP_NAMESPACES = ("admin:",)
SKIP_NAMES = {"accounts:logout"}
STANDARD_PARAMS = ("q", "page", "pagina", "next", "sort", "status")
APPS = ("accounts", "people", "alliances", "core", "audit", "privacy")


# The world -----------------------------------------------------------------------------------


@dataclass
class World:
    amina: Any
    alliance: Any
    entry: Any
    contribution: Any
    invitation: Any
    invitation_to_me: Any
    invitation_secret: str
    my_party: Any
    org: Any
    membership: Any
    org_invitation: Any
    org_invitation_secret: str
    extra: dict[str, Any] = field(default_factory=dict)  # the apps' plugins (core/tests/suites.py)


@pytest.fixture
def world(alliance_with_org, amina, bas, gijs, org, eva, other_alliance, other_org, dewi) -> World:
    alliance = alliance_with_org
    MembershipFactory(organisation=org, person=amina, role=MembershipRole.COORDINATOR)
    mine = Party.objects.get(alliance=alliance, person=amina)
    his = Party.objects.get(alliance=alliance, person=bas)
    entry = alliance_services.journal_entry_add(
        alliance=alliance, author=amina, what_happened="We belden de woningcorporatie."
    )
    contribution = alliance_services.contribution_add(
        alliance=alliance,
        by=amina,
        giver=mine,
        receiver=his,
        kind=ContributionKind.TIME,
        description="Een uur meegelezen",
    )
    invitation, _secret = alliance_services.invitation_create(alliance=alliance, by=amina)
    to_me, secret = alliance_services.invitation_create(
        alliance=other_alliance, by=eva, email=amina.user.email
    )
    org_invitation, _ = people_services.organisation_invitation_create(organisation=org, by=gijs)
    _, org_secret = people_services.organisation_invitation_create(
        organisation=other_org, by=dewi, email=amina.user.email
    )
    w = World(
        amina=amina,
        alliance=alliance,
        entry=entry,
        contribution=contribution,
        invitation=invitation,
        invitation_to_me=to_me,
        invitation_secret=secret,
        my_party=mine,
        org=org,
        membership=Membership.objects.get(organisation=org, person=gijs),
        org_invitation=org_invitation,
        org_invitation_secret=org_secret,
    )
    suites.build("hostile", w)
    return w


def url_kwargs(name: str, params: list[str], w: World) -> dict[str, Any] | None:
    """The arguments of a URL pattern, for the world above; None when there is no sensible one."""
    plugin = suites.merged("HOSTILE_KWARGS").get(name)
    if plugin is not None:
        return plugin(w)
    from bondgenoot.accounts.tokens import email_login_tokens
    from bondgenoot.privacy.tokens import email_change_token

    user = w.amina.user
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    namespace = name.split(":")[0]
    by_name: dict[str, Any] = {
        "entry_pk": w.entry.pk,
        "party_pk": w.my_party.pk,
        "contribution_pk": w.contribution.pk,
        "invitation_pk": w.invitation.pk if namespace == "alliances" else w.org_invitation.pk,
        "membership_pk": w.membership.pk,
        "uidb64": uid,
        "format": "json",
        "alliance_id": w.alliance.pk,  # the JSON API (bondgenoot/api)
    }
    special: dict[str, dict[str, Any]] = {
        "alliances:invitation": {"secret": w.invitation_secret},
        "alliances:invitation_by_id": {"invitation_pk": w.invitation_to_me.pk},
        "people:organisation_invitation": {"secret": w.org_invitation_secret},
        "people:person_detail": {"pk": w.amina.pk},
        "accounts:email_link_login": {"token": email_login_tokens.make_token(user)},
        "privacy:email_confirm": {
            "token": email_change_token(
                user_id=user.pk, old_email=user.email, new_email="nieuw-adres@example.org"
            )
        },
    }
    if name == "accounts:password_reset_confirm":
        from django.contrib.auth.tokens import default_token_generator

        special[name] = {"token": default_token_generator.make_token(user)}
    pk = w.alliance.pk if namespace == "alliances" else w.org.pk
    kwargs: dict[str, Any] = {}
    for param in params:
        if param in special.get(name, {}):
            kwargs[param] = special[name][param]
        elif param == "pk":
            kwargs[param] = pk
        elif param in by_name:
            kwargs[param] = by_name[param]
        else:
            return None
    return kwargs


def walk(patterns: list[Any], namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for item in patterns:
        if isinstance(item, URLResolver):
            inner = f"{namespace}{item.namespace}:" if item.namespace else namespace
            yield from walk(item.url_patterns, inner)
        elif isinstance(item, URLPattern) and item.name:
            yield f"{namespace}{item.name}", item


def site_urls(w: World) -> tuple[list[tuple[str, str, bool]], list[str]]:
    """(name, path, public) for every page of the site; and the names that could not be filled."""
    found, missing = [], []
    for name, pattern in walk(get_resolver().url_patterns):
        if name.startswith(SKIP_NAMESPACES) or name in SKIP_NAMES:
            continue
        params = list(pattern.pattern.converters)
        kwargs = url_kwargs(name, params, w)
        if kwargs is None:
            missing.append(name)
            continue
        public = getattr(pattern.callback, "login_required", True) is False
        found.append((name, reverse(name, kwargs=kwargs), public))
    return found, missing


# Sending forms -------------------------------------------------------------------------------

TODAY = datetime.date.today().isoformat()  # noqa: DTZ011 (a date a person types)
DEFAULTS = {
    "name": "Samen koken",
    "display_name": "Amina",
    "intention": "Elkaar helpen met de post.",
    "what_happened": "We spraken af bij de bieb.",
    "description": "Een uur meegelezen met de post.",
    "email": "nieuw-adres@example.org",
    "username": "amina@example.org",
    "hours": "1,5",
    "password": PASSWORD,
    "old_password": PASSWORD,
    "password1": "Een-lang-wachtwoord-42",
    "password2": "Een-lang-wachtwoord-42",
    "new_password1": "Een-lang-wachtwoord-42",
    "new_password2": "Een-lang-wachtwoord-42",
}


def fill(form: Form) -> list[tuple[str, str]]:
    """What a browser sends for this form, with empty required-looking fields filled in."""
    pairs: list[tuple[str, str]] = []
    used_options: Counter[tuple[str, ...]] = Counter()
    button_done = False
    for c in form.controls:
        if not c.name or (c.type in {"submit", "reset", "file", "image"} and c.tag == "input"):
            continue
        if c.tag == "button":
            if not button_done:
                pairs.append((c.name, c.value))
                button_done = True
        elif c.type in {"checkbox", "radio"}:
            if c.checked or (
                c.type == "radio"
                and not any(o.checked for o in form.controls if o.name == c.name)
                and c is next(o for o in form.controls if o.name == c.name)
            ):
                pairs.append((c.name, c.value or "on"))
        elif c.tag == "select":
            chosen = [v for v, selected in c.options if selected and v]
            if not chosen:
                values = tuple(v for v, _ in c.options if v)
                if values:
                    chosen = [values[min(used_options[values], len(values) - 1)]]
                    used_options[values] += 1
            pairs.extend((c.name, v) for v in chosen[:1])
        else:
            value = c.value
            if not value:
                value = TODAY if c.type == "date" else DEFAULTS.get(c.name, "")
            pairs.append((c.name, value))
    return pairs


def payloads_for(control: Control) -> list[Payload]:
    if control.type == "password":
        return PASSWORD_PAYLOADS
    if control.type in TEXT_TYPES:
        return TEXT_PAYLOADS
    if control.type in {"date", "number"}:
        return DATE_PAYLOADS
    return CHOICE_PAYLOADS


def targets(form: Form) -> list[Control]:
    seen, out = set(), []
    for c in form.controls:
        if c.tag == "button" or not c.name or c.name in seen or c.name == "csrfmiddlewaretoken":
            continue
        if c.tag == "input" and c.type in {"submit", "reset", "file", "image"}:
            continue
        seen.add(c.name)
        out.append(c)
    return out


def with_value(pairs: list[tuple[str, str]], name: str, value: Payload) -> list[Any]:
    out: list[Any] = [(n, v) for n, v in pairs if n != name]
    out.append((name, value))
    return out


# Stored values -------------------------------------------------------------------------------


class SavedRows:
    """The rows saved during one request (post_save), to find where a value was stored."""

    def __init__(self) -> None:
        self.rows: list[models.Model] = []

    def __call__(self, sender: Any, instance: models.Model, **kwargs: Any) -> None:
        self.rows.append(instance)

    def __enter__(self) -> "SavedRows":
        post_save.connect(self, dispatch_uid="hostile-input")
        return self

    def __exit__(self, *exc: object) -> None:
        post_save.disconnect(dispatch_uid="hostile-input")

    def stored_with(self, marker: str) -> list[tuple[str, Any]]:
        found = []
        for row in self.rows:
            for f in row._meta.concrete_fields:
                if isinstance(f, models.CharField | models.TextField | models.JSONField):
                    value = getattr(row, f.attname)
                    if marker in str(value):
                        found.append((f"{type(row).__name__}.{f.name}", value))
        return found


# The run -------------------------------------------------------------------------------------


@dataclass
class Run:
    client: Client
    failures: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    covered: set[str] = field(default_factory=set)
    forms_done: set[tuple[str, frozenset[str]]] = field(default_factory=set)
    display_pages: list[str] = field(default_factory=list)  # where stored text shows

    def fail(self, where: str, what: str) -> None:
        line = f"{where}: {what}"
        if line not in self.failures:
            self.failures.append(line)

    def request(self, where: str, method: str, path: str, body: str | None = None) -> Any:
        self.counts["requests"] += 1
        try:
            if method == "get":
                return self.client.get(path)
            return self.client.post(path, body, content_type="application/x-www-form-urlencoded")
        except Exception as error:
            tb = traceback.extract_tb(error.__traceback__)[-1]
            place = f"{tb.filename}:{tb.lineno}"
            self.fail(where, f"500 {type(error).__name__}: {error!s:.120} ({place})")
            return None

    def error_messages(self, where: str, response: Any) -> list[str]:
        """The error messages a redirect carries (in the messages cookie), checked for Dutch."""
        cookie = response.cookies.get("messages")
        if cookie is None or not cookie.value:
            return []
        stored = CookieStorage(HttpRequest())._decode(cookie.value) or []
        texts = [str(m.message) for m in stored if m.level == messages.ERROR]
        for text in texts:
            if not_dutch(text):
                self.fail(where, f"message not in Dutch: {text!r:.120}")
        return texts

    def check_html(self, where: str, response: Any) -> Page | None:
        if response is None:
            return None
        if response.status_code >= 500:
            self.fail(where, f"status {response.status_code}")
            return None
        if "html" not in response.get("Content-Type", ""):
            return None
        body = response.content.decode("utf-8", "replace")
        page = read_page(body)
        for found in injected(body, page):
            self.fail(where, f"unescaped on the page: {found!r:.80}")
        for text in iter_errors(page):
            if not_dutch(text):
                self.fail(where, f"message not in Dutch: {text!r:.120}")
        return page


def hostile_post(run: Run, where: str, action: str, form: Form, target: Control, payload: Payload):
    marker = f"hx{run.counts['form inputs']}q"
    run.counts["form inputs"] += 1
    value = payload
    if not payload.raw:
        value = Payload(payload.name, marker + payload.value, payload.danger)
    if target.name == "*":  # every field a person types in
        typed = {c.name for c in form.controls if c.type in {"text", "textarea", "search"}}
        pairs: list[Any] = [(n, value if n in typed else v) for n, v in fill(form)]
    else:
        pairs = with_value(fill(form), target.name, value)
    where = f"POST {action} [{target.name}={payload.name}] ({where})"
    cookies = copy.deepcopy(run.client.cookies)
    with transaction.atomic(), SavedRows() as saved:
        response = run.request(where, "post", action, urlencode_pairs(pairs))
        page = run.check_html(where, response)
        if response is not None and response.status_code < 500:
            after(run, where, form, target, value, pairs, response, page, marker, saved)
        transaction.set_rollback(True)
    run.client.cookies = cookies


def after(run, where, form, target, value, pairs, response, page, marker, saved) -> None:
    action = where.split(" ")[1]
    same_form = page is not None and any(
        f.method == "post"
        and f.names() >= (form.names() - {"csrfmiddlewaretoken"}) - {""}
        and urlsplit(urljoin(action, f.action or action)).path == urlsplit(action).path
        for f in page.forms
    )
    errors = list(iter_errors(page)) if page is not None else []
    if response.status_code == 200 and same_form:
        if not errors:
            run.counts["refused silently"] += 1
            run.fail(where, "refused without a message (the form came back without an error)")
        if not errors and os.environ.get("HOSTILE_DEBUG"):
            print("SILENT", where)
        if errors:
            run.counts["refused"] += 1
            kept(run, where, action, form, pairs, page)
        return
    # Accepted (or answered with another page): look where it shows, and at what was stored.
    if response.status_code in {301, 302, 303}:
        refusals = run.error_messages(where, response)
        if refusals:
            run.counts["refused"] += 1
            return
        location = response["Location"]
        worth_a_look = value.danger or len(value.value) > 1000 or target.name == "*"
        if worth_a_look and location.startswith("/") and "/inloggen" not in location:
            followed = run.request(where + " → " + location, "get", location)
            run.check_html(where + " → " + location, followed)
    run.counts["accepted"] += 1
    if os.environ.get("HOSTILE_DEBUG"):
        stored = saved.stored_with(marker)[:3] if not value.raw else ""
        print("ACCEPTED", where, response.status_code, stored)
    if value.raw:
        return
    typed = value.value
    for where_stored, stored in saved.stored_with(marker):
        run.counts["stored"] += 1
        text = ", ".join(map(str, stored)) if isinstance(stored, list) else str(stored)
        if len(normalise(text)) < len(normalise(typed)) and normalise(typed).startswith(
            normalise(text)
        ):
            run.fail(where, f"cut off without a message in {where_stored} ({len(text)} chars)")
    if target.name == "*":  # every text field at once: look at every page where it may show
        for path in run.display_pages:
            run.check_html(where + " shown at " + path, run.request(where, "get", path))


def kept(run: Run, where: str, action: str, form: Form, pairs: list[Any], page: Page) -> None:
    """What the person typed is still in the re-rendered form."""
    again = next(
        (f for f in page.forms if f.method == "post" and f.names() >= form.names() - {""}), None
    )
    if again is None:
        return
    shown = controls_by_name(again)
    for name, sent in pairs:
        control = shown.get(name)
        if control is None or control.type not in TEXT_TYPES | {"date", "number"}:
            continue
        text = sent.value if isinstance(sent, Payload) else sent
        if isinstance(sent, Payload) and (sent.raw or "\ud800" in text):
            continue
        if normalise(control.value) != normalise(text) and text.strip():
            run.fail(where, f"lost the input of {name!r} on refusal: {control.value[:40]!r}")


def walk_forms(run: Run, name: str, path: str, page: Page) -> None:
    for form in page.forms:
        if form.method != "post":
            continue
        action = urljoin(path, form.action or path)
        parts = urlsplit(action)
        action_path = parts.path + (f"?{parts.query}" if parts.query else "")
        if action_path.startswith(reverse("accounts:logout")) or action_path.startswith("/beheer/"):
            continue
        key = (urlsplit(action).path, form.names())
        if key in run.forms_done:
            continue
        run.forms_done.add(key)
        run.counts["forms"] += 1
        fields = targets(form)
        if any(c.type in {"text", "textarea"} for c in fields):
            everything = Control("input", "text", "*")
            hostile_post(run, name, action_path, form, everything, ALL_XSS)
        long_done = False
        for target in fields:
            run.counts["fields"] += 1
            run.covered.add(f"{urlsplit(action).path} {target.name}")
            for payload in payloads_for(target):
                hostile_post(run, name, action_path, form, target, payload)
            if not long_done and target.type in {"textarea", "text"}:
                hostile_post(run, name, action_path, form, target, LONG_100K)
                long_done = True


def query_params(path: str, page: Page) -> list[str]:
    names = set(STANDARD_PARAMS)
    for form in page.forms:
        if form.method == "get":
            names |= {c.name for c in form.controls if c.name}
    for link in page.links:
        parts = urlsplit(link)
        if not parts.netloc:
            names |= {k for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return sorted(names)


def walk_query(run: Run, name: str, path: str, page: Page) -> None:
    params = query_params(path, page)
    run.counts["query parameters"] += len(params)
    for payload in QUERY_PAYLOADS:
        run.counts["query inputs"] += len(params)
        query = urlencode_pairs([(p, payload) for p in params])
        where = f"GET {path}?[{','.join(params)}={payload.name}]"
        run.check_html(where, run.request(where, "get", f"{path}?{query}"))


def confirm_it_is_me(client: Client) -> None:
    """Pages behind "confirm it is you" (download, delete) show their form after this."""
    client.post(reverse("privacy:reauth"), {"password": PASSWORD})


def record(record_property: Any, run: Run, missing: list[str]) -> None:
    counts = {k: v for k, v in run.counts.items() if not k.startswith("display:")}
    record_property("hostile_input", counts)
    record_property("hostile_input_not_covered", missing)


def explore(run: Run, urls: list[tuple[str, str, bool]], *, public_only: bool, mode: str) -> None:
    for name, path, public in urls:
        if public_only and not public:
            continue
        response = run.request(f"GET {path}", "get", path)
        if response is not None and response.status_code in {301, 302} and mode == "post":
            location = response["Location"]
            if location.startswith("/") and "/inloggen" not in location:
                response = run.request(f"GET {location}", "get", location)
                path = location
        page = run.check_html(f"GET {path}", response)
        if page is None or response.status_code != 200:
            continue
        run.counts["pages"] += 1
        if mode == "post":
            walk_forms(run, name, path, page)
        else:
            walk_query(run, name, path, page)


def display_pages(w: World) -> list[str]:
    a = w.alliance.pk
    return [
        reverse("core:home"),
        reverse("alliances:detail", args=[a]),
        reverse("alliances:journal_entry", args=[a, w.entry.pk]),
        reverse("alliances:contributions", args=[a]),
        reverse("alliances:list"),
        reverse("people:person_detail", args=[w.amina.pk]),
        reverse("people:organisation_detail", args=[w.org.pk]),
        reverse("people:organisation_list"),
        reverse("people:directory"),
        reverse("privacy:overview"),
    ]


def report(run: Run, missing: list[str]) -> None:
    if missing:
        print(f"\nhostile input: no arguments known for {missing}")
    assert not run.failures, f"{len(run.failures)} problems:\n" + "\n".join(run.failures[:60])


# The logged-in walk is the longest test of the suite (3.5 minutes on PostgreSQL): split over the
# site's pages, so that pytest-xdist workers share it. Every page is in exactly one part.
SHARDS = 4
WALKS = [pytest.param("amina", k, SHARDS, id=f"amina-{k + 1}of{SHARDS}") for k in range(SHARDS)]
WALKS.append(pytest.param("anonymous", 0, 1, id="anonymous"))


def my_part(urls: list[tuple[str, str, bool]], shard: int, shards: int) -> list:
    return [url for i, url in enumerate(urls) if i % shards == shard]


@pytest.mark.parametrize(("who", "shard", "shards"), WALKS)
def test_hostile_values_in_every_form_field(client, world, who, shard, shards, record_property):
    run = Run(client=client)
    run.display_pages = display_pages(world)
    if who == "amina":
        client.force_login(world.amina.user)
        confirm_it_is_me(client)
    else:
        run.display_pages = [reverse("core:home")]
    urls, missing = site_urls(world)
    explore(run, my_part(urls, shard, shards), public_only=who == "anonymous", mode="post")
    assert run.counts["forms"] > (10 // shards if who == "amina" else 3)
    record(record_property, run, missing)
    report(run, missing)


@pytest.mark.parametrize(("who", "shard", "shards"), WALKS)
def test_hostile_query_parameters_on_every_page(client, world, who, shard, shards, record_property):
    run = Run(client=client)
    if who == "amina":
        client.force_login(world.amina.user)
        confirm_it_is_me(client)
    urls, missing = site_urls(world)
    explore(run, my_part(urls, shard, shards), public_only=who == "anonymous", mode="get")
    assert run.counts["pages"] > (20 // shards if who == "amina" else 3)
    record(record_property, run, missing)
    report(run, missing)


def test_hostile_values_in_url_path_arguments(client, world, record_property):
    """Text arguments in paths (invitation secrets, tokens, formats) get hostile values too."""
    client.force_login(world.amina.user)
    run = Run(client=client)
    for name, pattern in walk(get_resolver().url_patterns):
        converters = pattern.pattern.converters
        if name.startswith(SKIP_NAMESPACES) or name in SKIP_NAMES:
            continue
        text_params = [p for p, c in converters.items() if type(c).__name__ == "StringConverter"]
        if not text_params:
            continue
        run.counts["path arguments"] += len(text_params)
        for payload in [*TEXT_PAYLOADS[:-1]]:
            if payload.raw or "/" in payload.value or "\ud800" in payload.value:
                continue
            kwargs = url_kwargs(name, list(converters), world) or {}
            for param in text_params:
                kwargs = {**kwargs, param: payload.value}
            try:
                path = reverse(name, kwargs=kwargs)
            except Exception:  # noqa: S112 (a value the converter refuses cannot be sent)
                continue
            run.counts["path inputs"] += 1
            where = f"GET {name} [{','.join(text_params)}={payload.name}]"
            run.check_html(where, run.request(where, "get", path))
    record(record_property, run, [])
    report(run, [])


# The checks themselves, and the two refusals PostgreSQL depends on ---------------------------


def test_the_checks_find_what_they_look_for():
    raw = read_page('<p><script>alert(1)</script></p><a href=" JavaScript:alert(1)">x</a>')
    assert len(injected("<script>alert(1)</script>", raw)) >= 2
    assert injected("", read_page('<img src=x onerror="alert(1)">'))
    escaped = (
        '<input value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">'
        "<p>&lt;svg/onload=alert(1)&gt;</p>"
    )
    assert injected(escaped, read_page(escaped)) == []
    page = read_page(
        '<form method="post"><div class="utrecht-form-field-error-message" id="id_a_error">'
        "<p>Dit veld is verplicht.</p></div><textarea name=a>\nvoor</textarea></form>"
    )
    assert page.field_errors == {"id_a_error": ["Dit veld is verplicht."]}
    assert controls_by_name(page.forms[0])["a"].value == "voor"
    for english in [
        "This field is required.",
        "Ensure this value has at most 80 characters (it has 10000).",
        "Null characters are not allowed.",
        "Enter a valid date.",
        "Your alliance has started. Invite your ally with a link.",
    ]:
        assert not_dutch(english), english
    for dutch in [
        "Dit veld is verplicht.",
        "Null-tekens zijn niet toegestaan.",
        "Vul een geldige datum in.",
        "Niet gelukt: Selecteer een geldige keuze. Dat is geen beschikbare keuze.",
    ]:
        assert not not_dutch(dutch), dutch


def journal_form(body: str) -> dict[str, Control]:
    return next(controls_by_name(f) for f in read_page(body).forms if "what_happened" in f.names())


def test_a_nul_character_is_refused_in_dutch_before_the_database(client, world):
    client.force_login(world.amina.user)
    url = reverse("alliances:journal_entry_add", args=[world.alliance.pk])
    before = world.alliance.journal.count()
    response = client.post(
        url, {"occurred_on": TODAY, "what_happened": "voor\x00na", "what_next": "Bellen 👩🏽‍🦱"}
    )
    assert response.status_code == 200
    assert "Null-tekens zijn niet toegestaan." in response.content.decode()
    assert world.alliance.journal.count() == before
    shown = journal_form(response.content.decode())
    assert shown["what_next"].value == "Bellen 👩🏽‍🦱"  # the rest of what was typed stays


def test_text_that_is_too_long_is_refused_with_its_length_and_kept(client, world):
    client.force_login(world.amina.user)
    url = reverse("alliances:journal_entry_add", args=[world.alliance.pk])
    response = client.post(url, {"occurred_on": TODAY, "what_happened": "x" * 100_000})
    body = response.content.decode()
    assert response.status_code == 200
    assert (
        "2000" in body
        and "100000" in body
        and not not_dutch(" ".join(e for e in iter_errors(read_page(body))))
    )
    assert journal_form(body)["what_happened"].value == "x" * 100_000
