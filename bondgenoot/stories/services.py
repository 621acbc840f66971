"""Writes for stories of change, their domains and the selection rounds.

Each service checks the rule it relies on itself (views check first, for a kind 403/404), runs
in one transaction and validates before saving. A refusal is a ``ServiceError`` with a Dutch
message (through gettext) that the view shows on the form.
"""

import datetime

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bondgenoot.alliances.models import Alliance
from bondgenoot.core.errors import NotAllowed, ServiceError
from bondgenoot.core.services import notify
from bondgenoot.people.models import Organisation, Person

from . import permissions
from .models import (
    DEFAULT_DOMAINS,
    TIER_ORDER,
    Domain,
    RoundStatus,
    RoundTier,
    SelectionChoice,
    SelectionNote,
    SelectionRound,
    Story,
    StoryRevision,
    StoryStatus,
    StoryUse,
    StoryUseChange,
    tier_uses,
)
from .selectors import round_stories

# Domains -------------------------------------------------------------------------------------


@transaction.atomic
def domains_ensure_defaults(*, organisation: Organisation) -> list[Domain]:
    """Give an organisation the default domains, the first time its story pages are used.

    Does nothing when the organisation has any domain already (also an archived one: the
    coordinator made their own choice). Returns the domains made.
    """
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if Domain.objects.filter(organisation=organisation).exists():
        return []
    domains = [
        Domain(organisation=organisation, name=name, description=description, position=index)
        for index, (name, description) in enumerate(DEFAULT_DOMAINS, start=1)
    ]
    for domain in domains:
        domain.full_clean()
    return Domain.objects.bulk_create(domains)


def _require_domain_manager(organisation: Organisation, by: Person) -> None:
    if not permissions.can_manage_domains(by.user, organisation):
        raise NotAllowed


@transaction.atomic
def domain_add(
    *, organisation: Organisation, by: Person, name: str, description: str = ""
) -> Domain:
    _require_domain_manager(organisation, by)
    last = Domain.objects.filter(organisation=organisation).aggregate(last=Max("position"))
    domain = Domain(
        organisation=organisation,
        name=name.strip(),
        description=description.strip(),
        position=(last["last"] or 0) + 1,
    )
    domain.full_clean()
    domain.save()
    return domain


@transaction.atomic
def domain_update(
    *, domain: Domain, by: Person, name: str, description: str = "", archived: bool = False
) -> Domain:
    """Rename a domain, describe it, archive it or bring it back."""
    _require_domain_manager(domain.organisation, by)
    domain.name = name.strip()
    domain.description = description.strip()
    if archived and domain.archived_at is None:
        domain.archived_at = timezone.now()
    elif not archived:
        domain.archived_at = None
    domain.full_clean()
    domain.save()
    return domain


@transaction.atomic
def domain_move(*, domain: Domain, by: Person, up: bool) -> Domain:
    """Swap a domain with the one above (or below) it in the organisation's order."""
    _require_domain_manager(domain.organisation, by)
    ordered = list(
        Domain.objects.select_for_update()
        .filter(organisation_id=domain.organisation_id)
        .order_by("position", "id")
    )
    index = next(i for i, d in enumerate(ordered) if d.pk == domain.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(ordered):
        return domain
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, item in enumerate(ordered, start=1):
        item.position = position
    Domain.objects.bulk_update(ordered, ["position"])
    return next(d for d in ordered if d.pk == domain.pk)


@transaction.atomic
def domain_remove(*, domain: Domain, by: Person) -> bool:
    """Delete a domain nobody used; a domain that stories or choices use is archived instead.
    Returns True when it was deleted."""
    _require_domain_manager(domain.organisation, by)
    if domain.stories.exists() or domain.choices.exists():
        if domain.archived_at is None:
            domain.archived_at = timezone.now()
            domain.save(update_fields=["archived_at", "updated_at"])
        return False
    domain.delete()
    return True


# Stories -------------------------------------------------------------------------------------


def _where(alliance: Alliance | None, organisation: Organisation | None) -> None:
    if (alliance is None) == (organisation is None):
        raise ServiceError(_("Choose where the story was told: one alliance or one organisation."))


def _check_domain(
    domain: Domain | None, *, alliance: Alliance | None, organisation: Organisation | None
) -> None:
    """The domain must be a current one of the organisation (or, for a story told in an
    alliance, of an organisation that takes part in it)."""
    if domain is None:
        return
    if domain.is_archived:
        raise ServiceError({"domain": _("This domain is no longer in use. Choose another one.")})
    if organisation is not None:
        allowed = domain.organisation_id == organisation.pk
    else:
        allowed = (
            permissions.alliances_of_organisations([domain.organisation_id])
            .filter(alliance_id=alliance.pk if alliance else None)
            .exists()
        )
    if not allowed:
        raise ServiceError({"domain": _("Choose a domain of this organisation.")})


def _check_use(use: str, *, alliance: Alliance | None) -> None:
    if use not in StoryUse.values:
        raise ServiceError({"use": _("Choose how your story may be used.")})
    if use == StoryUse.ALLIANCE and alliance is None:
        raise ServiceError(
            {
                "use": _(
                    "This story was not told in an alliance. Choose 'Within the organisation' "
                    "or wider."
                )
            }
        )


def _not_in_future(day: datetime.date | None) -> None:
    if day is not None and day > timezone.localdate():
        raise ServiceError({"told_on": _("This date is in the future.")})


def narrowest_use(*, alliance: Alliance | None) -> str:
    """The default use: the narrowest one that fits where the story was told."""
    return StoryUse.ALLIANCE if alliance is not None else StoryUse.ORGANISATION


def _check_texts(title: str, what_changed: str, why_important: str) -> None:
    errors = {}
    if not title.strip():
        errors["title"] = _("Give your story a short title.")
    if not what_changed.strip():
        errors["what_changed"] = _("Write down what has changed.")
    if not why_important.strip():
        errors["why_important"] = _("Write down why that is important.")
    if errors:
        raise ServiceError(errors)


@transaction.atomic
def story_tell(
    *,
    by: Person,
    title: str,
    what_changed: str,
    why_important: str,
    alliance: Alliance | None = None,
    organisation: Organisation | None = None,
    domain: Domain | None = None,
    use: str | None = None,
    told_on: datetime.date | None = None,
) -> Story:
    """Tell your own story. It counts at once: the storyteller wrote it themself."""
    _where(alliance, organisation)
    if not permissions.can_tell_in(by.user, alliance=alliance, organisation=organisation):
        raise NotAllowed
    use = use or narrowest_use(alliance=alliance)
    _check_texts(title, what_changed, why_important)
    _check_use(use, alliance=alliance)
    _check_domain(domain, alliance=alliance, organisation=organisation)
    _not_in_future(told_on)
    story = Story(
        storyteller=by,
        written_by=by,
        alliance=alliance,
        organisation=organisation,
        domain=domain,
        title=title.strip(),
        what_changed=what_changed.strip(),
        why_important=why_important.strip(),
        told_on=told_on or timezone.localdate(),
        use=use,
        status=StoryStatus.CONFIRMED,
        confirmed_at=timezone.now(),
    )
    story.full_clean()
    story.save()
    return story


@transaction.atomic
def story_write_down(
    *,
    by: Person,
    storyteller: Person,
    title: str,
    what_changed: str,
    why_important: str,
    alliance: Alliance | None = None,
    organisation: Organisation | None = None,
    domain: Domain | None = None,
    told_on: datetime.date | None = None,
) -> Story:
    """Write down a story someone told you. It waits for the storyteller, who confirms or
    corrects it and chooses its use; until then it counts nowhere."""
    _where(alliance, organisation)
    if by.pk == storyteller.pk:
        raise ServiceError({"storyteller": _("Your own story you can tell yourself.")})
    if not permissions.can_write_down_for(
        by.user, storyteller, alliance=alliance, organisation=organisation
    ):
        raise NotAllowed
    _check_texts(title, what_changed, why_important)
    _check_domain(domain, alliance=alliance, organisation=organisation)
    _not_in_future(told_on)
    story = Story(
        storyteller=storyteller,
        written_by=by,
        alliance=alliance,
        organisation=organisation,
        domain=domain,
        title=title.strip(),
        what_changed=what_changed.strip(),
        why_important=why_important.strip(),
        told_on=told_on or timezone.localdate(),
        use=narrowest_use(alliance=alliance),
        status=StoryStatus.AWAITING_CONFIRMATION,
    )
    story.full_clean()
    story.save()
    notify(
        people=[storyteller],
        text=_(
            "%(name)s wrote down your story '%(title)s'. Read it, and confirm or correct it. "
            "It only counts after you confirm it."
        )
        % {"name": by.display_name, "title": story.title},
        link=reverse("stories:confirm", args=[story.pk]),
    )
    return story


def _record_use_change(story: Story, *, old: str, new: str, by: Person) -> None:
    if old != new:
        StoryUseChange.objects.create(story=story, old=old, new=new, by=by)


@transaction.atomic
def story_confirm(
    *,
    story: Story,
    by: Person,
    title: str,
    what_changed: str,
    why_important: str,
    use: str,
    domain: Domain | None = None,
) -> Story:
    """The storyteller confirms a story an ally wrote down, correcting it where needed, and
    chooses its use. The ally's text is kept as an earlier version when it was changed."""
    story = Story.objects.select_for_update().get(pk=story.pk)
    if story.storyteller_id != by.pk:
        raise NotAllowed
    if story.status != StoryStatus.AWAITING_CONFIRMATION:
        raise ServiceError(_("This story has already been confirmed."))
    _check_texts(title, what_changed, why_important)
    _check_use(use, alliance=story.alliance)
    if domain is not None and domain.pk != story.domain_id:
        _check_domain(domain, alliance=story.alliance, organisation=story.organisation)
    new = {
        "title": title.strip(),
        "what_changed": what_changed.strip(),
        "why_important": why_important.strip(),
    }
    corrected = any(getattr(story, key) != value for key, value in new.items())
    if corrected:
        StoryRevision.objects.create(
            story=story,
            title=story.title,
            what_changed=story.what_changed,
            why_important=story.why_important,
            written_by=story.written_by,
        )
    old_use = story.use
    for key, value in new.items():
        setattr(story, key, value)
    story.domain = domain
    story.use = use
    story.status = StoryStatus.CONFIRMED
    story.confirmed_at = timezone.now()
    story.full_clean()
    story.save()
    _record_use_change(story, old=old_use, new=use, by=by)
    if story.written_by is not None and story.written_by_id != by.pk:
        if corrected:
            text = _("%(name)s corrected and confirmed the story '%(title)s' you wrote down.")
        else:
            text = _("%(name)s confirmed the story '%(title)s' you wrote down.")
        notify(
            people=[story.written_by],
            text=text % {"name": by.display_name, "title": story.title},
            link=reverse("stories:detail", args=[story.pk]),
        )
    return story


@transaction.atomic
def story_decline(*, story: Story, by: Person) -> None:
    """The storyteller says a story written down for them is not theirs (or not like this): it
    is removed, and the ally who wrote it is told."""
    story = (
        Story.objects.select_for_update(of=("self",)).select_related("written_by").get(pk=story.pk)
    )
    if story.storyteller_id != by.pk:
        raise NotAllowed
    if story.status != StoryStatus.AWAITING_CONFIRMATION:
        raise ServiceError(_("This story has already been confirmed."))
    writer, title = story.written_by, story.title
    story.delete()
    if writer is not None:
        notify(
            people=[writer],
            text=_(
                "%(name)s did not confirm the story '%(title)s' you wrote down. It has been "
                "removed."
            )
            % {"name": by.display_name, "title": title},
        )


@transaction.atomic
def story_change_use(*, story: Story, by: Person, use: str) -> Story:
    """The storyteller changes how their story may be used, at any time. Every change is kept
    (``StoryUseChange``): a report can see that a story may no longer be used."""
    story = Story.objects.select_for_update().get(pk=story.pk)
    if story.storyteller_id != by.pk:
        raise NotAllowed
    if story.status != StoryStatus.CONFIRMED:
        raise ServiceError(_("Confirm your story first."))
    _check_use(use, alliance=story.alliance)
    if use == story.use:
        return story
    old = story.use
    story.use = use
    story.save(update_fields=["use", "updated_at"])
    _record_use_change(story, old=old, new=use, by=by)
    return story


# Selection rounds ----------------------------------------------------------------------------


@transaction.atomic
def round_open(
    *,
    organisation: Organisation,
    by: Person,
    title: str,
    tier: str,
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
    previous_round: SelectionRound | None = None,
) -> SelectionRound:
    """Open a selection round. A next tier starts from the stories chosen in a closed round of
    a lower tier, and takes over its period."""
    if not permissions.can_open_round(by.user, organisation):
        raise NotAllowed
    if tier not in RoundTier.values:
        raise ServiceError({"tier": _("Choose who chooses.")})
    if previous_round is not None:
        previous_round = SelectionRound.objects.get(pk=previous_round.pk)  # as it is now
        if previous_round.organisation_id != organisation.pk:
            raise ServiceError({"previous_round": _("Choose a round of this organisation.")})
        if previous_round.status != RoundStatus.CLOSED:
            raise ServiceError(
                {"previous_round": _("Close the previous round first. Then the next one starts.")}
            )
        if TIER_ORDER.index(previous_round.tier) >= TIER_ORDER.index(tier):
            raise ServiceError(
                {
                    "tier": _(
                        "A next round is for a wider group: team, then organisation, then "
                        "funder panel."
                    )
                }
            )
        period_start = period_start or previous_round.period_start
        period_end = period_end or previous_round.period_end
    if period_start is None:
        raise ServiceError({"period_start": _("Fill in from which day the stories count.")})
    if period_end is None:
        raise ServiceError({"period_end": _("Fill in up to which day the stories count.")})
    selection_round = SelectionRound(
        organisation=organisation,
        title=title.strip(),
        tier=tier,
        period_start=period_start,
        period_end=period_end,
        previous_round=previous_round,
        created_by=by,
    )
    selection_round.full_clean()
    selection_round.save()
    domains_ensure_defaults(organisation=organisation)
    return selection_round


def _why_not_in_round(selection_round: SelectionRound, story: Story) -> str:
    """Why a story cannot be chosen in this round, in words; "" when it can."""
    if story.status != StoryStatus.CONFIRMED:
        return _("This story has not been confirmed by its storyteller yet.")
    if story.use not in tier_uses(selection_round.tier):
        return _("The storyteller has not given permission to use this story in this round.")
    if round_stories(selection_round).filter(pk=story.pk).exists():
        return ""
    if selection_round.previous_round_id is not None:
        return _("This story was not chosen in the previous round.")
    if not selection_round.period_start <= story.told_on <= selection_round.period_end:
        return _("This story was told outside the period of this round.")
    return _("This story was not told in this organisation.")


@transaction.atomic
def round_choose(
    *, selection_round: SelectionRound, by: Person, domain: Domain, story: Story, reasons: str
) -> SelectionChoice:
    """Record the story the group chose for a domain, with the group's reasons. The storyteller
    is told that their story was chosen, and why."""
    selection_round = SelectionRound.objects.select_for_update().get(pk=selection_round.pk)
    if not permissions.can_manage_domains(by.user, selection_round.organisation):
        raise NotAllowed
    if not selection_round.is_open:
        raise ServiceError(_("This round is closed. Nothing can be chosen any more."))
    if domain.organisation_id != selection_round.organisation_id or domain.is_archived:
        raise ServiceError({"domain": _("Choose a domain of this organisation.")})
    reasons = reasons.strip()
    if not reasons:
        raise ServiceError(
            {"reasons": _("Write down why the group chose this story. That is the point.")}
        )
    story = Story.objects.select_related("domain", "storyteller").get(pk=story.pk)
    if problem := _why_not_in_round(selection_round, story):
        raise ServiceError({"story": problem})
    if (
        story.domain is not None
        and story.domain.organisation_id == selection_round.organisation_id
        and story.domain_id != domain.pk
    ):
        raise ServiceError({"story": _("This story belongs to another domain.")})
    if SelectionChoice.objects.filter(round=selection_round, domain=domain).exists():
        raise ServiceError(_("A story has already been chosen for this domain."))
    if SelectionChoice.objects.filter(round=selection_round, story=story).exists():
        raise ServiceError({"story": _("This story has already been chosen in this round.")})
    choice = SelectionChoice(
        round=selection_round, domain=domain, story=story, reasons=reasons, chosen_by=by
    )
    choice.full_clean()
    choice.save()
    notify(
        people=[story.storyteller],
        text=_("Your story '%(title)s' was chosen in '%(round)s' for %(domain)s. Why: %(reasons)s")
        % {
            "title": story.title,
            "round": selection_round.title,
            "domain": domain.name,
            "reasons": reasons,
        },
        link=reverse("stories:detail", args=[story.pk]),
    )
    return choice


@transaction.atomic
def round_close(*, selection_round: SelectionRound, by: Person) -> SelectionRound:
    selection_round = SelectionRound.objects.select_for_update().get(pk=selection_round.pk)
    if not permissions.can_open_round(by.user, selection_round.organisation):
        raise NotAllowed
    if not selection_round.is_open:
        raise ServiceError(_("This round is already closed."))
    selection_round.status = RoundStatus.CLOSED
    selection_round.closed_at = timezone.now()
    selection_round.save(update_fields=["status", "closed_at", "updated_at"])
    return selection_round


@transaction.atomic
def round_note(
    *, selection_round: SelectionRound, by: Person, story: Story, text: str
) -> SelectionNote | None:
    """A member writes what touches them in a story of an open round; writing again replaces
    it, an empty text takes it back. Returns the note (None when taken back)."""
    selection_round = SelectionRound.objects.select_related("organisation").get(
        pk=selection_round.pk
    )
    if not permissions.can_write_note(by.user, selection_round):
        if not selection_round.is_open:
            raise ServiceError(_("This round is closed. Nothing can be added any more."))
        raise NotAllowed
    if not round_stories(selection_round).filter(pk=story.pk).exists():
        raise ServiceError(_("This story is not part of this round."))
    text = text.strip()
    existing = SelectionNote.objects.filter(round=selection_round, story=story, person=by).first()
    if not text:
        if existing is not None:
            existing.delete()
        return None
    note = existing or SelectionNote(round=selection_round, story=story, person=by)
    note.text = text
    note.full_clean()
    note.save()
    return note
