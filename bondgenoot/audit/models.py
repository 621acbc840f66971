"""Who looked along ("Wie keek er mee"): an append-only record of every look by someone else at
what a person marked as sensitive.

A record says who looked (and in what role at that moment), at which object, in which
alliance, for what purpose and when. It never holds the sensitive text itself.

Append-only through the application:

- ``AccessRecord.save()`` only inserts; ``delete()`` refuses;
- ``AccessRecord.objects`` (and the related managers ``person.access_records``…) refuse
  ``update``, ``delete``, ``bulk_update`` and ``bulk_create(update_conflicts=True)``;
- the database refuses an UPDATE too (a trigger on PostgreSQL and SQLite, migration 0002),
  except setting ``actor``/``alliance`` to NULL, which is what deleting that account or
  alliance does (on_delete=SET_NULL).

The one way records go: the subject deletes their account. Deleting a ``Person`` runs Django's
deletion collector, which removes the records about them (on_delete=CASCADE) and forgets the
actor of records they made (SET_NULL) through the model's plain *base* manager, not through
``objects``. The collector is the only code that uses that manager; nothing in the
application should.
"""

import uuid
from typing import Any, ClassVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bondgenoot.alliances.models import Alliance
from bondgenoot.people.models import Person


class AppendOnly(Exception):
    """An access record cannot be changed or deleted through the application."""

    def __init__(self) -> None:
        super().__init__("Access records are append-only: they cannot be changed or deleted.")


class ActorRole(models.TextChoices):
    """The role in which someone looked, at that moment."""

    PARTY = "party", _("party")
    COORDINATOR = "coordinator", _("coordinator")
    MEMBER = "member", _("member")
    NEIGHBOUR = "neighbour", _("someone with an account here")


class ObjectType(models.TextChoices):
    JOURNAL_ENTRY = "journal_entry", _("journal entry")
    PROFILE_FIELD = "profile_field", _("part of the profile")


class AccessPurpose(models.TextChoices):
    """Why someone saw it: the page it was on (not to be confused with consent purposes)."""

    READ_JOURNAL = "read_journal", _("reading the journal of the alliance")
    READ_ENTRY = "read_entry", _("reading a journal entry and its earlier versions")
    VIEW_PROFILE = "view_profile", _("looking at the profile")
    SEARCH_PEOPLE = "search_people", _("searching for people")


class AccessRecordQuerySet(models.QuerySet["AccessRecord"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnly

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise AppendOnly

    def bulk_create(  # type: ignore[override]
        self, objs: Any, *args: Any, **kwargs: Any
    ) -> list["AccessRecord"]:
        if kwargs.get("update_conflicts"):
            raise AppendOnly
        return list(super().bulk_create(objs, *args, **kwargs))

    def update_or_create(  # type: ignore[override]
        self, *args: Any, **kwargs: Any
    ) -> tuple["AccessRecord", bool]:
        raise AppendOnly


class AccessRecord(models.Model):
    """One object (a journal entry, a profile field) of ``subject``, seen once by ``actor``."""

    subject = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="access_records",
        verbose_name=_("whose data"),
    )
    actor = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        related_name="access_records_as_actor",
        verbose_name=_("who looked"),
    )
    actor_role = models.CharField(_("role"), max_length=20, choices=ActorRole.choices)
    actor_organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    # A party of the same alliance (or, for a profile, of an alliance with the subject) is
    # shown by name; anyone else only by role and organisation.
    actor_by_name = models.BooleanField(default=False)
    object_type = models.CharField(_("what"), max_length=20, choices=ObjectType.choices)
    object_id = models.PositiveBigIntegerField()
    alliance = models.ForeignKey(
        Alliance,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("alliance"),
    )
    field_name = models.CharField(_("part of the profile"), max_length=40, blank=True)
    purpose = models.CharField(_("why"), max_length=20, choices=AccessPurpose.choices)
    viewed_at = models.DateTimeField(_("when"), default=timezone.now)
    # The records written by one look (one page, one request) share this.
    look = models.UUIDField(default=uuid.uuid4)

    objects = AccessRecordQuerySet.as_manager()

    class Meta:
        ordering: ClassVar[list[str]] = ["-viewed_at", "-id"]
        verbose_name = _("access record")
        verbose_name_plural = _("access records")
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["subject", "-viewed_at"], name="access_by_subject"),
            models.Index(fields=["actor"], name="access_by_actor"),
        ]

    def __str__(self) -> str:
        return f"{self.object_type} {self.object_id} @ {self.viewed_at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not self._state.adding or kwargs.get("update_fields"):
            raise AppendOnly
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly

    @property
    def role_description(self) -> str:
        """'coordinator of Buurtteam Vlinderbuurt', in the reader's language."""
        return describe_role(self.actor_role, self.actor_organisation)


def describe_role(role: str, organisation: str) -> str:
    if role == ActorRole.COORDINATOR and organisation:
        return gettext("coordinator of %(organisation)s") % {"organisation": organisation}
    if role == ActorRole.MEMBER and organisation:
        return gettext("member of %(organisation)s") % {"organisation": organisation}
    return str(ActorRole(role).label) if role in ActorRole.values else role
