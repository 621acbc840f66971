"""The parts of the outsider matrix that apps use to take part in it (see ``suites.py``).

``World`` is what the matrix builds (``test_outsiders.world``); an app's ``outsiders(w)`` adds
its own objects to ``w.extra``. ``Target`` says, for one URL pattern, how to fill it in from the
world and what each role must get.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

SECRET = "GEHEIM-7f3a"  # in every private text of the world
GUESSED = "geraden-geheim-0000"  # a guessed token, secret or signature in a URL


@dataclass
class World:
    alliance: Any
    amina_party: Any
    bas_party: Any
    entry: Any
    contribution: Any
    invitation: Any
    invitation_secret: str
    invitation_for_ilse: Any
    org: Any
    membership: Any
    org_invitation: Any
    org_invitation_secret: str
    people: dict[str, Any] = field(default_factory=dict)  # by name, and the outsiders by role
    extra: dict[str, Any] = field(default_factory=dict)  # the objects of the apps' plugins

    @property
    def amina(self) -> Any:
        return self.people["amina"]


OUTSIDERS = (
    "anonymous",
    "stranger",
    "party of another alliance",
    "member of another organisation",
    "coordinator of another organisation",
    "funder",
    "site admin",
)

# Expected status codes.
OK = frozenset({200})
REDIRECT = frozenset({302})
NOT_FOUND = frozenset({404})
REFUSED = frozenset({403, 404})
NOT_ALLOWED = frozenset({405})
BAD_LINK = frozenset({400})
UNAUTHORIZED = frozenset({401})  # the JSON API without a login or a working token
LOGIN = "login"  # a redirect to the login page (anonymous visitors on every page that needs it)


@dataclass(frozen=True)
class Target:
    """One URL pattern: how to fill it in from the world, and what each role must get.

    ``outsider``: what every logged-in outsider gets (the site admin is an outsider on the site
    itself, unless ``site_admin`` says otherwise). ``only``: the one method the view takes
    ("GET" or "POST"); the other gets 405. ``post``: what a POST gets when the view takes both
    and it differs from the GET (by default: as GET, plus a redirect where GET shows a form).
    ``anonymous``: what an anonymous visitor gets (default: the login page, for both methods).
    ``insider``: who may open the page and the status of their GET, with ``insider_kwargs``
    when they use the real token instead of a guess. ``post_writes``: models that an outsider's
    POST on their *own* page may write, with the reason in a comment at the target.
    """

    kwargs: Callable[[World], dict[str, Any]]
    outsider: frozenset[int]
    only: str | None = None
    post: frozenset[int] | None = None
    anonymous: frozenset[int] | str = LOGIN
    anonymous_post: frozenset[int] | None = None
    site_admin: frozenset[int] | None = None
    insider: tuple[str, int] | None = None
    insider_kwargs: Callable[[World], dict[str, Any]] | None = None
    post_writes: frozenset[str] = frozenset()

    def expected(self, role: str, method: str) -> frozenset[int] | str:
        if role == "anonymous":
            if self.anonymous == LOGIN:
                return LOGIN  # LoginRequiredMiddleware answers before the view, any method
            base: frozenset[int] = self.anonymous  # type: ignore[assignment]
            explicit_post = self.anonymous_post
        else:
            base = self.site_admin if role == "site admin" and self.site_admin else self.outsider
            explicit_post = self.post
        if self.only is not None and method.upper() != self.only:
            return NOT_ALLOWED
        if method == "post" and self.only is None:
            return explicit_post if explicit_post is not None else _post_default(base)
        return base


def _post_default(on_get: frozenset[int]) -> frozenset[int]:
    """A form answers a POST with its errors (200) or goes on (302)."""
    return on_get | REDIRECT if 200 in on_get else on_get


def none(w: World) -> dict[str, Any]:
    return {}


# The legitimate people of the world, for the GET of the insiders.
AMINA = "amina"
GIJS = "gijs"
ILSE = "ilse"
ANON = "anonymous"

# A password typed wrong (here: left empty) on one's own account counts towards the login lock
# of that account (django-axes): a POST by the outsider on their own page, about themself.
OWN_LOCK = frozenset({"axes.AccessAttempt"})
