"""The profile on paper: the printable form, and typing it in by an ally with consent.

The printable form is built from ``PROFILE_FIELDS`` (the same questions as on screen) and
rendered by the shared paper-form machinery in ``core/paper_forms.py``.

Typing it in goes through ``profile_update``, the one service that changes a profile, so the
same rules hold (words split the same way, full_clean, the person's own marking of sensitive
parts untouched). Before it, this module checks the things that only apply here: the writer is
a current ally, the person gave consent, and an empty answer on paper changes nothing.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from bondgenoot.core.errors import NotAllowed
from bondgenoot.core.paper_forms import PaperChoice, PaperConsent, PaperForm, PaperQuestion
from bondgenoot.core.services import notify

from . import services
from .models import Capacity, ConsentHow, Person, ProfileEntryByAlly, Visibility
from .permissions import can_enter_paper_profile
from .profile import PROFILE_FIELDS

# Empty lines to write on, per question (blank form; a pre-filled form gets fewer).
_LINES = {
    "about": 6,
    "strengths": 5,
    "aspirations": 5,
    "lived_experience": 5,
    "limits": 4,
    "capacity": 2,
    "languages": 2,
    "tags": 2,
}

# Answers typed in as text (capacity itself is a choice; its note is text).
TEXT_FIELDS = (
    "about",
    "strengths",
    "aspirations",
    "lived_experience",
    "limits",
    "capacity_note",
    "languages",
    "tags",
)


def _paper_help(name: str) -> str:
    """The question's help in words that fit paper (the screen says 'separate with a comma')."""
    if name == "capacity":
        return _("Tick one. You can change this at any time.")
    if name == "languages":
        return _("Which languages do you speak? Write them one after the other.")
    if name == "tags":
        return _("Words that fit you, chosen by yourself. For example: cooking, walking.")
    field = next(f for f in PROFILE_FIELDS if f.name == name)
    return str(field.help_text)


def _current_answer(person: Person, name: str) -> str:
    if name == "languages":
        return ", ".join(person.languages or [])
    if name == "tags":
        return ", ".join(t.name for t in person.tags.all())
    if name == "capacity":
        return person.capacity_note
    return str(getattr(person, name) or "")


def profile_paper_form(person: Person | None = None) -> PaperForm:
    """The printable profile form: blank (``person`` None) or filled in with one's own profile.

    Pass only the logged-in person's own profile: a pre-filled form shows every part, also
    what is visible to 'only me'.
    """
    questions = []
    for field in PROFILE_FIELDS:
        current_visibility = getattr(person, field.visibility_attr) if person else None
        choices: tuple[PaperChoice, ...] = ()
        if field.name == "capacity":
            choices = tuple(
                PaperChoice(str(label), ticked=person is not None and person.capacity == value)
                for value, label in Capacity.choices
            )
        lines = _LINES[field.name]
        answer = _current_answer(person, field.name) if person else ""
        if answer:
            lines = max(2, lines // 2)
        questions.append(
            PaperQuestion(
                key=field.name,
                label=str(field.label),
                help_text=_paper_help(field.name),
                lines=lines,
                answer=answer,
                choices=choices,
                lines_label=_("More about my time:") if field.name == "capacity" else "",
                visibility=tuple(
                    PaperChoice(str(label), ticked=current_visibility == value)
                    for value, label in Visibility.choices
                ),
                visibility_label=_("Who may see this? Tick one."),
            )
        )
    intro = [
        _(
            "Fill in what you want. Skip what you do not want to share. "
            "Write in your own words: there are no wrong answers."
        ),
        _(
            "For every question, tick who may see it. "
            "Only me: nobody else. My allies: the people you have an alliance with. "
            "Logged-in neighbours: everyone with an account on this Bondgenoot."
        ),
        _(
            "Then give the form to your ally. They type it in for you, but only if you agree: "
            "see the box at the end. You can always change it yourself later."
        ),
    ]
    if person is not None:
        intro.insert(
            0,
            _(
                "This is your profile as it is now, in a box under each question. "
                "Write what you want to change on the lines below it."
            ),
        )
    return PaperForm(
        title=_("My profile on Bondgenoot"),
        intro=tuple(intro),
        questions=tuple(questions),
        name_label=_("My name:"),
        name=person.display_name if person else "",
        consent=PaperConsent(
            heading=_("Permission to type this in"),
            statements=(
                _(
                    "I agree that ____________________ (name of my ally) types this in for me "
                    "on Bondgenoot."
                ),
            ),
            name_label=_("My name"),
            name=person.display_name if person else "",
            date_label=_("Date"),
            signature_label=_("Signature"),
        ),
    )


def profile_paper_filename(person: Person | None = None) -> str:
    return "bondgenoot-mijn-profiel.pdf" if person else "bondgenoot-profiel-leeg.pdf"


def _field_of(attr: str) -> str:
    """The profile part an attribute belongs to: 'capacity_note' and 'about_visibility' too."""
    if attr == "capacity_note":
        return "capacity"
    return attr.removesuffix("_visibility")


@transaction.atomic
def profile_enter_from_paper(
    *,
    person: Person,
    by: Person,
    consent_given: bool,
    consent_how: str,
    answers: dict[str, Any],
    clear: Iterable[str] = (),
) -> ProfileEntryByAlly:
    """An ally types in a person's paper profile form, with the person's consent.

    ``answers``: the text answers (``TEXT_FIELDS``), ``capacity`` and the ``<field>_visibility``
    choices as typed in; an empty answer leaves that part as it was. ``clear``: the text
    answers to empty on purpose. Stores who typed it in, when and how consent was given (not
    the text), and tells the person.
    """
    if not can_enter_paper_profile(by.user, person):
        raise NotAllowed
    if not consent_given:
        raise ValidationError(
            {
                "consent": _(
                    "Only type this in when %(name)s gave you permission. Without it, nothing "
                    "is saved."
                )
                % {"name": person.display_name}
            }
        )
    if consent_how not in ConsentHow.values:
        raise ValidationError(
            {
                "consent_how": _("Choose how %(name)s gave permission.")
                % {"name": person.display_name}
            }
        )
    to_clear = set(clear)
    if to_clear - set(TEXT_FIELDS):
        raise ValueError(f"Cannot clear: {sorted(to_clear - set(TEXT_FIELDS))}")
    changes: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        value = answers.get(name) or ""
        if value.strip():
            changes[name] = value.strip()
        elif name in to_clear:
            changes[name] = ""
    if answers.get("capacity"):
        changes["capacity"] = answers["capacity"]
    for field in PROFILE_FIELDS:
        value = answers.get(field.visibility_attr)
        if value:
            changes[field.visibility_attr] = value
    if not changes:
        raise ValidationError(
            _("Nothing was filled in. Type in at least one answer from the paper.")
        )
    # The person's own words, typed in on their behalf: the service that changes one's own
    # profile, so every rule of a profile change applies. Permission was checked above.
    services.profile_update(person=person, by=person, **changes)
    entry = ProfileEntryByAlly(
        person=person,
        entered_by=by,
        consent_how=consent_how,
        fields_changed=[
            f.name for f in PROFILE_FIELDS if f.name in {_field_of(k) for k in changes}
        ],
    )
    entry.full_clean()
    entry.save()
    notify(
        people=[person],
        text=_("%(name)s typed in your profile from paper. Is something not right? Change it.")
        % {"name": by.display_name},
        link=reverse("people:profile_edit"),
    )
    return entry
