"""Settings shared by every environment. Environment-specific files import from here.

Anything secret or host-specific is read from the environment in ``prod.py``; the
defaults here are safe for development.
"""

from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "axes",
    "bondgenoot.core",
    "bondgenoot.accounts",
    "bondgenoot.people",
    "bondgenoot.alliances",
    "bondgenoot.stories",
    "bondgenoot.privacy",
    "bondgenoot.audit",
    "bondgenoot.matching",
    "bondgenoot.transfer",
    "bondgenoot.money",
    "bondgenoot.demo",
    "bondgenoot.api",
    "bondgenoot.gatherings",
    "bondgenoot.reflection",
    "bondgenoot.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Permissions-Policy everywhere; no caching of pages for logged-in people.
    "bondgenoot.accounts.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a login unless its view says otherwise (@login_not_required).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle timeout and maximum age of a session; two-step verification for every way in.
    "bondgenoot.accounts.middleware.SessionTimeoutMiddleware",
    "bondgenoot.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Turns a login lock (too many wrong passwords) into our page; django-axes wants it last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "bondgenoot.core.context_processors.site",
            ],
            "builtins": [
                "django.templatetags.i18n",
                "django.templatetags.static",
                "bondgenoot.core.templatetags.bondgenoot",
            ],
        },
    },
]

# Embedded SQLite unless DATABASE_URL points elsewhere (e.g. postgres://user@host:5432/name).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Waiting briefly on a locked database beats failing a resident's form submission.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# AxesStandaloneBackend first: it refuses a login while it is locked, before any password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Long passphrases are welcome (up to 256 characters); no rules about kinds of characters.
    {
        "NAME": "bondgenoot.accounts.validators.MaximumLengthValidator",
        "OPTIONS": {"max_length": 256},
    },
    {"NAME": "bondgenoot.accounts.validators.ContextWordsValidator"},
]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
# E-mail links live at most 10 minutes (OWASP ASVS 5.0, V6.5.5), password reset an hour.
PASSWORD_RESET_TIMEOUT = 60 * 60
# A one-time login link by e-mail is valid this long (seconds).
EMAIL_LOGIN_LINK_TIMEOUT = 60 * 10
# How long an invitation link stays open (days).
INVITATION_VALID_DAYS = 30

# A session ends after 30 minutes without a request, and always 12 hours after the login
# (bondgenoot.accounts.middleware.SessionTimeoutMiddleware); logging out deletes it on the server.
BONDGENOOT_SESSION_IDLE_TIMEOUT = 60 * 30
BONDGENOOT_SESSION_MAX_AGE = 60 * 60 * 12
SESSION_COOKIE_AGE = BONDGENOOT_SESSION_MAX_AGE
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Two-step verification (TOTP): required for coordinators of an organisation and for site
# administrators; the code must follow the password or e-mail link within 5 minutes.
BONDGENOOT_REQUIRE_2FA_FOR_COORDINATORS = True
BONDGENOOT_2FA_PENDING_TIMEOUT = 60 * 5
# Turning on two-step verification or logging out everywhere asks for the password again,
# unless the login was less than this long ago (seconds).
BONDGENOOT_REAUTH_WINDOW = 60 * 10

# Login throttling with django-axes (bondgenoot.accounts.throttling): failures counted within
# the cool-off time, each set of lockout parameters with its own limit. A lock looks the same
# whether or not the account exists; the e-mail login link keeps working.
BONDGENOOT_LOGIN_FAILURE_LIMITS: dict[tuple[str, ...], int] = {
    ("username", "ip_address"): 5,  # one account from one address
    ("ip_address",): 20,  # one address trying many accounts
    ("username",): 50,  # one account from many addresses
}
AXES_LOCKOUT_PARAMETERS: list[str | list[str]] = [
    list(key) if len(key) > 1 else key[0] for key in BONDGENOOT_LOGIN_FAILURE_LIMITS
]
AXES_FAILURE_LIMIT = min(BONDGENOOT_LOGIN_FAILURE_LIMITS.values())
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HANDLER = "bondgenoot.accounts.throttling.LoginFailureHandler"
AXES_LOCKOUT_CALLABLE = "bondgenoot.accounts.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "bondgenoot.accounts.throttling.client_ip"
AXES_USERNAME_CALLABLE = "bondgenoot.accounts.throttling.login_username"
# Reverse proxies in front of the site whose X-Forwarded-For we trust (0: use REMOTE_ADDR).
BONDGENOOT_TRUSTED_PROXY_COUNT = 0

# Forms that send mail (login link, password reset, new e-mail address): (count, seconds).
BONDGENOOT_MAIL_LIMIT_PER_IP = (10, 60 * 60)
BONDGENOOT_MAIL_LIMIT_PER_ADDRESS = (3, 60 * 15)
BONDGENOOT_THROTTLE_CACHE = "default"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "bondgenoot",
    }
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = BASE_DIR / "media"

MAILERS: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Bondgenoot <noreply@bondgenoot.localhost>")

# The NL Design System theme: swap both to use a municipality's own theme (docs/theming.md).
BONDGENOOT_THEME_CSS = env_str("BONDGENOOT_THEME_CSS", "theme/bondgenoot-theme.css")
BONDGENOOT_THEME_CLASS = env_str("BONDGENOOT_THEME_CLASS", "bondgenoot-theme")
BONDGENOOT_SITE_NAME = env_str("BONDGENOOT_SITE_NAME", "Bondgenoot")
# Where residents report a problem (accessibility statement, privacy statement); empty: the
# pages tell them to contact the organisation that offers the site.
BONDGENOOT_CONTACT_EMAIL = env_str("BONDGENOOT_CONTACT_EMAIL", "")

# Content-Security-Policy (Django's built-in): no inline scripts or styles, nothing external.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features no page of ours uses (bondgenoot.accounts.middleware.SecurityHeadersMiddleware).
BONDGENOOT_PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
    "bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
    "display-capture=(), fullscreen=(self)"
)

FORM_RENDERER = "bondgenoot.core.forms.FormRenderer"
USE_THOUSAND_SEPARATOR = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Time, level and logger on every line (OWASP ASVS V16.2.1); never personal text.
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

DEMO_LOGIN_PASSWORD = "bondgenoot-demo"  # noqa: S105 - fictional demo accounts only
ENABLE_DEMO_HINTS = env_bool("BONDGENOOT_DEMO", default=False)

# Mijn gegevens (privacy app): how long a re-entered password or e-mail link opens downloads and
# account deletion (seconds), and how long such an e-mail link (or one for a new address) works.
PRIVACY_REAUTH_SECONDS = 60 * 10
PRIVACY_LINK_TIMEOUT = 60 * 10

# Retention (audit app, `manage.py apply_retention`, run daily): days after an alliance ended
# before it is archived (read-only), and before the texts its writers marked sensitive are erased.
RETENTION_ARCHIVE_AFTER_DAYS = int(env_str("RETENTION_ARCHIVE_AFTER_DAYS", "365"))
RETENTION_ERASE_SENSITIVE_AFTER_DAYS = int(env_str("RETENTION_ERASE_SENSITIVE_AFTER_DAYS", "730"))
