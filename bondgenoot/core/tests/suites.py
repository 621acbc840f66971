"""How an app takes part in the site-wide suites without editing them.

An app adds ``bondgenoot/<app>/tests/suites.py``; every name in it is optional:

- ``outsiders(w)``: add the app's objects to ``w.extra`` (``w`` is
  ``outsider_kit.World``: amina and bas are parties of ``w.alliance``, gijs coordinates
  ``w.org``, which is a party of it; the outsiders are in ``w.people`` by role, see
  ``outsider_kit.OUTSIDERS``). Put the private texts with ``outsider_kit.SECRET`` in them.
- ``OUTSIDER_TARGETS``: ``{url name: outsider_kit.Target}`` for every URL pattern of the app.
  ``INSIDER_SEES_SECRET``: url names whose insider must see ``SECRET`` (a set or dict);
  ``FINGERPRINT_SKIP``: ``{model label: reason}`` for a model written on purpose by a GET.
- ``every_page(w)``: add objects to ``w.extra`` for the axe check of every page (``w`` is
  ``a11y.World``: amina coordinates ``w.own_org``, bas is a member of it, both are parties of
  ``w.alliance``). Pages are opened as amina.
- ``EVERY_PAGE_KWARGS``: ``{url name: (w) -> kwargs}`` for every URL pattern with parameters.
- ``hostile(w)`` and ``HOSTILE_KWARGS``: the same for the hostile-input suite (``w`` is its
  ``World``: amina coordinates ``w.org`` and is a party of ``w.alliance``).
- ``HASHED``: set ``HASHED = False`` to count the app's rows in the outsider fingerprint
  instead of hashing them (only with a reason).
"""

from collections.abc import Callable
from functools import cache
from types import ModuleType
from typing import Any

from bondgenoot.core.plugins import app_modules


@cache
def plugins() -> tuple[ModuleType, ...]:
    return tuple(app_modules("tests.suites"))


def plugin_labels() -> set[str]:
    """App labels of the apps with a plugin whose rows are hashed in the fingerprint."""
    return {
        module.__name__.split(".")[1] for module in plugins() if getattr(module, "HASHED", True)
    }


def merged(name: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for module in plugins():
        value = getattr(module, name, {})
        result.update(value if isinstance(value, dict) else dict.fromkeys(value))
    return result


def build(hook: str, world: Any) -> None:
    for module in plugins():
        function: Callable[[Any], None] | None = getattr(module, hook, None)
        if function is not None:
            function(world)
