"""The verantwoording: a report that leads with the process, frozen into versions when shared."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bondgenoot.alliances.models import Alliance
from bondgenoot.core.models import BaseModel, BoundedTextField
from bondgenoot.people.models import Neighbourhood, Organisation, Person

TEXT_MAX = 6000


class ReportScope(models.TextChoices):
    ORGANISATION = "organisation", _("All alliances of the organisation")
    ALLIANCES = "alliances", _("Some alliances that I choose")
    NEIGHBOURHOOD = "neighbourhood", _("The alliances in one neighbourhood")


class Report(BaseModel):
    """What a coordinator is writing. Its content is read fresh from the platform every time;
    sharing freezes it into a ``ReportVersion``."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="reports",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=160)
    scope = models.CharField(
        _("about what"),
        max_length=20,
        choices=ReportScope.choices,
        default=ReportScope.ORGANISATION,
    )
    alliances = models.ManyToManyField(
        Alliance, blank=True, related_name="+", verbose_name=_("alliances")
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("neighbourhood"),
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    introduction = BoundedTextField(_("introduction"), max_length=TEXT_MAX, blank=True)
    reflection = BoundedTextField(_("looking back"), max_length=TEXT_MAX, blank=True)
    ask = BoundedTextField(_("what we ask of you"), max_length=TEXT_MAX, blank=True)
    created_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-period_end", "-id"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="report_period_in_order",
                violation_error_message=_("The end of the period comes before its start."),
            )
        ]

    def __str__(self) -> str:
        return self.title


class ReportVersion(BaseModel):
    """A frozen snapshot: what a funder sees. ``content`` is the report as it was made (names
    already replaced); ``depends`` lists the consents it relied on, so a withdrawn consent
    marks this version as withdrawn (``selectors.version_problems``)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    depends = models.JSONField(default=dict)
    made_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["report", "-number"]
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"


class ReportShare(BaseModel):
    """One version shared with one funder account, or by a link that expires."""

    version = models.ForeignKey(ReportVersion, on_delete=models.CASCADE, related_name="shares")
    funder = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="shared_reports"
    )
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("shared report")
        verbose_name_plural = _("shared reports")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(funder__isnull=False, token_hash__isnull=True)
                    | Q(funder__isnull=True, token_hash__isnull=False, expires_on__isnull=False)
                ),
                name="report_share_funder_xor_link",
            )
        ]

    def __str__(self) -> str:
        return f"{self.version}"


class ReportOpening(models.Model):
    """Every time a shared report is opened (page or PDF). Append-only."""

    share = models.ForeignKey(ReportShare, on_delete=models.CASCADE, related_name="openings")
    opened_at = models.DateTimeField(auto_now_add=True, db_index=True)
    by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    as_pdf = models.BooleanField(default=False)

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("opening of a shared report")
        verbose_name_plural = _("openings of shared reports")

    def __str__(self) -> str:
        return f"{self.share} {self.opened_at:%Y-%m-%d %H:%M}"
