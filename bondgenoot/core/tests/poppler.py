"""Poppler's command-line tools (pdftotext, pdfinfo, pdftoppm) for reading our PDFs back.

Like the browser tests: skipped with a message when poppler-utils is missing, but a failure
when ``BONDGENOOT_REQUIRE_BROWSER=1`` (CI installs it, so a PDF test can never silently skip).
"""

import os
import shutil
import subprocess

import pytest

from .browser import REQUIRE_BROWSER_ENV


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (apt-get install poppler-utils)"
        if os.environ.get(REQUIRE_BROWSER_ENV) == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


def run(name: str, *args: str, pdf: bytes) -> str:
    """Run a poppler tool on a PDF given on standard input; returns its standard output."""
    return subprocess.run(  # noqa: S603 (a fixed program on our own PDF)
        [tool(name), *args], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def pdf_text(pdf: bytes) -> str:
    return run("pdftotext", "-", "-", pdf=pdf)
