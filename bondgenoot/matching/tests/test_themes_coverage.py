"""The themes file covers how people really talk, without false themes from everyday words.

Phrases here are written for this test (not taken from an evaluation set): each names a
theme the way a resident, volunteer or buurtteam might, in another register than the theme's
name. The negative cases guard against single words that pull in the wrong theme.
"""

import pytest

from bondgenoot.matching import thesaurus
from bondgenoot.matching.analysis import analyse_text


def themes_in(text):
    return {m.theme for m in thesaurus.default().match(analyse_text(text))}


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("ik ben echt skeer deze maand", "geldzorgen"),
        ("we moeten elk dubbeltje omdraaien", "budget en rondkomen"),
        ("er staat een bkr-registratie op mijn naam", "schulden"),
        ("ik zit in een minnelijk traject", "schulden"),
        ("we krijgen een pakket van de kledingbank", "armoede en regelingen"),
        ("ik moet mijn toeslag terugbetalen", "belastingen en toeslagen"),
        ("ik kreeg een brief van de belastingsdienst", "belastingen en toeslagen"),
        ("ik help bij de formulierenbrigade", "administratie en post"),
        ("ik woon alleen en kom de deur niet uit", "eenzaamheid"),
        ("hij heeft zijn straf uitgezeten en wil een schone lei", "detentie en opnieuw beginnen"),
        ("ik moet slagen voor het inburgeringsexamen", "taal"),
        ("ik zoek een werkervaringsplek", "werk en dagbesteding"),
        ("ik wil graag mijn steentje bijdragen", "vrijwilligerswerk"),
        ("mijn peuter heeft de hele dag driftbuien", "opvoeding en kinderen"),
        ("mijn zoon spijbelt steeds", "pubers"),
        ("mijn ex betaalt geen kinderalimentatie", "alleenstaande ouder"),
        ("mijn dochter heeft hulp nodig met begrijpend lezen", "school en huiswerk"),
        ("ik lig elke nacht wakker te piekeren", "gezondheid en psychisch welzijn"),
        ("ik heb chronische pijn in mijn rug", "lichamelijke gezondheid"),
        ("ik wil minder drinken maar het lukt niet", "verslaving"),
        ("ik heb al mijn loon vergokt in de speelhal", "gokken"),
        ("we hebben schimmel in huis en de huisbaas doet niets", "huur en verhuurder"),
        ("we dreigen ons huis kwijt te raken", "huisuitzetting"),
        ("ik slaap al weken bij vrienden op de bank, geen vaste woonplaats", "dakloos en opvang"),
        ("mijn huis is vervuild en ik kan niet opruimen", "huishouden"),
        ("wie kan een lekkende kraan maken", "klussen en reparaties"),
        ("wie kan me brengen naar het ziekenhuis met de regiotaxi", "vervoer en boodschappen"),
        ("ik kan niet inloggen en ben mijn wachtwoord vergeten", "digitale hulp"),
        ("de koelkast is leeg en we hebben honger", "koken en eten"),
        ("mijn man is overleden en ik mis hem elke dag", "rouw en verlies"),
        ("ik zorg voor mijn man met dementie en heb een adempauze nodig", "mantelzorg"),
        ("we zijn sinds kort in Nederland en hebben een verblijfsvergunning", "nieuw in nederland"),
        ("mijn partner controleert alles en ik ben bang voor mijn man", "veiligheid en geweld"),
        ("we zitten midden in een vechtscheiding", "scheiding en relaties"),
        ("ik heb ruzie met de buren over geluidsoverlast", "buren en bemiddeling"),
        ("ik zoek een beweegmaatje om samen te sporten", "bewegen en sport"),
        ("ik wil een geveltuin aanleggen", "tuin en groen"),
        ("wie kan mijn hond uitlaten", "dieren"),
        ("ik wil leren haken en borduren", "creatief en cultuur"),
        ("we willen geld voor een buurtbarbecue via crowdfunding", "buurt en samen organiseren"),
        ("ik ben jongerenwerker in de wijk", "jongeren"),
        ("mijn oma is slecht ter been", "ouderen"),
        ("mijn kind heeft een verstandelijke beperking en gebruikt gebarentaal", "beperking"),
        ("ik wil freelancer worden en mijn boekhouding leren", "eigen bedrijf"),
        ("ik wil leren voor mezelf opkomen", "zelfvertrouwen en kracht"),
        ("ik ben non-binair en zoek herkenning", "lhbti"),
        ("ik heb een pro deo advocaat nodig", "juridische hulp"),
        ("ik word gediscrimineerd om mijn huidskleur", "discriminatie"),
        (
            "ik zoek een ervaringsdeskundige die hetzelfde heeft meegemaakt",
            "lotgenoten en ervaringsdeskundigheid",
        ),
        ("I lost my husband last year and I am still grieving", "rouw en verlies"),
        ("I got a letter from the debt collector", "schulden"),
        ("ik krijg paniekaanvallen in de tram", "angst en paniek"),
        ("mijn broer hoort stemmen die er niet zijn", "psychische aandoening"),
        ("hij drinkt elke avond een fles wijn", "alcohol"),
        ("ik blow elke dag", "drugs"),
        ("hij gamet de hele nacht", "gameverslaving"),
        ("we moeten ons huis uit", "huisuitzetting"),
        ("ik zit op zwart zaad", "geldzorgen"),
        ("we willen subsidie voor een buurtfeest", "buurtinitiatief en subsidie"),
        ("ik ben net bevallen van mijn eerste kind", "zwangerschap en baby"),
        ("ik word gepest op school", "pesten"),
        ("mijn ouders willen dat ik trouw met iemand die ik niet ken", "eer en huwelijksdwang"),
        ("ik zoek een tolk voor de afspraak", "tolk en eigen taal"),
        ("ik kom thuis bij mensen voor een kop koffie en een praatje", "ontmoeting en gezelschap"),
        ("I keep crying and feel hopeless", "somberheid en depressie"),
        ("ik ben 17 en wil een bijbaan", "jongeren"),
        ("mijn opa is opgelicht door een nepbankmedewerker", "oplichting en fraude"),
        ("my grandmother got scammed", "oplichting en fraude"),
        ("mijn moeder heeft alzheimer en vergeet steeds meer", "dementie"),
        ("mijn man herkent me niet meer", "dementie"),
        ("ik ben prikkelgevoelig en drukte is me te veel", "autisme en prikkels"),
        ("ik moet mijn huurtoeslag terugbetalen", "toeslagen terugbetalen"),
        ("ik zie het niet meer zitten en kom mijn bed niet uit", "somberheid en depressie"),
        (
            "net verhuisd voor mijn werk en mijn weekenden zijn leeg",
            "jongvolwassenen zonder netwerk",
        ),
        ("mijn buurvrouw kan niet lezen en schrijven", "lezen en schrijven"),
        (
            "ik wil mijn diploma laten waarderen en weer in mijn vak werken",
            "werken in je eigen vak",
        ),
        ("hij controleert mijn telefoon en ik mag de deur niet uit", "veiligheid en geweld"),
        ("my brother smokes weed every day", "drugs"),
        ("ik wil leren videobellen met mijn kleinkinderen", "digitale hulp"),
    ],
)
def test_real_world_wording_finds_its_theme(text, theme):
    assert theme in themes_in(text)


@pytest.mark.parametrize(
    ("text", "not_theme"),
    [
        ("ik zet me in voor de buurt", "gokken"),  # zich inzetten is not betting
        ("de woningbouw dreigt me eruit te zetten", "veiligheid en geweld"),
        ("ik ben goed met cijfers en bankrekeningen", "school en huiswerk"),
        ("ik werk als vrijwilliger bij de rechtswinkel", "vervoer en boodschappen"),
        ("ik bel graag via videobellen", "creatief en cultuur"),
        ("ik ben student en help graag", "jongeren"),
        ("omgang met geld vind ik lastig", "scheiding en relaties"),
        ("de luisterlijn heeft me geholpen", "verslaving"),
        ("ik wil zelfstandig wonen", "eigen bedrijf"),
        ("ik ga graag koffie drinken met de buren", "alcohol"),  # drinken is not always drank
        ("ik leer ouderen apps op hun telefoon gebruiken", "drugs"),
        ("wij zijn de familie Rood", "budget en rondkomen"),  # a name, not rood staan
        ("ik was 40 jaar oud toen ik hier kwam", "ouderen"),
        ("ik ben werkloos", "rouw en verlies"),  # werk-loos is no English "loss"
        ("ik woon in de Transvaalbuurt", "lhbti"),
        ("mijn huisarts", "creatief en cultuur"),  # huis-arts is no English "art"
        ("een kopje thee", "budget en rondkomen"),  # kopje is no koopje
        ("ik ben op zoek naar werk", "stress en burn-out"),  # "ben op" is not "ik ben op"
        ("ik wil kinderen opvangen", "dakloos en opvang"),
        ("ik praat graag over geld", "administratie en post"),  # over is no overheid
        ("my brother smokes weed every day", "gokken"),  # weed and wedden share a stem
        ("er is niemand die me appt", "digitale hulp"),  # appen is not asking for app help
        ("ik mag van hem de deur niet uit", "eenzaamheid"),  # control, not loneliness
        ("ik mag van hem de deur niet uit", "ontmoeting en gezelschap"),
        ("mijn zoon zit alleen maar op zijn kamer te gamen", "jongvolwassenen zonder netwerk"),
        ("huiselijk geweld en een veiligheidsplan", "oplichting en fraude"),
    ],
)
def test_everyday_words_do_not_pull_in_a_wrong_theme(text, not_theme):
    assert not_theme not in themes_in(text)
