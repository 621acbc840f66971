"""The demo neighbourhood: plain data, no logic. ``loader.py`` turns it into records via services.

Everything here is fictional and invented: the city of Lindendaal, its three neighbourhoods,
the people, organisations and alliances. People describe themselves in their own words; no
field labels anyone.

Dates are given as "days ago" and are counted back from the day the demo is loaded, so the
demo always looks alive. A party in an alliance is named by the key of a person ("amina") or,
with an ``@`` in front, by the key of an organisation ("@inloop").
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from bondgenoot.alliances.models import AllianceStatus, SensitiveTopic
from bondgenoot.alliances.models import ContributionKind as Kind
from bondgenoot.people.models import Capacity, OrganisationKind
from bondgenoot.people.models import Visibility as V
from bondgenoot.privacy.models import Purpose

MUNICIPALITY = "Lindendaal"

# ------------------------------------------------------------------------------------------
# Specs


@dataclass(frozen=True)
class PersonSpec:
    key: str
    name: str
    neighbourhood: str | None
    about: str
    strengths: str
    aspirations: str
    lived_experience: str
    limits: str
    capacity: str
    capacity_note: str
    languages: tuple[str, ...]
    tags: tuple[str, ...]
    # Per profile field (about, strengths, …, tags) who may see it; unnamed fields: allies.
    visibility: Mapping[str, str] = field(default_factory=dict)

    @property
    def email(self) -> str:
        return f"{self.key}@example.org"


@dataclass(frozen=True)
class OrganisationSpec:
    key: str
    name: str
    kind: str
    neighbourhood: str | None
    description: str
    coordinators: tuple[str, ...]  # the first one starts the organisation
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class JoinSpec:
    """A person joins by an invitation (sent to their e-mail address) and accepts it."""

    person: str
    invited_by: str
    days_ago: int
    role: str


@dataclass(frozen=True)
class OrganisationJoinSpec:
    """A coordinator who is already a party adds their organisation as a party."""

    organisation: str
    by: str
    role: str


@dataclass(frozen=True)
class EditSpec:
    """The author later changes the entry; the first text stays as an earlier version."""

    what_happened: str
    what_we_learned: str
    what_next: str


@dataclass(frozen=True)
class EntrySpec:
    author: str
    days_ago: int
    what_happened: str
    what_we_learned: str = ""
    what_next: str = ""
    milestone: bool = False  # marked as milestone by the author while writing
    milestone_marked_by: str | None = None  # marked afterwards by another party
    edit: EditSpec | None = None
    # Marked as sensitive by its author, with these topics (SensitiveTopic values).
    sensitive_topics: tuple[str, ...] = ()
    # Other parties who opened the entry afterwards: their looks show on the author's
    # "Wie keek er mee" page.
    read_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContributionSpec:
    giver: str
    receiver: str
    kind: str
    description: str
    days_ago: int
    recorded_by: str
    hours: Decimal | None = None
    euros: Decimal | None = None


@dataclass(frozen=True)
class InvitationSpec:
    """An invitation by link. Without ``email`` it is an open link anyone may use."""

    by: str
    message: str
    email_of: str | None = None
    declined: bool = False


@dataclass(frozen=True)
class AllianceSpec:
    key: str
    name: str
    intention: str
    way_of_working: str
    started_days_ago: int
    starter: str
    starter_role: str
    organisation: str | None = None  # started together with this organisation (coordinator)
    organisation_role: str = ""
    joins: tuple[JoinSpec, ...] = ()
    organisation_joins: tuple[OrganisationJoinSpec, ...] = ()
    entries: tuple[EntrySpec, ...] = ()
    contributions: tuple[ContributionSpec, ...] = ()
    invitations: tuple[InvitationSpec, ...] = ()
    status: str = AllianceStatus.ONGOING
    status_set_by: str | None = None
    ended_days_ago: int | None = None


@dataclass(frozen=True)
class DemoLogin:
    person: str
    name: str
    email: str
    try_this: str


# ------------------------------------------------------------------------------------------
# Places

VLINDERBUURT = "De Vlinderbuurt"
RIVIERKWARTIER = "Het Rivierkwartier"
BLOEMENHOF = "De Bloemenhof"

NEIGHBOURHOODS: tuple[str, ...] = (VLINDERBUURT, RIVIERKWARTIER, BLOEMENHOF)

# Visibility presets, for readability below.
OPEN = {
    "about": V.MEMBERS,
    "strengths": V.MEMBERS,
    "aspirations": V.MEMBERS,
    "lived_experience": V.MEMBERS,
    "limits": V.MEMBERS,
    "capacity": V.MEMBERS,
    "languages": V.MEMBERS,
    "tags": V.MEMBERS,
}
SHOW_BASICS = {
    "about": V.MEMBERS,
    "strengths": V.MEMBERS,
    "languages": V.MEMBERS,
    "tags": V.MEMBERS,
    "capacity": V.MEMBERS,
}


def _with(preset: Mapping[str, str], **changes: str) -> dict[str, str]:
    return {**preset, **changes}


# ------------------------------------------------------------------------------------------
# People (30), in their own words

PEOPLE: tuple[PersonSpec, ...] = (
    PersonSpec(
        key="amina",
        name="Amina Benali",
        neighbourhood=VLINDERBUURT,
        about=(
            "Ik ben Amina. Ik woon al twaalf jaar in de Vlinderbuurt, met mijn drie kinderen. "
            "Ik ben graag onder de mensen en mijn deur staat altijd open voor de buren."
        ),
        strengths=(
            "Koken voor veel mensen tegelijk. Ik spreek Arabisch en Frans, dus ik help buren "
            "vaak met vertalen bij de dokter of op school. Ik kan goed luisteren."
        ),
        aspirations=(
            "Ik wil mijn post en papieren zelf leren regelen. En ik wil graag werken in de "
            "kinderopvang. Daarvoor wil ik een diploma halen."
        ),
        lived_experience=(
            "Toen ik net in Nederland was, begreep ik de brieven niet. Ik heb een tijd niet "
            "durven openmaken wat er binnenkwam. Ik weet hoe zwaar dat is, en hoe fijn het is "
            "als iemand naast je komt zitten."
        ),
        limits=(
            "Op woensdagmiddag en in het weekend ben ik er voor mijn kinderen. "
            "Ik leen geen geld uit."
        ),
        capacity=Capacity.SOME,
        capacity_note="Ongeveer twee ochtenden per week, als de kinderen op school zijn.",
        languages=("Nederlands", "Arabisch", "Frans"),
        tags=("koken", "vertalen", "moeder van drie", "Vlinderbuurt"),
        visibility=SHOW_BASICS,
    ),
    PersonSpec(
        key="bas",
        name="Bas Hoekstra",
        neighbourhood=VLINDERBUURT,
        about=(
            "Ik ben Bas, 52 jaar. Ik heb Inloop De Open Deur opgezet in het oude winkeltje op "
            "de hoek. Elke dinsdag en donderdag staat de koffie klaar."
        ),
        strengths=(
            "Ordenen, rustig blijven, brieven lezen en uitleggen. Ik weet de weg bij "
            "instanties en ik durf te bellen met lastige loketten."
        ),
        aspirations=(
            "Ik wil dat de inloop blijft bestaan zonder dat alles op mij leunt. "
            "Ik wil leren om nieuwe vrijwilligers op te leiden."
        ),
        lived_experience=(
            "Ik heb jaren schulden gehad. Er stonden drie vuilniszakken met ongeopende post in "
            "mijn gang. Een maatschappelijk werker ging naast me zitten en sorteerde met mij "
            "mee. Daardoor kon ik er zelf weer uitkomen. Dat wil ik nu voor anderen doen."
        ),
        limits=(
            "Ik ben geen schuldhulpverlener en ik beheer geen geld van anderen. "
            "Na zes uur 's avonds neem ik de telefoon niet meer op."
        ),
        capacity=Capacity.AVAILABLE,
        capacity_note="Dinsdag en donderdag in de inloop, verder op afspraak.",
        languages=("Nederlands", "Engels"),
        tags=("post sorteren", "inloop", "ervaringsdeskundige", "koffie"),
        visibility=OPEN,
    ),
    PersonSpec(
        key="sanne",
        name="Sanne de Wit",
        neighbourhood=VLINDERBUURT,
        about=(
            "Ik werk als maatschappelijk werker en coördinator bij het Buurtteam Vlinderbuurt. "
            "Ik woon zelf ook in de buurt, twee straten verderop."
        ),
        strengths=(
            "Mensen en organisaties met elkaar verbinden. Ik weet veel over regelingen en ik "
            "durf dingen anders te doen als de regels niet passen."
        ),
        aspirations=(
            "Ik wil dat ons buurtteam meer samen doet met bewoners en ervaringsdeskundigen, "
            "en minder vanachter het bureau."
        ),
        lived_experience=(
            "Ik ben jaren mantelzorger geweest voor mijn vader. Ik weet hoe moe je kunt zijn."
        ),
        limits=(
            "Ik kan niet beslissen over uitkeringen; dat doet de gemeente. Op vrijdag werk ik niet."
        ),
        capacity=Capacity.SOME,
        capacity_note="Maandag tot en met donderdag.",
        languages=("Nederlands", "Engels", "Duits"),
        tags=("buurtteam", "regelingen", "verbinden"),
        visibility=_with(SHOW_BASICS, limits=V.MEMBERS),
    ),
    PersonSpec(
        key="noor",
        name="Noor Visser",
        neighbourhood=VLINDERBUURT,
        about=(
            "Ik ben Noor en ik woon sinds twee maanden in de Vlinderbuurt. Ik ken hier nog bijna "
            "niemand."
        ),
        strengths=(
            "Tuinieren, naaien en planten kweken uit stekjes. Ik ben handig met kleren vermaken."
        ),
        aspirations=(
            "Ik wil mensen leren kennen in de buurt. Misschien kan ik meehelpen in een moestuin "
            "of bij een kledingruil."
        ),
        lived_experience=(
            "Ik ben verhuisd na een scheiding. Opnieuw beginnen in een nieuwe buurt is best "
            "spannend."
        ),
        limits="Grote groepen vind ik in het begin lastig. Eén op één vind ik fijner.",
        capacity=Capacity.AVAILABLE,
        capacity_note="Ik heb veel tijd, vooral overdag.",
        languages=("Nederlands", "Engels"),
        tags=("tuinieren", "naaien", "nieuw in de buurt", "stekjes"),
        visibility=_with(SHOW_BASICS, aspirations=V.MEMBERS, lived_experience=V.ONLY_ME),
    ),
    PersonSpec(
        key="jeroen",
        name="Jeroen Bakker",
        neighbourhood=RIVIERKWARTIER,
        about=(
            "Ik ben Jeroen, maatschappelijk werker bij het Buurtteam Vlinderbuurt. Ik fiets "
            "elke dag door de buurt en maak graag een praatje."
        ),
        strengths=(
            "Ik ken de regels rond schulden, huur en toeslagen. Ik kan rustig uitleggen wat er "
            "in een brief staat."
        ),
        aspirations=(
            "Ik wil leren om minder vanuit mijn vak en meer vanuit de relatie te werken. "
            "Mijn tandem met Kevin helpt mij daarbij."
        ),
        lived_experience="",
        limits="Ik werk vier dagen. 's Nachts ben ik niet bereikbaar.",
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Nederlands", "Engels"),
        tags=("fietsen", "schulden", "buurtteam"),
        visibility=OPEN,
    ),
    PersonSpec(
        key="kevin",
        name="Kevin Martina",
        neighbourhood=VLINDERBUURT,
        about=(
            "Ik ben Kevin. Ik ben opgegroeid op Curaçao en woon sinds mijn twaalfde in de "
            "Vlinderbuurt. Ik werk als ervaringsdeskundige bij het buurtteam."
        ),
        strengths=(
            "Contact maken met mensen die niemand meer vertrouwen. Ik praat op straat, op het "
            "pleintje, bij de snackbar. Ik geef eerlijk antwoord."
        ),
        aspirations=(
            "Ik wil mijn opleiding ervaringsdeskundigheid afmaken. En ik wil een "
            "voetbaltoernooi organiseren voor jongens uit de buurt."
        ),
        lived_experience=(
            "Ik heb vier jaar vastgezeten. Toen ik vrijkwam, had ik geen huis, geen werk en "
            "geen vertrouwen meer in hulpverleners. Een vrouw van de reclassering bleef gewoon "
            "komen, ook als ik niet opendeed. Door haar ben ik gaan geloven dat ik iets kan."
        ),
        limits=(
            "Ik ga niet mee als het alleen om controle gaat. Ik vertel mijn verhaal alleen als "
            "ik dat zelf wil."
        ),
        capacity=Capacity.AVAILABLE,
        capacity_note="",
        languages=("Nederlands", "Papiaments", "Engels", "Spaans"),
        tags=("voetbal", "ervaringsdeskundige", "straatwerk", "Curaçao"),
        visibility=SHOW_BASICS,
    ),
    PersonSpec(
        key="fatma",
        name="Fatma Yıldız",  # noqa: RUF001 - Turkish spelling
        neighbourhood=RIVIERKWARTIER,
        about=(
            "Ik ben Fatma. Ik werk bij het buurtteam met gezinnen en ik heb zelf drie tieners "
            "thuis."
        ),
        strengths=(
            "Ouders steunen zonder te oordelen. Ik spreek Turks en ik ken veel moeders in de buurt."
        ),
        aspirations=(
            "Ik wil een vaste moedergroep waar ouders elkaar helpen, zonder dat het een "
            "cursus wordt."
        ),
        lived_experience=(
            "Mijn ouders kwamen als gastarbeiders naar Nederland. Als kind vertaalde ik vaak "
            "voor hen bij instanties."
        ),
        limits=(
            "Ik doe niets achter iemands rug om. Als ik me zorgen maak, zeg ik dat eerst tegen jou."
        ),
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Nederlands", "Turks", "Engels"),
        tags=("ouders", "opvoeden", "moedergroep"),
        visibility=_with(SHOW_BASICS, limits=V.MEMBERS),
    ),
    PersonSpec(
        key="esra",
        name="Esra Demir",
        neighbourhood=RIVIERKWARTIER,
        about=(
            "Ik ben coördinator bij Werkcoöperatie De Werkplaats. Wij helpen buurtbewoners op "
            "weg naar werk, samen met ervaringsdeskundigen uit de wijk."
        ),
        strengths=(
            "Netwerken met werkgevers. Ik zie snel wat iemand wél kan en zoek daar een plek bij."
        ),
        aspirations=(
            "Ik wil dat de gemeente ons vertrouwt om het op onze manier te doen, zonder "
            "stapels formulieren."
        ),
        lived_experience=(
            "Na mijn studie heb ik twee jaar in de bijstand gezeten. Ik weet hoe het voelt als "
            "niemand je cv leest."
        ),
        limits="Ik kan geen baan beloven. Ik kan wel deuren openen.",
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Nederlands", "Turks", "Engels"),
        tags=("werk", "coöperatie", "werkgevers", "talent"),
        visibility=SHOW_BASICS,
    ),
    PersonSpec(
        key="ricardo",
        name="Ricardo Pinas",
        neighbourhood=BLOEMENHOF,
        about="Ik ben Ricardo, vader van twee. Ik werk als ervaringsdeskundige bij De Werkplaats.",
        strengths=(
            "Mensen motiveren, grappen maken, Surinaams koken. Ik ken de Bloemenhof als mijn "
            "broekzak."
        ),
        aspirations=(
            "Ik wil laten zien dat je na lang thuiszitten weer kunt meedoen. En ooit wil ik "
            "mijn eigen cateringbedrijf."
        ),
        lived_experience=(
            "Ik heb tien jaar niet gewerkt. Ik voelde me nutteloos en schaamde me op "
            "verjaardagen. Via vrijwilligerswerk in een buurtkeuken kwam ik weer in beweging."
        ),
        limits=(
            "Ik ben geen coach met een diploma. Ik praat niet over andermans zaken met de gemeente."
        ),
        capacity=Capacity.AVAILABLE,
        capacity_note="",
        languages=("Nederlands", "Sranantongo", "Engels"),
        tags=("koken", "Suriname", "werk", "motiveren"),
        visibility=OPEN,
    ),
    PersonSpec(
        key="marieke",
        name="Marieke Smit",
        neighbourhood=RIVIERKWARTIER,
        about="Ik ben jobcoach bij De Werkplaats. Daarvoor werkte ik twintig jaar in de zorg.",
        strengths="Geduld, een cv maken, gesprekken met werkgevers voorbereiden.",
        aspirations=(
            "Ik wil beter leren luisteren naar wat mensen zelf willen, in plaats van meteen "
            "een plan te maken."
        ),
        lived_experience="",
        limits="Ik help niet met geldzaken. Daarvoor verwijs ik naar de inloop of het buurtteam.",
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Nederlands", "Engels"),
        tags=("jobcoach", "solliciteren", "zorg"),
        visibility={},
    ),
    PersonSpec(
        key="henk",
        name="Henk Mulder",
        neighbourhood=VLINDERBUURT,
        about=(
            "Ik ben Henk, 68 jaar, en ik woon al veertig jaar in de Vlinderbuurt. Ik ben een "
            "van de trekkers van Bewonersbeweging Wij in de Wijk."
        ),
        strengths=(
            "Vergaderingen leiden zonder dat het saai wordt, brieven schrijven aan de gemeente, "
            "klussen met hout."
        ),
        aspirations=(
            "Ik wil dat bewoners zelf bepalen wat er in de buurt gebeurt. En ik wil de "
            "moestuin nog mooier maken."
        ),
        lived_experience=(
            "Tien jaar geleden ben ik mijn vrouw verloren. De buurt heeft mij toen opgevangen."
        ),
        limits=(
            "Ik zit niet in commissies van de gemeente; ik blijf aan de kant van de bewoners. "
            "Mijn knieën willen niet meer zo ver lopen."
        ),
        capacity=Capacity.AVAILABLE,
        capacity_note="",
        languages=("Nederlands",),
        tags=("moestuin", "houtbewerking", "buurtagenda", "Vlinderbuurt"),
        visibility=SHOW_BASICS,
    ),
    PersonSpec(
        key="layla",
        name="Layla Haddad",
        neighbourhood=BLOEMENHOF,
        about=(
            "Ik ben Layla. Ik woon in de Bloemenhof en ik ben trekker bij Wij in de Wijk. "
            "Overdag werk ik in een apotheek."
        ),
        strengths=(
            "Plannen, mensen aanspreken op het schoolplein, een kas bijhouden. "
            "Ik maak goede verslagen."
        ),
        aspirations=(
            "Ik wil leren hoe je met de gemeente praat als gelijke, niet als iemand die om "
            "geld vraagt."
        ),
        lived_experience=(
            "Ik ben opgegroeid in armoede. Mijn moeder had twee banen en toch was er aan het "
            "eind van de maand niets meer."
        ),
        limits="Op zondag doe ik niets, dan is het familiedag.",
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Nederlands", "Arabisch", "Engels"),
        tags=("armoede", "plannen", "buurtagenda", "verslagen"),
        visibility=OPEN,
    ),
    PersonSpec(
        key="ingrid",
        name="Ingrid Vermeulen",
        neighbourhood=None,
        about=(
            "Ik ben programmamanager sociaal domein bij de gemeente Lindendaal. "
            "Ik werk aan het programma Samen in de Wijk."
        ),
        strengths=(
            "De weg weten binnen de gemeente, regels uitleggen en soms oprekken, geld "
            "vrijmaken voor initiatieven."
        ),
        aspirations=(
            "Ik wil leren om dingen te laten ontstaan, in plaats van alles vooraf vast te "
            "leggen. Ik zoek bondgenoten, ook binnen de gemeente zelf."
        ),
        lived_experience="",
        limits=(
            "Ik kan niets beloven over uitkeringen of vergunningen van één persoon. "
            "'s Avonds ben ik er alleen bij buurtavonden."
        ),
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Nederlands", "Engels"),
        tags=("gemeente", "samen doen", "Samen in de Wijk"),
        visibility=SHOW_BASICS,
    ),
    PersonSpec(
        key="mirjam",
        name="Mirjam de Boer",
        neighbourhood=RIVIERKWARTIER,
        about=(
            "Ik ben participatiecoach bij de gemeente. Ik spreek mensen met een uitkering en "
            "zoek samen met hen naar wat ze kunnen en willen."
        ),
        strengths=(
            "Kijken naar mogelijkheden, goede contacten met het buurthuis en met "
            "vrijwilligerswerk, veel geduld."
        ),
        aspirations=(
            "Ik wil mensen eerst een plek zien vinden waar ze zich thuis voelen. Pas daarna "
            "praten we over werk."
        ),
        lived_experience="",
        limits=(
            "Ik kan de regels van de uitkering niet veranderen. Wel kan ik meedenken en uitleggen."
        ),
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Nederlands", "Engels"),
        tags=("meedoen", "buurthuis", "participatie"),
        visibility=SHOW_BASICS,
    ),
    PersonSpec(
        key="peter",
        name="Peter Kok",
        neighbourhood=RIVIERKWARTIER,
        about=(
            "Ik ben opbouwwerker bij Welzijn Lindendaal. Ik help bewoners hun eigen plannen waar "
            "te maken."
        ),
        strengths="Ruimtes regelen, subsidies aanvragen, mensen bij elkaar brengen.",
        aspirations=(
            "Ik wil dat bewonersinitiatieven hun verhaal kunnen vertellen, in plaats van "
            "alleen cijfers te moeten leveren."
        ),
        lived_experience=(
            "Mijn broer leeft met een psychische kwetsbaarheid. Ik zie hoe belangrijk een "
            "vaste plek en vaste mensen zijn."
        ),
        limits="Ik neem een initiatief niet over. Wat bewoners willen, dragen zij ook zelf.",
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Nederlands", "Engels"),
        tags=("opbouwwerk", "buurthuis", "subsidie"),
        visibility=_with(SHOW_BASICS, lived_experience=V.ONLY_ME),
    ),
    PersonSpec(
        key="anouk",
        name="Anouk Peters",
        neighbourhood=VLINDERBUURT,
        about=(
            "Ik ben jongerenwerker bij Welzijn Lindendaal. Je vindt mij vaak in buurthuis "
            "De Linde of op het basketbalveld."
        ),
        strengths="Jongeren serieus nemen, muziek, sport, snel de juiste persoon vinden.",
        aspirations="Ik wil een kleine studio in het buurthuis, waar jongeren zelf muziek maken.",
        lived_experience="",
        limits="Ik ben er niet voor ouders die willen dat ik hun kind controleer.",
        capacity=Capacity.AVAILABLE,
        capacity_note="",
        languages=("Nederlands", "Engels"),
        tags=("jongeren", "muziek", "basketbal"),
        visibility=OPEN,
    ),
    PersonSpec(
        key="gerda",
        name="Gerda Schouten",
        neighbourhood=VLINDERBUURT,
        about=(
            "Ik ben Gerda, 71 jaar, oud-verpleegkundige. Ik schenk koffie in de inloop en ik "
            "kook graag mee in de buurtkeuken."
        ),
        strengths="Luisteren, soep maken, mensen op hun gemak stellen.",
        aspirations=(
            "Ik wil blijven meedoen zolang het kan. En ik wil leren videobellen met mijn "
            "kleinkinderen in Canada."
        ),
        lived_experience=(
            "Na mijn pensioen viel ik in een zwart gat. Vrijwilligerswerk heeft mij eruit gehaald."
        ),
        limits=(
            "Ik til niets zwaars meer. Nachtdiensten doe ik niet meer, die heb ik genoeg gedaan."
        ),
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Nederlands", "Duits"),
        tags=("koffie", "soep", "luisteren"),
        visibility=SHOW_BASICS,
    ),
    PersonSpec(
        key="tomasz",
        name="Tomasz Nowicki",
        neighbourhood=VLINDERBUURT,
        about=(
            "Ik ben Tomasz. Ik kom uit Polen en ik werk in de bouw. Op zaterdag help ik in de "
            "inloop met kleine klussen."
        ),
        strengths=(
            "Repareren, tegels zetten, fietsen maken. Ik help Poolse buren met Nederlandse brieven."
        ),
        aspirations="Ik wil beter Nederlands spreken, zodat ik voorman kan worden.",
        lived_experience="",
        limits="Door de week werk ik tot laat. Alleen op zaterdag.",
        capacity=Capacity.SOME,
        capacity_note="Alleen op zaterdag.",
        languages=("Pools", "Nederlands", "Engels"),
        tags=("klussen", "Pools", "fietsen"),
        visibility=SHOW_BASICS,
    ),
    PersonSpec(
        key="joyce",
        name="Joyce Wijngaarde",
        neighbourhood=BLOEMENHOF,
        about=(
            "Ik ben Joyce, moeder van twee dochters. Ik woon in de Bloemenhof en ik zit nooit stil."
        ),
        strengths=(
            "Haren vlechten, feesten organiseren, mensen aan het lachen maken. Als ik iets "
            "regel, komt iedereen."
        ),
        aspirations=(
            "Ik wil een eigen kapsalon aan huis beginnen. En ik wil dat mijn meiden zien dat "
            "hun moeder iets opbouwt."
        ),
        lived_experience=(
            "Ik heb een tijd met mijn twee kinderen in de opvang gewoond. Ik weet hoe het is "
            "als niemand je terugbelt."
        ),
        limits="Ik heb geen auto, dus ver rijden gaat niet. Als de meiden ziek zijn, doe ik niets.",
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Nederlands", "Sranantongo", "Engels"),
        tags=("vlechten", "feesten", "moeder", "Bloemenhof"),
        visibility=_with(SHOW_BASICS, aspirations=V.MEMBERS),
    ),
    PersonSpec(
        key="mohamed",
        name="Mohamed Ouali",
        neighbourhood=VLINDERBUURT,
        about=(
            "Ik ben Mohamed, 64 jaar. Ik woon al heel lang in de Vlinderbuurt. Vroeger werkte "
            "ik in de fabriek, nu ben ik met pensioen."
        ),
        strengths=(
            "Fietsen repareren, groente kweken, thee zetten voor iedereen. Ik ken de oudere "
            "mannen van de moskee."
        ),
        aspirations="Ik wil jonge jongens leren fietsen repareren, zodat ze een vak hebben.",
        lived_experience="",
        limits="Ik lees Nederlands niet zo goed. Vraag me liever iets dan dat je een brief stuurt.",
        capacity=Capacity.AVAILABLE,
        capacity_note="",
        languages=("Arabisch", "Tamazight", "Nederlands"),
        tags=("fietsen", "moestuin", "thee"),
        visibility=_with(SHOW_BASICS, limits=V.MEMBERS),
    ),
    PersonSpec(
        key="sevda",
        name="Sevda Kaya",
        neighbourhood=RIVIERKWARTIER,
        about="Ik ben Sevda. Ik woon in het Rivierkwartier met mijn man en mijn moeder.",
        strengths="Naaien, patronen maken, gordijnen op maat. Ik kan anderen goed leren naaien.",
        aspirations=(
            "Later wil ik een naaiatelier in de buurt, waar vrouwen samen werken en iets verdienen."
        ),
        lived_experience=(
            "Ik zorg elke dag voor mijn moeder. Mantelzorg is mooi, maar je verdwijnt er soms "
            "zelf in."
        ),
        limits=(
            "Op dit moment heb ik geen ruimte voor nieuwe dingen. Vraag het me over een paar "
            "maanden weer."
        ),
        capacity=Capacity.NOT_NOW,
        capacity_note="Mijn moeder heeft nu veel zorg nodig.",
        languages=("Turks", "Nederlands"),
        tags=("naaien", "mantelzorg", "patronen"),
        visibility=_with(SHOW_BASICS, limits=V.MEMBERS),
    ),
    PersonSpec(
        key="dirk",
        name="Dirk van Leeuwen",
        neighbourhood=VLINDERBUURT,
        about=(
            "Ik ben Dirk. Ik woon alleen, op drie hoog, met uitzicht op de vijver. "
            "Ik kijk graag naar vogels."
        ),
        strengths=(
            "Vogelhuisjes maken, geduld, kleine houtklusjes. Ik weet veel over vogels in de stad."
        ),
        aspirations="Ik wil vaker de deur uit en iets met mijn handen doen, samen met anderen.",
        lived_experience=(
            "Na mijn ontslag ben ik een paar jaar nauwelijks buiten geweest. Een buurman nam "
            "me mee naar de moestuin. Dat was het begin."
        ),
        limits=(
            "Niet meer dan vijf mensen tegelijk, anders word ik onrustig. Ik bel liever niet; "
            "stuur maar een berichtje."
        ),
        capacity=Capacity.SOME,
        capacity_note="Het liefst op rustige momenten.",
        languages=("Nederlands",),
        tags=("vogels", "houtwerk", "moestuin"),
        visibility={"lived_experience": V.ONLY_ME, "limits": V.ALLIES},
    ),
    PersonSpec(
        key="ruth",
        name="Ruth Brouwer",
        neighbourhood=BLOEMENHOF,
        about=(
            "Ik ben Ruth, juf met pensioen. Ik ben taalmaatje en ik heb het taalcafé in de "
            "Bloemenhof opgezet."
        ),
        strengths="Nederlands uitleggen zonder moeilijke woorden, geduld, spelletjes bedenken.",
        aspirations="Ik wil zelf een beetje Arabisch en Pools leren verstaan.",
        lived_experience="",
        limits="Ik ben geen docent inburgering en ik neem geen examens af.",
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Nederlands", "Engels", "Frans"),
        tags=("taal", "taalcafé", "spelletjes"),
        visibility=OPEN,
    ),
    PersonSpec(
        key="jamal",
        name="Jamal Amrani",
        neighbourhood=VLINDERBUURT,
        about=(
            "Ik ben Jamal, 19 jaar. Ik maak beats op mijn laptop en ik speel basketbal bij het "
            "buurthuis."
        ),
        strengths="Muziek maken, jongere jongens helpen met wiskunde, goed met computers.",
        aspirations="Ik wil leren mixen in een echte studio. Later wil ik geluidstechnicus worden.",
        lived_experience=(
            "Ik ben van school gegaan zonder diploma. Ik weet hoe snel mensen je dan afschrijven."
        ),
        limits="Voor elf uur 's ochtends ben ik niet wakker, sorry.",
        capacity=Capacity.AVAILABLE,
        capacity_note="",
        languages=("Nederlands", "Arabisch", "Engels"),
        tags=("muziek", "beats", "basketbal", "wiskunde"),
        visibility=_with(SHOW_BASICS, aspirations=V.MEMBERS),
    ),
    PersonSpec(
        key="lotte",
        name="Lotte Jacobs",
        neighbourhood=RIVIERKWARTIER,
        about=(
            "Ik ben Lotte. Ik studeer social work en ik doe vrijwilligerswerk bij Welzijn "
            "Lindendaal."
        ),
        strengths="Organiseren, wandelroutes bedenken, social media.",
        aspirations=(
            "Ik wil leren hoe je naast mensen staat in plaats van boven ze. Dat leer je niet "
            "uit boeken."
        ),
        lived_experience="",
        limits="In de tentamenweken heb ik geen tijd.",
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Nederlands", "Engels", "Spaans"),
        tags=("wandelen", "studie", "social media"),
        visibility=OPEN,
    ),
    PersonSpec(
        key="marek",
        name="Marek Kowal",
        neighbourhood=RIVIERKWARTIER,
        about=(
            "Ik ben Marek. Ik werk in een magazijn en woon met mijn vrouw en zoon in het "
            "Rivierkwartier."
        ),
        strengths="Alles met elektriciteit en kranen. Snel en netjes werken.",
        aspirations=(
            "Ik wil beter Nederlands leren, vooral praten. En ik wil meer mensen in de buurt "
            "kennen."
        ),
        lived_experience="",
        limits="Ik werk in ploegen, dus ik kan niet elke week op dezelfde dag.",
        capacity=Capacity.SOME,
        capacity_note="Het hangt af van mijn rooster.",
        languages=("Pools", "Engels", "Nederlands"),
        tags=("klussen", "elektra", "Pools"),
        visibility=SHOW_BASICS,
    ),
    PersonSpec(
        key="priya",
        name="Priya Raman",
        neighbourhood=BLOEMENHOF,
        about=(
            "Ik ben Priya. Ik kom uit India en woon sinds drie jaar in de Bloemenhof. Ik werk als "
            "programmeur."
        ),
        strengths="Computers, websites, rekenen, Indiaas koken.",
        aspirations=(
            "Ik wil echt bij de buurt horen, niet alleen een expat zijn. En ik wil Nederlands "
            "leren."
        ),
        lived_experience="Ik voelde me hier lang eenzaam; mijn familie is ver weg.",
        limits="Ik spreek nog weinig Nederlands. Engels gaat makkelijker.",
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Engels", "Tamil", "Hindi", "Nederlands"),
        tags=("computers", "koken", "Nederlands leren"),
        visibility=_with(SHOW_BASICS, lived_experience=V.ONLY_ME),
    ),
    PersonSpec(
        key="wim",
        name="Wim de Graaf",
        neighbourhood=BLOEMENHOF,
        about=(
            "Ik ben Wim, 74 jaar. Ik was timmerman. Ik woon al bijna vijftig jaar in hetzelfde "
            "huis in de Bloemenhof."
        ),
        strengths="Timmeren, verhalen vertellen over vroeger, schaken.",
        aspirations="Ik wil mijn gereedschap doorgeven aan iemand die er iets mee doet.",
        lived_experience="Ik ben net geopereerd aan mijn heup.",
        limits="Ik kan nu even geen trappen lopen en niet lang staan.",
        capacity=Capacity.NOT_NOW,
        capacity_note="Tot ik hersteld ben van mijn operatie.",
        languages=("Nederlands",),
        tags=("timmeren", "schaken", "verhalen"),
        visibility=SHOW_BASICS,
    ),
    PersonSpec(
        key="natasja",
        name="Natasja Bruin",
        neighbourhood=VLINDERBUURT,
        about=(
            "Ik ben Natasja. Ik ben vrijwilliger bij de inloop en ik loop elke ochtend een "
            "rondje met mijn hond Bolletje."
        ),
        strengths=(
            "Mensen herkennen die het zwaar hebben, ook als ze het niet zeggen. Eerlijk zijn. "
            "Wandelen."
        ),
        aspirations=(
            "Ik wil de opleiding tot ervaringsdeskundige doen en later betaald werk vinden."
        ),
        lived_experience=(
            "Ik heb twee jaar op straat geleefd. Ik sliep in portieken en in de nachtopvang. "
            "Nu heb ik weer een eigen huis, en dat voelt elke dag als een cadeau."
        ),
        limits="Ik ga niet mee naar plekken waar veel gedronken wordt.",
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Nederlands", "Engels"),
        tags=("wandelen", "honden", "ervaringsdeskundige", "inloop"),
        visibility=SHOW_BASICS,
    ),
    PersonSpec(
        key="erik",
        name="Erik Hendriks",
        neighbourhood=RIVIERKWARTIER,
        about=(
            "Ik ben Erik, 45 jaar. Ik ben conciërge op een basisschool. In mijn vrije tijd klus ik"
            " voor buren."
        ),
        strengths="Klussen, plannen, een klusbus regelen. Ik ken iedereen bij de bouwmarkt.",
        aspirations="Ik wil een klusjesdienst die blijft bestaan, ook als ik er niet ben.",
        lived_experience="",
        limits="Klussen aan gas of de meterkast doe ik niet; daar is een vakman voor nodig.",
        capacity=Capacity.SOME,
        capacity_note="",
        languages=("Nederlands", "Engels"),
        tags=("klussen", "conciërge", "Rivierkwartier"),
        visibility=OPEN,
    ),
)

# ------------------------------------------------------------------------------------------
# Organisations (6)

ORGANISATIONS: tuple[OrganisationSpec, ...] = (
    OrganisationSpec(
        key="buurtteam",
        name="Buurtteam Vlinderbuurt",
        kind=OrganisationKind.NEIGHBOURHOOD_TEAM,
        neighbourhood=VLINDERBUURT,
        description=(
            "Wij zijn maatschappelijk werkers, gezinswerkers en ervaringsdeskundigen. We werken "
            "in de buurt: op straat, bij mensen thuis en in het buurthuis. Samen met bewoners "
            "en andere organisaties zoeken we wat werkt."
        ),
        coordinators=("sanne",),
        members=("jeroen", "kevin", "fatma"),
    ),
    OrganisationSpec(
        key="werkplaats",
        name="Werkcoöperatie De Werkplaats",
        kind=OrganisationKind.COOPERATIVE,
        neighbourhood=RIVIERKWARTIER,
        description=(
            "Een coöperatie van bewoners, ervaringsdeskundigen en jobcoaches. We zoeken naar "
            "de krachten en talenten van mensen die al lang niet gewerkt hebben, en vinden "
            "samen een plek bij een werkgever in de buurt."
        ),
        coordinators=("esra",),
        members=("ricardo", "marieke"),
    ),
    OrganisationSpec(
        key="wijindewijk",
        name="Bewonersbeweging Wij in de Wijk",
        kind=OrganisationKind.RESIDENT_INITIATIVE,
        neighbourhood=VLINDERBUURT,
        description=(
            "Wij zijn bewoners van de Vlinderbuurt, het Rivierkwartier en de Bloemenhof. "
            "Samen bepalen we wat voorrang krijgt in onze buurten, en daarover gaan we in "
            "gesprek met de gemeente. We zijn geen instelling: we zijn een beweging van "
            "bewoners."
        ),
        coordinators=("henk", "layla"),
        members=("amina", "joyce", "mohamed", "jamal", "priya", "dirk"),
    ),
    OrganisationSpec(
        key="inloop",
        name="Inloop De Open Deur",
        kind=OrganisationKind.RESIDENT_INITIATIVE,
        neighbourhood=VLINDERBUURT,
        description=(
            "Een inloop in het oude winkeltje op de hoek van de Citroenvlinderstraat. Op "
            "dinsdag en donderdag staat de koffie klaar. Loop binnen met je post, met je "
            "vragen of gewoon voor een praatje. De inloop wordt gedragen door "
            "ervaringsdeskundigen en vrijwilligers."
        ),
        coordinators=("bas",),
        members=("gerda", "tomasz", "natasja"),
    ),
    OrganisationSpec(
        key="gemeente",
        name="Gemeente Lindendaal, programma Samen in de Wijk",
        kind=OrganisationKind.MUNICIPAL_TEAM,
        neighbourhood=None,
        description=(
            "Het programmateam van de gemeente dat bewonersinitiatieven en bondgenootschappen "
            "in de buurten steunt. We willen leren om samen te doen, in plaats van alleen te "
            "controleren."
        ),
        coordinators=("ingrid",),
        members=("mirjam",),
    ),
    OrganisationSpec(
        key="welzijn",
        name="Welzijn Lindendaal",
        kind=OrganisationKind.WELFARE,
        neighbourhood=RIVIERKWARTIER,
        description=(
            "Opbouwwerk, jongerenwerk en vrijwilligerswerk in Lindendaal. We beheren buurthuis "
            "De Linde en helpen bewoners hun eigen plannen waar te maken."
        ),
        coordinators=("peter",),
        members=("anouk", "lotte", "ruth"),
    ),
)


# ------------------------------------------------------------------------------------------
# Alliances (15)


def _h(value: str) -> Decimal:
    return Decimal(value)


ALLIANCES: tuple[AllianceSpec, ...] = (
    AllianceSpec(
        key="post",
        name="Samen de post op orde",
        intention=(
            "Amina wil haar post en papieren weer zelf kunnen regelen. Samen maken we de "
            "stapel kleiner, en Amina leert hoe ze het daarna zelf bijhoudt."
        ),
        way_of_working=(
            "We zien elkaar elke dinsdagochtend in de inloop. Amina bepaalt welke brieven we "
            "openmaken. Bas belt mee als het nodig is, maar beslist nooit iets voor Amina. Na "
            "elke keer schrijven we kort in het logboek wat we deden."
        ),
        started_days_ago=160,
        starter="bas",
        starter_role=(
            "Ik zit naast Amina en sorteer mee. Ik neem even iets over als het te veel is, en "
            "geef het terug als het weer kan."
        ),
        organisation="inloop",
        organisation_role=(
            "De inloop biedt een rustige tafel, koffie, een printer en een telefoon om "
            "instanties te bellen."
        ),
        joins=(
            JoinSpec(
                "amina",
                invited_by="bas",
                days_ago=158,
                role=(
                    "Ik breng mijn post mee en ik beslis zelf wat we doen. Ik leer het stap "
                    "voor stap zelf."
                ),
            ),
        ),
        entries=(
            EntrySpec(
                "bas",
                155,
                "Amina kwam met twee tassen post. We hebben alles op stapels gelegd: open, "
                "dicht, belangrijk, kan weg. Dat alleen gaf al lucht.",
                "Eerst sorteren, nog niet oplossen. Amina zei: 'Ik dacht dat het veel erger was.'",
                "Volgende week de stapel 'belangrijk' openmaken, één brief per keer.",
            ),
            EntrySpec(
                "amina",
                148,
                "We hebben vijf brieven opengemaakt. Twee waren oude herinneringen die al "
                "betaald waren. Eén brief van de woningcorporatie moest echt snel.",
                "Ik durf de brieven nu open te maken als Bas ernaast zit. Alleen thuis nog niet.",
                "Samen met Bas de woningcorporatie bellen.",
                sensitive_topics=(SensitiveTopic.MONEY,),
                read_by=("bas",),
            ),
            EntrySpec(
                "bas",
                141,
                "Samen gebeld met de woningcorporatie. Amina deed het woord, ik zat ernaast. "
                "We hebben een betalingsregeling afgesproken van 40 euro per maand.",
                "Amina kan heel goed uitleggen wat er aan de hand is als ze de tijd krijgt. De "
                "medewerker was vriendelijker dan we dachten.",
                "Een map maken met tabbladen voor elke instantie.",
                milestone=True,
            ),
            EntrySpec(
                "amina",
                120,
                "Ik heb thuis een map gemaakt met tabbladen: huur, zorg, school, gemeente.",
                "Als alles een plek heeft, word ik minder bang van de brievenbus.",
                "Ik wil leren hoe ik de toeslagen zelf kan controleren op de computer.",
                edit=EditSpec(
                    "Ik heb thuis een map gemaakt met tabbladen: huur, zorg, school, gemeente. "
                    "Bas had de tabbladen meegenomen en mijn dochter heeft er stickers op "
                    "geplakt.",
                    "Als alles een plek heeft, word ik minder bang van de brievenbus.",
                    "Ik wil leren hoe ik de toeslagen zelf kan controleren op de computer.",
                ),
            ),
            EntrySpec(
                "bas",
                99,
                "We hebben samen ingelogd met DigiD. Amina heeft zelf haar toeslag "
                "gecontroleerd. Er klopte iets niet met haar inkomen.",
                "De computer is minder eng als je het zelf doet en iemand alleen meekijkt.",
                "De wijziging doorgeven. Amina doet het, ik kijk mee.",
            ),
            EntrySpec(
                "amina",
                70,
                "Ik heb de wijziging zelf doorgegeven. Thuis, zonder Bas. Daarna heb ik hem een "
                "foto van het scherm gestuurd.",
                "Ik kan het! Ik hoef niet alles te weten, als ik maar weet waar ik het kan vinden.",
                "Nu wil ik ook andere vrouwen in de buurt helpen die hetzelfde hebben.",
                milestone_marked_by="bas",
            ),
            EntrySpec(
                "bas",
                42,
                "Amina heeft in de inloop twee buurvrouwen geholpen met hun post, in het "
                "Arabisch. Ik schonk de koffie.",
                "Wat ik ooit van iemand kreeg, geeft Amina nu door. Zo werkt het dus.",
                "Samen bedenken of Amina een vaste ochtend in de inloop wil doen.",
            ),
            EntrySpec(
                "amina",
                12,
                "We hebben afgesproken dat ik elke tweede dinsdag van de maand in de inloop "
                "help met vertalen.",
                "Ik kom hier niet meer alleen om hulp te halen; ik kom ook om te geven.",
                "Over een maand kijken hoe het gaat. Niet te veel tegelijk, de kinderen gaan voor.",
            ),
        ),
        contributions=(
            ContributionSpec(
                "bas",
                "amina",
                Kind.TIME,
                "Elke dinsdagochtend samen de post sorteren.",
                days_ago=130,
                recorded_by="bas",
                hours=_h("12"),
            ),
            ContributionSpec(
                "@inloop",
                "amina",
                Kind.OTHER,
                "Printen, kopiëren en bellen vanuit de inloop.",
                days_ago=100,
                recorded_by="bas",
            ),
            ContributionSpec(
                "amina",
                "@inloop",
                Kind.GOODS,
                "Een grote pan harira voor de inloop, op de laatste dinsdag voor de zomer.",
                days_ago=60,
                recorded_by="amina",
            ),
            ContributionSpec(
                "amina",
                "bas",
                Kind.TIME,
                "Vertalen in het Arabisch voor twee bezoekers van de inloop, zodat Bas hen kon "
                "helpen.",
                days_ago=40,
                recorded_by="bas",
                hours=_h("3"),
            ),
        ),
    ),
    AllianceSpec(
        key="buurtkeuken",
        name="Buurtkeuken De Linde",
        intention=(
            "Elke donderdag samen koken en eten in buurthuis De Linde, voor 3 euro per "
            "persoon. Niemand hoeft alleen te eten, en iedereen kan iets bijdragen: koken, "
            "afwassen, muziek of gewoon gezelschap."
        ),
        way_of_working=(
            "Elke week kookt iemand anders. We bespreken het menu in de groepsapp. Wie niet "
            "kan betalen, eet mee en helpt ergens anders mee. Eén keer per maand praten we "
            "over hoe het gaat."
        ),
        started_days_ago=300,
        starter="peter",
        starter_role=(
            "Ik regel de keuken in buurthuis De Linde en de boodschappenpot. Het koken laat ik "
            "aan de koks."
        ),
        organisation="welzijn",
        organisation_role=(
            "Welzijn Lindendaal stelt de keuken en de zaal beschikbaar en betaalde de eerste "
            "boodschappen."
        ),
        joins=(
            JoinSpec(
                "amina",
                "peter",
                298,
                "Ik kook en ik bedenk het menu. Ik zorg dat iedereen zich welkom voelt, ook wie "
                "geen Nederlands spreekt.",
            ),
            JoinSpec(
                "gerda",
                "peter",
                297,
                "Ik maak soep en ik dek de tafels. En ik maak een praatje met wie alleen zit.",
            ),
            JoinSpec(
                "joyce",
                "amina",
                250,
                "Ik zorg voor de muziek en ik nodig de moeders uit de Bloemenhof uit.",
            ),
            JoinSpec("mohamed", "amina", 240, "Ik zet thee en ik breng groente uit de moestuin."),
            JoinSpec(
                "ricardo",
                "gerda",
                200,
                "Ik kook één keer per maand Surinaams en ik leer jongeren snijden en bakken.",
            ),
        ),
        entries=(
            EntrySpec(
                "peter",
                296,
                "De eerste keer samen gekookt: couscous van Amina, soep van Gerda. Er kwamen 14 "
                "mensen.",
                "Mensen kwamen vooral omdat Amina het hun zelf had gevraagd. Flyers werkten "
                "minder.",
                "Iedereen vragen om één buur mee te nemen.",
                milestone=True,
            ),
            EntrySpec(
                "gerda",
                282,
                "Vandaag waren we met 22. Een meneer die altijd alleen op het bankje zit, kwam "
                "ook. Hij heeft drie borden soep gegeten.",
                "Een warme maaltijd opent meer deuren dan een folder.",
                "Meer stoelen regelen.",
            ),
            EntrySpec(
                "amina",
                268,
                "We hebben afgesproken dat wie niet kan betalen gewoon meeëet en helpt met "
                "afwassen. Niemand hoeft het uit te leggen.",
                "Geld mag geen drempel zijn. Zo voelt niemand zich 'de arme buur'.",
                "Een pot neerzetten waar je in doet wat je kunt missen.",
            ),
            EntrySpec(
                "joyce",
                245,
                "Ik heb muziek meegenomen en vijf moeders uit de Bloemenhof. De kinderen dansten "
                "tussen de tafels.",
                "Als het gezellig is, blijven mensen langer en helpen ze vanzelf met opruimen.",
                "Een kinderhoek maken.",
            ),
            EntrySpec(
                "mohamed",
                230,
                "Ik heb de eerste courgettes uit de moestuin meegenomen. Gerda heeft er soep "
                "van gemaakt.",
                "De moestuin en de keuken horen bij elkaar.",
                "Vaker groente uit de tuin gebruiken.",
            ),
            EntrySpec(
                "peter",
                210,
                "De boodschappenpot is bijna leeg. We hebben samen besproken wat we kunnen doen.",
                "Het is goed om geld gewoon open te bespreken, met iedereen. Er kwamen meteen "
                "ideeën.",
                "Een klein fonds aanvragen en de bijdrage op 3 euro houden.",
            ),
            EntrySpec(
                "ricardo",
                195,
                "Mijn eerste Surinaamse avond: roti voor dertig mensen. Twee jongens uit de "
                "buurt hebben meegekookt.",
                "Jongens die op school niks willen, stonden hier drie uur geconcentreerd te "
                "snijden.",
                "Ik kook voortaan elke eerste donderdag van de maand.",
            ),
            EntrySpec(
                "gerda",
                170,
                "Een van de jongens die met Ricardo kookte, heeft nu een bijbaan in een "
                "restaurant.",
                "Je weet nooit wat er uit een avond koken komt.",
                milestone_marked_by="peter",
            ),
            EntrySpec(
                "peter",
                140,
                "Het fonds van 750 euro is toegekend. We hebben er nieuwe pannen en een vriezer "
                "van gekocht.",
                "We schreven de aanvraag samen. Daardoor staat ons eigen verhaal erin, niet "
                "alleen aantallen.",
                "In het logboek laten zien wat het geld heeft opgeleverd.",
            ),
            EntrySpec(
                "amina",
                90,
                "In de ramadan hebben we een avond gedaan waarop we pas na zonsondergang aten. "
                "Iedereen was welkom, ook wie niet vastte.",
                "Samen wachten op het eten is ook samen zijn.",
            ),
            EntrySpec(
                "joyce",
                45,
                "We waren met 38 mensen. Het is te vol geworden in de zaal.",
                "Groeien is mooi, maar het moet wel gezellig blijven.",
                "Bespreken of we een tweede avond willen, misschien in de Bloemenhof.",
            ),
            EntrySpec(
                "mohamed",
                10,
                "We hebben gepraat over een tweede avond. Joyce en ik gaan kijken in de "
                "Bloemenhof.",
                "",
                "Met Welzijn praten over een ruimte.",
            ),
        ),
        contributions=(
            ContributionSpec(
                "@welzijn",
                "amina",
                Kind.MONEY,
                "Geld voor de boodschappen van de eerste vier avonden.",
                days_ago=295,
                recorded_by="peter",
                euros=_h("120"),
            ),
            ContributionSpec(
                "amina",
                "@welzijn",
                Kind.TIME,
                "Om de week koken voor de buurtkeuken.",
                days_ago=100,
                recorded_by="amina",
                hours=_h("40"),
            ),
            ContributionSpec(
                "gerda",
                "@welzijn",
                Kind.TIME,
                "Elke week soep maken en de tafels dekken.",
                days_ago=95,
                recorded_by="gerda",
                hours=_h("60"),
            ),
            ContributionSpec(
                "mohamed",
                "@welzijn",
                Kind.GOODS,
                "Courgettes, tomaten en munt uit de moestuin.",
                days_ago=228,
                recorded_by="mohamed",
            ),
            ContributionSpec(
                "ricardo",
                "@welzijn",
                Kind.KNOWLEDGE,
                "Jongens leren koken: snijden, kruiden, roti bakken.",
                days_ago=190,
                recorded_by="ricardo",
                hours=_h("9"),
            ),
            ContributionSpec(
                "@welzijn",
                "ricardo",
                Kind.NETWORK,
                "Contact met een restaurant in de buurt, voor een bijbaan voor een van de jongens.",
                days_ago=172,
                recorded_by="peter",
            ),
            ContributionSpec(
                "joyce",
                "@welzijn",
                Kind.NETWORK,
                "Vijf moeders uit de Bloemenhof meegenomen naar de buurtkeuken.",
                days_ago=245,
                recorded_by="joyce",
            ),
        ),
    ),
    AllianceSpec(
        key="kinderopvang",
        name="Op weg naar werk in de kinderopvang",
        intention=(
            "Amina wil werken in de kinderopvang. We zoeken samen een weg daarnaartoe: "
            "meelopen, een opleiding en uiteindelijk betaald werk. Wat Amina al kan, is ons "
            "vertrekpunt."
        ),
        way_of_working=(
            "We spreken eens in de drie weken af bij De Werkplaats, en tussendoor via de app. "
            "Amina bepaalt het tempo. Ricardo en Amina spreken ook samen af, zonder de "
            "anderen, als ze dat willen."
        ),
        started_days_ago=200,
        starter="esra",
        starter_role=(
            "Ik regel de contacten met werkgevers en ik praat met de gemeente over de regels."
        ),
        organisation="werkplaats",
        organisation_role=(
            "De Werkplaats betaalt de eerste module van de opleiding en heeft contacten met "
            "werkgevers."
        ),
        joins=(
            JoinSpec(
                "amina",
                "esra",
                195,
                "Ik weet wat ik wil: werken met kinderen. Ik zet de stappen zelf, in mijn eigen "
                "tempo.",
            ),
            JoinSpec(
                "marieke", "esra", 194, "Ik help met de cv en met het oefenen van gesprekken."
            ),
            JoinSpec(
                "ricardo",
                "esra",
                180,
                "Ik vertel hoe het voor mij was om na lange tijd weer te beginnen, en ik ga mee "
                "naar de eerste dag.",
            ),
        ),
        entries=(
            EntrySpec(
                "esra",
                193,
                "Kennismaking. Amina vertelde over haar drie kinderen, de buurtkeuken en het "
                "vertalen op school. Geen cv nodig: we schreven op wat ze allemaal al doet.",
                "Amina doet al jaren werk dat lijkt op kinderopvang, alleen onbetaald.",
                "Marieke maakt met Amina een cv van wat ze al doet.",
            ),
            EntrySpec(
                "marieke",
                176,
                "Samen een cv gemaakt. Amina wilde eerst niets opschrijven. Nu staan er zes "
                "dingen op, waaronder de buurtkeuken en het vertalen op school.",
                "Vrijwilligerswerk is ook werkervaring. Dat mogen we vaker zeggen.",
                "Een gesprek oefenen.",
            ),
            EntrySpec(
                "ricardo",
                160,
                "Ik ben met Amina koffie gaan drinken en heb verteld over mijn eerste werkdag "
                "na tien jaar. We moesten allebei lachen om mijn zenuwen van toen.",
                "Het helpt om te horen dat een ander ook bang was.",
                "Amina gaat naar de open dag van Kinderopvang Het Speelhuis.",
            ),
            EntrySpec(
                "amina",
                135,
                "Ik ben naar de open dag van Kinderopvang Het Speelhuis gegaan. De leidinggevende "
                "vroeg of ik wil meelopen.",
                "Ik dacht dat ze mij zonder diploma niet zouden willen. Dat was niet zo.",
                "Twee weken meelopen op dinsdag en donderdag.",
                milestone=True,
            ),
            EntrySpec(
                "esra",
                110,
                "Er was een probleem: meelopen moet eerst gemeld worden bij de gemeente, "
                "vanwege Amina's uitkering. We hebben samen gebeld.",
                "De regels zijn ingewikkeld, maar de participatiecoach dacht mee. Het mocht, "
                "met een formulier.",
                "Het formulier invullen; Marieke helpt.",
            ),
            EntrySpec(
                "amina",
                60,
                "Ik heb twee weken meegelopen. De kinderen noemden mij juf Amina. Na de zomer "
                "mag ik beginnen met de opleiding, en Het Speelhuis wil mij als stagiaire.",
                "Ik kan meer dan ik dacht. Mijn Arabisch is hier een voordeel: veel kinderen "
                "spreken het thuis.",
                "Kijken hoe ik de opleiding combineer met de kinderen.",
                milestone_marked_by="esra",
            ),
            EntrySpec(
                "marieke",
                20,
                "Samen een weekrooster gemaakt voor opleiding, stage en thuis. Amina's zus past "
                "op woensdag op.",
                "Werk vinden is ook je hele leven anders inrichten. Dat kost tijd, en dat is goed.",
                "Over een maand kijken hoe het gaat.",
            ),
        ),
        contributions=(
            ContributionSpec(
                "@werkplaats",
                "amina",
                Kind.MONEY,
                "De eerste module van de opleiding tot pedagogisch medewerker.",
                days_ago=55,
                recorded_by="esra",
                euros=_h("350"),
            ),
            ContributionSpec(
                "marieke",
                "amina",
                Kind.TIME,
                "Een cv maken en een gesprek oefenen.",
                days_ago=176,
                recorded_by="marieke",
                hours=_h("4"),
            ),
            ContributionSpec(
                "ricardo",
                "amina",
                Kind.EXPERIENCE,
                "Verteld hoe het is om na lange tijd weer te gaan werken; mee naar de open dag.",
                days_ago=160,
                recorded_by="ricardo",
            ),
            ContributionSpec(
                "amina",
                "@werkplaats",
                Kind.EXPERIENCE,
                "In de groepsbijeenkomst van De Werkplaats verteld over haar weg naar werk, "
                "voor acht andere deelnemers.",
                days_ago=45,
                recorded_by="amina",
                hours=_h("2"),
            ),
            ContributionSpec(
                "amina",
                "ricardo",
                Kind.KNOWLEDGE,
                "Uitgelegd hoe de schoolapp werkt, zodat Ricardo de berichten van school over "
                "zijn dochter kan lezen.",
                days_ago=150,
                recorded_by="amina",
            ),
        ),
    ),
    AllianceSpec(
        key="tandem_kevin_jeroen",
        name="Tandem Kevin en Jeroen",
        intention=(
            "Als tandem van ervaringsdeskundige en maatschappelijk werker willen we in contact "
            "komen met buurtbewoners die niet zelf naar het buurtteam komen, vooral mannen die "
            "net uit detentie komen of die alles alleen willen oplossen."
        ),
        way_of_working=(
            "We lopen twee middagen per week samen door de buurt. Kevin maakt meestal het "
            "eerste contact; Jeroen komt erbij als iemand dat wil. Elke vrijdag bespreken we "
            "kort wat we zagen en wat we van elkaar leerden. We praten altijd eerst met de "
            "persoon zelf, nooit over iemand heen."
        ),
        started_days_ago=240,
        starter="jeroen",
        starter_role=(
            "Ik breng kennis over regels, schulden en de weg in het buurtteam. En ik leer van "
            "Kevin hoe je echt contact maakt."
        ),
        joins=(
            JoinSpec(
                "kevin",
                "jeroen",
                238,
                "Ik breng mijn eigen verhaal en mijn contacten op straat. Ik ben de brug naar "
                "mensen die het buurtteam niet vertrouwen.",
            ),
        ),
        entries=(
            EntrySpec(
                "jeroen",
                235,
                "Eerste ronde samen. Kevin kent bij de snackbar iedereen. Ik werd voorgesteld "
                "als 'die van het buurtteam, maar hij is oké'.",
                "Vertrouwen krijg je hier via iemand anders. Alleen lukt het mij niet.",
                "Elke dinsdag en donderdag dezelfde route, zodat mensen ons leren kennen.",
            ),
            EntrySpec(
                "kevin",
                220,
                "Een jongen die net vrij is, vroeg mij om hulp bij het aanvragen van een "
                "uitkering. Hij wilde niet naar het kantoor. Jeroen is met ons naar de "
                "bibliotheek gegaan.",
                "De plek maakt uit. Een kantoor voelt voor sommige mannen als een cel.",
                "Vaker afspreken in de bibliotheek of op het pleintje.",
                sensitive_topics=(SensitiveTopic.JUSTICE,),
                read_by=("jeroen",),
            ),
            EntrySpec(
                "jeroen",
                200,
                "De aanvraag is gelukt. De jongen heeft nu een kamer en een inkomen.",
                "Kevin wist precies wanneer ik moest stoppen met vragen stellen.",
                milestone=True,
            ),
            EntrySpec(
                "kevin",
                175,
                "We hadden onenigheid. Jeroen wilde zijn zorgen over een man doorgeven aan een "
                "collega. Ik vond dat het eerst met de man zelf besproken moest worden.",
                "We hebben afgesproken: eerst met de persoon zelf praten. Altijd. Dat is nu "
                "onze regel.",
                "Die regel op papier zetten voor het team.",
            ),
            EntrySpec(
                "jeroen",
                150,
                "We hebben onze manier van werken verteld in het teamoverleg van het buurtteam. "
                "Sommige collega's waren sceptisch.",
                "Collega's voelen zich soms bedreigd door ervaringsdeskundigen. Praten helpt; "
                "samen doen helpt meer.",
                "Collega's uitnodigen om een middag mee te lopen.",
            ),
            EntrySpec(
                "kevin",
                120,
                "Twee collega's liepen mee. Eén zei na afloop: 'Ik heb vandaag meer mensen "
                "gesproken dan in een maand op kantoor.'",
                "Laten zien werkt beter dan uitleggen.",
            ),
            EntrySpec(
                "kevin",
                80,
                "Ik was een week ziek en had het moeilijk. Jeroen heeft de rondes niet alleen "
                "gedaan, maar op mij gewacht.",
                "Een bondgenootschap is ook erkennen dat het even niet gaat, en dan even "
                "achterover leunen.",
                "Afspreken wat we doen als een van ons uitvalt.",
            ),
            EntrySpec(
                "jeroen",
                50,
                "We hebben een voetbalmiddag georganiseerd op het pleintje: 25 jongens en drie "
                "vaders.",
                "Kevins droom van een toernooi komt dichterbij. Er zijn al twee sponsors: de "
                "snackbar en de fietsenmaker.",
                "Het toernooi plannen voor de zomer.",
                milestone_marked_by="kevin",
            ),
            EntrySpec(
                "kevin",
                8,
                "We zijn samen uitgenodigd om op een bijeenkomst van de gemeente te vertellen "
                "over onze tandem.",
                "",
                "Samen voorbereiden wat we willen vertellen, ook wat niet goed ging.",
            ),
        ),
        contributions=(
            ContributionSpec(
                "jeroen",
                "kevin",
                Kind.KNOWLEDGE,
                "Uitleg over uitkeringen en huurtoeslag, zodat Kevin mensen zelf verder kan "
                "helpen.",
                days_ago=210,
                recorded_by="jeroen",
            ),
            ContributionSpec(
                "kevin",
                "jeroen",
                Kind.NETWORK,
                "Jeroen voorgesteld aan mensen op het plein en bij de snackbar.",
                days_ago=225,
                recorded_by="kevin",
            ),
            ContributionSpec(
                "kevin",
                "jeroen",
                Kind.EXPERIENCE,
                "Wat het betekent om na detentie opnieuw te beginnen, en hoe je praat zonder te "
                "oordelen.",
                days_ago=140,
                recorded_by="jeroen",
            ),
            ContributionSpec(
                "jeroen",
                "kevin",
                Kind.TIME,
                "Mee naar de opleiding ervaringsdeskundigheid om Kevins stage te bespreken.",
                days_ago=100,
                recorded_by="kevin",
                hours=_h("2"),
            ),
        ),
    ),
    AllianceSpec(
        key="tandem_ricardo_mirjam",
        name="Tandem Ricardo en Mirjam",
        intention=(
            "Samen naast mensen staan die al lang een uitkering hebben en weer willen meedoen. "
            "Eerst kijken wat iemand wil en kan; werk komt later, als het past."
        ),
        way_of_working=(
            "Ricardo gaat als eerste langs, zonder map en zonder formulier. Als iemand dat "
            "wil, komt Mirjam een volgende keer mee. Wat we met de gemeente delen, vragen we "
            "altijd eerst aan de persoon zelf."
        ),
        started_days_ago=180,
        starter="mirjam",
        starter_role=(
            "Ik ken de regels van de gemeente en ik kan soms dingen mogelijk maken die op "
            "papier niet passen. Ik leer van Ricardo hoe mensen de gemeente ervaren."
        ),
        joins=(
            JoinSpec(
                "ricardo",
                "mirjam",
                178,
                "Ik ken de mensen en hun schaamte. Ik ga als eerste op bezoek, zonder formulier.",
            ),
        ),
        entries=(
            EntrySpec(
                "mirjam",
                175,
                "We hebben onze afspraken gemaakt. Ricardo wilde weten wat ik aan de gemeente "
                "moet doorgeven. Ik heb hem alles laten zien.",
                "Open zijn over mijn eigen regels maakt dat Ricardo mij vertrouwt.",
                "Ricardo gaat langs bij drie mensen die al lang niet op afspraken komen.",
            ),
            EntrySpec(
                "ricardo",
                160,
                "Bij twee van de drie mocht ik binnenkomen. Eén man heeft tien jaar thuis "
                "gezeten, net als ik. We hebben een uur over vissen gepraat.",
                "Over werk praten kan later. Eerst mens zijn.",
                "De man vragen of hij een keer mee wil naar de buurtkeuken.",
            ),
            EntrySpec(
                "mirjam",
                130,
                "De man van het vissen kwam naar de buurtkeuken. Ik was er ook, gewoon om te "
                "eten. Hij vroeg zelf of zijn afspraak met de gemeente in het buurthuis kon.",
                "Een afspraak op zijn eigen plek voelde heel anders. Het werd een echt gesprek.",
                milestone=True,
            ),
            EntrySpec(
                "ricardo",
                100,
                "Ik werd boos toen er een brief van de gemeente kwam die dreigde met een "
                "korting, terwijl de man net op weg was.",
                "Mirjam heeft het binnen de gemeente aangekaart en de korting ging niet door. "
                "Soms moet je van binnenuit tegengas geven.",
                "Mirjam bespreekt met haar team hoe brieven vriendelijker kunnen.",
            ),
            EntrySpec(
                "mirjam",
                60,
                "In mijn team hebben we drie standaardbrieven herschreven, samen met Ricardo. "
                "Nu staat erin wat iemand wél kan doen.",
                "Een ervaringsdeskundige ziet meteen welke zinnen pijn doen.",
                "Ook aan andere teams laten zien.",
            ),
            EntrySpec(
                "ricardo",
                15,
                "De man van het vissen doet nu vrijwilligerswerk bij de hengelsportvereniging. "
                "Hij zegt dat hij weer een reden heeft om op te staan.",
                "Dit kun je niet in een cijfer vangen, maar het is het belangrijkste.",
                "Nieuwe mensen bezoeken. We houden het bij drie tegelijk; meer kunnen we niet "
                "goed.",
            ),
        ),
        contributions=(
            ContributionSpec(
                "mirjam",
                "ricardo",
                Kind.KNOWLEDGE,
                "Uitleg over de regels van de uitkering en wat wel en niet mag bij "
                "vrijwilligerswerk.",
                days_ago=170,
                recorded_by="mirjam",
            ),
            ContributionSpec(
                "ricardo",
                "mirjam",
                Kind.EXPERIENCE,
                "Meegelezen met brieven van de gemeente en gezegd welke zinnen pijn doen.",
                days_ago=62,
                recorded_by="mirjam",
                hours=_h("3"),
            ),
            ContributionSpec(
                "ricardo",
                "mirjam",
                Kind.NETWORK,
                "Contact gelegd met de hengelsportvereniging.",
                days_ago=40,
                recorded_by="ricardo",
            ),
        ),
    ),
    AllianceSpec(
        key="moestuin",
        name="Moestuin achter de flat",
        intention=(
            "Een moestuin achter de flats aan de Koolwitjelaan, waar buren samen groente "
            "kweken en elkaar leren kennen. De oogst is voor iedereen die meehelpt en voor de "
            "buurtkeuken."
        ),
        way_of_working=(
            "Wie wil, krijgt een sleutel. Op zaterdagochtend werken we samen, daarna drinken "
            "we thee. We beslissen samen wat we planten. Wie een tijd niet kan, hoeft niets "
            "uit te leggen."
        ),
        started_days_ago=400,
        starter="henk",
        starter_role="Ik ben de man van het gereedschap en de sleutel van het hek.",
        organisation="wijindewijk",
        organisation_role=(
            "Wij in de Wijk heeft de grond geregeld met de woningcorporatie en betaalt het water."
        ),
        joins=(
            JoinSpec(
                "mohamed",
                "henk",
                399,
                "Ik weet wanneer je moet zaaien en ik zet thee in het tuinhuisje.",
            ),
            JoinSpec(
                "dirk",
                "henk",
                380,
                "Ik maak de bakken en de vogelhuisjes. Ik kom op rustige momenten.",
            ),
            JoinSpec(
                "jamal",
                "mohamed",
                200,
                "Ik help met het zware werk en ik maak filmpjes van de tuin voor de groepsapp.",
            ),
            JoinSpec(
                "marek",
                "henk",
                150,
                "Ik heb de waterpomp gerepareerd en ik zorg voor licht in het tuinhuisje.",
            ),
        ),
        entries=(
            EntrySpec(
                "henk",
                398,
                "De woningcorporatie heeft ja gezegd! We mogen het grasveld achter de flats "
                "gebruiken.",
                "Met z'n vieren naar het kantoor, met een tekening van hoe het eruit kan zien, "
                "werkte beter dan een brief.",
                "De grond omspitten.",
                milestone=True,
            ),
            EntrySpec(
                "mohamed",
                370,
                "We hebben de grond omgespit en de eerste bakken gevuld. Dirk heeft zes bakken "
                "getimmerd.",
                "Dirk praat weinig, maar zijn bakken zijn perfect.",
                "Zaaien in april.",
            ),
            EntrySpec(
                "dirk",
                340,
                "Ik heb twee vogelhuisjes opgehangen. Er broeden al mezen in.",
                "Ik ben hier graag als het rustig is, op dinsdagochtend.",
            ),
            EntrySpec(
                "henk",
                300,
                "De eerste oogst: sla, radijs en munt. Alles ging naar de buurtkeuken.",
                "Mensen die nooit iets met elkaar te maken hadden, staan nu samen te wieden.",
            ),
            EntrySpec(
                "jamal",
                190,
                "Ik heb een filmpje van de tuin gemaakt voor de groepsapp. Er kwamen vier "
                "nieuwe mensen op af.",
                "Jongeren zien de tuin nu ook als iets van hen.",
                "Een bankje maken waar je kunt chillen.",
            ),
            EntrySpec(
                "marek",
                145,
                "De waterpomp deed het niet meer. Ik heb hem gerepareerd met onderdelen van de "
                "bouwmarkt.",
                "Mijn Nederlands is niet goed, maar in de tuin is dat niet zo belangrijk. Henk "
                "leert me de namen van de groenten.",
            ),
            EntrySpec(
                "dirk",
                110,
                "Met Jamal een bankje gemaakt van oude steigerplanken. Hij zaagt heel recht.",
                "Ik vond het spannend om met iemand te werken die ik niet kende. Het ging goed.",
                milestone_marked_by="henk",
            ),
            EntrySpec(
                "henk",
                75,
                "Er is vernield in de tuin: twee bakken kapot. We waren boos.",
                "We hebben besloten geen hek met prikkeldraad te zetten, maar de jongens van "
                "het pleintje uit te nodigen.",
                "Een open tuindag organiseren.",
            ),
            EntrySpec(
                "jamal",
                40,
                "Open tuindag: 50 mensen, muziek van mij, thee van Mohamed. Twee jongens van "
                "het pleintje hebben een eigen bak gekregen.",
                "Wie meedoet, maakt niets kapot.",
                milestone=True,
            ),
            EntrySpec(
                "mohamed",
                5,
                "De winter komt. We hebben de bakken afgedekt en bollen geplant.",
                "",
                "In het voorjaar nieuwe mensen vragen. Misschien mensen die net in de buurt wonen.",
            ),
        ),
        contributions=(
            ContributionSpec(
                "@wijindewijk",
                "dirk",
                Kind.MONEY,
                "Hout en schroeven voor de moestuinbakken.",
                days_ago=375,
                recorded_by="henk",
                euros=_h("120"),
            ),
            ContributionSpec(
                "dirk",
                "@wijindewijk",
                Kind.GOODS,
                "Zes moestuinbakken en twee vogelhuisjes, zelf getimmerd.",
                days_ago=345,
                recorded_by="dirk",
                hours=_h("20"),
            ),
            ContributionSpec(
                "mohamed",
                "henk",
                Kind.KNOWLEDGE,
                "Wanneer je wat zaait, en hoe je de munt in toom houdt.",
                days_ago=360,
                recorded_by="henk",
            ),
            ContributionSpec(
                "marek",
                "henk",
                Kind.TIME,
                "De waterpomp gerepareerd.",
                days_ago=145,
                recorded_by="marek",
                hours=_h("3"),
            ),
            ContributionSpec(
                "henk",
                "marek",
                Kind.KNOWLEDGE,
                "De namen van groenten en gereedschap in het Nederlands.",
                days_ago=120,
                recorded_by="marek",
            ),
            ContributionSpec(
                "jamal",
                "@wijindewijk",
                Kind.OTHER,
                "Filmpjes van de tuin en muziek op de open tuindag.",
                days_ago=40,
                recorded_by="jamal",
            ),
        ),
        invitations=(
            InvitationSpec(
                by="henk",
                message=(
                    "Zin om mee te tuinieren? Iedereen is welkom op zaterdagochtend. Je hoeft "
                    "niets te kunnen, en er is altijd thee."
                ),
            ),
        ),
    ),
    AllianceSpec(
        key="buurtagenda",
        name="Buurtagenda: wat vinden bewoners belangrijk?",
        intention=(
            "Bewoners van de drie buurten bepalen zelf welke onderwerpen voorrang krijgen. De "
            "gemeente luistert en zoekt samen met ons naar wat mogelijk is."
        ),
        way_of_working=(
            "Vier buurtavonden per jaar, om de beurt in elke buurt. Tussendoor een peiling op "
            "papier en online, in het Nederlands, Arabisch, Turks en Engels. Bewoners kiezen; "
            "de gemeente en Welzijn denken mee, maar stemmen niet."
        ),
        started_days_ago=330,
        starter="layla",
        starter_role=(
            "Ik haal de stemmen op in de Bloemenhof en ik schrijf op wat mensen zeggen, in hun "
            "eigen woorden."
        ),
        organisation="wijindewijk",
        organisation_role=(
            "Wij in de Wijk organiseert de buurtavonden en zorgt dat het om de prioriteiten "
            "van bewoners gaat, niet die van instanties."
        ),
        joins=(
            JoinSpec(
                "henk",
                "layla",
                328,
                "Ik leid de buurtavonden en ik zorg dat iedereen aan het woord komt, ook wie "
                "stil is.",
            ),
            JoinSpec(
                "ingrid",
                "layla",
                300,
                "Ik luister, ik neem de prioriteiten mee naar het stadhuis en ik zeg eerlijk "
                "wat wel en niet kan.",
            ),
            JoinSpec(
                "peter",
                "henk",
                300,
                "Ik help met ruimtes en met het opschrijven van plannen.",
            ),
            JoinSpec(
                "priya",
                "layla",
                200,
                "Ik maak een eenvoudige peiling op internet, in vier talen.",
            ),
        ),
        organisation_joins=(
            OrganisationJoinSpec(
                "gemeente",
                by="ingrid",
                role=(
                    "Het programma Samen in de Wijk houdt budget vrij voor wat bewoners kiezen, "
                    "en legt uit hoe de gemeente beslist."
                ),
            ),
        ),
        entries=(
            EntrySpec(
                "layla",
                325,
                "De eerste buurtavond in de Bloemenhof: 40 mensen, veel boosheid over de huur en "
                "de energierekening.",
                "Eerst moest de boosheid eruit. Daarna kwamen de ideeën.",
                "Alle ideeën op een lijst zetten, in de woorden van de mensen zelf.",
            ),
            EntrySpec(
                "henk",
                290,
                "De tweede avond, in de Vlinderbuurt. Uit 32 ideeën hebben we vier prioriteiten "
                "gekozen: armoede aanpakken, meer groen, veilige speelplekken en een plek voor "
                "jongeren.",
                "Stemmen met stickers werkt goed, ook voor wie niet goed leest.",
                "De prioriteiten aan de gemeente laten zien.",
                milestone=True,
            ),
            EntrySpec(
                "ingrid",
                260,
                "Ik heb de vier prioriteiten besproken met de wethouder. Er is 25.000 euro "
                "vrijgemaakt voor wat bewoners kiezen.",
                "De wethouder vroeg eerst om cijfers. Toen ik de verhalen van de avond "
                "vertelde, veranderde het gesprek.",
                "Met bewoners afspreken hoe zij het geld verdelen.",
            ),
            EntrySpec(
                "priya",
                190,
                "De peiling staat online, in vier talen. Mijn Nederlands is nog niet goed; "
                "Layla heeft de tekst nagekeken.",
                "Samen kan ik meer dan alleen. En mijn buren weten nu wie ik ben.",
                "De uitkomst laten zien op de volgende avond.",
            ),
            EntrySpec(
                "peter",
                160,
                "212 mensen vulden de peiling in. Op papier kwamen er nog 95 bij, via de "
                "moskee, de school en de inloop.",
                "Papier blijft belangrijk. De inloop en de moskee bereikten mensen die online "
                "niet meedoen.",
            ),
            EntrySpec(
                "layla",
                120,
                "Buurtavond in het Rivierkwartier: we hebben gekozen welke plannen geld krijgen. "
                "Het meeste gaat naar een tweede buurtkeuken en een speelplek.",
                "Het was spannend om zelf over geld te beslissen. Iedereen voelde zich "
                "verantwoordelijk.",
                milestone_marked_by="ingrid",
            ),
            EntrySpec(
                "ingrid",
                85,
                "Binnen de gemeente was er discussie: mag geld zonder aanbesteding naar "
                "bewoners? Ik heb collega's van financiën meegenomen naar een buurtavond.",
                "Ook binnen de gemeente moet je bondgenoten zoeken.",
                "Een eenvoudige manier van verantwoorden afspreken: verhalen, foto's en de "
                "bonnetjes.",
            ),
            EntrySpec(
                "henk",
                25,
                "We hebben samen teruggekeken: wat ging goed, wat kan beter? Meer jongeren "
                "erbij, minder lange vergaderingen.",
                "",
                "Volgende ronde een avond voor jongeren, samen met Jamal en Anouk.",
            ),
        ),
        contributions=(
            ContributionSpec(
                "@gemeente",
                "@wijindewijk",
                Kind.MONEY,
                "Budget voor de plannen die bewoners kiezen.",
                days_ago=250,
                recorded_by="ingrid",
                euros=_h("25000"),
            ),
            ContributionSpec(
                "@wijindewijk",
                "@gemeente",
                Kind.KNOWLEDGE,
                "De vier prioriteiten van bewoners, met hun eigen verhalen erbij.",
                days_ago=280,
                recorded_by="layla",
            ),
            ContributionSpec(
                "priya",
                "@wijindewijk",
                Kind.KNOWLEDGE,
                "Een peiling op internet gemaakt, in vier talen.",
                days_ago=190,
                recorded_by="priya",
                hours=_h("6"),
            ),
            ContributionSpec(
                "peter",
                "layla",
                Kind.TIME,
                "Ruimtes geregeld voor vier buurtavonden.",
                days_ago=130,
                recorded_by="peter",
                hours=_h("8"),
            ),
        ),
    ),
    AllianceSpec(
        key="studio",
        name="Een studio in het buurthuis",
        intention=(
            "Een kleine muziekstudio in buurthuis De Linde, waar jongeren zelf muziek maken en "
            "van elkaar leren. Jamal wil geluidstechnicus worden; andere jongeren kunnen bij "
            "hem beginnen."
        ),
        way_of_working=(
            "Studio-avond op woensdag en vrijdag. De jongeren maken zelf de regels. Anouk is "
            "erbij, maar Jamal leidt de avond."
        ),
        started_days_ago=220,
        starter="anouk",
        starter_role="Ik regel de ruimte en de sleutel, en ik let erop dat het veilig is.",
        joins=(
            JoinSpec(
                "jamal",
                "anouk",
                218,
                "Ik leer andere jongeren beats maken. Het is onze studio, niet die van het "
                "buurthuis.",
            ),
            JoinSpec("priya", "jamal", 150, "Ik help met de computers en de software."),
            JoinSpec(
                "joyce",
                "anouk",
                130,
                "Ik zorg dat de meiden uit de Bloemenhof ook komen. Niet alleen jongens.",
            ),
        ),
        entries=(
            EntrySpec(
                "anouk",
                215,
                "We hebben een oude opslag leeggeruimd. Hier komt de studio.",
                "Jamal had precies in zijn hoofd hoe het eruit moest zien.",
                "Spullen verzamelen.",
            ),
            EntrySpec(
                "jamal",
                190,
                "Een oud mengpaneel gekregen van de muziekschool en twee speakers van een buurman.",
                "Als je het vraagt, krijg je meer dan je denkt.",
            ),
            EntrySpec(
                "priya",
                140,
                "Ik heb de computer opnieuw geïnstalleerd en er gratis muzieksoftware op gezet.",
                "Mijn Nederlands is nog niet goed, maar met de jongens spreek ik gewoon "
                "computertaal.",
            ),
            EntrySpec(
                "jamal",
                100,
                "De eerste studio-avond: acht jongeren, twee nummers opgenomen.",
                "Ik vond het eng om les te geven. Maar ze luisterden echt naar mij.",
                "Samen met de groep regels maken.",
                milestone=True,
            ),
            EntrySpec(
                "joyce",
                60,
                "Vijf meiden uit de Bloemenhof zijn gekomen. Ze hebben een nummer over hun "
                "buurt gemaakt.",
                "Meiden komen als er een vrouw is die ze kennen en die zegt: dit is ook voor "
                "jullie.",
                "Een vaste meidenavond?",
            ),
            EntrySpec(
                "anouk",
                18,
                "Jamal is aangenomen voor een korte opleiding geluidstechniek. Hij blijft de "
                "studio-avonden doen.",
                "",
                "Een tweede jongere vragen om samen met Jamal de avonden te leiden.",
                milestone_marked_by="jamal",
            ),
        ),
        contributions=(
            ContributionSpec(
                "jamal",
                "anouk",
                Kind.TIME,
                "Twee keer per week de studio-avond geleid.",
                days_ago=30,
                recorded_by="anouk",
                hours=_h("30"),
            ),
            ContributionSpec(
                "anouk",
                "jamal",
                Kind.NETWORK,
                "Contact met de muziekschool en met de opleiding geluidstechniek.",
                days_ago=60,
                recorded_by="anouk",
            ),
            ContributionSpec(
                "priya",
                "jamal",
                Kind.KNOWLEDGE,
                "De computer en de software geïnstalleerd en uitgelegd.",
                days_ago=140,
                recorded_by="priya",
            ),
            ContributionSpec(
                "joyce",
                "anouk",
                Kind.NETWORK,
                "Meiden uit de Bloemenhof uitgenodigd.",
                days_ago=62,
                recorded_by="joyce",
            ),
        ),
    ),
    AllianceSpec(
        key="taalcafe",
        name="Taalcafé De Bloemenhof",
        intention=(
            "Samen Nederlands oefenen, zonder les en zonder toets. Iedereen is leraar en "
            "leerling: we leren ook elkaars talen."
        ),
        way_of_working=(
            "Elke maandagavond in de bibliotheek van de Bloemenhof. We praten over gewone "
            "dingen: de markt, de kinderen, het weer. Wie niet kan komen, stuurt een berichtje."
        ),
        started_days_ago=280,
        starter="ruth",
        starter_role=(
            "Ik bedenk de gesprekken en spelletjes. Ik verbeter alleen als iemand dat vraagt."
        ),
        joins=(
            JoinSpec(
                "marek",
                "ruth",
                278,
                "Ik oefen Nederlands praten. Ik leer de anderen een beetje Pools.",
            ),
            JoinSpec(
                "priya",
                "ruth",
                277,
                "Ik oefen Nederlands en ik neem Indiase koekjes mee.",
            ),
            JoinSpec(
                "tomasz",
                "marek",
                250,
                "Ik kom als ik vrij ben van mijn werk. Ik help Marek en andere Polen.",
            ),
            JoinSpec(
                "sevda",
                "ruth",
                240,
                "Ik oefen Nederlands praten, en ik leer de anderen Turkse woorden.",
            ),
        ),
        entries=(
            EntrySpec(
                "ruth",
                276,
                "De eerste avond, met vier mensen en heel veel koffie. We oefenden met jezelf "
                "voorstellen.",
                "Iedereen was zenuwachtig, ik ook.",
            ),
            EntrySpec(
                "marek",
                235,
                "Ik heb voor het eerst de huisarts gebeld in het Nederlands, zonder Engels.",
                "Het oefenen in het taalcafé hielp. Ruth had de assistente nagedaan.",
                milestone=True,
            ),
            EntrySpec(
                "priya",
                200,
                "Vandaag leerden we elkaar het woord 'buurman' in vijf talen. Sevda won het spel.",
                "Ik dacht dat ik de enige was die het moeilijk vond. Dat is niet zo.",
            ),
            EntrySpec(
                "sevda",
                160,
                "Ik kan een tijd niet meer komen. Mijn moeder heeft meer zorg nodig.",
                "Het is fijn dat ik het gewoon kan zeggen, zonder me schuldig te voelen.",
                "Ik kom terug als het weer kan.",
            ),
            EntrySpec(
                "ruth",
                120,
                "De bibliotheek gaat verbouwen. We hebben nog geen andere plek.",
                "",
                "Een andere ruimte zoeken; misschien het buurthuis.",
            ),
            EntrySpec(
                "ruth",
                95,
                "We pauzeren het taalcafé tot na de verbouwing. Iedereen blijft in de groepsapp.",
                "Liever even stoppen dan iets halfs doen. De groep blijft bestaan.",
                "Na de verbouwing opnieuw beginnen.",
            ),
        ),
        contributions=(
            ContributionSpec(
                "ruth",
                "marek",
                Kind.TIME,
                "Elke maandagavond het taalcafé voorbereiden en leiden.",
                days_ago=200,
                recorded_by="ruth",
                hours=_h("20"),
            ),
            ContributionSpec(
                "marek",
                "ruth",
                Kind.KNOWLEDGE,
                "Pools leren: tellen, groeten en 'dank je wel'.",
                days_ago=210,
                recorded_by="ruth",
            ),
            ContributionSpec(
                "priya",
                "ruth",
                Kind.GOODS,
                "Zelfgebakken Indiase koekjes voor elke avond.",
                days_ago=180,
                recorded_by="priya",
            ),
            ContributionSpec(
                "sevda",
                "priya",
                Kind.KNOWLEDGE,
                "Turkse woorden, en een patroon om zelf een tas te naaien.",
                days_ago=170,
                recorded_by="priya",
            ),
        ),
        status=AllianceStatus.PAUSED,
        status_set_by="ruth",
    ),
    AllianceSpec(
        key="klusjesdienst",
        name="Klusjesdienst Rivierkwartier",
        intention=(
            "Buren helpen buren met kleine klussen in huis: een lamp ophangen, een kraan die "
            "lekt, een kastje. Geen geld, wel koffie."
        ),
        way_of_working=(
            "Wie een klus heeft, stuurt Erik een berichtje. Hij zoekt iemand die kan en wil. "
            "Klussen aan gas of de meterkast doen we niet."
        ),
        started_days_ago=210,
        starter="erik",
        starter_role=(
            "Ik plan de klussen en regel het gereedschap. Ik zorg dat niemand alleen een grote "
            "klus doet."
        ),
        joins=(
            JoinSpec("marek", "erik", 206, "Ik doe kranen, lampen en stopcontacten."),
            JoinSpec("tomasz", "erik", 200, "Ik help op zaterdag met tegels en fietsen."),
            JoinSpec(
                "wim",
                "erik",
                190,
                "Ik krijg hulp in huis na mijn operatie. Ik geef mijn gereedschap en mijn tips.",
            ),
        ),
        entries=(
            EntrySpec(
                "erik",
                205,
                "Overleg in mijn schuur om te beginnen. We hebben afgesproken welke klussen we "
                "wel en niet doen.",
                "Aan het begin grenzen afspreken voorkomt gedoe later.",
            ),
            EntrySpec(
                "marek",
                180,
                "Bij Wim een lamp opgehangen en een handgreep in de badkamer gezet.",
                "Wim vertelde een uur over zijn tijd als timmerman. Ik heb veel nieuwe woorden "
                "geleerd.",
            ),
            EntrySpec(
                "wim",
                150,
                "Ik heb mijn oude schaafbank en beitels aan de klusjesdienst gegeven. Ze liggen "
                "nu in de schuur van Erik.",
                "Mijn gereedschap doet weer iets. Dat is fijner dan dat het in mijn schuur roest.",
                milestone_marked_by="erik",
            ),
            EntrySpec(
                "tomasz",
                110,
                "Twaalf fietsen gemaakt voor kinderen van de basisschool, samen met een buurman "
                "van de moestuin.",
                "Kinderen die zelf naar school fietsen, zijn trots.",
            ),
            EntrySpec(
                "erik",
                70,
                "We hebben nu 38 klussen gedaan. De wachtlijst wordt langer dan we aankunnen.",
                "We moeten eerlijk zijn over wat we niet kunnen. Nee zeggen is ook zorgen voor "
                "elkaar.",
                "Nieuwe klussers zoeken en een wachttijd afspreken.",
            ),
            EntrySpec(
                "wim",
                30,
                "Mijn heup gaat beter. Ik heb Marek geleerd hoe je een deur afhangt.",
                "Ik dacht dat ik alleen maar hulp kreeg. Nu geef ik ook weer iets.",
            ),
        ),
        contributions=(
            ContributionSpec(
                "marek",
                "wim",
                Kind.TIME,
                "Een lamp opgehangen en een handgreep in de badkamer gezet.",
                days_ago=180,
                recorded_by="marek",
                hours=_h("3"),
            ),
            ContributionSpec(
                "wim",
                "marek",
                Kind.KNOWLEDGE,
                "Geleerd hoe je een deur afhangt.",
                days_ago=30,
                recorded_by="marek",
                hours=_h("2"),
            ),
            ContributionSpec(
                "wim",
                "erik",
                Kind.GOODS,
                "Schaafbank, beitels en zagen voor de klusjesdienst.",
                days_ago=150,
                recorded_by="wim",
            ),
            ContributionSpec(
                "tomasz",
                "erik",
                Kind.TIME,
                "Twaalf kinderfietsen gemaakt.",
                days_ago=110,
                recorded_by="erik",
                hours=_h("6"),
            ),
        ),
    ),
    AllianceSpec(
        key="opnieuw_beginnen",
        name="Opnieuw beginnen",
        intention=(
            "Een groep voor en door mensen die opnieuw beginnen: na detentie, na de straat, na "
            "een zware tijd. We helpen elkaar met de eerste stappen: een huis, geld, werk, en "
            "vooral: mensen om je heen."
        ),
        way_of_working=(
            "Elke maandagavond in de inloop. Wat hier gezegd wordt, blijft hier. Niemand hoeft "
            "zijn verhaal te vertellen. Ervaringsdeskundigen leiden de avond."
        ),
        started_days_ago=130,
        starter="bas",
        starter_role="Ik zorg voor de plek en ik schenk koffie. Ik luister, ik stuur niet.",
        organisation="inloop",
        organisation_role="De inloop is op maandagavond open voor deze groep.",
        joins=(
            JoinSpec(
                "kevin",
                "bas",
                129,
                "Ik praat mee vanuit mijn eigen ervaring met detentie. Ik neem mannen van straat "
                "mee.",
            ),
            JoinSpec(
                "natasja",
                "bas",
                128,
                "Ik praat mee vanuit mijn tijd op straat. Ik let erop dat vrouwen zich ook "
                "welkom voelen.",
            ),
            JoinSpec(
                "peter",
                "kevin",
                100,
                "Ik help met een ruimte als de groep groter wordt, en met een klein budget.",
            ),
        ),
        entries=(
            EntrySpec(
                "bas",
                127,
                "De eerste avond: drie mannen, Kevin, Natasja en ik. Een stil begin, maar na "
                "een uur praatte iedereen.",
                "De koffie en de broodjes maakten het makkelijker om te blijven.",
            ),
            EntrySpec(
                "natasja",
                110,
                "Er kwam een vrouw die net uit de nachtopvang komt. Ik herkende mezelf in haar.",
                "Ik moest opletten dat ik haar verhaal niet ging invullen met het mijne.",
                "Met Bas bespreken hoe we onze grenzen bewaken.",
            ),
            EntrySpec(
                "kevin",
                90,
                "Een van de mannen had een sollicitatiegesprek. Hij vroeg de groep om met hem "
                "te oefenen.",
                "De groep is sterker dan ik alleen. Iedereen gaf tips uit eigen ervaring.",
                milestone=True,
            ),
            EntrySpec(
                "peter",
                55,
                "Welzijn heeft 300 euro vrijgemaakt voor eten op de maandagavond.",
                "Een klein bedrag doet veel als de groep zelf beslist waaraan.",
            ),
            EntrySpec(
                "natasja",
                14,
                "We zijn nu met elf. Twee mensen hebben een eigen huis gevonden.",
                "",
                "Kijken of we de groep kunnen splitsen, zodat hij klein en veilig blijft.",
            ),
        ),
        contributions=(
            ContributionSpec(
                "kevin",
                "@inloop",
                Kind.TIME,
                "Maandagavonden mee leiden.",
                days_ago=20,
                recorded_by="kevin",
                hours=_h("16"),
            ),
            ContributionSpec(
                "@inloop",
                "kevin",
                Kind.OTHER,
                "Een vaste plek en een eigen sleutel voor de maandagavond.",
                days_ago=126,
                recorded_by="bas",
            ),
            ContributionSpec(
                "peter",
                "@inloop",
                Kind.MONEY,
                "Geld van Welzijn Lindendaal voor het eten op maandagavond.",
                days_ago=55,
                recorded_by="peter",
                euros=_h("300"),
            ),
            ContributionSpec(
                "natasja",
                "bas",
                Kind.EXPERIENCE,
                "Wat vrouwen nodig hebben om zich veilig te voelen in de groep.",
                days_ago=108,
                recorded_by="bas",
            ),
        ),
    ),
    AllianceSpec(
        key="kledingruil",
        name="Kledingruil en naaitafel",
        intention=(
            "Een seizoen lang elke maand een kledingruil met een naaitafel: ruilen in plaats "
            "van kopen, en samen leren repareren."
        ),
        way_of_working=(
            "De eerste zaterdag van de maand in buurthuis De Linde. Neem mee wat je niet meer "
            "draagt, neem mee wat je past. Sevda en vrijwilligers naaien ter plekke."
        ),
        started_days_ago=365,
        starter="sevda",
        starter_role="Ik leer mensen naaien en ik repareer wat kapot is.",
        joins=(
            JoinSpec("joyce", "sevda", 362, "Ik regel de ruimte, de flyers en de muziek."),
            JoinSpec(
                "layla",
                "sevda",
                360,
                "Ik houd de pot bij en ik regel oppas voor de kinderen tijdens de ruil.",
            ),
            JoinSpec(
                "lotte",
                "joyce",
                300,
                "Ik maak berichten voor social media en ik help met sorteren.",
            ),
        ),
        entries=(
            EntrySpec(
                "sevda",
                358,
                "De eerste ruil. We hadden veel te veel kleding en veel te weinig hangers.",
                "Volgende keer vragen of mensen hangers meenemen.",
            ),
            EntrySpec(
                "joyce",
                330,
                "Zestig mensen! Bij de naaitafel van Sevda stond een rij.",
                "Repareren is voor veel mensen geld besparen, geen hobby.",
                "Een tweede naaimachine zoeken.",
            ),
            EntrySpec(
                "layla",
                300,
                "We hebben 45 euro opgehaald met vrijwillige bijdragen. Daarvan hebben we garen "
                "en een tweedehands naaimachine gekocht.",
                "Een pot voor bijdragen werkt beter dan een vaste prijs.",
            ),
            EntrySpec(
                "lotte",
                250,
                "Een bericht over de ruil werd heel vaak gedeeld. Er kwamen mensen uit de hele "
                "stad.",
                "Dat is leuk, maar we willen dat het vooral iets van de buurt blijft.",
                "Alleen nog delen in de buurtapp en op papier.",
            ),
            EntrySpec(
                "sevda",
                200,
                "Drie vrouwen hebben leren naaien. Ze repareren nu zelf kleding voor hun kinderen.",
                "Wat ik kan, kan ik doorgeven. Daar word ik blij van.",
                milestone=True,
            ),
            EntrySpec(
                "sevda",
                170,
                "Mijn moeder heeft meer zorg nodig. Ik kan de naaitafel niet meer trekken.",
                "Het is goed om eerlijk te zeggen wat niet meer kan.",
                "Samen afsluiten met een laatste grote ruil.",
            ),
            EntrySpec(
                "joyce",
                130,
                "De laatste grote ruil, met een afscheidsfeestje. De kleding die over was, ging "
                "naar de inloop.",
                "We stoppen, maar de vrouwen die leerden naaien gaan door. Dat is ook een "
                "resultaat.",
                milestone_marked_by="layla",
            ),
        ),
        contributions=(
            ContributionSpec(
                "sevda",
                "joyce",
                Kind.KNOWLEDGE,
                "Naailes, zodat Joyce zelf kleine reparaties kan doen.",
                days_ago=320,
                recorded_by="sevda",
            ),
            ContributionSpec(
                "joyce",
                "sevda",
                Kind.TIME,
                "Gezelschap voor Sevda's moeder, zodat Sevda op de ruil kon zijn.",
                days_ago=200,
                recorded_by="sevda",
                hours=_h("5"),
            ),
            ContributionSpec(
                "layla",
                "sevda",
                Kind.MONEY,
                "Geld uit de pot voor garen en een tweedehands naaimachine.",
                days_ago=298,
                recorded_by="layla",
                euros=_h("45"),
            ),
            ContributionSpec(
                "lotte",
                "joyce",
                Kind.OTHER,
                "Berichten voor social media en flyers voor de buurt.",
                days_ago=250,
                recorded_by="lotte",
            ),
        ),
        status=AllianceStatus.ENDED,
        status_set_by="joyce",
        ended_days_ago=125,
    ),
    AllianceSpec(
        key="ons_verhaal",
        name="Ons verhaal voor de gemeente",
        intention=(
            "De gemeente komt kijken wat Wij in de Wijk met het geld heeft gedaan. Wij willen "
            "laten zien wat er echt gebeurd is: de verhalen, het netwerk en wat we geleerd "
            "hebben, niet alleen de cijfers."
        ),
        way_of_working=(
            "We verzamelen samen verhalen uit de buurt. We bereiden het gesprek met de "
            "gemeente voor als een gesprek tussen gelijken. Na afloop schrijven we op wat we "
            "ervan leerden."
        ),
        started_days_ago=150,
        starter="henk",
        starter_role="Ik vertel hoe het begon en ik zorg dat iedereen aan het woord komt.",
        organisation="wijindewijk",
        organisation_role="Wij in de Wijk legt verantwoording af, op onze eigen manier.",
        joins=(
            JoinSpec(
                "peter",
                "henk",
                148,
                "Ik help het verhaal op papier te zetten en het gesprek voor te bereiden.",
            ),
            JoinSpec(
                "joyce",
                "henk",
                140,
                "Ik vertel wat de buurtkeuken en de kledingruil voor de moeders betekenen.",
            ),
            JoinSpec(
                "ingrid",
                "peter",
                120,
                "Ik kom namens de gemeente, maar ik wil luisteren en leren hoe we anders kunnen "
                "kijken.",
            ),
        ),
        entries=(
            EntrySpec(
                "henk",
                147,
                "Er kwam een brief: de gemeente wil een verantwoording met het aantal deelnemers "
                "per activiteit. We schrokken.",
                "Onze eerste reactie was boosheid. We voelden ons gecontroleerd.",
                "Samen bedenken hoe we ons verhaal willen vertellen.",
            ),
            EntrySpec(
                "peter",
                135,
                "We hebben tien bewoners gevraagd: wat is er voor jou veranderd? We schreven hun "
                "antwoorden letterlijk op.",
                "De verhalen zeggen meer dan onze aantallen. Een vrouw zei: 'Ik ben niet meer "
                "bang voor mijn brievenbus.'",
            ),
            EntrySpec(
                "joyce",
                125,
                "We hebben een kaart gemaakt van ons netwerk: wie kent wie, sinds wanneer, via "
                "welke activiteit.",
                "Ons netwerk is drie keer zo groot als twee jaar geleden.",
                "Ingrid vragen om het gesprek samen voor te bereiden.",
                milestone=True,
            ),
            EntrySpec(
                "ingrid",
                115,
                "Ik heb het gesprek samen met Henk en Peter voorbereid. We beginnen met de "
                "vraag: waar sta je, waar kom je vandaan, waarom doe je dit werk?",
                "Als ambtenaar draag je het 'rechtmatig doen' altijd met je mee. Het voelde "
                "spannend om dat even los te laten.",
            ),
            EntrySpec(
                "henk",
                100,
                "Het gesprek met de gemeente is geweest. Eerst stijf, daarna open. De "
                "controleur vertelde over haar eigen moeder, die in de bijstand zat.",
                "Als je begint met mensen in plaats van met formulieren, wordt het een ander "
                "gesprek.",
                milestone_marked_by="ingrid",
            ),
            EntrySpec(
                "peter",
                92,
                "De gemeente accepteert onze verantwoording met verhalen, het netwerk en de "
                "bonnetjes. Ingrid gebruikt het als voorbeeld voor andere initiatieven.",
                "Verantwoorden kan ook over het proces gaan. Dat hebben we nu zwart op wit.",
            ),
        ),
        contributions=(
            ContributionSpec(
                "peter",
                "henk",
                Kind.TIME,
                "Geholpen met het opschrijven van de verhalen en het maken van de netwerkkaart.",
                days_ago=130,
                recorded_by="peter",
                hours=_h("10"),
            ),
            ContributionSpec(
                "henk",
                "peter",
                Kind.KNOWLEDGE,
                "Laten zien hoe je een buurtavond leidt zonder dat het saai wordt.",
                days_ago=110,
                recorded_by="peter",
            ),
            ContributionSpec(
                "@wijindewijk",
                "ingrid",
                Kind.KNOWLEDGE,
                "Verhalen en een netwerkkaart, als voorbeeld voor andere initiatieven.",
                days_ago=95,
                recorded_by="henk",
            ),
            ContributionSpec(
                "ingrid",
                "@wijindewijk",
                Kind.KNOWLEDGE,
                "Uitleg over hoe de gemeente een verantwoording beoordeelt, en wat er echt "
                "nodig is.",
                days_ago=112,
                recorded_by="ingrid",
            ),
        ),
        status=AllianceStatus.ENDED,
        status_set_by="henk",
        ended_days_ago=90,
    ),
    AllianceSpec(
        key="wandelgroep",
        name="Wandelgroep Rivierkwartier",
        intention=(
            "Elke zaterdagochtend samen een uur wandelen door het Rivierkwartier en langs de "
            "rivier. Even buiten zijn, bewegen en praten, in je eigen tempo."
        ),
        way_of_working=(
            "We vertrekken om tien uur bij de bibliotheek. De langzaamste bepaalt het tempo. "
            "Niemand hoeft te praten."
        ),
        started_days_ago=260,
        starter="lotte",
        starter_role="Ik bedenk de routes en ik stuur elke week een berichtje.",
        joins=(
            JoinSpec(
                "natasja",
                "lotte",
                258,
                "Ik loop mee met mijn hond Bolletje en ik wacht op wie langzamer loopt.",
            ),
            JoinSpec("gerda", "lotte", 256, "Ik loop mee en ik neem koffie mee in een thermoskan."),
            JoinSpec("dirk", "natasja", 230, "Ik vertel over de vogels die we zien."),
        ),
        entries=(
            EntrySpec(
                "lotte",
                255,
                "De eerste wandeling: vier mensen en een hond.",
                "Een vaste tijd en een vaste plek maken het makkelijk.",
            ),
            EntrySpec(
                "dirk",
                225,
                "Ik heb een ijsvogel laten zien bij de brug. Iedereen was stil.",
                "Ik vond het fijn dat ik iets kon laten zien.",
                milestone_marked_by="natasja",
            ),
            EntrySpec(
                "gerda",
                190,
                "We zijn nu met negen. Er loopt een meneer mee in een rolstoel; we hebben de "
                "route aangepast.",
                "De langzaamste bepaalt het tempo. Dat werkt echt.",
                "Een route zonder trappen maken.",
            ),
            EntrySpec(
                "natasja",
                140,
                "Het is te koud en te glad. Veel mensen haken af.",
                "",
                "Misschien in de winter korter lopen.",
            ),
            EntrySpec(
                "lotte",
                100,
                "We pauzeren de wandelgroep tot het voorjaar. Ik heb tentamens en het weer is "
                "slecht.",
                "Pauzeren is niet mislukken. We hebben afgesproken in maart weer te beginnen.",
                "In maart een nieuwe ronde.",
            ),
        ),
        contributions=(
            ContributionSpec(
                "dirk",
                "lotte",
                Kind.KNOWLEDGE,
                "Uitleg over de vogels langs de rivier.",
                days_ago=225,
                recorded_by="lotte",
            ),
            ContributionSpec(
                "lotte",
                "dirk",
                Kind.TIME,
                "Samen een vogelroute langs de rivier uitgezet.",
                days_ago=200,
                recorded_by="lotte",
                hours=_h("3"),
            ),
            ContributionSpec(
                "gerda",
                "natasja",
                Kind.GOODS,
                "Elke week koffie in de thermoskan.",
                days_ago=150,
                recorded_by="natasja",
            ),
        ),
        invitations=(
            InvitationSpec(
                by="lotte",
                email_of="wim",
                message=(
                    "Hoi Wim, heb je zin om mee te wandelen? We lopen langzaam en er is koffie."
                ),
                declined=True,
            ),
        ),
        status=AllianceStatus.PAUSED,
        status_set_by="lotte",
    ),
    AllianceSpec(
        key="moedergroep",
        name="Opvoeden doe je niet alleen",
        intention=(
            "Een groep moeders die elkaar steunen bij het opvoeden, zonder dat het een cursus "
            "wordt. We delen wat werkt, wat moeilijk is en waar je terecht kunt."
        ),
        way_of_working=(
            "Elke donderdagochtend na het brengen naar school, in het buurthuis. Er is oppas "
            "voor de kleintjes. De moeders kiezen zelf het onderwerp. Wat hier besproken wordt, "
            "gaat niet naar het buurtteam, tenzij je dat zelf wilt."
        ),
        started_days_ago=170,
        starter="sanne",
        starter_role=(
            "Ik zorg voor de ruimte en de oppas, en ik kom als er vragen zijn over regelingen."
        ),
        organisation="buurtteam",
        organisation_role="Het buurtteam betaalt de oppas en stelt de ruimte beschikbaar.",
        joins=(
            JoinSpec(
                "fatma",
                "sanne",
                168,
                "Ik ben erbij als moeder en als gezinswerker. Ik breng de thee en de Turkse "
                "moeders mee.",
            ),
            JoinSpec(
                "amina",
                "fatma",
                160,
                "Ik breng de Arabische moeders mee en ik vertaal als dat nodig is.",
            ),
            JoinSpec("joyce", "fatma", 150, "Ik praat mee als moeder die het alleen doet."),
            JoinSpec("layla", "amina", 140, "Ik praat mee en ik help de groep met plannen."),
        ),
        entries=(
            EntrySpec(
                "fatma",
                165,
                "De eerste ochtend, met zes moeders. Het onderwerp was slapen. Iedereen had een "
                "ander advies, en dat was juist goed.",
                "Moeders weten zelf heel veel. Ik hoef niet de deskundige te zijn.",
            ),
            EntrySpec(
                "amina",
                150,
                "Vandaag ging het over de schoolapp en brieven van school. Ik heb uitgelegd hoe "
                "de app werkt, in het Arabisch en in het Nederlands.",
                "Wat ik zelf net heb geleerd, kan ik meteen doorgeven.",
            ),
            EntrySpec(
                "joyce",
                120,
                "Ik had een zware week en ik heb gehuild in de groep. Niemand gaf advies; ze "
                "luisterden gewoon.",
                "Soms is luisteren genoeg.",
            ),
            EntrySpec(
                "sanne",
                90,
                "De moeders vroegen om een ochtend over geld en toeslagen. Ik heb Bas van de "
                "inloop uitgenodigd.",
                "Bas legde het uit vanuit zijn eigen ervaring. Dat kwam beter aan dan mijn uitleg.",
                milestone=True,
            ),
            EntrySpec(
                "layla",
                35,
                "Met de groep hebben we een plan gemaakt voor een moeder-kinddag in de zomer.",
                "De groep is van ons geworden, niet van het buurtteam.",
                "Een klein budget vragen via de buurtagenda.",
                milestone_marked_by="fatma",
            ),
        ),
        contributions=(
            ContributionSpec(
                "@buurtteam",
                "amina",
                Kind.OTHER,
                "Oppas voor de kleintjes, twaalf ochtenden lang, ook voor Amina's jongste.",
                days_ago=80,
                recorded_by="sanne",
                euros=_h("180"),
            ),
            ContributionSpec(
                "amina",
                "@buurtteam",
                Kind.KNOWLEDGE,
                "De schoolapp uitgelegd in het Arabisch, en vertaald voor moeders die nog "
                "weinig Nederlands spreken.",
                days_ago=150,
                recorded_by="amina",
                hours=_h("3"),
            ),
            ContributionSpec(
                "fatma",
                "joyce",
                Kind.TIME,
                "Mee naar een gesprek op school.",
                days_ago=115,
                recorded_by="joyce",
                hours=_h("1.5"),
            ),
            ContributionSpec(
                "joyce",
                "fatma",
                Kind.OTHER,
                "Het haar van Fatma's dochters gevlochten voor een bruiloft.",
                days_ago=60,
                recorded_by="fatma",
            ),
        ),
    ),
)

# ------------------------------------------------------------------------------------------
# Log-ins to try (printed by load_demo; the README names the first four)

DEMO_LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin(
        "amina",
        "Amina Benali",
        "amina@example.org",
        "Bewoner met vier bondgenootschappen. Lees het logboek van 'Samen de post op orde' "
        "(met een eerdere versie van een bericht) en kijk wie wat gaf.",
    ),
    DemoLogin(
        "bas",
        "Bas Hoekstra",
        "bas@example.org",
        "Bondgenoot van Amina en coördinator van Inloop De Open Deur. Schrijf in het logboek "
        "of leg vast wat Amina gaf.",
    ),
    DemoLogin(
        "sanne",
        "Sanne de Wit",
        "sanne@example.org",
        "Coördinator van Buurtteam Vlinderbuurt. Bekijk de leden en de moedergroep van het "
        "buurtteam.",
    ),
    DemoLogin(
        "noor",
        "Noor Visser",
        "noor@example.org",
        "Net verhuisd, nog geen bondgenootschappen. Vul je profiel aan of begin zelf iets.",
    ),
    DemoLogin(
        "kevin",
        "Kevin Martina",
        "kevin@example.org",
        "Ervaringsdeskundige in een tandem met Jeroen van het buurtteam.",
    ),
    DemoLogin(
        "ingrid",
        "Ingrid Vermeulen",
        "ingrid@example.org",
        "Programmamanager bij de gemeente, bondgenoot in de buurtagenda.",
    ),
)

# ------------------------------------------------------------------------------------------
# Consent per purpose (privacy app): what each person said yes to, on "Mijn gegevens".
# Everyone not named here answered nothing yet, which counts as "no". People who keep to
# themselves (Marieke, Dirk, Peter) are not findable for people who are not their allies.

_FIND = Purpose.FINDABLE
_CONTACT = Purpose.CONTACT_BY_ORGANISATIONS
_QUOTE = Purpose.QUOTE_IN_REPORT

CONSENTS: Mapping[str, tuple[str, ...]] = {
    "amina": (_FIND, _QUOTE),
    "bas": (_FIND, _CONTACT, _QUOTE),
    "sanne": (_FIND, _CONTACT),
    "noor": (_FIND, _CONTACT),
    "jeroen": (_FIND, _CONTACT, _QUOTE),
    "kevin": (_FIND, _QUOTE),
    "fatma": (_FIND,),
    "esra": (_FIND, _CONTACT),
    "ricardo": (_FIND, _CONTACT, _QUOTE),
    "henk": (_FIND,),
    "layla": (_FIND, _CONTACT, _QUOTE),
    "ingrid": (_FIND, _CONTACT),
    "mirjam": (_FIND, _CONTACT, _QUOTE),
    "anouk": (_FIND, _CONTACT),
    "gerda": (_FIND, _QUOTE),
    "tomasz": (_FIND,),
    "joyce": (_FIND, _QUOTE),
    "mohamed": (_FIND, _CONTACT),
    "sevda": (_CONTACT,),
    "ruth": (_FIND, _CONTACT, _QUOTE),
    "jamal": (_FIND,),
    "lotte": (_FIND, _CONTACT),
    "marek": (_FIND,),
    "priya": (_FIND, _CONTACT, _QUOTE),
    "wim": (_QUOTE,),
    "natasja": (_FIND,),
    "erik": (_FIND, _CONTACT),
}
