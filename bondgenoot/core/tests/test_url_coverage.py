"""The URL coverage plugin (url_coverage.py) itself: it records, it judges, and it fails a run."""

import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.conf import settings
from django.urls import get_resolver, resolve, reverse

from bondgenoot.core.tests import url_coverage
from bondgenoot.core.tests.url_coverage import (
    GET_REFUSED,
    OK,
    POST_REDIRECT,
    Store,
    classify,
    is_full_run,
    is_success,
    judge,
    site_patterns,
    succeeded,
    walk_patterns,
)


def test_a_success_is_an_answer_of_the_view_itself():
    assert classify(method="GET", status=200, view_ran=True) == OK
    assert classify(method="POST", status=200, view_ran=True) == OK
    assert classify(method="POST", status=302, view_ran=True, location="/") == POST_REDIRECT
    assert classify(method="GET", status=405, view_ran=True) == GET_REFUSED
    # Nothing: a redirect of a GET, a refusal, an error, or an answer from a middleware.
    assert classify(method="GET", status=302, view_ran=True, location="/") is None
    assert classify(method="GET", status=404, view_ran=True) is None
    assert classify(method="POST", status=403, view_ran=True) is None
    assert classify(method="GET", status=200, view_ran=False) is None
    assert classify(method="POST", status=302, view_ran=False, location="/") is None
    # A POST sent on to the login page or to "confirm it is you" was refused.
    login = reverse("accounts:login")
    assert classify(method="POST", status=302, view_ran=True, location=f"{login}?next=/x/") is None
    reauth = "http://testserver" + reverse("privacy:reauth")
    assert classify(method="POST", status=302, view_ran=True, location=reauth) is None

    assert is_success(method="GET", status=200, view_ran=True)
    assert not is_success(method="POST", status=302, view_ran=True, location="/")
    # A redirect after a POST counts only for a pure POST view: one whose GET is refused.
    assert succeeded(
        {
            "page/": {OK},
            "form/": {POST_REDIRECT},
            "post-only/": {POST_REDIRECT, GET_REFUSED},
            "never/": set(),
            "refused/": {GET_REFUSED},
        }
    ) == {"page/", "post-only/"}


def _config(args_source: Any = None, **options: Any) -> Any:
    source = args_source or pytest.Config.ArgsSource.TESTPATHS
    return SimpleNamespace(
        args_source=source, getoption=lambda name, default=None: options.get(name, default)
    )


def test_only_a_full_run_is_checked(monkeypatch):
    monkeypatch.delenv(url_coverage.ENV, raising=False)
    assert is_full_run(_config())  # bin/test: the testpaths, nothing else
    assert not is_full_run(_config(pytest.Config.ArgsSource.ARGS))  # files or folders
    assert not is_full_run(_config(pytest.Config.ArgsSource.INVOCATION_DIR))
    assert not is_full_run(_config(markexpr="not browser"))  # CI's PostgreSQL run
    assert not is_full_run(_config(markexpr="browser"))  # CI's browser run
    assert not is_full_run(_config(keyword="outsider"))
    assert not is_full_run(_config(deselect=["x"]))
    assert not is_full_run(_config(lf=True))
    assert not is_full_run(_config(collectonly=True))
    monkeypatch.setenv(url_coverage.ENV, "1")
    assert is_full_run(_config(pytest.Config.ArgsSource.ARGS, markexpr="browser"))
    monkeypatch.setenv(url_coverage.ENV, "0")
    assert not is_full_run(_config())


def test_the_verdict(monkeypatch):
    monkeypatch.delenv(url_coverage.ENV, raising=False)
    patterns = {"a/": "app:a", "b/<int:pk>/": "app:b"}

    done = judge(patterns=patterns, succeeded={"a/", "b/<int:pk>/"}, enforce=True)
    assert (done.covered, done.total, done.fail) == (2, 2, False)
    assert done.lines == ["URL patterns requested successfully: 2 of 2"]

    gap = judge(patterns=patterns, succeeded={"a/"}, enforce=True)
    assert gap.fail
    assert gap.missing == [("app:b", "b/<int:pk>/")]
    assert "URL patterns requested successfully: 1 of 2" in gap.lines
    assert "  app:b  (/b/<int:pk>/)" in gap.lines

    assert not judge(patterns=patterns, succeeded={"a/"}, enforce=False).fail
    assert not judge(patterns=patterns, succeeded=set(), enforce=True, stopped_early=True).fail
    # Without Chromium the browser tests are skipped: a gap is a warning, unless forced.
    warned = judge(patterns=patterns, succeeded={"a/"}, enforce=True, browser_skipped=3)
    assert not warned.fail
    assert any(line.startswith("WARNING") for line in warned.lines)
    monkeypatch.setenv(url_coverage.ENV, "1")
    assert judge(patterns=patterns, succeeded={"a/"}, enforce=True, browser_skipped=3).fail


def _example_path(route: str) -> str:
    """A path that matches a route: every converter filled in with a value it accepts."""
    values = {"int": "1", "str": "abc", "path": "abc", "slug": "abc", "uuid": "0" * 32}
    return "/" + re.sub(r"<(?:(\w+):)?\w+>", lambda m: values[m.group(1) or "str"], route)


def test_the_patterns_are_named_as_a_request_resolves_them():
    """The plugin compares the routes of requests with the routes of the URL conf: they must
    be spelled the same, or a covered pattern would look uncovered."""
    patterns = site_patterns()
    assert "admin:index" in patterns.values()
    assert not [n for n in patterns.values() if n.startswith("admin:") and n != "admin:index"]
    named = {name for _, name in walk_patterns(get_resolver().url_patterns)}
    assert {"people:directory", "alliances:detail", "privacy:overview"} <= named
    for route, name in patterns.items():
        if "(?P<" in route or route.startswith("^"):
            continue  # a regular expression (the admin's), not a route
        match = resolve(_example_path(route))
        assert (match.route, match.view_name) == (route, name)


@pytest.mark.django_db
def test_the_middleware_records_every_request(client, monkeypatch, amina):
    store = Store()
    monkeypatch.setattr(url_coverage, "STORE", store)
    directory = reverse("people:directory")

    client.get(directory)  # anonymous: the login page answers, the view never ran
    client.get("/no-such-page/")  # no pattern at all: not recorded
    assert store.snapshot() == ({"mensen/": "people:directory"}, {"mensen/": set()})

    client.force_login(amina.user)
    client.get(directory)
    notices_read = reverse("core:notices_read")  # a POST-only view that redirects
    client.post(notices_read)
    client.get(reverse("people:person_detail", args=[999_999]))  # 404 from the view
    requested, seen = store.snapshot()
    assert succeeded(seen) == {"mensen/"}
    assert seen["berichten/gelezen/"] == {POST_REDIRECT}
    assert requested["mensen/<int:pk>/"] == "people:person_detail"
    client.get(notices_read)  # 405 from the view: so it takes POST only
    assert succeeded(store.snapshot()[1]) == {"mensen/", "berichten/gelezen/"}


def _run_inner_session(tmp_path: Path, *, env_value: str) -> subprocess.CompletedProcess[str]:
    """A separate pytest run with only this plugin and one test that opens one page."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "conftest.py").write_text(
        'pytest_plugins = ["bondgenoot.core.tests.url_coverage"]\n'
    )
    (tmp_path / "test_one_page.py").write_text(
        "from django.test import Client\n\n\n"
        "def test_one_page():\n"
        f'    assert Client().get("{reverse("accounts:password_reset_done")}").status_code == 200\n'
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PYTHONPATH": str(settings.BASE_DIR),
        url_coverage.ENV: env_value,
    }
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-p", "no:xdist"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_full_run_with_a_pattern_never_requested_fails(tmp_path):
    run = _run_inner_session(tmp_path, env_value="1")
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "1 passed" in output
    total = len(site_patterns())
    assert f"URL patterns requested successfully: 1 of {total}" in output
    assert "never requested successfully" in output
    assert "people:directory" in output


def test_a_partial_run_only_reports(tmp_path):
    run = _run_inner_session(tmp_path, env_value="0")
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert "URL patterns requested successfully: 1 of" in output
    assert "never requested successfully" not in output
