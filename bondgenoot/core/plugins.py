"""Modules that apps add to a shared feature by name (``bondgenoot/<app>/<name>.py``).

The demo loader (``demo.py``), "Mijn gegevens" (``my_data.py``) and the site-wide test suites
find each app's part this way, in the order of ``INSTALLED_APPS``, so a new app brings its own
part without the shared code naming it.
"""

import importlib
from collections.abc import Iterator
from types import ModuleType

from django.apps import apps


def app_modules(name: str, *, skip: str = "") -> Iterator[ModuleType]:
    """The module ``<app>.<name>`` of every Bondgenoot app that has one (except ``skip``)."""
    for config in apps.get_app_configs():
        if not config.name.startswith("bondgenoot.") or config.name == skip:
            continue
        full = f"{config.name}.{name}"
        try:
            module = importlib.import_module(full)
        except ModuleNotFoundError as error:
            # The app has no such module (or package): fine. Anything else it imports is a bug.
            if not (error.name and (full == error.name or full.startswith(error.name + "."))):
                raise
            continue
        yield module
