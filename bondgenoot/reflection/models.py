"""De spiegel (a team reflects on the schema rationeel → relationeel werken) and intervisie
(peer case consultation). No field here scores or ranks a person: a person places their own
practice, the team sees only the spread of everyone together."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bondgenoot.core.models import BaseModel, BoundedTextField
from bondgenoot.people.models import TEXT_MAX, Organisation, Person

NOTE_MAX = 1000
CASE_TEXT_MAX = 4000


class ReflectionTeam(BaseModel):
    """People who reflect together: an organisation (its members, read fresh), or a group of
    people who chose to (``TeamMembership``)."""

    name = models.CharField(_("name"), max_length=120)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reflection_teams",
        verbose_name=_("organisation"),
    )
    members = models.ManyToManyField(
        Person,
        through="TeamMembership",
        through_fields=("team", "person"),
        related_name="reflection_teams",
        blank=True,
    )
    created_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("reflection team")
        verbose_name_plural = _("reflection teams")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(organisation__isnull=False),
                name="one_reflection_team_per_organisation",
                violation_error_message=_("This organisation already has a team for the mirror."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_organisation_team(self) -> bool:
        return self.organisation_id is not None


class TeamMembership(BaseModel):
    """A person in a group team (an organisation team has no rows here: its members count)."""

    team = models.ForeignKey(ReflectionTeam, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["team", "id"]
        verbose_name = _("member of a reflection team")
        verbose_name_plural = _("members of reflection teams")
        constraints = [
            models.UniqueConstraint(fields=["team", "person"], name="person_once_per_team")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.team_id}"


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ReflectionRound(BaseModel):
    """One time a team holds up the mirror. A round is never part of a report for a funder,
    unless the team decides so explicitly, and then only as the team's own summary text."""

    team = models.ForeignKey(ReflectionTeam, on_delete=models.CASCADE, related_name="rounds")
    title = models.CharField(_("title"), max_length=120)
    opened_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=6, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    shared_in_report_text = BoundedTextField(
        _("our summary for a report"), max_length=TEXT_MAX, blank=True
    )
    shared_decided_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    shared_decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("reflection round")
        verbose_name_plural = _("reflection rounds")
        indexes = [models.Index(fields=["team", "-opened_at", "-id"], name="round_history")]
        constraints = [
            models.UniqueConstraint(
                fields=["team"],
                condition=Q(status="open"),
                name="one_open_round_per_team",
                violation_error_message=_("This team already has an open round."),
            ),
            models.CheckConstraint(
                # Shared only with a decision, and a decision always comes with the text.
                condition=(Q(shared_decided_at__isnull=True) & Q(shared_in_report_text=""))
                | (Q(shared_decided_at__isnull=False) & ~Q(shared_in_report_text="")),
                name="round_shared_only_by_decision",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        """Open for answers: not closed, and its closing time (if any) has not passed."""
        return self.status == RoundStatus.OPEN and (
            self.closes_at is None or self.closes_at > timezone.now()
        )

    @property
    def is_shared_in_report(self) -> bool:
        return self.shared_decided_at is not None


class AnswerStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Handed in")


class ReflectionAnswer(BaseModel):
    """One person's own view of their practice in a round. Only they see it as theirs."""

    round = models.ForeignKey(ReflectionRound, on_delete=models.CASCADE, related_name="answers")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reflection_answers")
    status = models.CharField(
        _("status"), max_length=10, choices=AnswerStatus.choices, default=AnswerStatus.DRAFT
    )
    show_name = models.BooleanField(_("show my name with my notes"), default=False)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["round", "id"]
        verbose_name = _("answer in a reflection round")
        verbose_name_plural = _("answers in reflection rounds")
        indexes = [models.Index(fields=["round", "status"], name="answer_round_status")]
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="one_answer_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.round_id}: {self.get_status_display()}"


class ReflectionRow(BaseModel):
    """Where a person places their own practice on one row of the schema (1 = the left
    statement, 5 = the right one), a note in their own words, and "hier wil ik over praten"."""

    answer = models.ForeignKey(ReflectionAnswer, on_delete=models.CASCADE, related_name="rows")
    row = models.PositiveSmallIntegerField(
        _("row"), validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    position = models.PositiveSmallIntegerField(
        _("place on the line"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    note = BoundedTextField(_("in my own words"), max_length=NOTE_MAX, blank=True)
    want_to_talk = models.BooleanField(_("I want to talk about this"), default=False)

    class Meta:
        ordering = ["answer", "row"]
        verbose_name = _("row of an answer")
        verbose_name_plural = _("rows of answers")
        constraints = [
            models.UniqueConstraint(fields=["answer", "row"], name="one_row_per_answer"),
            models.CheckConstraint(condition=Q(row__gte=1, row__lte=6), name="row_is_1_to_6"),
            models.CheckConstraint(
                condition=Q(position__isnull=True) | Q(position__gte=1, position__lte=5),
                name="position_is_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.answer_id} row {self.row}"


# Intervisie ------------------------------------------------------------------------------------


class CasePhase(models.IntegerChoices):
    """The steps of the incident method, in order; only the person who brought the situation
    in moves it on."""

    SITUATION = 1, _("The situation")
    QUESTIONS = 2, _("Questions to understand it")
    ADVICE = 3, _("Advice")
    TAKEAWAY = 4, _("What I take from it")


RESPONSE_PHASES = (CasePhase.QUESTIONS, CasePhase.ADVICE)


class Case(BaseModel):
    """A situation from practice that someone brings in for peer advice (intervisie)."""

    owner = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="cases")
    title = models.CharField(_("title"), max_length=120)
    what_happens = BoundedTextField(_("what happens?"), max_length=CASE_TEXT_MAX)
    my_question = BoundedTextField(_("what is my question?"), max_length=TEXT_MAX)
    shared_with_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("shared with the members of"),
    )
    shared_with_team = models.ForeignKey(
        ReflectionTeam,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("shared with the team"),
    )
    # Shared with the people taking part in a gathering (its organiser, speakers, guests and
    # registered participants), not with everyone who can see the gathering.
    shared_with_gathering = models.ForeignKey(
        "gatherings.Gathering",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("shared with the people of the gathering"),
    )
    phase = models.PositiveSmallIntegerField(
        _("step"), choices=CasePhase.choices, default=CasePhase.SITUATION
    )
    phase_changed_at = models.DateTimeField(null=True, blank=True)
    takeaway = BoundedTextField(_("what I take from it"), max_length=TEXT_MAX, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.CheckConstraint(
                # Shared with one group at most (none: only its owner sees it, e.g. when the
                # group it was shared with no longer exists).
                condition=Q(shared_with_organisation__isnull=True, shared_with_team__isnull=True)
                | Q(shared_with_organisation__isnull=True, shared_with_gathering__isnull=True)
                | Q(shared_with_team__isnull=True, shared_with_gathering__isnull=True),
                name="case_shared_with_one_group",
            )
        ]

    def __str__(self) -> str:
        return self.title


class CaseResponse(BaseModel):
    """A question (step 2) or a piece of advice (step 3) from someone the case is shared with."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="responses")
    author = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, related_name="case_responses"
    )
    phase = models.PositiveSmallIntegerField(
        _("step"), choices=[(p.value, p.label) for p in RESPONSE_PHASES]
    )
    text = BoundedTextField(_("text"), max_length=TEXT_MAX)

    class Meta:
        ordering = ["case", "created_at", "id"]
        verbose_name = _("response to a case")
        verbose_name_plural = _("responses to cases")
        constraints = [
            models.CheckConstraint(
                condition=Q(phase__in=[p.value for p in RESPONSE_PHASES]),
                name="response_in_questions_or_advice",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.get_phase_display()}"
