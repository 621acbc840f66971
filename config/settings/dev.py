"""Development: safe defaults, console e-mail, local hosts only."""

from config.env import env_bool, env_str

from .base import *  # noqa: F403

DEBUG = env_bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
ENABLE_DEMO_HINTS = env_bool("BONDGENOOT_DEMO", default=True)
# Demo accounts (bas, for one, is a coordinator) can be tried without an authenticator app.
# Set BONDGENOOT_REQUIRE_2FA=1 to try the rule; production always requires it (base.py).
BONDGENOOT_REQUIRE_2FA_FOR_COORDINATORS = env_bool("BONDGENOOT_REQUIRE_2FA", default=False)
