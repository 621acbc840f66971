"""Settings for the benchmarks: production-like (DEBUG off), on a throw-away database.

The database comes from ``DATABASE_URL`` (``bench/pages.py`` sets it); without it, a SQLite
file under /tmp, never the development database.
"""

import os
import warnings

import dj_database_url

from config.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-key-not-secret"  # noqa: S105 - a throw-away benchmark database
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
ROOT_URLCONF = "bench.urls"
# No collectstatic for a benchmark: WhiteNoise's warning about the missing STATIC_ROOT is noise.
warnings.filterwarnings("ignore", message="No directory at")
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

BENCH_SQLITE_PATH = "/tmp/bondgenoot_bench.sqlite3"  # noqa: S108 - throw-away database
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BENCH_SQLITE_PATH}"),
        conn_max_age=60,  # PostgreSQL: reuse connections (tech notes: 107 vs 1,323 req/s)
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # As in config.settings.base: the embedded default, exactly as it runs in production.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
