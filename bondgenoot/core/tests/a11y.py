"""Shared by the accessibility browser tests: a resident with something of everything, the
Dutch texts of the site, logging in, and the measurements (focus ring, sideways scrolling).

The world is built through the services (as the demo is), so every page has real content:
an alliance with an organisation, journal entries (one edited, one milestone, one sensitive),
contributions both ways, an open invitation she made, an invitation for her from another
alliance, an organisation she coordinates (with a member and an open invitation), consents,
a notice, and a record of who looked at her sensitive entry.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from bondgenoot.alliances import services as alliance_services
from bondgenoot.alliances.models import ContributionKind, Party
from bondgenoot.alliances.tests.factories import AllianceFactory, PartyFactory
from bondgenoot.core.services import notify
from bondgenoot.people import services as people_services
from bondgenoot.people.models import Membership, MembershipRole, OrganisationKind, Visibility
from bondgenoot.people.tests.factories import MembershipFactory, share_everything_with
from bondgenoot.privacy import services as privacy_services
from bondgenoot.privacy.models import Purpose

if TYPE_CHECKING:
    from playwright.sync_api import Page

PASSWORD = "geheim-wachtwoord-123"  # the password of every account made by UserFactory
ALLIANCE = "Samen de post op orde"


def nl(msgid: str, **params: Any) -> str:
    """The text the site shows for ``msgid`` in Dutch."""
    with translation.override("nl"):
        text = gettext(msgid)
    return text % params if params else text


def ui(msgid: str, **params: Any) -> re.Pattern[str]:
    """Exactly that Dutch text, as a pattern for accessible names."""
    return re.compile(rf"^\s*{re.escape(nl(msgid, **params))}\s*$")


@dataclass
class World:
    amina: Any
    bas: Any
    alliance: Any
    amina_party: Any
    bas_party: Any
    entry: Any
    sensitive_entry: Any
    contribution: Any
    invitation: Any  # made by amina for her alliance, still open
    invitation_for_her: Any  # from another alliance, to her e-mail address
    invitation_for_her_secret: str
    own_org: Any  # coordinated by amina
    own_org_membership: Any  # bas, a member of her organisation
    own_org_invitation: Any
    other_org: Any  # coordinated by gijs, party of her alliance
    other_org_invitation_secret: str
    extra: dict[str, Any] = field(default_factory=dict)  # the apps' plugins (core/tests/suites.py)


def build_world(*, amina: Any, bas: Any, gijs: Any, eva: Any, alliance: Any, org: Any) -> World:
    """``alliance`` must already have amina and bas as parties and ``org`` (gijs's) as well."""
    people_services.profile_update(
        person=amina,
        by=amina,
        about="Ik woon al twintig jaar in de Vlinderbuurt.",
        strengths="Koken voor veel mensen en goed luisteren.",
        aspirations="Ik wil leren fietsen.",
        lived_experience="Ik had schulden bij de energieleverancier.",
        lived_experience_visibility=Visibility.ONLY_ME,
        tags="koken, wandelen",
        languages="Nederlands, Arabisch",
    )
    share_everything_with(bas, Visibility.ALLIES)
    mine = Party.objects.get(alliance=alliance, person=amina)
    his = Party.objects.get(alliance=alliance, person=bas)

    alliance_services.journal_entry_add(
        alliance=alliance,
        author=bas,
        what_happened="We hebben samen drie zakken post gesorteerd.",
        what_we_learned="Het lucht op om het samen te doen.",
        what_next="Volgende week bellen we samen.",
        occurred_on=datetime.date(2026, 2, 1),
    )
    entry = alliance_services.journal_entry_add(
        alliance=alliance,
        author=amina,
        what_happened="Eerste versie.",
        occurred_on=datetime.date(2026, 2, 8),
    )
    entry = alliance_services.journal_entry_edit(
        entry=entry,
        by=amina,
        expected_version=entry.version,
        what_happened="Het eerste telefoontje met de woningcorporatie zelf gedaan!",
        what_we_learned="Samen is het minder eng.",
        what_next="",
    )
    alliance_services.journal_entry_set_milestone(entry=entry, by=amina, is_milestone=True)
    sensitive = alliance_services.journal_entry_add(
        alliance=alliance,
        author=amina,
        what_happened="Brief van de deurwaarder gekregen.",
        occurred_on=datetime.date(2026, 2, 10),
        is_sensitive=True,
        sensitive_topics=["money"],
    )
    contribution = alliance_services.contribution_add(
        alliance=alliance,
        by=amina,
        giver=mine,
        receiver=his,
        kind=ContributionKind.KNOWLEDGE,
        description="Uitleg over de toeslagen",
        hours=Decimal("1.5"),
        given_on=datetime.date(2026, 2, 8),
    )
    alliance_services.contribution_add(
        alliance=alliance,
        by=bas,
        giver=his,
        receiver=mine,
        kind=ContributionKind.TIME,
        description="Mee naar het loket",
        hours=Decimal(2),
        given_on=datetime.date(2026, 2, 9),
    )
    invitation, _ = alliance_services.invitation_create(
        alliance=alliance, by=amina, email="nieuw@example.org", message="Kom je ook?"
    )

    walking = AllianceFactory(name="Wandelen op zondag", created_by=eva)
    PartyFactory(alliance=walking, person=eva, role="wandelaar")
    for_her, for_her_secret = alliance_services.invitation_create(
        alliance=walking, by=eva, email=amina.user.email, message="Loop je een keer mee?"
    )

    own_org = people_services.organisation_create(
        by=amina,
        name="Kookclub De Vlinder",
        kind=OrganisationKind.RESIDENT_INITIATIVE,
        description="Wij koken samen op woensdag.",
    )
    own_membership = MembershipFactory(organisation=own_org, person=bas, role=MembershipRole.MEMBER)
    own_org_invitation, _ = people_services.organisation_invitation_create(
        organisation=own_org, by=amina, email="kok@example.org"
    )
    _, other_secret = people_services.organisation_invitation_create(organisation=org, by=gijs)

    for purpose, given in (
        (Purpose.FINDABLE, True),
        (Purpose.QUOTE_IN_REPORT, True),
        (Purpose.CONTACT_BY_ORGANISATIONS, False),
    ):
        privacy_services.consent_set(person=amina, by=amina, purpose=purpose, given=given)
    notify(people=[amina], text="Bas heeft iets nieuws geschreven.", link="/")

    # Gijs, coordinator of a party, reads the alliance: "Wie keek er mee" has a record for her.
    reader = Client()
    reader.force_login(gijs.user)
    reader.get(reverse("alliances:detail", args=[alliance.pk]))
    reader.get(reverse("alliances:journal_entry", args=[alliance.pk, sensitive.pk]))

    assert Membership.objects.filter(organisation=own_org, person=amina).exists()
    return World(
        amina=amina,
        bas=bas,
        alliance=alliance,
        amina_party=mine,
        bas_party=his,
        entry=entry,
        sensitive_entry=sensitive,
        contribution=contribution,
        invitation=invitation,
        invitation_for_her=for_her,
        invitation_for_her_secret=for_her_secret,
        own_org=own_org,
        own_org_membership=own_membership,
        own_org_invitation=own_org_invitation,
        other_org=org,
        other_org_invitation_secret=other_secret,
    )


def log_in(page: Page, base_url: str, email: str, password: str = PASSWORD) -> None:
    """Log in through the form (pointer and fill: for tests that are not about the keyboard)."""
    from playwright.sync_api import expect

    page.goto(f"{base_url}{reverse('accounts:login')}")
    page.get_by_label(ui("E-mail address")).fill(email)
    page.get_by_label(ui("Password")).fill(password)
    page.get_by_role("main").get_by_role("button", name=ui("Log in")).click()
    expect(page.get_by_role("navigation").get_by_role("button", name=ui("Log out"))).to_be_visible()


def scroll_width(page: Page) -> tuple[int, int, list[str]]:
    """(document width, window width, the first elements that stick out on the right)."""
    return page.evaluate(
        """() => {
            const width = window.innerWidth;
            const wide = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > width + 1)
                .slice(0, 5)
                .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                     + (el.className && typeof el.className === 'string'
                        ? '.' + el.className.trim().split(/\\s+/).join('.') : ''));
            return [document.documentElement.scrollWidth, width, wide];
        }"""
    )


FOCUS_STYLE_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
        label: el.labels && el.labels.length ? el.labels[0].innerText.trim() : '',
        inMain: !!el.closest('main'),
        href: el.getAttribute('href'),
        outline: outline ? `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}` : '',
        shadow: shadow ? style.boxShadow : '',
        visible: box.width > 0 && box.height > 0,
        focusVisible: el.matches(':focus-visible'),
    };
}"""


def focused(page: Page) -> dict[str, Any]:
    """What has the keyboard focus now, and how it shows; fails when the focus is not visible."""
    info = page.evaluate(FOCUS_STYLE_JS)
    assert info is not None, f"nothing has the focus on {page.url}"
    assert info["visible"], f"the focused element is not on the screen: {info}"
    assert info["outline"] or info["shadow"], f"no visible focus indicator on {page.url}: {info}"
    return dict(info)
