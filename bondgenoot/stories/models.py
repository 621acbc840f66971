"""Stories of change (Most Significant Change, Davies & Dart) and the rounds that choose them.

A story is told by a person (or written down by an ally and then confirmed by the storyteller)
in an alliance or an organisation, in a domain of change that the organisation sets. The
storyteller chooses how it may be used, from narrow to wide (``StoryUse``), and can change that
at any time; every change is kept (``StoryUseChange``). Only confirmed stories count.

A selection round (``SelectionRound``) lets the members of an organisation read the stories of a
period per domain and choose the most significant one, with their reasons
(``SelectionChoice``). Rounds can be tiered: a next tier starts from the stories chosen in the
previous round, and sees only the stories whose use allows it.
"""

from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bondgenoot.alliances.models import Alliance
from bondgenoot.core.models import BaseModel, BoundedTextField
from bondgenoot.people.models import TEXT_MAX, Organisation, Person

# The defaults of a new organisation (data the coordinator edits: stored in Dutch, as typed).
DEFAULT_DOMAINS: tuple[tuple[str, str], ...] = (
    ("Meedoen", "Meedoen in de buurt, in een groep, met werk of vrijwilligerswerk."),
    ("Geld en bestaanszekerheid", "Rondkomen, schulden, een huis, zekerheid over morgen."),
    ("Gezondheid", "Je lichaam en je hoofd: hoe gaat het met je?"),
    ("Netwerk", "Mensen om je heen: wie ken je, op wie kun je rekenen?"),
    ("Eigen kracht", "Wat je zelf kunt, durft en beslist."),
)

NOTE_MAX = 500


def _no_private_text(obj: models.Model) -> str:
    """What a story, round or choice is called outside its own pages (the admin's list of what
    goes when an organisation is deleted, logs): its kind and number, never its texts."""
    return f"{obj._meta.verbose_name} {obj.pk}"


class Domain(BaseModel):
    """A domain of change an organisation sorts its stories in (meedoen, gezondheid, …)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="story_domains"
    )
    name = models.CharField(_("name"), max_length=80)
    description = BoundedTextField(_("what it is about"), max_length=500, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    # Archived, not deleted, when stories use it: it no longer shows as a choice.
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("domain of change")
        verbose_name_plural = _("domains of change")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="domain_name_once_per_organisation",
                violation_error_message=_("There is already a domain with this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class StoryUse(models.TextChoices):
    """How a story may be used, chosen by the storyteller. Ordered from narrowest to widest."""

    ALLIANCE = "alliance", _("Only in our alliance")
    ORGANISATION = "organisation", _("Within the organisation")
    REPORT_ANONYMOUS = "report_anonymous", _("In reports, without my name")
    PUBLIC_NAMED = "public_named", _("Public, with my name")


USE_ORDER: tuple[str, ...] = tuple(StoryUse.values)


def use_allows(use: str, needed: str) -> bool:
    """Whether a story with ``use`` may be used where ``needed`` is asked (same or wider)."""
    return USE_ORDER.index(use) >= USE_ORDER.index(needed)


def uses_at_least(needed: str) -> list[str]:
    """Every use that allows ``needed``: for filters (``use__in``)."""
    return [use for use in USE_ORDER if use_allows(use, needed)]


REPORT_USES = uses_at_least(StoryUse.REPORT_ANONYMOUS)


class StoryStatus(models.TextChoices):
    AWAITING_CONFIRMATION = "awaiting", _("Waiting for the storyteller")
    CONFIRMED = "confirmed", _("Confirmed")


class Story(BaseModel):
    """A story of change: what changed for the storyteller, and why that matters to them."""

    storyteller = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="stories", verbose_name=_("storyteller")
    )
    written_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        related_name="stories_written_down",
        verbose_name=_("written down by"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("organisation"),
    )
    alliance = models.ForeignKey(
        Alliance,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("alliance"),
    )
    domain = models.ForeignKey(
        Domain,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("domain of change"),
    )
    title = models.CharField(_("title"), max_length=120)
    what_changed = BoundedTextField(_("what has changed?"), max_length=TEXT_MAX)
    why_important = BoundedTextField(_("why is that important?"), max_length=TEXT_MAX)
    told_on = models.DateField(_("told on"), default=timezone.localdate)
    use = models.CharField(
        _("how it may be used"),
        max_length=20,
        choices=StoryUse.choices,
        default=StoryUse.ALLIANCE,
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StoryStatus.choices,
        default=StoryStatus.CONFIRMED,
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        ordering = ["-told_on", "-id"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | Q(alliance__isnull=False),
                name="story_in_organisation_or_alliance",
                violation_error_message=_("Choose where the story was told."),
            ),
            models.CheckConstraint(
                condition=Q(status="awaiting") | Q(confirmed_at__isnull=False),
                name="story_confirmed_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "status", "told_on"], name="story_org_period"),
            models.Index(fields=["alliance", "status", "told_on"], name="story_alliance_period"),
        ]

    def __str__(self) -> str:
        return _no_private_text(self)

    @property
    def is_confirmed(self) -> bool:
        return self.status == StoryStatus.CONFIRMED

    @property
    def was_written_down(self) -> bool:
        """Written down by an ally rather than by the storyteller themself."""
        return self.written_by_id is not None and self.written_by_id != self.storyteller_id


class StoryRevision(BaseModel):
    """The text an ally wrote down before the storyteller corrected it. Shown to the storyteller,
    so the correction stays visible."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=120)
    what_changed = BoundedTextField(max_length=TEXT_MAX)
    why_important = BoundedTextField(max_length=TEXT_MAX)
    written_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("earlier version of a story")
        verbose_name_plural = _("earlier versions of stories")

    def __str__(self) -> str:
        return _no_private_text(self)


class StoryUseChange(models.Model):
    """Append-only: every change of a story's use, with who and when. A report made before a
    narrowing can see that its story may no longer be used."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="use_changes")
    old = models.CharField(max_length=20, choices=StoryUse.choices)
    new = models.CharField(max_length=20, choices=StoryUse.choices)
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)
    by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["changed_at", "id"]
        verbose_name = _("change of the use of a story")
        verbose_name_plural = _("changes of the use of stories")

    def __str__(self) -> str:
        return f"{self.story_id}: {self.old} -> {self.new}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("A change of use is never rewritten.")
        super().save(*args, **kwargs)

    @property
    def is_narrowing(self) -> bool:
        return not use_allows(self.new, self.old)


class RoundTier(models.TextChoices):
    TEAM = "team", _("Team")
    ORGANISATION = "organisation", _("Organisation")
    FUNDER_PANEL = "funder_panel", _("Funder panel")


TIER_ORDER: tuple[str, ...] = tuple(RoundTier.values)


def tier_uses(tier: str) -> list[str]:
    """The uses a story must allow to be read in a round of this tier."""
    if tier == RoundTier.FUNDER_PANEL:
        return list(REPORT_USES)
    return uses_at_least(StoryUse.ORGANISATION)


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class SelectionRound(BaseModel):
    """The members of an organisation read the stories of a period and choose, per domain."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="selection_rounds"
    )
    title = models.CharField(_("title"), max_length=120)
    period_start = models.DateField(_("stories told from"))
    period_end = models.DateField(_("up to and including"))
    tier = models.CharField(
        _("who chooses"), max_length=20, choices=RoundTier.choices, default=RoundTier.TEAM
    )
    previous_round = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_rounds",
        verbose_name=_("starts from the stories chosen in"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    created_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        ordering = ["-period_end", "-id"]
        verbose_name = _("selection round")
        verbose_name_plural = _("selection rounds")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="round_period_ends_after_start",
                violation_error_message=_("The end of the period cannot be before its start."),
            )
        ]

    def __str__(self) -> str:
        return _no_private_text(self)

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN

    @property
    def shows_names(self) -> bool:
        """A funder panel sees a storyteller's name only when the story is public with name."""
        return self.tier != RoundTier.FUNDER_PANEL


def round_shows_name(selection_round: SelectionRound, story: Story) -> bool:
    """Whether a round shows the storyteller's name with this story."""
    return selection_round.shows_names or story.use == StoryUse.PUBLIC_NAMED


class SelectionChoice(BaseModel):
    """The story a round chose for one domain, and why: the reasons are the point."""

    round = models.ForeignKey(SelectionRound, on_delete=models.CASCADE, related_name="choices")
    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, related_name="choices")
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="choices")
    reasons = BoundedTextField(_("why this story"), max_length=TEXT_MAX)
    chosen_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    chosen_at = models.DateTimeField(_("chosen at"), default=timezone.now)

    class Meta:
        ordering = ["round", "domain__position", "domain_id"]
        verbose_name = _("chosen story")
        verbose_name_plural = _("chosen stories")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "domain"],
                name="one_choice_per_domain_per_round",
                violation_error_message=_("A story has already been chosen for this domain."),
            )
        ]

    def __str__(self) -> str:
        return _no_private_text(self)


class SelectionNote(BaseModel):
    """A member's short note on a story in a round: "this touches me because …"."""

    round = models.ForeignKey(SelectionRound, on_delete=models.CASCADE, related_name="notes")
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="selection_notes")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    text = BoundedTextField(_("this touches me because"), max_length=NOTE_MAX)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("note on a story")
        verbose_name_plural = _("notes on stories")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "story", "person"], name="one_note_per_person_per_story"
            )
        ]

    def __str__(self) -> str:
        return _no_private_text(self)
