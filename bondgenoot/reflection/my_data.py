"""The mirror and intervisie in "Mijn gegevens" (contract: ``privacy/sections.py``)."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from bondgenoot.people.models import Person
from bondgenoot.privacy.sections import Section

from .models import Case, CaseResponse, ReflectionAnswer, ReflectionRow
from .schema import ROWS

_TITLES = {row.number: row.title for row in ROWS}


def _places(answer: ReflectionAnswer) -> list[str]:
    lines = []
    for row in answer.rows.all():
        place = f"{row.position}/5" if row.position else "\N{EN DASH}"
        text = f"{row.row}. {_TITLES.get(row.row, '')}: {place}"
        if row.note:
            text += f" · {row.note}"
        if row.want_to_talk:
            text += f" · {_('I want to talk about this')}"
        lines.append(text)
    return lines


def sections(person: Person) -> list[Section]:
    answers = (
        ReflectionAnswer.objects.filter(person=person)
        .select_related("round__team")
        .prefetch_related(Prefetch("rows", queryset=ReflectionRow.objects.order_by("row")))
        .order_by("-round__opened_at", "-id")
    )
    cases = Case.objects.filter(owner=person).order_by("-created_at", "-id")
    responses = (
        CaseResponse.objects.filter(author=person)
        .exclude(case__owner=person)
        .select_related("case")
        .order_by("-created_at", "-id")
    )
    return [
        Section(
            key="mirror_answers",
            title=_("My answers in the mirror"),
            items=[
                {
                    "title": a.round.title,
                    "team": a.round.team.name,
                    "status": a.status,
                    "status_label": a.get_status_display(),
                    "show_name": a.show_name,
                    "rows": [
                        {
                            "row": r.row,
                            "place": r.position,
                            "note": r.note,
                            "want_to_talk": r.want_to_talk,
                        }
                        for r in a.rows.all()
                    ],
                    "places": _places(a),
                }
                for a in answers
            ],
            labels=[
                ("team", _("Team")),
                ("status_label", _("Status")),
                ("places", _("My places (1 is rationeel, 5 relationeel)")),
            ],
            empty=_("You have not filled in the mirror yet."),
            on_delete=_("Deleted. A closed round then shows the spread without your answer."),
        ),
        Section(
            key="cases",
            title=_("Situations I brought in"),
            items=[
                {
                    "title": c.title,
                    "what_happens": c.what_happens,
                    "my_question": c.my_question,
                    "phase": c.phase,
                    "phase_label": c.get_phase_display(),
                    "takeaway": c.takeaway,
                }
                for c in cases
            ],
            labels=[
                ("what_happens", _("What happens?")),
                ("my_question", _("What is my question?")),
                ("phase_label", _("Step")),
                ("takeaway", _("What I take from it")),
            ],
            empty=_("You have not brought in a situation."),
            on_delete=_("Deleted, together with the questions and advice of others."),
        ),
        Section(
            key="case_responses",
            title=_("What I asked and advised in situations of others"),
            items=[
                {
                    "title": r.case.title,
                    "phase": r.phase,
                    "text": r.text,
                    "written_at": r.created_at,
                }
                for r in responses
            ],
            labels=[("written_at", _("Written on")), ("text", _("Text"))],
            empty=_("You have not responded to a situation of someone else."),
            on_delete=_("They stay with the situation, without your name."),
        ),
    ]
