from typing import Any

from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


def _delete_receipt_file(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A removed expense takes its receipt file along, once the removal is committed. Also when
    the expense goes with its budget or organisation (a cascade no service sees)."""
    name = instance.receipt.name if instance.receipt else ""
    if name:
        storage = instance.receipt.storage
        transaction.on_commit(lambda: storage.delete(name))


class MoneyConfig(AppConfig):
    name = "bondgenoot.money"
    label = "money"
    verbose_name = _("Money")

    def ready(self) -> None:
        post_delete.connect(
            _delete_receipt_file, sender="money.Expense", dispatch_uid="money_receipt_file"
        )
