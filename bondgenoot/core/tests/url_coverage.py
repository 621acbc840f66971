"""URL coverage of the test suite: every URL pattern of the site is requested successfully by
at least one test.

Two parts, both loaded only in tests:

- ``UrlCoverageMiddleware`` (last in ``MIDDLEWARE`` of ``config.settings.test``) records, for
  every request that Django answers during the test run, the URL pattern it resolved to and
  whether the answer was a success. It sees the test client and the live server of the browser
  tests alike: the live server is a thread of the same process, so the records go into one
  module-level store behind a lock.
- The pytest plugin (``pytest_plugins`` in the root conftest) checks at the end of a *full* run
  that every URL pattern of the site was requested successfully at least once, and fails the
  session (exit code 1) with the list of the patterns that were not. It prints
  "URL patterns requested successfully: N of M" in the terminal summary.

A success is a 2xx answer of the view itself; for a pure POST view (one whose view answers a
GET with 405) also a redirect (3xx) answer of the view to a POST, except a redirect to the login
page or to the "confirm it is you" page: that is a refusal. An answer made by a middleware
before the view ran (the login redirect of ``LoginRequiredMiddleware``, ...) is never a success.

A full run: no files or folders on the command line (the ``testpaths``), no ``-k``, no ``-m``,
no ``--deselect``/``--ignore``/``--lf``, not collect-only, and not stopped early (``-x``). So
``bin/test`` checks, and CI's later runs with ``-m "not browser"`` and ``-m browser`` do not.
``BONDGENOOT_URL_COVERAGE=1`` forces the check, ``BONDGENOOT_URL_COVERAGE=0`` turns it off. When
browser tests were skipped (no Chromium), a gap is only a warning: those tests would have
covered some patterns. Under pytest-xdist the workers send their records to the controller.

The Django admin's own pages are not part of the site's patterns here, except its index.

``summary_line(config, text)`` lets a test put a line in the same terminal summary section (the
outsider matrix prints its counts of checked (URL, role) pairs this way).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest

ENV = "BONDGENOOT_URL_COVERAGE"
ADMIN_NAMESPACE = "admin"
ADMIN_KEPT = {"admin:index"}  # the only pattern of the Django admin that must be covered
# Names of the pages a refusing redirect goes to: a 3xx to one of these is no success.
REFUSAL_PAGES = ("accounts:login", "admin:login", "privacy:reauth", "accounts:two_factor_setup")
WORKER_KEY = "bondgenoot_url_coverage"
# Views that answer every request with a redirect by design (Django's set_language): their
# redirect after a POST is their success.
REDIRECT_VIEWS = {"set_language"}


# Recording -------------------------------------------------------------------------------------


# What one answer says about its pattern.
OK = "ok"  # a 2xx answer of the view
POST_REDIRECT = "post redirect"  # the view answered a POST with a redirect (not to a refusal)
GET_REFUSED = "get refused"  # the view answered a GET with 405: it takes POST only


@dataclass
class Store:
    """Per route: its view name, and what its answers said (see ``classify``)."""

    requested: dict[str, str] = field(default_factory=dict)
    seen: dict[str, set[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, route: str, name: str, kind: str | None) -> None:
        with self.lock:
            self.requested.setdefault(route, name)
            kinds = self.seen.setdefault(route, set())
            if kind is not None:
                kinds.add(kind)

    def snapshot(self) -> tuple[dict[str, str], dict[str, set[str]]]:
        with self.lock:
            return dict(self.requested), {route: set(k) for route, k in self.seen.items()}

    def merge(self, requested: dict[str, str], seen: dict[str, Iterable[str]]) -> None:
        with self.lock:
            for route, name in requested.items():
                self.requested.setdefault(route, name)
            for route, kinds in seen.items():
                self.seen.setdefault(route, set()).update(kinds)


STORE = Store()
_VIEW_RAN = "_url_coverage_view_ran"


def classify(*, method: str, status: int, view_ran: bool, location: str = "") -> str | None:
    """What an answer says about its pattern; None when it says nothing (a refusal, an error,
    or an answer by a middleware before the view ran)."""
    if not view_ran:
        return None
    if 200 <= status < 300:
        return OK
    method = method.upper()
    if 300 <= status < 400 and method == "POST" and not _is_refusal_page(location):
        return POST_REDIRECT
    if status == 405 and method in {"GET", "HEAD"}:
        return GET_REFUSED
    return None


def succeeded(seen: dict[str, set[str]]) -> set[str]:
    """The routes requested successfully: a 2xx answer, or, for a pure POST view (one that
    refuses GET), the redirect after a POST."""
    return {
        route
        for route, kinds in seen.items()
        if OK in kinds or {POST_REDIRECT, GET_REFUSED} <= kinds
    }


def is_success(*, method: str, status: int, view_ran: bool, location: str = "") -> bool:
    """Is this one answer a success by itself (a 2xx of the view)?"""
    return classify(method=method, status=status, view_ran=view_ran, location=location) == OK


def _is_refusal_page(location: str) -> bool:
    from django.urls import NoReverseMatch, reverse

    path = urlsplit(location).path
    for name in REFUSAL_PAGES:
        try:
            if path == reverse(name):
                return True
        except NoReverseMatch:
            continue
    return False


class UrlCoverageMiddleware:
    """Records the resolved URL pattern and the success of every request (tests only)."""

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is None:
            from django.urls import Resolver404, resolve

            try:
                match = resolve(request.path_info, getattr(request, "urlconf", None))
            except Resolver404:
                return response  # not a pattern of the site (a 404 for an unknown path)
        kind = classify(
            method=request.method or "",
            status=response.status_code,
            view_ran=bool(getattr(request, _VIEW_RAN, False)),
            location=response.get("Location", ""),
        )
        if kind == POST_REDIRECT and match.view_name in REDIRECT_VIEWS:
            kind = OK
        STORE.add(match.route, match.view_name, kind)
        return response

    def process_view(self, request: Any, *args: Any, **kwargs: Any) -> None:
        # Last in MIDDLEWARE: reached only when no middleware before it answered instead.
        setattr(request, _VIEW_RAN, True)


# The patterns of the site ----------------------------------------------------------------------


def _join_route(first: str, second: str) -> str:
    """As ``URLResolver._join_route``: the ``route`` of a ResolverMatch is built this way."""
    if not first:
        return second
    return first + second.removeprefix("^")


def walk_patterns(
    patterns: Iterable[Any], namespace: str = "", route: str = ""
) -> Iterator[tuple[str, str]]:
    """(full route, view name) of every URL pattern, the way ``resolve()`` names them."""
    from django.urls import URLPattern, URLResolver

    for item in patterns:
        here = _join_route(route, str(item.pattern))
        if isinstance(item, URLResolver):
            inner = f"{namespace}{item.namespace}:" if item.namespace else namespace
            yield from walk_patterns(item.url_patterns, inner, here)
        elif isinstance(item, URLPattern):
            name = f"{namespace}{item.name}" if item.name else f"{namespace}{item.lookup_str}"
            yield here, name


def site_patterns() -> dict[str, str]:
    """Route -> name of every pattern that a test must request successfully."""
    from django.urls import get_resolver

    found: dict[str, str] = {}
    for route, name in walk_patterns(get_resolver().url_patterns):
        if name.startswith(f"{ADMIN_NAMESPACE}:") and name not in ADMIN_KEPT:
            continue
        found.setdefault(route, name)
    return found


# The verdict -----------------------------------------------------------------------------------


def is_full_run(config: Any) -> bool:
    """Whether this run is the whole suite (see the module docstring)."""
    forced = os.environ.get(ENV, "")
    if forced in {"0", "1"}:
        return forced == "1"
    args_source = getattr(config, "args_source", None)
    if args_source is not pytest.Config.ArgsSource.TESTPATHS:
        return False
    for option in ("keyword", "markexpr", "deselect", "ignore", "ignore_glob", "lf", "stepwise"):
        if config.getoption(option, None):
            return False
    return not config.getoption("collectonly", False)


@dataclass
class Outcome:
    total: int
    covered: int
    missing: list[tuple[str, str]]  # (name, route)
    fail: bool
    lines: list[str]


def judge(
    *,
    patterns: dict[str, str],
    succeeded: set[str],
    enforce: bool,
    browser_skipped: int = 0,
    stopped_early: bool = False,
) -> Outcome:
    missing = sorted((name, route) for route, name in patterns.items() if route not in succeeded)
    covered = len(patterns) - len(missing)
    lines = [f"URL patterns requested successfully: {covered} of {len(patterns)}"]
    fail = False
    if missing:
        listed = [f"  {name}  (/{route})" for name, route in missing]
        if not enforce:
            lines.append("(not a full run: patterns that no test here requested are not an error)")
        elif stopped_early:
            lines.append("(the run stopped early: the URL coverage check was not applied)")
        elif browser_skipped and os.environ.get(ENV) != "1":
            lines.append(
                f"WARNING: {browser_skipped} browser test(s) were skipped, so these patterns may "
                "be covered there; without Chromium this is not an error:"
            )
            lines.extend(listed)
        else:
            fail = True
            lines.append(
                "FAILED: these URL patterns were never requested successfully by any test "
                "(add a test that opens them as someone who may):"
            )
            lines.extend(listed)
    return Outcome(len(patterns), covered, missing, fail, lines)


# The pytest plugin -----------------------------------------------------------------------------

_lines_key = pytest.StashKey[list[str]]()
_outcome_key = pytest.StashKey[Outcome]()


def summary_line(config: pytest.Config, text: str) -> None:
    """Add a line to this plugin's section of the terminal summary."""
    config.stash.setdefault(_lines_key, []).append(text)


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


_SKIPPED_BROWSER: list[str] = []  # node ids of browser tests that were skipped


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and "browser" in report.keywords:
        _SKIPPED_BROWSER.append(report.nodeid)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """pytest-xdist controller: take over what a worker recorded."""
    data = getattr(node, "workeroutput", {}).get(WORKER_KEY)
    if not data:
        return
    STORE.merge(data["requested"], data["seen"])
    _SKIPPED_BROWSER.extend(data["browser_skipped"])
    for line in data["lines"]:
        summary_line(node.config, line)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    requested, seen = STORE.snapshot()
    if _is_worker(config):
        config.workeroutput[WORKER_KEY] = {
            "requested": requested,
            "seen": {route: sorted(kinds) for route, kinds in seen.items()},
            "browser_skipped": list(_SKIPPED_BROWSER),
            "lines": config.stash.get(_lines_key, []),
        }
        return
    try:
        patterns = site_patterns()
    except Exception:  # Django is not set up in this run: nothing to judge
        return
    outcome = judge(
        patterns=patterns,
        succeeded=succeeded(seen),
        enforce=is_full_run(config),
        browser_skipped=len(_SKIPPED_BROWSER),
        stopped_early=bool(session.shouldstop or session.shouldfail),
    )
    config.stash[_outcome_key] = outcome
    if outcome.fail and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    lines = list(config.stash.get(_lines_key, []))
    outcome = config.stash.get(_outcome_key, None)
    if outcome is not None:
        lines.extend(outcome.lines)
    if not lines:
        return
    terminalreporter.section("URL checks")
    for line in lines:
        red = outcome is not None and outcome.fail and line.startswith("FAILED")
        terminalreporter.write_line(line, red=red, bold=red)
