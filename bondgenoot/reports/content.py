"""What goes into a verantwoording, read from the platform in a fixed number of queries.

``build(report)`` returns the content (plain JSON: it is what a ``ReportVersion`` freezes) and
what it depends on (``depends``: the stories, names and quotes that need a person's consent).
The order of the sections is the point of the report: the process first (intention, journey,
stories and why they were chosen, how the network grew, what flowed both ways, what was
learned), then money, and the counts last, each with a sentence around it.

Names: a person is shown by name only with the consent ``NAME_IN_REPORT`` (or, for the
storyteller of one story, when that story is "openbaar met naam"); everyone else gets a made-up
name ("Deelnemer B"), the same one throughout the report. Alliances are never named (their
names often hold people's names): "bondgenootschap 3". Texts people wrote are quoted only with
their consent ``QUOTE_IN_REPORT`` (journal, contributions) or their story's use; every quoted
text is also scrubbed of the names of people who are not named.
"""

import dataclasses
import datetime
import re
from collections import defaultdict
from decimal import Decimal
from itertools import combinations
from typing import Any

from django.apps import apps
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from bondgenoot.alliances.models import (
    Alliance,
    Contribution,
    ContributionKind,
    JournalEntry,
    Party,
)
from bondgenoot.money.amounts import format_euro as euros
from bondgenoot.people.models import Membership, Person
from bondgenoot.privacy.models import Consent, Purpose

from .models import Report, ReportScope

JOURNEY_SHOWN = 60  # milestones in full; the rest are counted
LESSONS_SHOWN = 12
EXAMPLES_SHOWN = 6
TITLES_PER_DOMAIN = 5


def hours(value: Decimal | None) -> str:
    amount = Decimal(value or 0).normalize()
    text = f"{amount:f}"
    return text.replace(".", ",")


def _letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


class Names:
    """Who is named and who gets a made-up name; and the scrubbing of names from texts."""

    def __init__(self, people: dict[int, Person], named_ids: set[int]) -> None:
        self.people = people
        self.named_ids = named_ids
        self.made_up: dict[int, str] = {}
        self.used_named: set[int] = set()
        self._pattern: re.Pattern[str] | None = None

    def of(self, person_id: int | None, *, named: bool = False) -> str:
        if person_id is None:
            return _("someone who left")
        person = self.people.get(person_id)
        if person is not None and (named or person_id in self.named_ids):
            self.used_named.add(person_id)
            return person.display_name
        if person_id not in self.made_up:
            self.made_up[person_id] = _("Participant %(letter)s") % {
                "letter": _letters(len(self.made_up))
            }
        return self.made_up[person_id]

    def scrub(self, text: str) -> str:
        """Replace the names (and first names) of people who are not named by their made-up
        name. A safety net: people write each other's names in journals and reasons."""
        if not text:
            return ""
        if self._pattern is None:
            words: dict[str, int] = {}
            for pk, person in self.people.items():
                if pk in self.named_ids:
                    continue
                full = person.display_name.strip()
                for candidate in {full, full.split(" ")[0]}:
                    if len(candidate) >= 3:
                        words.setdefault(candidate.casefold(), pk)
            self._lookup = words
            if not words:
                self._pattern = re.compile(r"(?!x)x")
            else:
                alternatives = sorted(words, key=len, reverse=True)
                self._pattern = re.compile(
                    r"(?<!\w)(" + "|".join(re.escape(w) for w in alternatives) + r")(?!\w)",
                    re.IGNORECASE,
                )
        return self._pattern.sub(lambda m: self.of(self._lookup[m.group(0).casefold()]), text)


@dataclasses.dataclass
class Scope:
    report: Report
    alliance_ids: list[int]
    alliance_labels: dict[int, str]
    person_ids: set[int]

    def alliance(self, pk: int) -> str:
        return self.alliance_labels.get(pk, _("an alliance"))


def scope_alliances(report: Report) -> QuerySet[Alliance]:
    """The alliances the report is about: those the organisation is (or was) a party of, that
    ran during the period, narrowed to the chosen ones or to one neighbourhood."""
    alliances = Alliance.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=report.period_start),
        parties__organisation=report.organisation,
        started_on__lte=report.period_end,
    )
    if report.scope == ReportScope.ALLIANCES:
        alliances = alliances.filter(pk__in=report.alliances.values("pk"))
    elif report.scope == ReportScope.NEIGHBOURHOOD:
        alliances = alliances.filter(
            pk__in=Party.objects.filter(person__neighbourhood=report.neighbourhood_id).values(
                "alliance_id"
            )
        )
    return alliances.distinct().order_by("started_on", "pk")


def _in_period(report: Report, field: str) -> Q:
    return Q(**{f"{field}__gte": report.period_start, f"{field}__lte": report.period_end})


def _consenting(person_ids: set[int], purpose: str) -> set[int]:
    return set(
        Consent.objects.filter(person_id__in=person_ids, purpose=purpose, given=True).values_list(
            "person_id", flat=True
        )
    )


def build(report: Report) -> tuple[dict[str, Any], dict[str, Any]]:
    alliance_rows: list[Any] = list(scope_alliances(report).values("pk", "started_on", "intention"))
    alliance_ids = [row["pk"] for row in alliance_rows]
    labels = {
        row["pk"]: _("alliance %(number)s") % {"number": i}
        for i, row in enumerate(alliance_rows, start=1)
    }
    parties: list[Any] = list(
        Party.objects.filter(alliance_id__in=alliance_ids).values(
            "alliance_id", "person_id", "organisation_id", "joined_on", "left_on"
        )
    )
    person_ids = {p["person_id"] for p in parties if p["person_id"]}

    stories, choices = _stories(report, alliance_ids, person_ids)
    storyteller_ids = {s.storyteller_id for s in stories} | {
        c.story.storyteller_id for c in choices
    }
    # Everyone who may be written about: parties, storytellers and the organisation's people
    # (the scrubbing of names needs them all, also those who are never quoted).
    members = Membership.objects.filter(organisation=report.organisation).values("person_id")
    people = {
        p.pk: p
        for p in Person.objects.filter(
            Q(pk__in=person_ids | storyteller_ids) | Q(pk__in=members)
        ).only("pk", "display_name")
    }
    names = Names(people, _consenting(set(people), Purpose.NAME_IN_REPORT))
    quoting = _consenting(set(people), Purpose.QUOTE_IN_REPORT)
    scope = Scope(report, alliance_ids, labels, person_ids)
    quoted: set[int] = set()

    content: dict[str, Any] = {
        "title": report.title,
        "organisation": report.organisation.name,
        "organisation_description": report.organisation.description,
        "scope": str(report.get_scope_display()),
        "neighbourhood": report.neighbourhood.name if report.neighbourhood else "",
        "period_start": report.period_start.isoformat(),
        "period_end": report.period_end.isoformat(),
        "made_at": timezone.now().isoformat(),
        "introduction": report.introduction,
        "reflection": report.reflection,
        "ask": report.ask,
    }
    content["stories"], story_depends = _stories_section(stories, choices, names, scope)
    content["journey"] = _journey(report, scope, names, quoting, quoted)
    content["network"] = _network(report, alliance_rows, parties)
    content["reciprocity"] = _reciprocity(report, scope, names, quoting, quoted)
    content["lessons"] = _lessons(report, scope, names, quoting, quoted)
    content["money"] = _money(report)
    content["counts"] = _counts(report, scope, content)
    depends = {
        **story_depends,
        "named": sorted(names.used_named - set(story_depends["named_stories_people"])),
        "quoted": sorted(quoted),
    }
    return content, depends


# Stories -----------------------------------------------------------------------------------


def _stories(report: Report, alliance_ids: list[int], person_ids: set[int]) -> tuple[list, list]:
    if not apps.is_installed("bondgenoot.stories"):
        return [], []
    from bondgenoot.stories import selectors as story_selectors

    found = story_selectors.stories_for_report(
        organisation=report.organisation, start=report.period_start, end=report.period_end
    )
    chosen = story_selectors.choices_for_report(
        organisation=report.organisation, start=report.period_start, end=report.period_end
    )
    if report.scope != ReportScope.ORGANISATION:
        ids = set(alliance_ids)

        def fits(story: Any) -> bool:
            if story.alliance_id is not None:
                return story.alliance_id in ids
            return story.storyteller_id in person_ids

        found = [s for s in found if fits(s)]
        chosen = [c for c in chosen if fits(c.story)]
    return list(found), list(chosen)


def _story_names_openly(story: Any) -> bool:
    from bondgenoot.stories.models import StoryUse

    return bool(story.use == StoryUse.PUBLIC_NAMED)


def _story(story: Any, names: Names, scope: Scope) -> dict[str, Any]:
    named = _story_names_openly(story)
    return {
        "title": names.scrub(story.title),
        "domain": story.domain.name if story.domain_id else "",
        "what_changed": names.scrub(story.what_changed),
        "why_important": names.scrub(story.why_important),
        "teller": names.of(story.storyteller_id, named=named),
        "told_on": story.told_on.isoformat(),
        "where": scope.alliance(story.alliance_id) if story.alliance_id else "",
    }


def _stories_section(
    stories: list[Any], choices: list[Any], names: Names, scope: Scope
) -> tuple[dict[str, Any], dict[str, Any]]:
    chosen_ids = {c.story_id for c in choices}
    chosen = []
    for choice in choices:
        item = _story(choice.story, names, scope)
        item["reasons"] = names.scrub(choice.reasons)
        item["round"] = choice.round.title
        item["tier"] = str(choice.round.get_tier_display())
        chosen.append(item)
    by_domain: dict[str, list[Any]] = defaultdict(list)
    for story in stories:
        if story.pk not in chosen_ids:
            by_domain[story.domain.name if story.domain_id else _("Other")].append(story)
    other = [
        {
            "domain": domain,
            "count": len(items),
            "titles": [names.scrub(s.title) for s in items[:TITLES_PER_DOMAIN]],
        }
        for domain, items in sorted(by_domain.items())
    ]
    every = {s.pk: s for s in stories} | {c.story.pk: c.story for c in choices}
    shown_ids = chosen_ids | {
        s.pk for items in by_domain.values() for s in items[:TITLES_PER_DOMAIN]
    }
    named_stories = [pk for pk in shown_ids if _story_names_openly(every[pk])]
    depends = {
        "stories": sorted(shown_ids),
        "named_stories": sorted(named_stories),
        "named_stories_people": sorted({every[pk].storyteller_id for pk in named_stories}),
    }
    return {"chosen": chosen, "other": other, "total": len(every)}, depends


# The journey, reciprocity and lessons ------------------------------------------------------


def _quote(
    text: str, author_id: int | None, names: Names, quoting: set[int], quoted: set[int]
) -> str:
    if author_id is None or author_id not in quoting or not text:
        return ""
    quoted.add(author_id)
    return names.scrub(text)


def _shareable_entries(report: Report, scope: Scope) -> QuerySet[JournalEntry]:
    return JournalEntry.objects.filter(
        _in_period(report, "occurred_on"),
        alliance_id__in=scope.alliance_ids,
        is_sensitive=False,
        erased_on__isnull=True,
    )


def _journey(
    report: Report, scope: Scope, names: Names, quoting: set[int], quoted: set[int]
) -> dict[str, Any]:
    """Alliances that started and milestones of the journals, together in time order."""
    milestones = _shareable_entries(report, scope).filter(is_milestone=True)
    total = milestones.count()
    shown = milestones.order_by("occurred_on", "pk").values(
        "alliance_id", "author_id", "occurred_on", "what_happened"
    )[:JOURNEY_SHOWN]
    items = [
        {
            "date": row["occurred_on"].isoformat(),
            "where": scope.alliance(row["alliance_id"]),
            "started": False,
            "text": _quote(row["what_happened"], row["author_id"], names, quoting, quoted),
        }
        for row in shown
    ]
    items += [
        {"date": started.isoformat(), "where": scope.alliance(pk), "started": True, "text": ""}
        for pk, started in Alliance.objects.filter(
            pk__in=scope.alliance_ids, started_on__gte=report.period_start
        ).values_list("pk", "started_on")
    ]
    items.sort(key=lambda item: (item["date"], not item["started"]))
    return {"items": items, "more": max(0, total - JOURNEY_SHOWN)}


def _lessons(
    report: Report, scope: Scope, names: Names, quoting: set[int], quoted: set[int]
) -> dict[str, Any]:
    with_lesson = _shareable_entries(report, scope).exclude(what_we_learned="")
    total = with_lesson.count()
    shown = (
        with_lesson.filter(author_id__in=quoting)
        .order_by("-is_milestone", "-occurred_on", "-pk")
        .values("alliance_id", "author_id", "occurred_on", "what_we_learned")[:LESSONS_SHOWN]
    )
    items = [
        {
            "date": row["occurred_on"].isoformat(),
            "where": scope.alliance(row["alliance_id"]),
            "text": _quote(row["what_we_learned"], row["author_id"], names, quoting, quoted),
        }
        for row in shown
    ]
    return {"items": items, "total": total, "reflections": _reflections(report)}


def _reflections(report: Report) -> list[dict[str, str]]:
    """What a team decided to share of a spiegel round: only its own summary text, never the
    answers (reflection app: ``shared_in_report_text`` is only set by an explicit decision)."""
    if not apps.is_installed("bondgenoot.reflection"):
        return []
    from bondgenoot.reflection.models import ReflectionRound

    rounds = ReflectionRound.objects.filter(
        team__organisation=report.organisation,
        shared_decided_at__isnull=False,
        opened_at__date__gte=report.period_start,
        opened_at__date__lte=report.period_end,
    ).select_related("team")
    return [
        {"team": r.team.name, "title": r.title, "text": r.shared_in_report_text}
        for r in rounds.order_by("opened_at")
    ]


def _reciprocity(
    report: Report, scope: Scope, names: Names, quoting: set[int], quoted: set[int]
) -> dict[str, Any]:
    given = Contribution.objects.filter(
        _in_period(report, "given_on"), alliance_id__in=scope.alliance_ids
    )
    kinds = dict(ContributionKind.choices)
    by_kind = [
        {
            "kind": str(kinds.get(row["kind"], row["kind"])),
            "count": row["n"],
            "hours": hours(row["h"]),
        }
        for row in given.values("kind").annotate(n=Count("pk"), h=Sum("hours")).order_by("-n")
    ]
    residents = given.filter(giver__person__isnull=False).aggregate(n=Count("pk"), h=Sum("hours"))
    organisations = given.filter(giver__organisation__isnull=False).count()
    both_ways = (
        given.values("alliance_id")
        .annotate(givers=Count("giver", distinct=True))
        .filter(givers__gte=2)
        .count()
    )
    examples = (
        given.filter(giver__person__isnull=False)
        .order_by("-given_on", "-pk")
        .values(
            "alliance_id", "giver__person_id", "receiver__person_id", "description", "given_on"
        )[:EXAMPLES_SHOWN]
    )
    return {
        "total": sum(row["count"] for row in by_kind),
        "by_kind": by_kind,
        "residents_gave": residents["n"],
        "residents_hours": hours(residents["h"]),
        "organisations_gave": organisations,
        "both_ways": both_ways,
        "examples": [
            {
                "date": row["given_on"].isoformat(),
                "where": scope.alliance(row["alliance_id"]),
                "giver": names.of(row["giver__person_id"]),
                "receiver": names.of(row["receiver__person_id"])
                if row["receiver__person_id"]
                else _("the organisation"),
                "what": _quote(row["description"], row["giver__person_id"], names, quoting, quoted),
            }
            for row in examples
        ],
    }


# The network -------------------------------------------------------------------------------


def _months(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    months, current = [], start.replace(day=1)
    while current <= end:
        months.append(current)
        current = (current + datetime.timedelta(days=32)).replace(day=1)
    return months


def _network(report: Report, alliance_rows: list[Any], parties: list[Any]) -> dict[str, Any]:
    """New alliances; new connections between people who did not share an alliance before
    (anywhere on the platform); connections across organisations and neighbourhoods."""
    people = {p["person_id"] for p in parties if p["person_id"]}
    everywhere: dict[int, list[tuple[int, datetime.date]]] = defaultdict(list)
    for alliance_id, person_id, joined_on in Party.objects.filter(person_id__in=people).values_list(
        "alliance_id", "person_id", "joined_on"
    ):
        everywhere[alliance_id].append((person_id, joined_on))
    first_met: dict[tuple[int, int], datetime.date] = {}
    for members in everywhere.values():
        for (a, joined_a), (b, joined_b) in combinations(sorted(members), 2):
            if a == b:
                continue
            met = max(joined_a, joined_b)
            key = (a, b)
            if key not in first_met or met < first_met[key]:
                first_met[key] = met
    in_scope: set[tuple[int, int]] = set()
    by_alliance: dict[int, set[int]] = defaultdict(set)
    for p in parties:
        if p["person_id"]:
            by_alliance[p["alliance_id"]].add(p["person_id"])
    for people_in_alliance in by_alliance.values():
        in_scope.update(combinations(sorted(people_in_alliance), 2))
    new_pairs = [
        (pair, first_met[pair])
        for pair in in_scope
        if pair in first_met and report.period_start <= first_met[pair] <= report.period_end
    ]
    homes = dict(Person.objects.filter(pk__in=people).values_list("pk", "neighbourhood_id"))
    organisations: dict[int, set[int]] = defaultdict(set)
    for person_id, organisation_id in Membership.objects.filter(person_id__in=people).values_list(
        "person_id", "organisation_id"
    ):
        organisations[person_id].add(organisation_id)
    across_neighbourhoods = sum(
        1
        for (a, b), _met in new_pairs
        if homes.get(a) and homes.get(b) and homes.get(a) != homes.get(b)
    )
    across_organisations = sum(
        1
        for (a, b), _met in new_pairs
        if (organisations[a] or organisations[b]) and organisations[a] != organisations[b]
    )
    organisation_parties: dict[int, set[int]] = defaultdict(set)
    for p in parties:
        if p["organisation_id"]:
            organisation_parties[p["alliance_id"]].add(p["organisation_id"])
    new_alliances = [
        row["started_on"]
        for row in alliance_rows
        if report.period_start <= row["started_on"] <= report.period_end
    ]
    months = []
    for month in _months(report.period_start, report.period_end):
        next_month = (month + datetime.timedelta(days=32)).replace(day=1)
        months.append(
            {
                "month": month.isoformat(),
                "alliances": sum(1 for d in new_alliances if d < next_month),
                "connections": sum(1 for _pair, d in new_pairs if d < next_month),
            }
        )
    return {
        "alliances": len(alliance_rows),
        "new_alliances": len(new_alliances),
        "new_connections": len(new_pairs),
        "across_neighbourhoods": across_neighbourhoods,
        "across_organisations": across_organisations,
        "with_several_organisations": sum(
            1 for orgs in organisation_parties.values() if len(orgs) > 1
        ),
        "people": len(people),
        "months": months,
    }


# Money and counts --------------------------------------------------------------------------


def _jsonable(value: Any, key: str = "") -> Any:
    """Plain JSON for a frozen version: amounts as Dutch euros, hours as Dutch numbers."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _jsonable(getattr(value, f.name), f.name) for f in dataclasses.fields(value)
        }
    if isinstance(value, dict):
        return {str(k): _jsonable(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v, key) for v in value]
    if isinstance(value, Decimal):
        return hours(value) if key.endswith("hours") else euros(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _money(report: Report) -> dict[str, Any] | None:
    """What the coordinator chose to show a funder (the money app decides per budget)."""
    if not apps.is_installed("bondgenoot.money"):
        return None
    from bondgenoot.money import selectors as money_selectors

    summary = money_selectors.money_for_report(
        organisation=report.organisation,
        start=report.period_start,
        end=report.period_end,
        for_funder=True,
    )
    result = dict(_jsonable(summary))
    result["in_kind"]["valued"] = summary.in_kind.euros > 0
    return result


def _counts(report: Report, scope: Scope, content: dict[str, Any]) -> dict[str, int]:
    entries = JournalEntry.objects.filter(
        _in_period(report, "occurred_on"), alliance_id__in=scope.alliance_ids
    ).count()
    return {
        "alliances": content["network"]["alliances"],
        "people": content["network"]["people"],
        "journal_entries": entries,
        "contributions": content["reciprocity"]["total"],
        "stories": content["stories"]["total"],
    }
