"""The demo's stories of change, told through the services (``bondgenoot/demo/loader.py``).

Mostly in Wij in de Wijk (and the alliances it takes part in), so that its verantwoording has
stories to show; a few in De Open Deur and the buurtteam. Some stories were written down by an
ally and confirmed (one with a correction); one still waits for Amina (a demo login). Wij in de
Wijk held a team round with choices and reasons, and opened the next round for the whole
organisation from it.
"""

from dataclasses import dataclass
from typing import Any

from bondgenoot.people.models import Organisation

from . import services
from .models import Domain, RoundTier, Story, StoryUse

MEEDOEN = "Meedoen"
GELD = "Geld en bestaanszekerheid"
GEZONDHEID = "Gezondheid"
NETWERK = "Netwerk"
EIGEN_KRACHT = "Eigen kracht"


@dataclass(frozen=True)
class StorySpec:
    key: str
    teller: str
    days_ago: int
    title: str
    what_changed: str
    why_important: str
    domain: str | None
    use: str
    organisation: str | None = None  # where it was told: an organisation …
    alliance: str | None = None  # … or an alliance
    domain_of: str | None = None  # in an alliance with more organisations: whose domains
    written_by: str | None = None  # an ally wrote it down; the teller confirmed it
    correction: str | None = None  # what the teller changed in "what changed" when confirming
    confirmed: bool = True


STORIES: tuple[StorySpec, ...] = (
    StorySpec(
        key="amina_bewonersavond",
        teller="amina",
        organisation="wijindewijk",
        days_ago=120,
        title="Ik praat nu mee op de bewonersavond",
        what_changed=(
            "Vroeger zat ik achterin en zei ik niets. Nu zet ik zelf de stoelen klaar en vraag "
            "ik het woord. Vorige maand heb ik de zorgen van de Arabische moeders verteld."
        ),
        why_important=(
            "Omdat ik merk dat mijn stem telt. En omdat andere moeders nu ook durven te komen."
        ),
        domain=MEEDOEN,
        use=StoryUse.REPORT_ANONYMOUS,
    ),
    StorySpec(
        key="joyce_kledingruil",
        teller="joyce",
        organisation="wijindewijk",
        days_ago=95,
        title="De kinderen hebben een winterjas",
        what_changed=(
            "Ik hoefde dit jaar geen geld te lenen voor winterjassen. Bij de kledingruil vond ik "
            "er drie, en ik heb zelf de naaitafel overgenomen op zaterdag."
        ),
        why_important=(
            "Geld was altijd de grootste zorg. Nu houd ik iets over, en ik geef ook iets terug."
        ),
        domain=GELD,
        use=StoryUse.PUBLIC_NAMED,
    ),
    StorySpec(
        key="mohamed_moestuin",
        teller="mohamed",
        alliance="moestuin",
        days_ago=80,
        title="Ik ken mijn buren nu bij naam",
        what_changed=(
            "Vijf jaar woonde ik in de flat en kende ik niemand. Sinds de moestuin groet iedereen "
            "me, en de buurman van drie hoog helpt me met de brieven van de gemeente."
        ),
        why_important="Ik voel me thuis. Als er iets is, weet ik bij wie ik kan aankloppen.",
        domain=NETWERK,
        use=StoryUse.REPORT_ANONYMOUS,
    ),
    StorySpec(
        key="jamal_moestuin",
        teller="jamal",
        alliance="moestuin",
        written_by="henk",
        days_ago=70,
        title="Jamal leidt de oogstdag",
        what_changed=(
            "Jamal heeft de oogstdag helemaal zelf georganiseerd. Er kwamen veertig mensen."
        ),
        correction=(
            "Ik heb de oogstdag georganiseerd, samen met Dirk. Er kwamen veertig mensen, en ik "
            "heb een praatje gehouden. Dat had ik nog nooit gedaan."
        ),
        why_important=(
            "Omdat ik eerst dacht dat ik niets kon. Nu vragen mensen mij om raad over de tuin."
        ),
        domain=EIGEN_KRACHT,
        use=StoryUse.ORGANISATION,
    ),
    StorySpec(
        key="priya_buurtagenda",
        teller="priya",
        alliance="buurtagenda",
        days_ago=60,
        title="De gemeente luisterde naar ons lijstje",
        what_changed=(
            "Wij bewoners maakten zelf een lijst van wat belangrijk is in de buurt. De gemeente "
            "heeft twee punten overgenomen: betere verlichting en een bankje bij de bushalte."
        ),
        why_important=("Omdat het de eerste keer is dat ik zie dat meedenken echt iets verandert."),
        domain=MEEDOEN,
        domain_of="wijindewijk",
        use=StoryUse.PUBLIC_NAMED,
    ),
    StorySpec(
        key="dirk_moestuin",
        teller="dirk",
        alliance="moestuin",
        days_ago=50,
        title="Elke dag naar buiten",
        what_changed="Ik ga elke dag even naar de tuin. Mijn rug doet minder pijn.",
        why_important="Ik zat te veel binnen. Nu heb ik een reden om op te staan.",
        domain=GEZONDHEID,
        use=StoryUse.ALLIANCE,
    ),
    StorySpec(
        key="gerda_inloop",
        teller="gerda",
        organisation="inloop",
        days_ago=45,
        title="Koffie met iemand die het snapt",
        what_changed=(
            "Op dinsdag drink ik koffie in de inloop. Ik vertel over mijn post, en er is altijd "
            "iemand die het zelf heeft meegemaakt."
        ),
        why_important="Ik schaam me minder. Ik ben niet de enige.",
        domain=NETWERK,
        use=StoryUse.REPORT_ANONYMOUS,
    ),
    StorySpec(
        key="kevin_opnieuw",
        teller="kevin",
        alliance="opnieuw_beginnen",
        written_by="bas",
        days_ago=40,
        title="Een sleutel van mijn eigen huis",
        what_changed=(
            "Kevin heeft na twee jaar weer een eigen kamer. De groep ging mee naar de "
            "woningcorporatie."
        ),
        why_important=(
            "Kevin zegt: met een eigen deur kan ik weer plannen maken, in plaats van overleven."
        ),
        domain=EIGEN_KRACHT,
        use=StoryUse.PUBLIC_NAMED,
    ),
    StorySpec(
        key="fatma_moedergroep",
        teller="fatma",
        alliance="moedergroep",
        days_ago=30,
        title="Ik slaap weer",
        what_changed=(
            "In de moedergroep hoorde ik dat meer moeders niet slapen. We hebben tips gedeeld. "
            "Ik slaap nu vijf uur achter elkaar."
        ),
        why_important="Ik ben een rustiger moeder. Mijn dochter merkt het ook.",
        domain=GEZONDHEID,
        use=StoryUse.ORGANISATION,
    ),
    StorySpec(
        key="kevin_tandem",
        teller="kevin",
        alliance="tandem_kevin_jeroen",
        days_ago=20,
        title="Jeroen vraagt mij nu om raad",
        what_changed="Eerst hielp Jeroen mij. Nu vraagt hij mij hoe hij jongens kan bereiken.",
        why_important="Omdat mijn ervaring iets waard is.",
        domain=None,
        use=StoryUse.ALLIANCE,
    ),
    StorySpec(
        key="amina_post",
        teller="amina",
        alliance="post",
        written_by="bas",
        days_ago=10,
        title="Amina belde zelf de woningcorporatie",
        what_changed=(
            "Amina heeft voor het eerst zelf de woningcorporatie gebeld over de huurverhoging. "
            "Bas zat ernaast maar zei niets."
        ),
        why_important="Ze zei: ik dacht dat ik het niet kon, en ik kon het wel.",
        domain=None,
        use=StoryUse.ALLIANCE,
        confirmed=False,  # waits for Amina: she sees it when she logs in
    ),
)

# The team round of Wij in de Wijk: per domain the story chosen, and why.
ROUND_CHOICES: tuple[tuple[str, str, str], ...] = (
    (
        MEEDOEN,
        "amina_bewonersavond",
        "Dit verhaal laat zien waar het ons om gaat: van achterin zitten naar zelf het woord "
        "nemen. We twijfelden met het verhaal van Priya, maar dat van Amina gaat over een "
        "mens die verandert, en over de moeders die ze meeneemt.",
    ),
    (
        GELD,
        "joyce_kledingruil",
        "Geld is voor veel mensen hier de grootste zorg. Joyce laat zien dat je niet alleen "
        "ontvangt: ze draait nu zelf de naaitafel.",
    ),
    (
        NETWERK,
        "mohamed_moestuin",
        "Vijf jaar niemand kennen en dan ineens bij naam gegroet worden. Iedereen in de groep "
        "herkende dit. Het netwerk is het begin van al het andere.",
    ),
    (
        EIGEN_KRACHT,
        "jamal_moestuin",
        "Jamal verbeterde zelf wat Henk had opgeschreven: hij deed het samen met Dirk. Dat "
        "vonden we misschien nog wel het mooiste.",
    ),
)


def _where(demo: Any, spec: StorySpec) -> dict[str, Any]:
    if spec.organisation is not None:
        return {"organisation": demo.organisations[spec.organisation], "alliance": None}
    return {"organisation": None, "alliance": demo.alliances[spec.alliance]}


def _domain(demo: Any, spec: StorySpec, where: dict[str, Any]) -> Domain | None:
    if spec.domain is None:
        return None
    domains = Domain.objects.filter(name=spec.domain)
    organisation: Organisation | None = where["organisation"]
    if spec.domain_of is not None:
        organisation = demo.organisations[spec.domain_of]
    if organisation is not None:
        return domains.get(organisation=organisation)
    return domains.get(
        organisation__parties__alliance=where["alliance"],
        organisation__parties__left_on__isnull=True,
    )


def _story(demo: Any, spec: StorySpec) -> Story:
    where = _where(demo, spec)
    teller = demo.people[spec.teller]
    domain = _domain(demo, spec, where)
    told_on = demo.day(spec.days_ago)
    if spec.written_by is None:
        return services.story_tell(
            by=teller,
            title=spec.title,
            what_changed=spec.what_changed,
            why_important=spec.why_important,
            domain=domain,
            use=spec.use,
            told_on=told_on,
            **where,
        )
    story = services.story_write_down(
        by=demo.people[spec.written_by],
        storyteller=teller,
        title=spec.title,
        what_changed=spec.what_changed,
        why_important=spec.why_important,
        domain=domain,
        told_on=told_on,
        **where,
    )
    if spec.confirmed:
        story = services.story_confirm(
            story=story,
            by=teller,
            title=spec.title,
            what_changed=spec.correction or spec.what_changed,
            why_important=spec.why_important,
            use=spec.use,
            domain=domain,
        )
    return story


def load(demo: Any) -> None:
    for key in ("wijindewijk", "inloop", "buurtteam", "welzijn", "werkplaats", "gemeente"):
        services.domains_ensure_defaults(organisation=demo.organisations[key])
    stories = {spec.key: _story(demo, spec) for spec in STORIES}

    wijk = demo.organisations["wijindewijk"]
    henk, layla = demo.people["henk"], demo.people["layla"]
    team_round = services.round_open(
        organisation=wijk,
        by=henk,
        title="Verhalen van het voorjaar",
        tier=RoundTier.TEAM,
        period_start=demo.day(180),
        period_end=demo.day(30),
    )
    for domain_name, key, reasons in ROUND_CHOICES:
        services.round_choose(
            selection_round=team_round,
            by=henk,
            domain=Domain.objects.get(organisation=wijk, name=domain_name),
            story=stories[key],
            reasons=reasons,
        )
    services.round_note(
        selection_round=team_round,
        by=layla,
        story=stories["priya_buurtagenda"],
        text="Dit raakt me omdat we er zo lang voor hebben gepraat met de gemeente.",
    )
    services.round_close(selection_round=team_round, by=henk)
    services.round_open(
        organisation=wijk,
        by=layla,
        title="Verhalen van het voorjaar: de hele beweging kiest",
        tier=RoundTier.ORGANISATION,
        previous_round=team_round,
    )
