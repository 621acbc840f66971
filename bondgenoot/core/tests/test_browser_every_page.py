"""Every page of the site in a real browser, checked with axe-core: zero violations of any impact.

The pages are discovered from the URL conf (the admin, log-out and the language switch are left
out), so a new page is checked without anyone adding it here; a page whose URL needs values
this test cannot fill in makes the test fail with its name (add it to ``KWARGS``).

- Anonymous: every page that needs no login (landing, log-in, sign-up, password reset, the
  e-mail link, the accessibility statement, ...).
- Amina, a resident with something of everything (``a11y.build_world``): every page with a GET
  (a POST-only URL answers 405 and is counted as such; a file download is not a page).
  Pages that first ask her to confirm it is her are visited again after she confirmed.
- The 404 and 403 pages, and the main forms sent empty: each error is in Dutch, marked with
  ``aria-invalid`` on its field and tied to it with ``aria-describedby``.

At the end the figures are printed: pages and states checked, and the axe totals.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from playwright.sync_api import Page, expect

from bondgenoot.accounts.models import User
from bondgenoot.accounts.tokens import email_login_tokens
from bondgenoot.api import services as api_services
from bondgenoot.api.models import PersonalToken
from bondgenoot.privacy.tokens import email_change_token

from . import suites
from .a11y import PASSWORD, World, build_world, log_in, ui
from .browser import IMPACTS, BrowserProblems, axe_findings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def a11y_world(
    alliance_with_org: Any, amina: Any, bas: Any, gijs: Any, eva: Any, org: Any
) -> World:
    w = build_world(amina=amina, bas=bas, gijs=gijs, eva=eva, alliance=alliance_with_org, org=org)
    suites.build("every_page", w)
    return w


SKIP = {
    "accounts:logout": "ends the session",
    "set_language": "only sends you back (POST)",
}
SKIP_NAMESPACES = ("admin:",)


def _uid(w: World) -> str:
    return urlsafe_base64_encode(force_bytes(w.amina.user.pk))


def _user(w: World) -> User:
    """Her account as it is now: a token depends on her last log-in."""
    return User.objects.get(pk=w.amina.user.pk)


def _api_token(w: World) -> int:
    """A personal token of amina (made once), for the page that revokes it."""
    found = PersonalToken.objects.filter(person=w.amina, revoked_at__isnull=True).first()
    if found is None:
        found, _secret = api_services.token_create(
            person=w.amina, by=w.amina, name="Spreadsheet", valid_days=90
        )
    return found.pk


# URL name -> its kwargs, from the world. Every URL with parameters must be here.
KWARGS: dict[str, Callable[[World], dict[str, Any]]] = {
    "accounts:email_link_login": lambda w: {
        "uidb64": _uid(w),
        "token": email_login_tokens.make_token(_user(w)),
    },
    "accounts:password_reset_confirm": lambda w: {
        "uidb64": _uid(w),
        "token": default_token_generator.make_token(_user(w)),
    },
    "people:person_detail": lambda w: {"pk": w.bas.pk},
    "people:profile_paper_entry": lambda w: {"pk": w.bas.pk},
    "people:organisation_detail": lambda w: {"pk": w.own_org.pk},
    "people:organisation_edit": lambda w: {"pk": w.own_org.pk},
    "people:organisation_invite": lambda w: {"pk": w.own_org.pk},
    "people:organisation_invitation_withdraw": lambda w: {
        "pk": w.own_org.pk,
        "invitation_pk": w.own_org_invitation.pk,
    },
    "people:membership_role": lambda w: {
        "pk": w.own_org.pk,
        "membership_pk": w.own_org_membership.pk,
    },
    "people:membership_end": lambda w: {
        "pk": w.own_org.pk,
        "membership_pk": w.own_org_membership.pk,
    },
    "people:organisation_invitation": lambda w: {"secret": w.other_org_invitation_secret},
    "transfer:import": lambda w: {"pk": w.own_org.pk},
    "transfer:import_confirm": lambda w: {"pk": w.own_org.pk},
    "transfer:import_cancel": lambda w: {"pk": w.own_org.pk},
    "transfer:export": lambda w: {"pk": w.own_org.pk},
    "alliances:detail": lambda w: {"pk": w.alliance.pk},
    "alliances:edit": lambda w: {"pk": w.alliance.pk},
    "alliances:party_role": lambda w: {"pk": w.alliance.pk, "party_pk": w.amina_party.pk},
    "alliances:party_leave": lambda w: {"pk": w.alliance.pk, "party_pk": w.amina_party.pk},
    "alliances:party_remove": lambda w: {"pk": w.alliance.pk, "party_pk": w.bas_party.pk},
    "alliances:organisation_join": lambda w: {"pk": w.alliance.pk},
    "alliances:invite": lambda w: {"pk": w.alliance.pk},
    "alliances:invitation_withdraw": lambda w: {
        "pk": w.alliance.pk,
        "invitation_pk": w.invitation.pk,
    },
    "alliances:invitation": lambda w: {"secret": w.invitation_for_her_secret},
    "alliances:invitation_by_id": lambda w: {"invitation_pk": w.invitation_for_her.pk},
    "alliances:journal_entry_add": lambda w: {"pk": w.alliance.pk},
    "alliances:journal_entry": lambda w: {"pk": w.alliance.pk, "entry_pk": w.entry.pk},
    "alliances:journal_entry_edit": lambda w: {"pk": w.alliance.pk, "entry_pk": w.entry.pk},
    "alliances:journal_entry_milestone": lambda w: {"pk": w.alliance.pk, "entry_pk": w.entry.pk},
    "alliances:journal_entry_delete": lambda w: {"pk": w.alliance.pk, "entry_pk": w.entry.pk},
    "alliances:contributions": lambda w: {"pk": w.alliance.pk},
    "alliances:contribution_add": lambda w: {"pk": w.alliance.pk},
    "alliances:contribution_delete": lambda w: {
        "pk": w.alliance.pk,
        "contribution_pk": w.contribution.pk,
    },
    # The JSON API (not pages: answered as files) and the page to revoke a personal token.
    "api:alliance": lambda w: {"alliance_id": w.alliance.pk},
    "api:journal": lambda w: {"alliance_id": w.alliance.pk},
    "api:contributions": lambda w: {"alliance_id": w.alliance.pk},
    "api:token_revoke": lambda w: {"pk": _api_token(w)},
    # Bound to the session that asked for it: a link from elsewhere shows "link not valid".
    "privacy:reauth_link": lambda w: {"token": "niet-van-deze-sessie"},
    "privacy:download_file": lambda w: {"format": "json"},
    "privacy:email_confirm": lambda w: {
        "token": email_change_token(
            user_id=w.amina.user.pk, old_email=w.amina.user.email, new_email="nieuw@example.org"
        )
    },
}
KWARGS.update(suites.merged("EVERY_PAGE_KWARGS"))  # the apps' own (core/tests/suites.py)
# A status other than 200 that is the right answer for that page.
EXPECTED_STATUS = {"privacy:reauth_link": 400} | suites.merged("EVERY_PAGE_STATUS")


def url_names() -> Iterator[tuple[str, Any]]:
    """(name, view) of every named URL pattern, admin included (left out by the caller)."""

    def walk(patterns: list[Any], namespace: str) -> Iterator[tuple[str, Any]]:
        for item in patterns:
            if isinstance(item, URLResolver):
                inner = f"{namespace}{item.namespace}:" if item.namespace else namespace
                yield from walk(item.url_patterns, inner)
            elif isinstance(item, URLPattern) and item.name:
                yield f"{namespace}{item.name}", item.callback

    yield from walk(get_resolver().url_patterns, "")


def pages_to_check() -> tuple[list[str], list[str]]:
    """(every URL name, the ones that need no login)."""
    names, public = [], []
    for name, view in url_names():
        if name in SKIP or name.startswith(SKIP_NAMESPACES) or name in names:
            continue
        names.append(name)
        if getattr(view, "login_required", True) is False:
            public.append(name)
    return names, public


# Errors tied to their fields --------------------------------------------------------------------

FIELD_ERRORS_JS = """() => [...document.querySelectorAll('main [aria-invalid="true"]')].map(el => {
    const ids = (el.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
    const own = document.getElementById(el.id + '_error');
    return {
        field: el.id,
        label: el.labels && el.labels.length ? el.labels[0].innerText.trim() : '',
        describedBy: ids,
        error: own ? own.innerText.trim() : '',
        errorVisible: own ? own.getBoundingClientRect().height > 0 : false,
    };
})"""
ORPHAN_ERRORS_JS = """() => [...document.querySelectorAll('main .utrecht-form-field-error-message')]
    .filter(msg => !document.querySelector(`[aria-describedby~="${msg.id}"]`))
    .map(msg => msg.id || msg.innerText.trim())"""
ENGLISH = re.compile(r"\b(this|field|required|enter|please|the|is not|valid)\b", re.IGNORECASE)

# (who, URL name): the main forms, sent empty.
FORMS = [
    ("anonymous", "accounts:signup"),
    ("anonymous", "accounts:login"),
    ("anonymous", "accounts:password_reset"),
    ("anonymous", "accounts:email_link_request"),
    ("amina", "alliances:start"),
    ("amina", "alliances:edit"),
    ("amina", "alliances:journal_entry_add"),
    ("amina", "alliances:contribution_add"),
    ("amina", "people:organisation_create"),
    ("amina", "accounts:password_change"),
    ("amina", "privacy:reauth"),
    ("amina", "privacy:email_change"),
]
TEXT_FIELDS = (
    "textarea:visible, input:visible:not([type=hidden]):not([type=checkbox]):not([type=radio])"
    ":not([type=submit]):not([type=button]):not([readonly])"
)


def send_empty(page: Page) -> None:
    """Empty every text field of the main form (the one in <main> with the most text fields)
    and send it with its own button."""
    forms = page.locator("main form")
    counts = [forms.nth(i).locator(TEXT_FIELDS).count() for i in range(forms.count())]
    assert counts and max(counts) > 0, f"no form with text fields on {page.url}"
    form = forms.nth(counts.index(max(counts)))
    for field in form.locator(TEXT_FIELDS).all():
        field.fill("")
    with page.expect_navigation():
        form.locator("button[type=submit], input[type=submit]").last.click()


def assert_errors_tied_to_fields(page: Page, what: str) -> int:
    fields = page.evaluate(FIELD_ERRORS_JS)
    assert fields, f"{what}: sent empty, but no field is marked aria-invalid ({page.url})"
    for field in fields:
        assert field["label"], f"{what}: the invalid field {field['field']} has no label"
        assert f"{field['field']}_error" in field["describedBy"], (
            f"{what}: the error of {field['field']} is not tied to it: {field}"
        )
        assert field["error"] and field["errorVisible"], f"{what}: no visible error: {field}"
        assert not ENGLISH.search(field["error"]), f"{what}: error not in Dutch: {field['error']}"
    orphans = page.evaluate(ORPHAN_ERRORS_JS)
    assert orphans == [], f"{what}: error messages that no field points to: {orphans}"
    return len(fields)


# The test -----------------------------------------------------------------------------------


def _reversible(name: str) -> bool:
    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


def test_every_page_has_no_accessibility_violations(
    request: pytest.FixtureRequest,
    live_server: Any,
    a11y_world: World,
    open_page: Callable[..., Page],
    check_page: Callable[[Page, str], list[dict[str, Any]]],
    browser_problems: BrowserProblems,
) -> None:
    w = a11y_world
    names, public = pages_to_check()
    missing = [name for name in names if name not in KWARGS and not _reversible(name)]
    assert missing == [], f"add these URL names to KWARGS in this test: {missing}"
    login_path = reverse("accounts:login")
    reauth_path = reverse("privacy:reauth")

    def url(name: str) -> str:
        kwargs = KWARGS[name](w) if name in KWARGS else None
        return f"{live_server.url}{reverse(name, kwargs=kwargs)}"

    checked: dict[str, set[str]] = {}  # state -> paths checked
    problems: list[str] = []
    post_only: set[str] = set()
    files: set[str] = set()
    first_finding = len(axe_findings(request.config))

    def check(page: Page, state: str, label: str) -> None:
        checked.setdefault(state, set()).add(urlsplit(page.url).path)
        try:
            check_page(page, f"{state}-{label}")
        except pytest.fail.Exception as failure:  # go on: list the problems of every page
            problems.append(str(failure))

    def visit(page: Page, state: str, name: str) -> str | None:
        """Check the page behind ``name``; returns the path it ended on (None: not a page)."""
        target = url(name)
        probe = page.request.get(target)
        if probe.status == 405:
            post_only.add(name)
            return None
        if "text/html" not in probe.headers.get("content-type", ""):
            files.add(name)
            return None
        path = urlsplit(probe.url).path
        expected = EXPECTED_STATUS.get(name, 200)
        if probe.status != expected:
            problems.append(f"{state}: {name} answered {probe.status}, not {expected} ({target})")
        if state != "anonymous" and path == login_path:
            problems.append(f"{state}: {name} sent her to the log-in page ({target})")
        if path in checked.get(state, set()):
            return path  # the same page as another name (a redirect): checked already
        if probe.status != 200:
            browser_problems.expect_error_status(target)
        page.goto(target)
        check(page, state, name)
        return path

    # Anonymous: every page that needs no login, and the "not found" page.
    anonymous = open_page()
    for name in public:
        visit(anonymous, "anonymous", name)
    not_found = f"{live_server.url}/bestaat-niet/"
    browser_problems.expect_error_status(not_found)
    anonymous.goto(not_found)
    check(anonymous, "anonymous", "404")

    # Amina: every page. Those that first ask her to confirm it is her come again afterwards.
    amina = open_page()
    log_in(amina, live_server.url, w.amina.user.email)
    to_confirm = [
        name
        for name in names
        if visit(amina, "amina", name) == reauth_path
        and url(name) != f"{live_server.url}{reauth_path}"
    ]
    for label, target in (
        ("404", f"{live_server.url}{reverse('alliances:detail', args=[999_999])}"),
        ("403", f"{live_server.url}{reverse('people:organisation_edit', args=[w.other_org.pk])}"),
    ):
        browser_problems.expect_error_status(target)
        amina.goto(target)
        check(amina, "amina", label)
    amina.goto(f"{live_server.url}{reauth_path}")
    amina.get_by_label(ui("Your password")).fill(PASSWORD)
    amina.get_by_role("main").get_by_role("button", name=ui("Confirm")).click()
    expect(amina.get_by_role("heading", level=1)).to_have_text(ui("My data"))
    for name in to_confirm:
        if visit(amina, "amina-confirmed", name) == reauth_path:
            problems.append(f"{name} still asks to confirm after she confirmed")

    # The main forms, sent empty: Dutch errors, tied to their fields.
    invalid_fields = 0
    for who, name in FORMS:
        page = anonymous if who == "anonymous" else amina
        page.goto(url(name))
        send_empty(page)
        try:
            invalid_fields += assert_errors_tied_to_fields(page, f"{who} {name}")
        except AssertionError as error:
            problems.append(str(error))
        check(page, f"{who}-errors", name)

    findings = axe_findings(request.config)[first_finding:]
    totals = Counter[str]()
    for finding in findings:
        totals.update(finding.counts)
    per_state = {state: len(paths) for state, paths in checked.items()}
    print(
        f"\nevery page: {len(findings)} checks of {sum(per_state.values())} (page, state) pairs "
        f"{per_state}; {len(FORMS)} forms sent empty with {invalid_fields} fields in error; "
        f"POST only: {len(post_only)}; files: {sorted(files)}"
    )
    print("axe totals: " + ", ".join(f"{impact} {totals[impact]}" for impact in IMPACTS))
    assert problems == [], "\n\n".join(problems)
    assert sum(totals.values()) == 0


def test_check_page_fails_on_a_moderate_violation_too(
    live_server: Any,
    page: Page,
    check_page: Callable[[Page, str], list[dict[str, Any]]],
) -> None:
    """The checker itself: a finding below "serious" fails the page as well."""
    page.goto(f"{live_server.url}{reverse('core:accessibility')}")
    assert check_page(page, "clean") == []
    # Two different languages for the same page: axe calls that "moderate".
    page.evaluate("document.documentElement.setAttribute('xml:lang', 'en')")
    with pytest.raises(pytest.fail.Exception, match=r"html-xml-lang-mismatch \[moderate\]"):
        check_page(page, "two-languages")
