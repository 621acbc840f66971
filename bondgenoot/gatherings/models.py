from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.models import BaseModel, BoundedTextField
from bondgenoot.people.models import TEXT_MAX, Organisation, Person

# A report section is longer than a profile field: the groups of a masterclass with 100
# participants and 300 harvest items run to some 45,000 characters (bench/gatherings.py).
SECTION_MAX = 200_000
# What a speaker or guest said: a few pages at most.
CONTRIBUTION_MAX = 20_000


class GatheringKind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    MASTERCLASS = "masterclass", _("Masterclass")
    PEER_CONSULTATION = "intervisie", _("Peer consultation")
    DROP_IN = "inloop", _("Drop-in")
    WORK_SESSION = "werksessie", _("Work session")


class GatheringStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for registration")
    HELD = "held", _("Held")
    PUBLISHED = "published", _("Report published")


class Gathering(BaseModel):
    """A bijeenkomst: people meet, talk in pairs or groups, and what they harvest becomes a
    verslag (report) with the structure of the seed reports."""

    kind = models.CharField(_("kind of gathering"), max_length=12, choices=GatheringKind.choices)
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    question = BoundedTextField(_("the question of the gathering"), max_length=TEXT_MAX, blank=True)
    description = BoundedTextField(_("description"), max_length=TEXT_MAX, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(
        _("place"),
        max_length=200,
        help_text=_("An address, or write “online”."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gatherings",
        verbose_name=_("organisation"),
    )
    organiser = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        related_name="organised_gatherings",
        verbose_name=_("organiser"),
    )
    max_participants = models.PositiveIntegerField(
        _("maximum number of participants"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no maximum. When it is full, people go on a waiting list."),
    )
    is_open = models.BooleanField(
        _("open to everyone with an account"),
        default=False,
        help_text=_("Only for a gathering without an organisation."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=GatheringStatus.choices, default=GatheringStatus.DRAFT
    )

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name = _("gathering")
        verbose_name_plural = _("gatherings")
        indexes = [models.Index(fields=["starts_at"], name="gathering_starts_at")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="gathering_ends_after_start",
                violation_error_message=_("The end cannot be before the start."),
            ),
            models.CheckConstraint(
                condition=Q(is_open=False) | Q(organisation__isnull=True),
                name="open_gathering_has_no_organisation",
                violation_error_message=_(
                    "A gathering of an organisation is for its members. Choose no organisation "
                    "to open it to everyone with an account."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class RoleKind(models.TextChoices):
    HOST = "host", _("Speaker")
    GUEST = "guest", _("Guest")


class GatheringRole(BaseModel):
    """A speaker (host) or a guest of a gathering: a person with an account, or only a name."""

    gathering = models.ForeignKey(Gathering, on_delete=models.CASCADE, related_name="roles")
    # A deleted account takes its role (and what it said) with it.
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="gathering_roles",
        verbose_name=_("person with an account"),
    )
    name_text = models.CharField(
        _("name"),
        max_length=120,
        blank=True,
        help_text=_("For someone without an account."),
    )
    role = models.CharField(_("role"), max_length=5, choices=RoleKind.choices)
    introduction = models.CharField(
        _("who they are"),
        max_length=300,
        blank=True,
        help_text=_("For example: experienced expert at the neighbourhood team."),
    )
    contribution = BoundedTextField(
        _("what they said or brought"), max_length=CONTRIBUTION_MAX, blank=True
    )
    consent_to_name = models.BooleanField(_("may be named in the report"), default=False)
    position = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["gathering", "position", "id"]
        verbose_name = _("speaker or guest")
        verbose_name_plural = _("speakers and guests")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(name_text=""),
                name="gathering_role_has_a_name",
                violation_error_message=_("Choose a person or write a name."),
            ),
            models.UniqueConstraint(
                fields=["gathering", "person"],
                condition=Q(person__isnull=False),
                name="person_one_role_per_gathering",
                violation_error_message=_("This person already has a role in this gathering."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.person_id is not None:
            return str(self.person)
        return self.name_text


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    WITHDRAWN = "withdrawn", _("No longer registered")


class Registration(BaseModel):
    """A person takes part. Full gatherings keep a waiting list: first come, first in."""

    gathering = models.ForeignKey(Gathering, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="registrations")
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    # When the person (last) signed up: the order of the waiting list.
    queued_at = models.DateTimeField(default=timezone.now, editable=False)
    consent_to_name = models.BooleanField(_("my name may be in the report"), default=False)

    class Meta:
        ordering = ["gathering", "queued_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [
            models.Index(fields=["gathering", "status", "queued_at"], name="registration_queue")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["gathering", "person"], name="registration_once_per_gathering"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.gathering} ({self.status})"


class ConversationGroup(BaseModel):
    """A pair or a group that talks together during a gathering."""

    gathering = models.ForeignKey(Gathering, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(_("name"), max_length=80)
    members = models.ManyToManyField(
        Person, blank=True, related_name="conversation_groups", verbose_name=_("members")
    )
    discussed = BoundedTextField(_("what they discussed"), max_length=TEXT_MAX, blank=True)
    position = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["gathering", "position", "id"]
        verbose_name = _("conversation group")
        verbose_name_plural = _("conversation groups")

    def __str__(self) -> str:
        return self.name


class HarvestKind(models.TextChoices):
    INSIGHT = "insight", _("Insight")
    QUOTE = "quote", _("Quote")
    QUESTION = "question", _("Question")
    AGREEMENT = "agreement", _("Agreement")
    CASE = "case", _("Case from practice")


class HarvestItem(BaseModel):
    """What a gathering yielded. A quote appears in a report only while its speaker consents:
    the speaker gives or withdraws that on their own page ("Mijn citaten")."""

    gathering = models.ForeignKey(Gathering, on_delete=models.CASCADE, related_name="harvest")
    kind = models.CharField(_("kind"), max_length=10, choices=HarvestKind.choices)
    text = BoundedTextField(_("text"), max_length=TEXT_MAX)
    speaker = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,  # their own words: they go with the account
        null=True,
        blank=True,
        related_name="quotes",
        verbose_name=_("who said it"),
    )
    group = models.ForeignKey(
        ConversationGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="harvest",
        verbose_name=_("conversation group"),
    )
    speaker_consent = models.BooleanField(_("the speaker agrees"), default=False)
    consent_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    added_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["gathering", "created_at", "id"]
        verbose_name = _("harvest item")
        verbose_name_plural = _("harvest items")
        indexes = [models.Index(fields=["gathering", "kind"], name="harvest_by_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:40]}"

    @property
    def may_be_shown(self) -> bool:
        """A quote only with its speaker's consent; every other kind always. (A quote goes
        with its speaker's account; one without a speaker is never shown.)"""
        if self.kind != HarvestKind.QUOTE:
            return True
        return self.speaker_id is not None and self.speaker_consent


class GatheringReport(BaseModel):
    """A version of the verslag. Sections are stored text the organiser edits; quotes, names
    and group members are references ([citaat 12], [naam 3], [groep 2]) resolved with the
    consent that holds when the report is shown, so a withdrawn consent reaches every copy."""

    gathering = models.ForeignKey(Gathering, on_delete=models.CASCADE, related_name="reports")
    version = models.PositiveIntegerField(editable=False)
    title = models.CharField(_("title"), max_length=200)
    question = BoundedTextField(_("the question of the gathering"), max_length=TEXT_MAX, blank=True)
    introduction = BoundedTextField(_("introduction"), max_length=SECTION_MAX, blank=True)
    hosts = BoundedTextField(_("what the speakers said"), max_length=SECTION_MAX, blank=True)
    guests = BoundedTextField(
        _("the guests and their contributions"), max_length=SECTION_MAX, blank=True
    )
    groups = BoundedTextField(
        _("the groups and what they discussed"), max_length=SECTION_MAX, blank=True
    )
    closing = BoundedTextField(_("closing"), max_length=SECTION_MAX, blank=True)
    thanks = BoundedTextField(_("thanks"), max_length=TEXT_MAX, blank=True)
    generated_at = models.DateTimeField(default=timezone.now, editable=False)
    generated_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["gathering", "-version"]
        verbose_name = _("report of a gathering")
        verbose_name_plural = _("reports of gatherings")
        constraints = [
            models.UniqueConstraint(
                fields=["gathering", "version"], name="report_version_once_per_gathering"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
