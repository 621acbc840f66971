from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "bondgenoot.audit"
    verbose_name = _("Who looked along")
