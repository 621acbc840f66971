"""Helpers for the hostile-input suite (test_hostile_input.py): payloads, an HTML reader for
forms, links and error messages, and the checks every answer must pass."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import django
import polib
from django.conf import settings

# Payloads ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Payload:
    name: str
    value: str
    # Markup that must never appear literally in a page (the escaped form may).
    danger: tuple[str, ...] = ()
    # Sent as bytes the client cannot make from a str (e.g. a lone surrogate, invalid UTF-8).
    raw: bool = False

    def encoded(self) -> str:
        return quote_plus(self.value, errors="surrogatepass") if not self.raw else self.value


def _p(name: str, value: str, *danger: str) -> Payload:
    return Payload(name, value, danger)


XSS = [
    _p("xss-script", "<script>alert(1)</script>", "<script>alert(1)</script>"),
    _p("xss-attr", '"><img src=x onerror=alert(1)>', "<img src=x onerror=alert(1)>"),
    _p("xss-single-quote", "' onmouseover='alert(1)' x='"),
    _p("xss-js-url", "javascript:alert(1)"),
]
# Every XSS payload at once, in every field a person types in (see ALL_FIELDS in the test).
ALL_XSS = _p(
    "all-xss",
    "<script>alert(1)</script>\"><img src=x onerror=alert(1)><svg/onload=alert(1)>' javascript:x",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
)
SQL = [
    _p("sql-or-drop", "' OR 1=1; DROP TABLE people_person; --"),
    _p("sql-wildcards-backslashes", "100%_korting %% \\' \\\" \\\\ C:\\nieuw \\0"),
]
CONTROL = [
    _p("nul", "voor\x00na"),
    _p("escape-rtl-zero-width", "\x1b[31mrood\x1b[0m \x07\x7f \u202egnp.exe a\u200db\ufeffc"),
    _p("newlines", "regel\r\nSet-Cookie: x=1\r\n\r\n<b>"),
]
EMOJI = _p("emoji", "👩🏽‍🦱 🇳🇱 👨‍👩‍👧‍👦 😀 e\u0301\u0301 ﷽")
# A lone surrogate cannot be encoded as UTF-8 by any client: its (CESU) bytes are sent, next to
# invalid UTF-8.
SURROGATE = Payload("lone-surrogate-invalid-utf8", "a%ED%A0%80b%FF%FEc", raw=True)
LONG_10K = _p("long-10k", "lang " * 2000)
LONG_100K = _p("long-100k", "x" * 100_000)
HUGE_NUMBER = _p("huge-number", "9" * 40)
DATE_NONSENSE = _p("date-nonsense", "0000-00-00")

TEXT_PAYLOADS = [*XSS, *SQL, *CONTROL, EMOJI, SURROGATE, LONG_10K]
# Fields the person does not type in (choices, hidden values, dates, numbers): a subset.
CHOICE_PAYLOADS = [XSS[1], SQL[0], CONTROL[0], SURROGATE, HUGE_NUMBER]
DATE_PAYLOADS = [*CHOICE_PAYLOADS, DATE_NONSENSE, LONG_10K]
PASSWORD_PAYLOADS = [XSS[0], CONTROL[0], EMOJI, SURROGATE, LONG_10K]
# Query parameters: all parameters of a page at once.
QUERY_PAYLOADS = [*XSS, SQL[0], SQL[1], CONTROL[0], CONTROL[2], EMOJI, SURROGATE, LONG_10K]
ALL_DANGER = tuple(d for p in [*TEXT_PAYLOADS, ALL_XSS] for d in p.danger)

TEXT_TYPES = {"text", "email", "search", "textarea", "tel", "url"}


# Reading pages -------------------------------------------------------------------------------


@dataclass
class Control:
    tag: str  # input, textarea, select, button
    type: str
    name: str
    value: str = ""
    checked: bool = False
    options: list[tuple[str, bool]] = field(default_factory=list)
    id: str = ""


@dataclass
class Form:
    method: str
    action: str
    controls: list[Control] = field(default_factory=list)

    def names(self) -> frozenset[str]:
        return frozenset(c.name for c in self.controls if c.name and c.tag != "button")


@dataclass
class Page:
    forms: list[Form] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    field_errors: dict[str, list[str]] = field(default_factory=dict)  # element id -> texts
    alerts: list[str] = field(default_factory=list)  # error alerts: form and messages
    danger: list[str] = field(default_factory=list)  # script or handlers that came from input


class PageReader(HTMLParser):
    """Forms with their values, links, error texts, and markup that looks injected."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.form: Form | None = None
        self.control: Control | None = None  # an open textarea, select or option
        self.option: list[Any] | None = None
        self.capture: list[tuple[str, int, list[str], str]] = []  # (kind, depth, texts, id)
        self.depth = 0
        self.in_script = False

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        self.depth += 1
        for key, value in attrs.items():
            low = value.strip().lower()
            if key.startswith("on") and "alert(" in low:
                self.page.danger.append(f"<{tag} {key}={value[:60]}>")
            if key in {"href", "src", "action", "formaction", "xlink:href"} and low.startswith(
                "javascript:"
            ):
                self.page.danger.append(f"<{tag} {key}={value[:60]}>")
        if tag == "script":
            self.in_script = True
        if tag in {"svg", "img", "iframe", "object", "embed"} and any(
            k.startswith("on") for k in attrs
        ):
            self.page.danger.append(f"<{tag}> with an event handler")
        classes = attrs.get("class", "").split()
        if "utrecht-form-field-error-message" in classes:
            self.capture.append(("field", self.depth, [], attrs.get("id", "")))
        elif "utrecht-alert--error" in classes:
            self.capture.append(("alert", self.depth, [], ""))
        if tag == "form":
            self.form = Form(
                method=attrs.get("method", "get").lower(), action=attrs.get("action", "")
            )
            self.page.forms.append(self.form)
        elif tag == "a" and attrs.get("href"):
            self.page.links.append(attrs["href"])
        elif self.form is not None:
            if tag == "input":
                self.form.controls.append(
                    Control(
                        "input",
                        attrs.get("type", "text").lower(),
                        attrs.get("name", ""),
                        attrs.get("value", ""),
                        "checked" in attrs,
                        id=attrs.get("id", ""),
                    )
                )
            elif tag == "button" and attrs.get("name"):
                kind = attrs.get("type", "submit")
                self.form.controls.append(
                    Control("button", kind, attrs["name"], attrs.get("value", ""))
                )
            elif tag in {"textarea", "select"}:
                self.control = Control(tag, tag, attrs.get("name", ""), id=attrs.get("id", ""))
                self.form.controls.append(self.control)
            elif tag == "option" and self.control is not None:
                self.option = [attrs.get("value"), "selected" in attrs, ""]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.capture and self.capture[-1][1] == self.depth:
            kind, _depth, texts, ident = self.capture.pop()
            text = " ".join("".join(texts).split())
            if kind == "field":
                self.page.field_errors.setdefault(ident, []).append(text)
            else:
                self.page.alerts.append(text)
        self.depth -= 1
        if tag == "script":
            self.in_script = False
        if tag == "form":
            self.form = None
        elif tag == "option" and self.option is not None and self.control is not None:
            value = self.option[0] if self.option[0] is not None else self.option[2]
            self.control.options.append((value, self.option[1]))
            self.option = None
        elif tag in {"textarea", "select"}:
            self.control = None

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.page.danger.append(f"<script>{data[:60]}")
        for _kind, _depth, texts, _id in self.capture:
            texts.append(data)
        if self.option is not None:
            self.option[2] += data
        elif self.control is not None and self.control.tag == "textarea":
            self.control.value += data


def read_page(html: str) -> Page:
    reader = PageReader()
    reader.feed(html)
    reader.close()
    page = reader.page
    for form in page.forms:
        for control in form.controls:
            if control.tag == "textarea" and control.value.startswith("\n"):
                control.value = control.value[1:]  # the newline Django puts after <textarea>
    return page


def controls_by_name(form: Form) -> dict[str, Control]:
    return {c.name: c for c in form.controls if c.name}


# Dutch messages ------------------------------------------------------------------------------


def _pattern(msgid: str) -> str:
    parts = re.split(r"%\(\w+\)[sdr]|%[sdr]|\{\w*\}", msgid)
    return ".*?".join(re.escape(" ".join(p.split())) for p in parts)


@cache
def english_messages() -> re.Pattern[str]:
    """Every English message that has a Dutch translation, in Django's catalogues and ours: a
    text on a page that matches one of these was not translated."""
    root = Path(django.__file__).parent
    catalogues = [
        *root.glob("conf/locale/nl/LC_MESSAGES/django.po"),
        *root.glob("contrib/*/locale/nl/LC_MESSAGES/django.po"),
        *(Path(p) / "nl" / "LC_MESSAGES" / "django.po" for p in settings.LOCALE_PATHS),
    ]
    patterns = set()
    for path in catalogues:
        if not path.exists():
            continue
        for entry in polib.pofile(str(path)):
            for msgid, msgstr in [(entry.msgid, entry.msgstr), (entry.msgid_plural, "")]:
                translated = msgstr or next(iter(entry.msgstr_plural.values()), "")
                literal = re.sub(r"%\(\w+\)[sdr]|%[sdr]|\{\w*\}", "", msgid)
                if len(literal.strip()) >= 12 and " " in literal and translated != msgid:
                    patterns.add(_pattern(msgid))
    return re.compile("|".join(f"(?:{p})" for p in sorted(patterns)), re.IGNORECASE)


ENGLISH_WORDS = {"the", "please", "enter", "valid", "this", "field", "must", "ensure", "value"}
DUTCH_WORDS = {"de", "het", "een", "je", "niet", "van", "en", "dit", "deze", "vul", "kies", "is"}
KNOWN_ENGLISH = (
    "This field is required.",
    "Enter a valid",
    "Select a valid choice",
    "Ensure this value",
    "Null characters are not allowed.",
    "Enter a number.",
    "Enter a whole number.",
)


def not_dutch(text: str) -> bool:
    """True for a message that is (partly) still in English."""
    if any(known.lower() in text.lower() for known in KNOWN_ENGLISH):
        return True
    if english_messages().search(text):
        return True
    words = set(re.findall(r"[a-z]+", text.lower()))
    return len(words & ENGLISH_WORDS) >= 2 and not words & DUTCH_WORDS


# Checks --------------------------------------------------------------------------------------


def injected(body: str, page: Page) -> list[str]:
    """Payload markup that reached the page unescaped."""
    found = [d for d in ALL_DANGER if d in body]
    return found + page.danger


def normalise(value: str) -> str:
    return " ".join(value.replace("\r\n", "\n").split()).casefold()


def urlencode_pairs(pairs: list[tuple[str, str | Payload]]) -> str:
    out = []
    for name, value in pairs:
        encoded = value.encoded() if isinstance(value, Payload) else quote_plus(value)
        out.append(f"{quote_plus(name)}={encoded}")
    return "&".join(out)


def iter_errors(page: Page) -> Iterator[str]:
    for texts in page.field_errors.values():
        yield from texts
    yield from page.alerts
