from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.models import BaseModel, BoundedTextField, InvitationBase
from bondgenoot.people.models import TEXT_MAX, Organisation, Person


class AllianceStatus(models.TextChoices):
    ONGOING = "ongoing", _("Ongoing")
    PAUSED = "paused", _("Paused")
    ENDED = "ended", _("Ended")


class Alliance(BaseModel):
    """A bondgenootschap: parties with a shared intention and an agreed way of working."""

    name = models.CharField(_("name"), max_length=120)
    intention = BoundedTextField(_("what we want to achieve together"), max_length=TEXT_MAX)
    way_of_working = BoundedTextField(_("how we work together"), max_length=TEXT_MAX, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=AllianceStatus.choices, default=AllianceStatus.ONGOING
    )
    started_on = models.DateField(_("started on"), default=timezone.localdate)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    created_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Retention (``manage.py apply_retention``): set once, never cleared.
    archived_on = models.DateField(_("archived on"), null=True, blank=True, editable=False)
    sensitive_erased_on = models.DateField(
        _("sensitive texts erased on"), null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = _("alliance")
        verbose_name_plural = _("alliances")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="alliance_ends_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_archived(self) -> bool:
        """Archived after the retention period: readable, but nothing can be added or changed."""
        return self.archived_on is not None

    @property
    def is_tandem(self) -> bool:
        """Two allies, both people: shown as a tandem. Uses prefetched parties."""
        parties = [p for p in self.parties.all() if p.left_on is None]
        return len(parties) == 2 and all(p.person_id for p in parties)


class Party(BaseModel):
    """A person or an organisation taking part in an alliance, in a role in their own words."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="parties")
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="parties"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="parties"
    )
    role = models.CharField(_("my role, in my own words"), max_length=200, blank=True)
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        ordering = ["joined_on", "id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.CheckConstraint(
                # Both empty: a former participant who deleted their account but chose to
                # leave what they wrote and gave in the shared history.
                condition=~(Q(person__isnull=False) & Q(organisation__isnull=False)),
                name="party_is_person_or_organisation",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=False)
                | Q(person__isnull=False)
                | Q(organisation__isnull=False),
                name="former_participant_has_left",
            ),
            models.UniqueConstraint(
                fields=["alliance", "person"],
                condition=Q(person__isnull=False),
                name="person_once_per_alliance",
            ),
            models.UniqueConstraint(
                fields=["alliance", "organisation"],
                condition=Q(organisation__isnull=False),
                name="organisation_once_per_alliance",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.is_former:
            return str(_("a former participant"))
        return str(self.person or self.organisation)

    @property
    def is_former(self) -> bool:
        """A participant who deleted their account and kept their part of the history."""
        return self.person_id is None and self.organisation_id is None

    @property
    def is_person(self) -> bool:
        return self.person_id is not None


class Invitation(InvitationBase):
    """An invitation by link to join an alliance as a party."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="invitations")
    created_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    responded_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.alliance} ({self.get_status_display()})"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


# What stays of a sensitive text after the retention period (stored as is, in Dutch: the
# database is read by exports too; pages show the translated sentence when ``erased_on`` is set).
ERASED_TEXT = "Deze tekst is verwijderd na de bewaartermijn."


class SensitiveTopic(models.TextChoices):
    """What a sensitive journal entry is about. Chosen by its writer, never inferred."""

    HEALTH = "health", _("health")
    MONEY = "money", _("money")
    JUSTICE = "justice", _("justice")
    FAMILY = "family", _("family")


def topic_labels(topics: list[str]) -> str:
    """'health, money' in the reader's language, in a fixed order."""
    labels = dict(SensitiveTopic.choices)
    return ", ".join(str(labels[t]) for t in SensitiveTopic.values if t in topics)


class JournalEntry(BaseModel):
    """One entry in the shared journal: what happened, what we learned, what now."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="journal")
    author = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, related_name="journal_entries"
    )
    occurred_on = models.DateField(_("date"), default=timezone.localdate)
    what_happened = BoundedTextField(_("what happened?"), max_length=TEXT_MAX)
    what_we_learned = BoundedTextField(_("what did we learn?"), max_length=TEXT_MAX, blank=True)
    what_next = BoundedTextField(_("what now?"), max_length=TEXT_MAX, blank=True)
    is_milestone = models.BooleanField(_("milestone"), default=False)
    milestone_marked_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    # Marked by the writer: every look by someone else is recorded (audit.AccessRecord).
    is_sensitive = models.BooleanField(_("this entry is sensitive"), default=False)
    sensitive_topics = models.JSONField(_("what it is about"), default=list, blank=True)
    erased_on = models.DateField(_("text erased on"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        indexes = [models.Index(fields=["alliance", "-occurred_on", "-id"], name="journal_feed")]

    def __str__(self) -> str:
        return f"{self.alliance}: {self.occurred_on}"

    @property
    def topics_display(self) -> str:
        return topic_labels(self.sensitive_topics)


class RevisionKind(models.TextChoices):
    EARLIER = "earlier", _("Earlier version")
    CONFLICT = "conflict", _("Written at the same time")


class JournalEntryRevision(BaseModel):
    """A text an entry had before, or a text written at the same time as someone else's edit.

    Nothing in the journal is silently overwritten: every edit first stores the old text here.
    """

    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=RevisionKind.choices)
    what_happened = BoundedTextField(max_length=TEXT_MAX)
    what_we_learned = BoundedTextField(max_length=TEXT_MAX, blank=True)
    what_next = BoundedTextField(max_length=TEXT_MAX, blank=True)
    written_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    # The marking this text had: unmarking an entry later does not unmark its earlier texts.
    is_sensitive = models.BooleanField(default=False)
    sensitive_topics = models.JSONField(default=list, blank=True)
    erased_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("earlier version of a journal entry")
        verbose_name_plural = _("earlier versions of journal entries")

    def __str__(self) -> str:
        return f"{self.entry_id} v{self.version}"

    @property
    def topics_display(self) -> str:
        return topic_labels(self.sensitive_topics)


class ContributionKind(models.TextChoices):
    TIME = "time", _("Time")
    KNOWLEDGE = "knowledge", _("Knowledge")
    EXPERIENCE = "experience", _("Experience")
    NETWORK = "network", _("Network")
    MONEY = "money", _("Money")
    GOODS = "goods", _("Goods")
    OTHER = "other", _("Something else")


class Contribution(BaseModel):
    """Reciprocity: who gave what to whom. Every party gives and receives, residents too."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="contributions")
    giver = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="given", verbose_name=_("from")
    )
    receiver = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="received", verbose_name=_("to")
    )
    kind = models.CharField(_("what kind"), max_length=12, choices=ContributionKind.choices)
    description = BoundedTextField(_("what was given"), max_length=TEXT_MAX)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2, null=True, blank=True)
    euros = models.DecimalField(_("euros"), max_digits=9, decimal_places=2, null=True, blank=True)
    given_on = models.DateField(_("date"), default=timezone.localdate)
    recorded_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        constraints = [
            models.CheckConstraint(
                condition=~Q(giver=models.F("receiver")),
                name="contribution_between_two_parties",
                violation_error_message=_("Giver and receiver must be different parties."),
            ),
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | Q(hours__gt=0),
                name="contribution_hours_positive",
                violation_error_message=_("Hours must be more than 0."),
            ),
            models.CheckConstraint(
                condition=Q(euros__isnull=True) | Q(euros__gt=0),
                name="contribution_euros_positive",
                violation_error_message=_("Euros must be more than 0."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.giver} → {self.receiver}: {self.get_kind_display()}"
