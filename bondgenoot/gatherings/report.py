"""The verslag of a gathering: drafting its sections, and showing them with today's consent.

A report is stored as text per section, which the organiser edits before publishing. What
depends on someone's consent is never copied into that text. It is a reference, resolved each
time the report is shown (page and PDF alike):

- ``[citaat 12]``: quote 12, only while its speaker consents (with their name);
- ``[naam 3]``: the name of speaker or guest 3, or "a speaker"/"a guest" without consent;
- ``[groep 2]``: the members of conversation group 2 who agreed to be named, and how many others;
- ``[dank 3]``: a line of thanks to speaker or guest 3 with their role, only with consent.

(English keywords work too: quote, name, group, thanks.) A reference only ever resolves within
the report's own gathering. A quote whose consent is missing or withdrawn is also taken out
when its text was typed into a section by hand; withdrawing consent turns such copies in the
stored text into references as well (``services.quote_consent_set``). So a withdrawn quote
appears in nothing rendered afterwards, and comes back only if the speaker consents again.

Sections are plain text: a blank line starts a new paragraph, ``## `` a subheading and ``- `` an
item of a list.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import (
    ConversationGroup,
    Gathering,
    GatheringReport,
    GatheringRole,
    HarvestItem,
    HarvestKind,
    Registration,
    RoleKind,
)

MARKER = re.compile(
    r"\[(citaat|quote|naam|name|groep|group|dank|thanks)\s+(\d+)\]", flags=re.IGNORECASE
)
QUOTE_LINE = re.compile(r"^\s*\[(?:citaat|quote)\s+(\d+)\]\s*$", flags=re.IGNORECASE)
EMPTY_QUOTES = re.compile(r"[“\"]\s*[”\"]")
# Shorter texts are not searched for when a quote must be left out: too likely to be a word.
SCRUB_MIN_LENGTH = 8

SECTION_FIELDS = ("introduction", "question", "hosts", "guests", "groups", "closing", "thanks")


def section_headings() -> dict[str, str]:
    """The heading of each section, as in the seed reports (translated when called)."""
    return {
        "introduction": "",
        "question": _("The question of the gathering"),
        "hosts": _("What the speakers said"),
        "guests": _("The guests and their contributions"),
        "groups": _("The groups and what they discussed"),
        "closing": _("Closing"),
        "thanks": _("With thanks to"),
    }


# What the references point to -------------------------------------------------------------


@dataclass
class ReportData:
    """Everything the references of one gathering's report can point to, with the consent as
    it is now. Loaded in a fixed number of queries (five), whatever the size."""

    quotes: dict[int, HarvestItem]
    roles: dict[int, GatheringRole]
    groups: dict[int, ConversationGroup]
    named_person_ids: set[int]

    @property
    def hidden_quote_texts(self) -> list[str]:
        """Texts of quotes that may not be shown now (no consent, or the speaker is gone)."""
        return [
            q.text.strip()
            for q in self.quotes.values()
            if not q.may_be_shown and len(q.text.strip()) >= SCRUB_MIN_LENGTH
        ]


def load_report_data(gathering: Gathering) -> ReportData:
    quotes = HarvestItem.objects.filter(gathering=gathering, kind=HarvestKind.QUOTE).select_related(
        "speaker"
    )
    roles = GatheringRole.objects.filter(gathering=gathering).select_related("person")
    groups = ConversationGroup.objects.filter(gathering=gathering).prefetch_related("members")
    named = set(
        Registration.objects.filter(gathering=gathering, consent_to_name=True).values_list(
            "person_id", flat=True
        )
    )
    role_list = list(roles)
    named.update(r.person_id for r in role_list if r.person_id and r.consent_to_name)
    return ReportData(
        quotes={q.pk: q for q in quotes},
        roles={r.pk: r for r in role_list},
        groups={g.pk: g for g in groups},
        named_person_ids=named,
    )


# Showing ----------------------------------------------------------------------------------


@dataclass
class Block:
    """A paragraph (``p``), subheading (``h``), list (``ul``) or quote (``quote``)."""

    kind: str
    text: str = ""
    items: list[str] = field(default_factory=list)
    by: str = ""


@dataclass
class Section:
    key: str
    heading: str
    blocks: list[Block]


def _role_word(role: GatheringRole) -> str:
    return _("a speaker") if role.role == RoleKind.HOST else _("a guest")


def _quote_inline(data: ReportData, pk: int) -> str:
    quote = data.quotes.get(pk)
    if quote is None or not quote.may_be_shown:
        return ""
    return f"“{quote.text.strip()}” ({quote.speaker})"


def _name(data: ReportData, pk: int) -> str:
    role = data.roles.get(pk)
    if role is None:
        return ""
    return role.name if role.consent_to_name else _role_word(role)


def _thanks(data: ReportData, pk: int) -> str:
    role = data.roles.get(pk)
    if role is None or not role.consent_to_name:
        return ""
    if role.introduction:
        return f"{role.name} \u2013 {role.introduction}"
    return role.name


def _group_members(data: ReportData, pk: int) -> str:
    group = data.groups.get(pk)
    if group is None:
        return ""
    members = list(group.members.all())
    names = [str(m) for m in members if m.pk in data.named_person_ids]
    others = len(members) - len(names)
    if not names:
        return ngettext("%(count)d participant", "%(count)d participants", others) % {
            "count": others
        }
    if others:
        names.append(
            ngettext("%(count)d other participant", "%(count)d other participants", others)
            % {"count": others}
        )
    if len(names) == 1:
        return names[0]
    return _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def resolve(text: str, data: ReportData) -> str:
    """Replace the references in one line of text with what may be shown now."""

    def replace(match: re.Match[str]) -> str:
        kind, pk = match.group(1).lower(), int(match.group(2))
        if kind in ("citaat", "quote"):
            return _quote_inline(data, pk)
        if kind in ("naam", "name"):
            return _name(data, pk)
        if kind in ("groep", "group"):
            return _group_members(data, pk)
        return _thanks(data, pk)

    starts_with_name = bool(re.match(r"\s*\[(?:naam|name)\s", text, flags=re.IGNORECASE))
    resolved = MARKER.sub(replace, text)
    for hidden in data.hidden_quote_texts:
        resolved = resolved.replace(hidden, "")
    resolved = EMPTY_QUOTES.sub("", resolved)
    resolved = re.sub(r"[ \t]{2,}", " ", resolved).strip()
    return capfirst(resolved) if starts_with_name else resolved


def _blocks(text: str, data: ReportData) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []
    items: list[str] = []

    def close_paragraph() -> None:
        if paragraph:
            shown = "\n".join(line for line in (resolve(p, data) for p in paragraph) if line)
            if shown:
                blocks.append(Block("p", text=shown))
            paragraph.clear()

    def close_list() -> None:
        if items:
            shown = [item for item in (resolve(i, data) for i in items) if item]
            if shown:
                blocks.append(Block("ul", items=shown))
            items.clear()

    for line in text.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if not stripped:
            close_paragraph()
            close_list()
        elif stripped.startswith("## "):
            close_paragraph()
            close_list()
            heading = resolve(stripped[3:], data)
            if heading:
                blocks.append(Block("h", text=heading))
        elif stripped.startswith(("- ", "* ")):
            close_paragraph()
            items.append(stripped[2:])
        elif quote_line := QUOTE_LINE.match(stripped):
            close_paragraph()
            close_list()
            quote = data.quotes.get(int(quote_line.group(1)))
            if quote is not None and quote.may_be_shown:
                blocks.append(Block("quote", text=quote.text.strip(), by=str(quote.speaker)))
        else:
            close_list()
            paragraph.append(stripped)
    close_paragraph()
    close_list()
    return blocks


def render_sections(report: GatheringReport, data: ReportData) -> list[Section]:
    """The sections of a report as they may be shown now; empty sections are left out."""
    headings = section_headings()
    sections = []
    for key in SECTION_FIELDS:
        blocks = _blocks(getattr(report, key), data)
        if blocks:
            sections.append(Section(key=key, heading=headings[key], blocks=blocks))
    return sections


def scrub_stored_text(text: str, quote: HarvestItem) -> str:
    """A typed-in copy of a withdrawn quote becomes a reference (shown again only with consent)."""
    literal = quote.text.strip()
    if len(literal) < SCRUB_MIN_LENGTH or literal not in text:
        return text
    return text.replace(literal, f"[citaat {quote.pk}]")


# Drafting ---------------------------------------------------------------------------------


def _quote_lines(quotes: Iterable[HarvestItem]) -> list[str]:
    return [f"[citaat {q.pk}]" for q in quotes if q.may_be_shown]


def _join(parts: Iterable[str]) -> str:
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def _item_lines(items: Iterable[HarvestItem]) -> str:
    return "\n".join(f"- {' '.join(item.text.split())}" for item in items)


def _role_part(role: GatheringRole, quotes: list[HarvestItem]) -> str:
    return _join([f"## [naam {role.pk}]", role.contribution, *_quote_lines(quotes)])


def draft_sections(gathering: Gathering) -> dict[str, str]:
    """A first text for every section, from the gathering, its roles, groups and harvest.

    Only quotes whose speaker consents now are referred to (regenerating after a withdrawal
    leaves the quote out); thanks only to people who agreed to be named.
    """
    roles = list(GatheringRole.objects.filter(gathering=gathering).select_related("person"))
    groups = list(ConversationGroup.objects.filter(gathering=gathering).prefetch_related("members"))
    harvest = list(HarvestItem.objects.filter(gathering=gathering).order_by("created_at", "id"))
    hosts = [r for r in roles if r.role == RoleKind.HOST]
    guests = [r for r in roles if r.role == RoleKind.GUEST]
    role_of_person = {r.person_id: r for r in roles if r.person_id}

    def quotes_of(role: GatheringRole) -> list[HarvestItem]:
        return [
            h
            for h in harvest
            if h.kind == HarvestKind.QUOTE
            and h.group_id is None
            and role.person_id is not None
            and h.speaker_id == role.person_id
        ]

    introduction = []
    if gathering.theme:
        introduction.append(
            _("The theme of this %(kind)s was %(theme)s.")
            % {"kind": gathering.get_kind_display().lower(), "theme": gathering.theme}
        )
    introduction.append(gathering.description)

    group_parts = []
    if groups:
        all_pairs = all(len(g.members.all()) == 2 for g in groups)
        if all_pairs:
            count_text = ngettext(
                "We talked in %(count)d pair.", "We talked in %(count)d pairs.", len(groups)
            )
        else:
            count_text = ngettext(
                "We talked in %(count)d group.", "We talked in %(count)d groups.", len(groups)
            )
        group_parts.append(count_text % {"count": len(groups)})
    for group in groups:
        in_group = [h for h in harvest if h.group_id == group.pk]
        group_parts.append(
            _join(
                [
                    f"## {group.name}",
                    f"[groep {group.pk}]",
                    group.discussed,
                    _item_lines(h for h in in_group if h.kind != HarvestKind.QUOTE),
                    *_quote_lines(h for h in in_group if h.kind == HarvestKind.QUOTE),
                ]
            )
        )

    loose = [h for h in harvest if h.group_id is None]
    closing = []
    for kind, heading in (
        (HarvestKind.INSIGHT, _("Insights")),
        (HarvestKind.QUESTION, _("Questions")),
        (HarvestKind.AGREEMENT, _("Agreements")),
        (HarvestKind.CASE, _("Cases from practice")),
    ):
        items = [h for h in loose if h.kind == kind]
        if items:
            closing.append(_join([f"## {heading}", _item_lines(items)]))
    others_said = [
        h for h in loose if h.kind == HarvestKind.QUOTE and h.speaker_id not in role_of_person
    ]
    if _quote_lines(others_said):
        closing.append(_join([f"## {_('What participants said')}", *_quote_lines(others_said)]))

    return {
        "title": _("Report of the %(kind)s: %(title)s")
        % {"kind": gathering.get_kind_display().lower(), "title": gathering.title},
        "introduction": _join(introduction),
        "question": gathering.question,
        "hosts": _join(_role_part(r, quotes_of(r)) for r in hosts),
        "guests": _join(_role_part(r, quotes_of(r)) for r in guests),
        "groups": _join(group_parts),
        "closing": _join(closing),
        "thanks": "\n".join(f"- [dank {r.pk}]" for r in roles if r.consent_to_name),
    }
