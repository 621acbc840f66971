"""Who may import and export an organisation's members: its coordinators, nobody else.

The rule itself is ``people.permissions.can_manage_organisation``; this module only names it
for import and export, so pages, commands and the API ask the same question."""

from typing import Any

from django.core.exceptions import PermissionDenied

from bondgenoot.people.models import Organisation
from bondgenoot.people.permissions import can_manage_organisation, get_organisation_for


def can_transfer_profiles(user: Any, organisation: Organisation) -> bool:
    return can_manage_organisation(user, organisation)


def get_organisation_for_transfer(user: Any, pk: int) -> Organisation:
    """404 when the organisation does not exist for this viewer, 403 when not a coordinator."""
    organisation = get_organisation_for(user, pk)
    if not can_transfer_profiles(user, organisation):
        raise PermissionDenied
    return organisation
