from django.core.management.base import CommandError
from django.db.models import Q

from bondgenoot.people.models import Organisation, Person
from bondgenoot.transfer.permissions import can_transfer_profiles


def find_organisation(value: str) -> Organisation:
    query = Q(name__iexact=value.strip())
    if value.strip().isdigit():
        query |= Q(pk=int(value))
    found = list(Organisation.objects.filter(query)[:2])
    if len(found) != 1:
        raise CommandError(f"organisation not found: {value!r} (give its exact name or id)")
    return found[0]


def find_coordinator(email: str | None, organisation: Organisation) -> Person | None:
    if not email:
        return None
    person = Person.objects.filter(user__email__iexact=email.strip()).select_related("user").first()
    if person is None or not can_transfer_profiles(person.user, organisation):
        raise CommandError(f"{email} is not a coordinator of {organisation.name}")
    return person
