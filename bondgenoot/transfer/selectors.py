from django.db.models import QuerySet

from bondgenoot.people.models import Organisation

from .models import TransferRecord


def recent_transfers(organisation: Organisation, *, limit: int = 10) -> QuerySet[TransferRecord]:
    """The latest imports and exports of this organisation (for its coordinators)."""
    return TransferRecord.objects.filter(organisation=organisation).select_related("by")[:limit]
