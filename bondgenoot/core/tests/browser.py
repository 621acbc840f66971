"""Browser-test fixtures: headless Debian Chromium driven by Playwright (sync API).

Loaded for the whole suite from the root conftest (``pytest_plugins``). Playwright is imported
only when a browser test asks for a fixture, so the rest of the suite runs without it.

Fixtures:

- ``browser`` (session): Chromium at ``/usr/bin/chromium``. Skips with a message when it is not
  installed, unless ``BONDGENOOT_REQUIRE_BROWSER=1`` (CI): then the test fails.
- ``open_page(viewport=..., device_scale_factor=...)``: a new, separate browser context (its own
  cookies: another person on another device) with one page, locale nl-NL; closed after the
  test. 200% zoom of a 1280x900 window is ``viewport={"width": 640, "height": 450}`` with
  ``device_scale_factor=2``.
- ``page``: ``open_page()`` at 1280x900.
- ``check_page(page, name)``: full-page screenshot to
  ``test-artifacts/screenshots/<test>/<NN>-<name>.png``, then axe-core (WCAG 2.0/2.1 A+AA and
  2.2 AA). Fails on any axe violation, whatever its impact (critical, serious, moderate or
  minor: WCAG 2.2 AA asks for all of them), and on any console error, JavaScript error or
  Content-Security-Policy violation seen so far. The counts of every page are listed in the
  terminal summary.

Every page opened through these fixtures is watched: console errors, uncaught exceptions and
CSP violations fail the test (in ``check_page``, and at the latest when the test ends).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, ViewportSize

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REQUIRE_BROWSER_ENV = "BONDGENOOT_REQUIRE_BROWSER"
DEFAULT_VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
LOCALE = "nl-NL"
# Waiting for an element or a navigation: long enough for a slow CI box, short enough to fail
# quickly when something is really missing.
TIMEOUT_MS = 15_000

AXE_FILE = Path("vendor") / "axe-core" / "axe.min.js"  # under static/, vendored from npm
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
IMPACTS = ("critical", "serious", "moderate", "minor")
SCREENSHOTS = Path("test-artifacts") / "screenshots"

FAILED_TO_LOAD = "Failed to load resource: the server responded with a status of"

_axe_findings_key = pytest.StashKey[list["AxeFinding"]]()


def _no_browser(message: str) -> None:
    if os.environ.get(REQUIRE_BROWSER_ENV) == "1":
        pytest.fail(f"{message} ({REQUIRE_BROWSER_ENV}=1 is set, so this is an error)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        _no_browser(f"Chromium is not installed at {CHROMIUM}: apt-get install chromium")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _no_browser("Playwright for Python is not installed: pip install -e '.[dev]'")
    # expect() has its own wait (5 s by default), separate from the context's: a busy CI box
    # once needed longer than that for a login and the page after it.
    expect.set_options(timeout=TIMEOUT_MS)
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception:
        playwright.stop()
        raise
    yield chromium
    chromium.close()
    playwright.stop()


# Watching the console ------------------------------------------------------------------------


def _is_missing_favicon(message: ConsoleMessage) -> bool:
    # Chromium asks for /favicon.ico by itself when a page names no icon. That 404 is the
    # browser's guess, not a resource the page asked for.
    return message.location.get("url", "").endswith("/favicon.ico")


@dataclass
class BrowserProblems:
    """Console errors, uncaught exceptions and CSP violations of all pages of one test."""

    seen: list[str] = field(default_factory=list)
    reported: int = 0
    # Pages that answer with an error status on purpose (a 404 page under test): the browser's
    # own "Failed to load resource" for that page is not a problem.
    error_pages: set[str] = field(default_factory=set)

    def expect_error_status(self, url: str) -> None:
        self.error_pages.add(url)

    def watch(self, page: Page) -> None:
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.seen.append(f"JavaScript error: {error}"))

    def _on_console(self, message: ConsoleMessage) -> None:
        text = message.text
        where = message.location.get("url", "")
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.seen.append(f"CSP violation: {text} (on {where})")
        elif message.type == "error" and not (
            _is_missing_favicon(message)
            or (where in self.error_pages and text.startswith(FAILED_TO_LOAD))
        ):
            self.seen.append(f"console error: {text} (on {where})")

    def fail_on_new(self, when: str) -> None:
        new = self.seen[self.reported :]
        self.reported = len(self.seen)
        if new:
            lines = "\n".join(f"  - {problem}" for problem in new)
            pytest.fail(f"The browser reported problems {when}:\n{lines}", pytrace=False)


@pytest.fixture
def browser_problems() -> BrowserProblems:
    return BrowserProblems()


@pytest.fixture
def open_page(browser: Browser, browser_problems: BrowserProblems) -> Iterator[Callable[..., Page]]:
    contexts: list[BrowserContext] = []

    def _open(*, viewport: ViewportSize | None = None, device_scale_factor: float = 1) -> Page:
        context = browser.new_context(
            viewport=viewport or DEFAULT_VIEWPORT,
            device_scale_factor=device_scale_factor,
            locale=LOCALE,
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        browser_problems.watch(page)
        return page

    yield _open
    for context in contexts:
        context.close()
    browser_problems.fail_on_new("after the last check of the test")


@pytest.fixture
def page(open_page: Callable[..., Page]) -> Page:
    return open_page()


# Screenshots and axe-core --------------------------------------------------------------------


@dataclass
class AxeFinding:
    test: str
    step: str
    counts: dict[str, int]
    lines: list[str]


def _describe(violation: dict[str, Any], nodes: list[dict[str, Any]]) -> str:
    first = nodes[0]
    checks = first.get("any", []) + first.get("all", []) + first.get("none", [])
    detail = next((check["message"] for check in checks if check.get("message")), "")
    return (
        f"{violation['id']} [{violation.get('impact')}] {violation.get('help')} "
        f"- first at {json.dumps(first.get('target', []))} ({len(nodes)} element(s))"
        + (f": {detail}" if detail else "")
    )


def _run_axe(page: Page) -> list[dict[str, Any]]:
    axe_file = Path(settings.BASE_DIR) / "static" / AXE_FILE
    if not axe_file.is_file():
        pytest.fail(
            f"axe-core is missing at {axe_file}: see scripts/vendor_assets.sh", pytrace=False
        )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # The site's CSP forbids inline scripts, so `add_script_tag(path=...)`, which inlines the
        # file, is refused. The same vendored file is loaded from the live server instead, as
        # `script-src 'self'` allows: the test does not weaken the policy it checks.
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
        page.add_script_tag(url=f"{origin}{settings.STATIC_URL}{AXE_FILE.as_posix()}")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return list(result["violations"])


@pytest.fixture
def check_page(
    request: pytest.FixtureRequest, browser_problems: BrowserProblems
) -> Callable[[Page, str], list[dict[str, Any]]]:
    """Screenshot + axe + console check of the page as it is now; returns axe's violations."""
    test_name = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
    folder = Path(request.config.rootpath) / SCREENSHOTS / test_name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    findings = request.config.stash.setdefault(_axe_findings_key, [])
    number = 0

    def _check(page: Page, name: str) -> list[dict[str, Any]]:
        nonlocal number
        number += 1
        step = f"{number:02d}-{re.sub(r'[^\w-]+', '-', name)}"
        screenshot = folder / f"{step}.png"
        page.wait_for_load_state("load")
        page.screenshot(path=screenshot, full_page=True)
        violations = _run_axe(page)

        counts = dict.fromkeys(IMPACTS, 0)
        lines = []
        for violation in violations:
            impact = violation.get("impact") or "minor"
            counts[impact] += 1
            lines.append(_describe(violation, violation.get("nodes") or [{}]))
        findings.append(AxeFinding(request.node.nodeid, step, counts, lines))

        browser_problems.fail_on_new(f"on or before {step} ({page.url})")
        if lines:  # every violation fails, whatever its impact
            listing = "\n".join(f"  - {line}" for line in lines)
            pytest.fail(
                f"axe found accessibility problems on {step} ({page.url}):\n"
                f"{listing}\nScreenshot: {screenshot}",
                pytrace=False,
            )
        return violations

    return _check


def axe_findings(config: pytest.Config) -> list[AxeFinding]:
    """Every page checked so far in this run, with axe's counts per impact."""
    return config.stash.get(_axe_findings_key, [])


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    findings = config.stash.get(_axe_findings_key, [])
    if not findings:
        return
    terminalreporter.section("axe-core per page: critical/serious/moderate/minor")
    for finding in findings:
        counts = "/".join(str(finding.counts[impact]) for impact in IMPACTS)
        terminalreporter.write_line(f"{counts}  {finding.test} {finding.step}")
        for line in finding.lines:
            terminalreporter.write_line(f"           {line}")
