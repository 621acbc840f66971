"""Test settings: fast hashing, in-memory e-mail, same rules as production otherwise."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True

# Coordinators and the site admin of the test cast would be sent to the page that sets up
# two-step verification in every test; bondgenoot/accounts/tests switch it on themselves.
BONDGENOOT_REQUIRE_2FA_FOR_COORDINATORS = False
# Mail throttling counts in the cache, which is not rolled back between tests: here it counts in
# a cache that keeps nothing; bondgenoot/accounts/tests use the real one.
CACHES = {
    **CACHES,  # noqa: F405
    "nothing": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
BONDGENOOT_THROTTLE_CACHE = "nothing"

# Records which URL pattern every request of the test run resolved to, and whether the view
# answered it successfully (bondgenoot/core/tests/url_coverage.py). Last, so that its
# process_view runs only when no other middleware answered first.
MIDDLEWARE = [*MIDDLEWARE, "bondgenoot.core.tests.url_coverage.UrlCoverageMiddleware"]  # noqa: F405
