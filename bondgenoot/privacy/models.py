from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.models import BaseModel
from bondgenoot.people.models import Person


class Purpose(models.TextChoices):
    """What a person may give (or withdraw) consent for. Without an answer: not given."""

    QUOTE_IN_REPORT = "quote_in_report", _("Quotes from my stories and journal in a report")
    FINDABLE = "findable", _("Findable as an ally")
    CONTACT_BY_ORGANISATIONS = "contact_by_organisations", _("Organisations may contact me")
    NAME_IN_REPORT = "name_in_report", _("My name in a report")


class Consent(BaseModel):
    """A person's current answer for one purpose. Every change is also kept in
    ``ConsentChange``; ``selectors.has_consent`` reads this table."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    given = models.BooleanField(_("given"), default=False)

    class Meta:
        ordering = ["person", "purpose"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        indexes = [models.Index(fields=["updated_at"], name="consent_updated_at")]
        constraints = [
            models.UniqueConstraint(fields=["person", "purpose"], name="consent_once_per_purpose")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.purpose}: {self.given}"


class AppendOnly(models.Model):
    """A record that is written once and never changed through the application."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError(f"{type(self).__name__} is append-only: it cannot be changed.")
        super().save(*args, **kwargs)


class ConsentChange(AppendOnly):
    """One change of a consent: who changed it, for which purpose, given or withdrawn, when."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consent_changes")
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    given = models.BooleanField(_("given"))
    changed_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("change of consent")
        verbose_name_plural = _("changes of consent")
        indexes = [models.Index(fields=["person", "-changed_at"], name="consent_history")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.purpose}: {self.given} ({self.changed_at:%Y-%m-%d})"


class ExportFormat(models.TextChoices):
    JSON = "json", _("JSON file (for computers)")
    HTML = "html", _("Web page (to read)")
    PDF = "pdf", _("PDF (to read or print)")


class DataExport(AppendOnly):
    """The moment a person downloaded their data. Written in the same transaction as the
    download is made: a failed download leaves no record."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="data_exports")
    format = models.CharField(_("format"), max_length=4, choices=ExportFormat.choices)
    made_at = models.DateTimeField(_("made at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-made_at", "-id"]
        verbose_name = _("download of my data")
        verbose_name_plural = _("downloads of my data")

    def __str__(self) -> str:
        return f"{self.person_id} {self.format} {self.made_at:%Y-%m-%d %H:%M}"
