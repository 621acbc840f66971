"""The search index of this process: built from the database on first use, then kept current.

One ``MatchIndex`` per process (``_store``). Keeping it current without a full rebuild:

1. **On a search** (at most every ``MATCHING_SYNC_SECONDS``, default 0.5 s): the people,
   consents and organisations whose ``updated_at`` is later than the previous sync (minus a
   margin for transactions that commit late) are read again and upserted or removed. In a
   server with several processes, a change made in one is found by the others within a
   second. (The check reads ``updated_at`` through its database index.)
2. **Every hit is checked** against the database before it is shown (the rows are loaded for the
   page anyway): no consent any more, an inactive or deleted account, or other words than the
   index holds, and the index is corrected at once and the search done again. So a withdrawal or
   a part made private never shows, whichever process holds the index.
3. **Now and then** (``MATCHING_RECONCILE_SECONDS``, default 60) the ids and ``updated_at`` of
   everyone findable are compared with the index: catches deletions and long transactions that
   committed after the margin. Only what differs is analysed again.
4. Signals in this process (saves and deletes of people, organisations, consents, tags,
   accounts) make the next search sync without waiting.
"""

from __future__ import annotations

import datetime
import logging
import threading
import time
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from bondgenoot.accounts.models import User
from bondgenoot.people.models import Organisation, Person
from bondgenoot.privacy.models import Consent, Purpose

from .engine import Document, Hit, MatchIndex
from .sources import (
    KIND_ORGANISATION,
    KIND_PERSON,
    SETTINGS,
    findable_organisations,
    findable_people,
    organisation_document,
    organisation_key,
    organisations_for_index,
    people_for_index,
    person_document,
    person_key,
)

logger = logging.getLogger(__name__)

# Rows changed this long before the previous sync are read again: a transaction's updated_at is
# set before it commits, and clocks of several servers differ a little.
MARGIN = datetime.timedelta(seconds=5)
CHUNK = 2000


def _setting(name: str, default: float) -> float:
    return float(getattr(settings, name, default))


@dataclass(frozen=True)
class Found:
    hit: Hit
    object: Person | Organisation


@dataclass(frozen=True)
class Stats:
    documents: int
    build_seconds: float | None
    syncs: int
    upserts: int
    removals: int


class IndexStore:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self.index: MatchIndex | None = None
        self.docs: dict[Hashable, Document] = {}
        self.versions: dict[Hashable, datetime.datetime] = {}
        self.watermark: datetime.datetime | None = None
        self.last_sync = 0.0
        self.last_reconcile = 0.0
        self.dirty = False
        self.removed: set[Hashable] = set()
        self.build_seconds: float | None = None
        self.syncs = self.upserts = self.removals = 0

    # -- lifecycle ---------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget the index (tests; after a restore). The next search builds it again."""
        with self._lock:
            self.__init__()  # type: ignore[misc]

    def stats(self) -> Stats:
        return Stats(len(self.docs), self.build_seconds, self.syncs, self.upserts, self.removals)

    def build(self) -> MatchIndex:
        with self._lock:
            started = time.perf_counter()
            now = timezone.now()
            docs: dict[Hashable, Document] = {}
            versions: dict[Hashable, datetime.datetime] = {}
            people = people_for_index().filter(
                pk__in=findable_people().values("pk"), user__is_active=True
            )
            for person in people.iterator(chunk_size=CHUNK):
                doc = person_document(person)
                if doc is not None:
                    docs[doc.id] = doc
                    versions[doc.id] = person.updated_at
            for organisation in findable_organisations().select_related("neighbourhood"):
                doc = organisation_document(organisation)
                if doc is not None:
                    docs[doc.id] = doc
                    versions[doc.id] = organisation.updated_at
            self.index = MatchIndex.build(docs.values(), settings=SETTINGS)
            self.docs, self.versions = docs, versions
            self.watermark = now
            self.last_sync = self.last_reconcile = time.monotonic()
            self.dirty = False
            self.removed.clear()
            self.build_seconds = time.perf_counter() - started
            logger.info(
                "Bondgenoot zoeken: index built with %d documents in %.2f s",
                len(docs),
                self.build_seconds,
            )
            return self.index

    def refresh(self) -> MatchIndex:
        """The index, current with the database (builds it on first use)."""
        with self._lock:
            if self.index is None:
                return self.build()
            now = time.monotonic()
            if now - self.last_reconcile >= _setting("MATCHING_RECONCILE_SECONDS", 60):
                self.reconcile()
            elif self.dirty or now - self.last_sync >= _setting("MATCHING_SYNC_SECONDS", 0.5):
                self.sync()
            return self.index

    def sync(self) -> None:
        """Read again what changed since the previous sync, and upsert or remove it."""
        with self._lock:
            assert self.index is not None and self.watermark is not None  # noqa: S101
            started = timezone.now()
            since = self.watermark - MARGIN
            self.dirty = False
            for key in list(self.removed):
                self._apply(key, None, None)
            self.removed.clear()
            # Narrow queries first (ids only, no ordering); whole rows only for what changed.
            person_ids = set(
                Person.objects.filter(updated_at__gte=since).order_by().values_list("pk", flat=True)
            )
            person_ids.update(
                Consent.objects.filter(updated_at__gte=since, purpose=Purpose.FINDABLE)
                .order_by()
                .values_list("person_id", flat=True)
            )
            if person_ids:
                self._apply_people(people_for_index().filter(pk__in=person_ids))
            org_ids = list(
                Organisation.objects.filter(updated_at__gte=since)
                .order_by()
                .values_list("pk", flat=True)
            )
            if org_ids:
                self._apply_organisations(organisations_for_index().filter(pk__in=org_ids))
            self.watermark = started
            self.last_sync = time.monotonic()
            self.syncs += 1

    def reconcile(self) -> None:
        """Compare ids and versions of everyone findable with the index; fix what differs."""
        with self._lock:
            started = timezone.now()
            wanted: dict[Hashable, datetime.datetime] = {
                person_key(pk): updated
                for pk, updated in findable_people().values_list("pk", "updated_at")
            }
            wanted.update(
                (organisation_key(pk), updated)
                for pk, updated in findable_organisations().values_list("pk", "updated_at")
            )
            for key in set(self.docs) - set(wanted):
                self._apply(key, None, None)
            stale = [key for key, updated in wanted.items() if self.versions.get(key) != updated]
            person_ids = [key[1] for key in stale if key[0] == KIND_PERSON]  # type: ignore[index]
            org_ids = [key[1] for key in stale if key[0] == KIND_ORGANISATION]  # type: ignore[index]
            for start in range(0, len(person_ids), CHUNK):
                self._apply_people(
                    people_for_index().filter(pk__in=person_ids[start : start + CHUNK])
                )
            self._apply_organisations(organisations_for_index().filter(pk__in=org_ids))
            self.removed.clear()
            self.dirty = False
            self.watermark = started
            self.last_sync = self.last_reconcile = time.monotonic()
            self.syncs += 1

    # -- changes -----------------------------------------------------------------------------

    def _apply(
        self, key: Hashable, doc: Document | None, version: datetime.datetime | None
    ) -> bool:
        """Put the index in line with one row; True when something changed."""
        assert self.index is not None  # noqa: S101
        if doc is None:
            if key not in self.docs:
                return False
            self.index.remove(key)
            del self.docs[key]
            self.versions.pop(key, None)
            self.removals += 1
            return True
        if version is not None:
            self.versions[key] = version
        if self.docs.get(key) == doc:
            return False
        self.index.upsert(doc)
        self.docs[key] = doc
        self.upserts += 1
        return True

    def _apply_people(self, people: Iterable[Person]) -> bool:
        changed = False
        for person in people:
            doc = person_document(person)
            changed |= self._apply(person_key(person.pk), doc, person.updated_at if doc else None)
        return changed

    def _apply_organisations(self, organisations: Iterable[Organisation]) -> bool:
        changed = False
        for organisation in organisations:
            doc = organisation_document(organisation)
            changed |= self._apply(
                organisation_key(organisation.pk), doc, organisation.updated_at if doc else None
            )
        return changed

    # -- searching ---------------------------------------------------------------------------

    def search(
        self,
        text: str,
        *,
        neighbourhood: str = "",
        exclude: set[Hashable] = frozenset(),  # type: ignore[assignment]
        limit: int = 20,
    ) -> list[Found]:
        """Hits with their rows, fresh from the database; none that may not be shown."""
        index = self.refresh()
        if limit <= 0:
            return []
        for _attempt in range(2):
            hits = index.search(
                text,
                neighbourhood=neighbourhood,
                allowed_ids=lambda key: key not in exclude,
                limit=limit,
            )
            found, stale = self._verify(hits)
            if not stale:
                return found
        return found

    def _verify(self, hits: list[Hit]) -> tuple[list[Found], bool]:
        """Load the rows of the hits; correct the index where it differs from the database."""
        person_ids = [hit.id[1] for hit in hits if hit.id[0] == KIND_PERSON]  # type: ignore[index]
        org_ids = [hit.id[1] for hit in hits if hit.id[0] == KIND_ORGANISATION]  # type: ignore[index]
        rows: dict[Hashable, Person | Organisation] = {}
        if person_ids:
            rows.update((person_key(p.pk), p) for p in people_for_index().filter(pk__in=person_ids))
        if org_ids:
            rows.update(
                (organisation_key(o.pk), o)
                for o in organisations_for_index().filter(pk__in=org_ids)
            )
        found: list[Found] = []
        stale = False
        with self._lock:
            for hit in hits:
                row = rows.get(hit.id)
                doc: Document | None = None
                if isinstance(row, Person):
                    doc = person_document(row)
                elif isinstance(row, Organisation):
                    doc = organisation_document(row)
                version = row.updated_at if row is not None and doc is not None else None
                if self._apply(hit.id, doc, version):
                    stale = True  # the index held other words: search again with the right ones
                elif row is not None and doc is not None:
                    found.append(Found(hit, row))
        return found, stale


_store = IndexStore()


def get_store() -> IndexStore:
    return _store


def search(
    text: str, *, neighbourhood: str = "", exclude: set[Hashable] | None = None, limit: int = 20
) -> list[Found]:
    return _store.search(text, neighbourhood=neighbourhood, exclude=exclude or set(), limit=limit)


def reset() -> None:
    _store.reset()


# Signals: a change in this process makes the next search sync at once. -----------------------


def _changed(sender: Any, **kwargs: Any) -> None:
    _store.dirty = True


def _deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Person):
        _store.removed.add(person_key(instance.pk))
    elif isinstance(instance, Organisation):
        _store.removed.add(organisation_key(instance.pk))
    _store.dirty = True


for _model in (Person, Organisation, Consent, User):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"matching-{_model.__name__}-save")
for _model in (Person, Organisation):
    post_delete.connect(_deleted, sender=_model, dispatch_uid=f"matching-{_model.__name__}-del")
m2m_changed.connect(_changed, sender=Person.tags.through, dispatch_uid="matching-tags")
