"""Stories in "Mijn gegevens" (contract: ``privacy/sections.py``)."""

from django.utils.translation import gettext_lazy as _

from bondgenoot.people.models import Person
from bondgenoot.privacy.sections import Section

from .models import SelectionChoice, SelectionNote, Story


def _where(story: Story) -> str:
    place = story.alliance or story.organisation
    return place.name if place else ""


def sections(person: Person) -> list[Section]:
    told = (
        Story.objects.filter(storyteller=person)
        .select_related("domain", "organisation", "alliance", "written_by")
        .order_by("-told_on", "-id")
    )
    written_down = (
        Story.objects.filter(written_by=person)
        .exclude(storyteller=person)
        .select_related("storyteller", "organisation", "alliance")
        .order_by("-told_on", "-id")
    )
    notes = SelectionNote.objects.filter(person=person).select_related("story", "round")
    reasons = SelectionChoice.objects.filter(chosen_by=person).select_related("story", "round")
    return [
        Section(
            key="stories_told",
            title=_("My stories"),
            items=[
                {
                    "title": s.title,
                    "told_on": s.told_on,
                    "where": _where(s),
                    "domain": s.domain.name if s.domain else "",
                    "what_changed": s.what_changed,
                    "why_important": s.why_important,
                    "use": s.use,
                    "use_label": s.get_use_display(),
                    "status": s.status,
                    "status_label": s.get_status_display(),
                    "written_down_by": (
                        s.written_by.display_name if s.written_by and s.written_by != person else ""
                    ),
                }
                for s in told
            ],
            labels=[
                ("told_on", _("Told on")),
                ("where", _("Where")),
                ("domain", _("Domain of change")),
                ("what_changed", _("What has changed?")),
                ("why_important", _("Why is that important?")),
                ("use_label", _("How it may be used")),
                ("status_label", _("Status")),
                ("written_down_by", _("Written down by")),
            ],
            empty=_("You have not told a story yet."),
            on_delete=_(
                "Deleted. A report that was shared with one of them is marked as withdrawn."
            ),
        ),
        Section(
            key="stories_written_down",
            title=_("Stories I wrote down for someone"),
            items=[
                {
                    "title": s.title,
                    "told_on": s.told_on,
                    "storyteller": s.storyteller.display_name,
                    "where": _where(s),
                }
                for s in written_down
            ],
            labels=[
                ("told_on", _("Told on")),
                ("storyteller", _("Storyteller")),
                ("where", _("Where")),
            ],
            empty=_("You have not written down a story for someone else."),
            on_delete=_("They stay with the people who told them, without your name."),
        ),
        Section(
            key="selection_notes_and_reasons",
            title=_("What I wrote in selection rounds"),
            items=[{"title": n.round.title, "story": n.story.title, "text": n.text} for n in notes]
            + [
                {"title": c.round.title, "story": c.story.title, "reasons": c.reasons}
                for c in reasons
            ],
            labels=[
                ("story", _("Story")),
                ("text", _("This touches me because")),
                ("reasons", _("Why this story")),
            ],
            empty=_("You have not written anything in a selection round."),
            on_delete=_(
                "Your notes are deleted. The reasons for a chosen story belong to the group: "
                "they stay, without your name."
            ),
        ),
    ]
