"""The JSON API under /api/v1/: thin endpoints over the same selectors, permissions and services
as the pages (docs/api.md). Every endpoint needs a login (session or personal token) and answers
for the person behind it only."""

from typing import Any

from django.core.paginator import Page as DjangoPage
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from ninja import NinjaAPI, Query, Status
from ninja.params import Path

from bondgenoot.alliances import permissions as alliance_permissions
from bondgenoot.alliances import selectors as alliance_selectors
from bondgenoot.alliances import services as alliance_services
from bondgenoot.alliances.models import Alliance, Contribution, Invitation, JournalEntry, Party
from bondgenoot.audit import services as audit
from bondgenoot.core.models import InvitationStatus
from bondgenoot.core.permissions import person_of
from bondgenoot.matching.search import search_allies
from bondgenoot.people import services as people_services
from bondgenoot.people.models import Neighbourhood, Person
from bondgenoot.people.profile import PROFILE_FIELDS

from . import schemas
from .auth import AUTH
from .errors import ApiRefusal, install

PAGE_SIZE = alliance_selectors.JOURNAL_PAGE_SIZE
MAX_PAGE = 1_000_000

api = NinjaAPI(
    title="Bondgenoot API",
    version="1",
    description=(
        "The JSON API of Bondgenoot. Log in with the session of the site, or send a personal "
        "token: `Authorization: Bearer <token>`. The same rules as the pages apply. Errors are "
        'in Dutch: `{"detail": "..."}`.'
    ),
    urls_namespace="api",
    auth=AUTH,
    docs_url=None,  # no Swagger UI: it would come from a CDN (see docs/api.md)
    openapi_url="/openapi.json",
    docs_decorator=require_GET,  # the schema: GET only
)
install(api)

ERRORS: dict[int, Any] = {
    401: schemas.ErrorOut,
    403: schemas.ErrorOut,
    404: schemas.ErrorOut,
    422: schemas.ErrorOut,
}
BODY_ERRORS: dict[int, Any] = {**ERRORS, 400: schemas.ErrorOut}

AllianceId = Path(..., ge=1, le=schemas.MAX_ID, description="Id of the alliance")
PageNumber = Query(1, ge=1, le=MAX_PAGE, description="Page number, from 1")
SearchQuestion = Query("", description="Your question, in your own words")
SearchPlace = Query("", description="Id or name of a neighbourhood that ranks a little higher")


def _person(request: HttpRequest) -> Person:
    person = person_of(request.user)
    if person is None:
        raise ApiRefusal(_("Your account has no profile, so there is nothing to show here."))
    return person


def _page(items: Any, number: int) -> DjangoPage[Any]:
    return Paginator(items, PAGE_SIZE).get_page(number)


def _page_fields(page: DjangoPage[Any]) -> dict[str, int]:
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
    }


def _named(obj: Any) -> dict[str, Any] | None:
    if obj is None:
        return None
    return {"id": obj.pk, "name": str(obj)}


# Own profile -------------------------------------------------------------------------------------


def _me(person: Person) -> dict[str, Any]:
    return {
        "id": person.pk,
        "email": person.user.email,
        "display_name": person.display_name,
        "neighbourhood": _named(person.neighbourhood),
        "about": person.about,
        "strengths": person.strengths,
        "aspirations": person.aspirations,
        "lived_experience": person.lived_experience,
        "limits": person.limits,
        "capacity": person.capacity,
        "capacity_note": person.capacity_note,
        "languages": list(person.languages),
        "tags": [tag.name for tag in person.tags.all()],
        "visibility": {f.name: getattr(person, f.visibility_attr) for f in PROFILE_FIELDS},
        "sensitive_fields": list(person.sensitive_fields),
    }


@api.get("/me", response={200: schemas.MeOut, **ERRORS}, url_name="me", tags=["profile"])
def me(request: HttpRequest) -> Any:
    """Your own profile, with every part and who may see it."""
    return _me(_person(request))


@api.patch("/me", response={200: schemas.MeOut, **BODY_ERRORS}, url_name="me", tags=["profile"])
def me_update(request: HttpRequest, payload: schemas.MePatch) -> Any:
    """Change your own profile (the same rules as the profile page)."""
    person = _person(request)
    sent = payload.model_dump(exclude_unset=True)
    changes: dict[str, Any] = {
        key: value
        for key, value in sent.items()
        if value is not None and key not in {"neighbourhood_id", "visibility"}
    }
    if "neighbourhood_id" in sent:
        chosen = sent["neighbourhood_id"]
        neighbourhood = Neighbourhood.objects.filter(pk=chosen).first() if chosen else None
        if chosen and neighbourhood is None:
            raise ApiRefusal(_("We do not know this neighbourhood. Choose one from the list."), 422)
        changes["neighbourhood"] = neighbourhood
    for name, level in (sent.get("visibility") or {}).items():
        if level is not None:
            changes[f"{name}_visibility"] = level
    if changes:
        people_services.profile_update(person=person, by=person, **changes)
    person.refresh_from_db()
    return _me(person)


# Alliances ---------------------------------------------------------------------------------------


def _party(party: Party) -> dict[str, Any]:
    kind = "person" if party.person_id else "organisation" if party.organisation_id else "former"
    return {
        "id": party.pk,
        "kind": kind,
        "name": party.name,
        "person_id": party.person_id,
        "organisation_id": party.organisation_id,
        "role": party.role,
        "joined_on": party.joined_on,
        "left_on": party.left_on,
    }


def _alliance(alliance: Alliance, parties: list[Party]) -> dict[str, Any]:
    return {
        "id": alliance.pk,
        "name": alliance.name,
        "intention": alliance.intention,
        "way_of_working": alliance.way_of_working,
        "status": alliance.status,
        "started_on": alliance.started_on,
        "ended_on": alliance.ended_on,
        "is_archived": alliance.is_archived,
        "last_entry_on": getattr(alliance, "last_entry_on", None),
        "parties": [_party(p) for p in parties if p.left_on is None],
    }


@api.get(
    "/alliances",
    response={200: schemas.AllianceList, **ERRORS},
    url_name="alliances",
    tags=["alliances"],
)
def alliances(request: HttpRequest, page: int = PageNumber) -> Any:
    """The alliances you take part in (yourself, or for an organisation you coordinate)."""
    _person(request)
    found = _page(alliance_selectors.my_alliances(request.user), page)
    return {
        **_page_fields(found),
        "items": [_alliance(a, list(a.parties.all())) for a in found.object_list],
    }


@api.get(
    "/alliances/{alliance_id}",
    response={200: schemas.AllianceDetailOut, **ERRORS},
    url_name="alliance",
    tags=["alliances"],
)
def alliance(request: HttpRequest, alliance_id: int = AllianceId) -> Any:
    """One alliance you take part in: its parties and what you may do in it."""
    person = _person(request)
    found = alliance_permissions.get_alliance_for(request.user, alliance_id)
    parties = list(
        Party.objects.filter(alliance=found)
        .select_related("person", "organisation")
        .order_by("joined_on", "id")
    )
    coordinated = set(alliance_permissions.coordinated_organisation_ids(person))
    mine = alliance_permissions.speaks_in(person, parties, coordinated)
    abilities = alliance_permissions.alliance_abilities(
        is_party=bool(mine),
        alliance=found,
        is_person_party=any(p.person_id == person.pk for p in mine),
    )
    return {
        **_alliance(found, parties),
        "former_parties": [_party(p) for p in parties if p.left_on is not None],
        "my_parties": [p.pk for p in mine],
        "abilities": {"can_write": abilities["can_write"], "can_invite": abilities["can_invite"]},
    }


def _entry(entry: JournalEntry) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "occurred_on": entry.occurred_on,
        "author": _named(entry.author),
        "what_happened": entry.what_happened,
        "what_we_learned": entry.what_we_learned,
        "what_next": entry.what_next,
        "is_milestone": entry.is_milestone,
        "is_sensitive": entry.is_sensitive,
        "sensitive_topics": list(entry.sensitive_topics),
        "erased_on": entry.erased_on,
        "revision_count": getattr(entry, "revision_count", 0),
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
    }


@api.get(
    "/alliances/{alliance_id}/journal",
    response={200: schemas.JournalList, **ERRORS},
    url_name="journal",
    tags=["alliances"],
)
def journal(request: HttpRequest, alliance_id: int = AllianceId, page: int = PageNumber) -> Any:
    """The shared journal, newest first, 20 a page. Reading an entry someone else marked as
    sensitive is recorded for them ("Wie keek er mee"), as on the page."""
    person = _person(request)
    found = alliance_permissions.get_alliance_for(request.user, alliance_id)
    entries = alliance_selectors.journal_page(found, page=page)
    audit.record_journal_reads(viewer=person, alliance=found, entries=entries.object_list)
    return {**_page_fields(entries), "items": [_entry(e) for e in entries.object_list]}


@api.post(
    "/alliances/{alliance_id}/journal",
    response={201: schemas.JournalEntryOut, **BODY_ERRORS},
    url_name="journal",
    tags=["alliances"],
)
def journal_add(
    request: HttpRequest, payload: schemas.JournalEntryIn, alliance_id: int = AllianceId
) -> Any:
    """Write in the shared journal (every party writes, until the alliance is archived)."""
    person = _person(request)
    found = alliance_permissions.get_alliance_for(request.user, alliance_id)
    if found.is_archived:
        raise ApiRefusal(
            _(
                "This alliance is archived. You can still read it, but nothing can be added "
                "or changed."
            )
        )
    if not alliance_permissions.can_write_in_alliance(request.user, found):
        raise ApiRefusal(_("You may not do this."))
    data = payload.model_dump()
    entry = alliance_services.journal_entry_add(alliance=found, author=person, **data)
    entry = (
        JournalEntry.objects.select_related("author")
        .annotate(revision_count=Count("revisions"))
        .get(pk=entry.pk)
    )
    return Status(201, _entry(entry))


def _contribution(contribution: Contribution) -> dict[str, Any]:
    return {
        "id": contribution.pk,
        "kind": contribution.kind,
        "description": contribution.description,
        "giver": {"id": contribution.giver_id, "name": contribution.giver.name},
        "receiver": {"id": contribution.receiver_id, "name": contribution.receiver.name},
        "hours": float(contribution.hours) if contribution.hours is not None else None,
        "euros": float(contribution.euros) if contribution.euros is not None else None,
        "given_on": contribution.given_on,
        "recorded_by": _named(contribution.recorded_by),
    }


@api.get(
    "/alliances/{alliance_id}/contributions",
    response={200: schemas.ContributionList, **ERRORS},
    url_name="contributions",
    tags=["alliances"],
)
def contributions(
    request: HttpRequest, alliance_id: int = AllianceId, page: int = PageNumber
) -> Any:
    """Who gave what to whom in the alliance (wederkerigheid), newest first, 20 a page."""
    _person(request)
    found = alliance_permissions.get_alliance_for(request.user, alliance_id)
    given = alliance_selectors.contributions_page(found, page=page)
    return {**_page_fields(given), "items": [_contribution(c) for c in given.object_list]}


# Invitations -------------------------------------------------------------------------------------


@api.get(
    "/invitations",
    response={200: schemas.InvitationsOut, **ERRORS},
    url_name="invitations",
    tags=["invitations"],
)
def invitations(request: HttpRequest) -> Any:
    """Invitations for you (as on the home page) and the open invitations of your alliances (as
    on each alliance page)."""
    _person(request)
    for_me = alliance_selectors.open_invitations_for(request.user)
    open_ones = (
        Invitation.objects.filter(
            alliance__in=alliance_permissions.alliances_visible_to(request.user),
            status=InvitationStatus.OPEN,
        )
        .select_related("alliance", "created_by")
        .order_by("-created_at", "-id")
    )
    return {
        "for_me": [
            {
                "id": i.pk,
                "alliance_name": i.alliance.name,
                "intention": i.alliance.intention,
                "way_of_working": i.alliance.way_of_working,
                "invited_by": i.created_by.display_name if i.created_by else None,
                "message": i.message,
                "expires_at": i.expires_at,
            }
            for i in for_me
        ],
        "open_in_my_alliances": [
            {
                "id": i.pk,
                "alliance": {"id": i.alliance_id, "name": i.alliance.name},
                "email": i.email,
                "status": i.status,
                "invited_by": i.created_by.display_name if i.created_by else None,
                "expires_at": i.expires_at,
            }
            for i in open_ones
        ],
    }


# Ally search -------------------------------------------------------------------------------------


@api.get(
    "/allies/search",
    response={200: schemas.AllySearchOut, **ERRORS},
    url_name="ally_search",
    tags=["search"],
)
def ally_search(
    request: HttpRequest,
    q: schemas.SearchText = SearchQuestion,
    neighbourhood: schemas.PlaceText = SearchPlace,
) -> Any:
    """Bondgenoot zoeken: people and initiatives whose own words fit your question, with the
    reasons in words. Nobody is scored: the order is about the fit of words."""
    person = _person(request)
    result = search_allies(viewer=person, text=q, neighbourhood=neighbourhood or None)
    return {
        "status": str(result.status),
        "message": result.message,
        "text": result.text,
        "neighbourhood": _named(result.neighbourhood),
        "hits": [
            {
                "kind": hit.kind,
                "id": hit.object.pk,
                "name": hit.name,
                "reasons": hit.reasons,
                "themes": hit.themes,
                "words": hit.words,
                "fields": hit.fields,
                "field_labels": hit.field_labels,
                "same_neighbourhood": hit.same_neighbourhood,
                "languages": hit.languages,
            }
            for hit in result.hits
        ],
    }
