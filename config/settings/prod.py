"""Production: everything secret or host-specific comes from the environment."""

from config.env import env_bool, env_list, env_str

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

MAILERS = {
    "default": {
        "BACKEND": env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": env_str("DJANGO_EMAIL_HOST", "localhost"),
            "port": int(env_str("DJANGO_EMAIL_PORT", "587")),
            "username": env_str("DJANGO_EMAIL_USER", ""),
            "password": env_str("DJANGO_EMAIL_PASSWORD", ""),
            "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", default=True),
        },
    }
}
ENABLE_DEMO_HINTS = False

# One cache for all gunicorn workers, so the limits on mails (login link, password reset) count
# across processes and restarts. The table is made by `migrate` (core migration 0002).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "bondgenoot_cache",
    }
}

# Every cookie with the __Host- prefix: the browser only accepts it over HTTPS, for this host
# only, for the whole site (OWASP ASVS 5.0 V3.3.1, V3.3.3). Messages use a cookie storage
# with such a name (bondgenoot/accounts/cookies.py).
SESSION_COOKIE_NAME = "__Host-bondgenoot-session"
CSRF_COOKIE_NAME = "__Host-bondgenoot-csrftoken"
LANGUAGE_COOKIE_NAME = "__Host-bondgenoot-language"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
MESSAGE_STORAGE = "bondgenoot.accounts.cookies.HostFallbackStorage"
# Reverse proxies in front of gunicorn (the TLS proxy): their X-Forwarded-For gives the
# visitor's address for login throttling. Set to 0 when gunicorn faces the internet itself.
BONDGENOOT_TRUSTED_PROXY_COUNT = int(env_str("BONDGENOOT_TRUSTED_PROXY_COUNT", "1"))
