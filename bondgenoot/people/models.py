from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.models import BaseModel, BoundedTextField, InvitationBase

TEXT_MAX = 2000


class Neighbourhood(BaseModel):
    """A place people share; proximity matters in alliances."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")

    def __str__(self) -> str:
        return self.name


class Visibility(models.TextChoices):
    """Who may see one field of a profile. The person chooses per field."""

    ONLY_ME = "me", _("Only me")
    ALLIES = "allies", _("My allies")
    MEMBERS = "members", _("Logged-in neighbours")


class Capacity(models.TextChoices):
    """How much room a person has now: their own call, never anyone else's."""

    AVAILABLE = "available", _("I have time")
    SOME = "some", _("I have a little time")
    NOT_NOW = "not_now", _("Not right now")


class Tag(models.Model):
    """A word a person chose to describe themself. Never assigned by someone else."""

    name = models.CharField(_("name"), max_length=40, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


def _visibility_field() -> models.CharField:
    return models.CharField(
        _("visible to"), max_length=10, choices=Visibility.choices, default=Visibility.ALLIES
    )


class Person(BaseModel):
    """A person, in their own words. There are no fields that label or score anyone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="person"
    )
    display_name = models.CharField(_("name"), max_length=80)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("neighbourhood"),
    )

    about = BoundedTextField(_("about me"), max_length=TEXT_MAX, blank=True)
    strengths = BoundedTextField(_("what I am good at"), max_length=TEXT_MAX, blank=True)
    aspirations = BoundedTextField(
        _("what I want to achieve or learn"), max_length=TEXT_MAX, blank=True
    )
    lived_experience = BoundedTextField(
        _("what I have lived through"), max_length=TEXT_MAX, blank=True
    )
    limits = BoundedTextField(_("what I do not do or cannot do"), max_length=TEXT_MAX, blank=True)
    capacity = models.CharField(
        _("how much time I have"), max_length=10, choices=Capacity.choices, default=Capacity.SOME
    )
    capacity_note = models.CharField(_("about my time"), max_length=200, blank=True)
    languages = models.JSONField(_("languages I speak"), default=list, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="people", verbose_name=_("tags"))

    about_visibility = _visibility_field()
    strengths_visibility = _visibility_field()
    aspirations_visibility = _visibility_field()
    lived_experience_visibility = _visibility_field()
    limits_visibility = _visibility_field()
    capacity_visibility = _visibility_field()
    languages_visibility = _visibility_field()
    tags_visibility = _visibility_field()
    # Names of the fields above that the person marked as sensitive (health, money, justice,
    # family): every look by someone else is recorded for them (audit.AccessRecord).
    sensitive_fields = models.JSONField(_("sensitive parts"), default=list, blank=True)

    class Meta:
        ordering = ["display_name", "id"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        # Bondgenoot zoeken picks up changed profiles by updated_at on every search.
        indexes = [models.Index(fields=["updated_at"], name="person_updated_at")]

    def __str__(self) -> str:
        return self.display_name


class OrganisationKind(models.TextChoices):
    NEIGHBOURHOOD_TEAM = "buurtteam", _("Neighbourhood team")
    RESIDENT_INITIATIVE = "bewonersinitiatief", _("Resident initiative")
    COOPERATIVE = "cooperatie", _("Cooperative")
    MUNICIPAL_TEAM = "gemeente", _("Municipal team")
    WELFARE = "welzijn", _("Welfare organisation")


class Organisation(BaseModel):
    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    description = BoundedTextField(_("what we do"), max_length=TEXT_MAX, blank=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("neighbourhood"),
    )
    members = models.ManyToManyField(
        Person, through="Membership", related_name="organisations", verbose_name=_("members")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["updated_at"], name="organisation_updated_at")]

    def __str__(self) -> str:
        return self.name


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    COORDINATOR = "coordinator", _("Coordinator")


class Membership(BaseModel):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )

    class Meta:
        ordering = ["organisation", "person"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person"], name="membership_once_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.organisation}"


class OrganisationInvitation(InvitationBase):
    """An invitation by link to become a member of an organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    created_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    responded_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation to an organisation")
        verbose_name_plural = _("invitations to an organisation")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_status_display()})"


class ConsentHow(models.TextChoices):
    """How a person gave an ally consent to type in their paper form."""

    SIGNED_ON_PAPER = "paper", _("Signed on paper")
    SPOKEN = "spoken", _("Said out loud")


class ProfileEntryByAlly(BaseModel):
    """An ally typed in someone's paper profile form, with their consent.

    Only who, when, how the consent was given and which parts changed (their names): never the
    text itself, which lives in the profile only.
    """

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="entries_by_allies", verbose_name=_("person")
    )
    entered_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("typed in by"),
    )
    consent_how = models.CharField(
        _("how consent was given"), max_length=10, choices=ConsentHow.choices
    )
    fields_changed = models.JSONField(_("parts that changed"), default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("profile typed in by an ally")
        verbose_name_plural = _("profiles typed in by an ally")

    def __str__(self) -> str:
        return f"{self.person} ({self.created_at:%Y-%m-%d})"
