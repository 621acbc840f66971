from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "bondgenoot.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from . import sessions  # noqa: F401 - connects the login stamp to user_logged_in
