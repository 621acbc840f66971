"""Message storage whose cookie has the ``__Host-`` prefix (OWASP ASVS 5.0 V3.3.1/V3.3.3).

Django's cookie storage for messages names its cookie "messages" (a class attribute, no
setting). Production uses this storage so that every cookie of the site has the prefix; the
cookie's Secure, HttpOnly and SameSite flags follow the session cookie's settings.
"""

from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.messages.storage.session import SessionStorage


class HostCookieStorage(CookieStorage):
    cookie_name = "__Host-bondgenoot-messages"


class HostFallbackStorage(FallbackStorage):
    storage_classes = (HostCookieStorage, SessionStorage)
