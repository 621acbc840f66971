"""Printable forms ("printbare versie") for people who prefer paper.

A paper form is a list of questions with lined space to write, tick boxes for choices, and a
consent box with date and signature at the end. Someone fills it in by hand; later an ally
types it in with the person's consent (see e.g. people/paper.py). The profile form uses this
now; the story form (and any later form) builds its own ``PaperForm`` and renders it the same
way, with the shared template ``print/paper_form.html``.

The builders pass translated strings (plain Dutch); this module knows nothing of any domain.
"""

from dataclasses import dataclass

from django.conf import settings

from .pdf import render_pdf

PAPER_FORM_TEMPLATE = "print/paper_form.html"


@dataclass(frozen=True)
class PaperChoice:
    """One tick box. ``ticked`` prints it ticked (a pre-filled form)."""

    label: str
    ticked: bool = False


@dataclass(frozen=True)
class PaperQuestion:
    """One question.

    ``lines``: how many empty lines to write on. ``answer``: what is already known (a
    pre-filled form); it is printed above the lines, which are then for changes.
    ``choices``: tick boxes that are the answer itself (e.g. how much time I have).
    ``visibility``: "who may see this?" tick boxes, when the answer has a visibility.
    ``lines_label``: a heading above the lines, when they are for something else than the
    question itself (e.g. "more about my time" under tick boxes).
    """

    key: str
    label: str
    help_text: str = ""
    lines: int = 4
    answer: str = ""
    choices: tuple[PaperChoice, ...] = ()
    choices_label: str = ""
    visibility: tuple[PaperChoice, ...] = ()
    visibility_label: str = ""
    lines_label: str = ""


@dataclass(frozen=True)
class PaperConsent:
    """The box at the end: statements to tick, then name, date and signature lines."""

    heading: str
    statements: tuple[str, ...]
    name_label: str
    name: str = ""
    date_label: str = ""
    signature_label: str = ""


@dataclass(frozen=True)
class PaperForm:
    title: str
    intro: tuple[str, ...]
    questions: tuple[PaperQuestion, ...]
    consent: PaperConsent | None = None
    # Shown at the top: "Name: ____" (blank form) or the person's name (pre-filled form).
    name_label: str = ""
    name: str = ""


def paper_form_context(form: PaperForm) -> dict[str, object]:
    return {"form": form, "brand_name": settings.BONDGENOOT_SITE_NAME}


def render_paper_form(form: PaperForm, *, template: str = PAPER_FORM_TEMPLATE) -> bytes:
    """The form as a tagged PDF (raises ``PdfUnavailable`` where WeasyPrint cannot run)."""
    return render_pdf(template, paper_form_context(form))
