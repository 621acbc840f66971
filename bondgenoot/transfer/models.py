"""Import and export of members' profiles by a coordinator (docs/import.md).

- ``ImportConsent``: the person agreed that their organisation puts their profile in for them
  (when and how). Never the profile text itself, which lives in ``people.Person`` only.
- ``TransferRecord``: every import and export of an organisation: who, when, which format,
  how many rows. Exporting profiles is a sensitive act too, so it is recorded.
- ``PendingImport``: a checked file between the dry run and the confirmation, for
  ``PENDING_MINUTES`` at most. Only the SHA-256 hash of its key is stored; the key stays in
  the coordinator's session. Taken (and deleted) on confirmation; expired ones are deleted.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.models import BaseModel
from bondgenoot.people.models import Organisation, Person


class ConsentHow(models.TextChoices):
    ON_PAPER = "paper", _("Signed on paper")
    SPOKEN = "spoken", _("Said out loud")
    DIGITAL = "digital", _("Digitally")


class ImportConsent(BaseModel):
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="import_consents", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    imported_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("put in by")
    )
    given_on = models.DateField(_("consent given on"))
    how = models.CharField(_("how consent was given"), max_length=10, choices=ConsentHow.choices)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("consent for an import")
        verbose_name_plural = _("consents for an import")

    def __str__(self) -> str:
        return f"{self.person} ({self.given_on:%Y-%m-%d})"


class TransferKind(models.TextChoices):
    IMPORT = "import", _("Import")
    EXPORT = "export", _("Export")


class TransferRecord(BaseModel):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="transfer_records"
    )
    by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(max_length=10, choices=TransferKind.choices)
    file_format = models.CharField(max_length=10)
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import or export")
        verbose_name_plural = _("imports and exports")

    def __str__(self) -> str:
        return f"{self.organisation} {self.kind} {self.created_at:%Y-%m-%d}"


class PendingImport(BaseModel):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="pending_imports"
    )
    by = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    key_digest = models.CharField(max_length=64, unique=True)
    file_format = models.CharField(max_length=10)
    rows = models.JSONField(default=list)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organisation} ({len(self.rows)})"
