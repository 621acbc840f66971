"""Who may see what of a person and of an organisation. The single place for these rules.

A profile field is shown according to the visibility its owner chose:
only me, my allies (people I share an alliance with), or logged-in neighbours (everyone
with an account here). A profile page exists for a viewer only if they may see at least one
field, or are an ally; otherwise it is a 404, as if the person were not here.
"""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from bondgenoot.alliances.permissions import are_allies
from bondgenoot.core.permissions import person_of

from .models import Membership, MembershipRole, Organisation, Person, Visibility
from .profile import PROFILE_FIELDS, ProfileField


def _levels_for(*, is_self: bool, is_ally: bool) -> set[str]:
    if is_self:
        return {Visibility.ONLY_ME, Visibility.ALLIES, Visibility.MEMBERS}
    if is_ally:
        return {Visibility.ALLIES, Visibility.MEMBERS}
    return {Visibility.MEMBERS}


def visible_fields(person: Person, *, is_self: bool, is_ally: bool) -> list[ProfileField]:
    levels = _levels_for(is_self=is_self, is_ally=is_ally)
    return [f for f in PROFILE_FIELDS if getattr(person, f.visibility_attr) in levels]


def relation_to(user: Any, person: Person) -> tuple[bool, bool]:
    """(is_self, is_ally) of the viewer towards this person."""
    viewer = person_of(user)
    if viewer is None:
        return False, False
    if viewer.pk == person.pk:
        return True, True
    return False, are_allies(viewer, person)


def visible_profile_fields(user: Any, person: Person) -> list[ProfileField]:
    if person_of(user) is None:
        return []
    is_self, is_ally = relation_to(user, person)
    return visible_fields(person, is_self=is_self, is_ally=is_ally)


def _may_open(person: Person, *, is_self: bool, is_ally: bool) -> bool:
    return is_self or is_ally or bool(visible_fields(person, is_self=False, is_ally=False))


def can_view_profile(user: Any, person: Person) -> bool:
    if person_of(user) is None:
        return False
    is_self, is_ally = relation_to(user, person)
    return _may_open(person, is_self=is_self, is_ally=is_ally)


def shares_with(levels: set[str]) -> Q:
    """Persons who show at least one field at one of these visibility levels."""
    q = Q()
    for field in PROFILE_FIELDS:
        q |= Q(**{f"{field.visibility_attr}__in": levels})
    return q


def people_visible_to(user: Any, ally_ids: set[int]) -> QuerySet[Person]:
    """People whose profile this viewer may open: allies, and people who share with everyone."""
    if person_of(user) is None:
        return Person.objects.none()
    return Person.objects.filter(
        Q(pk__in=ally_ids) | shares_with({Visibility.MEMBERS}), user__is_active=True
    )


def get_person_for(user: Any, pk: int) -> tuple[Person, bool, bool]:
    """The person with the viewer's (is_self, is_ally) relation to them; 404 if not visible."""
    found = (
        Person.objects.filter(pk=pk, user__is_active=True).select_related("neighbourhood").first()
    )
    if found is None or person_of(user) is None:
        raise Http404
    is_self, is_ally = relation_to(user, found)
    if not _may_open(found, is_self=is_self, is_ally=is_ally):
        raise Http404
    return found, is_self, is_ally


# Paper forms ---------------------------------------------------------------------------------


def paper_entry_allowed(*, is_self: bool, is_ally: bool) -> bool:
    """The rule of ``can_enter_paper_profile`` on a relation a page already worked out."""
    return is_ally and not is_self


def can_enter_paper_profile(user: Any, person: Person) -> bool:
    """An ally may type in someone's paper profile form (with their consent, asked on the
    form): a current party of an alliance they share. Not a former party, not oneself (one's
    own profile is edited on screen), not anyone else."""
    if person_of(user) is None or not person.user.is_active:
        return False
    is_self, is_ally = relation_to(user, person)
    return paper_entry_allowed(is_self=is_self, is_ally=is_ally)


def get_person_for_paper_entry(user: Any, pk: int) -> Person:
    """The person whose paper form this viewer may type in; 404 for everyone else."""
    found = Person.objects.filter(pk=pk, user__is_active=True).select_related("user").first()
    if found is None or not can_enter_paper_profile(user, found):
        raise Http404
    return found


# Organisations -------------------------------------------------------------------------------


def membership_of(user: Any, organisation: Organisation) -> Membership | None:
    person = person_of(user)
    if person is None:
        return None
    return Membership.objects.filter(organisation=organisation, person=person).first()


def can_view_organisation(user: Any, organisation: Organisation) -> bool:
    """Organisations are public within the platform: every logged-in person may see them."""
    return person_of(user) is not None


def can_view_members(user: Any, organisation: Organisation) -> bool:
    return membership_of(user, organisation) is not None


def can_manage_organisation(user: Any, organisation: Organisation) -> bool:
    membership = membership_of(user, organisation)
    return membership is not None and membership.role == MembershipRole.COORDINATOR


def can_create_organisation(user: Any) -> bool:
    """Anyone can start an initiative."""
    return person_of(user) is not None


def get_organisation_for(user: Any, pk: int) -> Organisation:
    organisation = Organisation.objects.filter(pk=pk).select_related("neighbourhood").first()
    if organisation is None or not can_view_organisation(user, organisation):
        raise Http404
    return organisation
