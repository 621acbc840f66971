"""Generate realistic Dutch profiles for the matching benchmark by recombining sentences.

Each profile takes a few sentences per field from pools written the way residents, allies and
initiatives describe themselves, with names of places, skills and experiences filled in, so the
vocabulary grows with the number of profiles the way real text does.
"""

from __future__ import annotations

import functools
import random

import wordfreq

from bondgenoot.matching.engine import Document

NEIGHBOURHOODS = [
    "Oosterpark", "Transvaal", "Schilderswijk", "Kanaleneiland", "Overvecht", "Bijlmer",
    "Tarwewijk", "Lombok", "Presikhaaf", "Malburgen", "De Kolenkit", "Hoogvliet", "Zuilen",
    "Spangen", "Selwerd", "Groenewoud", "Hatert", "Moerwijk", "Ondiep", "Feijenoord",
]  # fmt: skip

SKILLS = [
    "administratie", "de post openmaken", "formulieren invullen", "koken", "fietsen repareren",
    "taalles geven", "huiswerkbegeleiding", "budgetteren", "solliciteren", "een cv schrijven",
    "de computer", "DigiD", "toeslagen aanvragen", "tuinieren", "naaien", "muziek maken",
    "luisteren", "wandelen", "boodschappen doen", "klussen in huis", "schilderen", "rekenen",
    "voorlezen", "met pubers praten", "opruimen", "verhuizen", "een buurtfeest organiseren",
    "vertalen uit het Arabisch", "vertalen uit het Turks", "Engelse les", "sporten met jongeren",
    "meegaan naar afspraken", "de huisarts bellen", "een moestuin bijhouden", "fotografie",
]  # fmt: skip

EXPERIENCES = [
    "schulden", "een scheiding", "een burn-out", "werkloosheid", "eenzaamheid", "een verslaving",
    "detentie", "dakloosheid", "rouw na het overlijden van mijn man", "mantelzorg voor mijn moeder",
    "een vlucht uit Syrië", "inburgering", "armoede", "huiselijk geweld", "een depressie",
    "laaggeletterdheid", "een chronische ziekte", "opgroeien in de jeugdzorg",
]  # fmt: skip

ABOUT = [
    "Ik woon al {n} jaar in {wijk}.",
    "Ik ben moeder van {k} kinderen en werk parttime in de zorg.",
    "Ik ben vader van {k} kinderen en gepensioneerd buschauffeur.",
    "Ik kom oorspronkelijk uit {land} en woon sinds {jaar} in Nederland.",
    "Wij zijn een bewonersinitiatief in {wijk} met een inloop op {dag}.",
    "Ik ben student en wil iets doen voor de buurt.",
    "Ik werk als buurtteammedewerker in {wijk}.",
    "Ik ben ervaringsdeskundige en werk als vrijwilliger bij het buurthuis.",
    "Mijn hond en ik lopen elke ochtend een rondje door {wijk}.",
    "Ik hou van gezelligheid en een goed gesprek.",
    "Verder hou ik van {vrij} en {vrij2}.",
    "Thuis noemen ze mij de {vrij} van de familie.",
]
STRENGTHS = [
    "Ik ben goed in {skill}.",
    "Ik help graag met {skill} en {skill2}.",
    "Mensen vragen mij vaak om hulp bij {skill}.",
    "Ik heb geduld en kan goed uitleggen, vooral bij {skill}.",
    "Op {dag} help ik op het spreekuur met {skill}.",
    "Ik weet de weg bij de gemeente en help met {skill}.",
]
ASPIRATIONS = [
    "Ik wil graag beter worden in {skill}.",
    "Ik wil meer mensen in {wijk} leren kennen.",
    "Ik wil een eigen bedrijf beginnen.",
    "Ik droom van een plek waar buren samen {skill2} doen.",
    "Ik wil mijn diploma halen.",
    "Ik wil andere mensen helpen die ook {exp} hebben meegemaakt.",
]
LIVED = [
    "Ik heb zelf {exp} meegemaakt.",
    "Na {exp} ben ik opnieuw begonnen.",
    "Ik weet hoe het is om {exp} te hebben, en hoe je eruit komt.",
    "Door {exp} heb ik geleerd om hulp te vragen.",
    "",
]
LIMITS = [
    "",
    "",
    "",
    "Ik kom niet bij mensen thuis.",
    "Ik help niet met schulden.",
    "Geen klussen met elektra.",
    "Ik heb geen auto.",
    "Ik werk niet in het weekend.",
]
LANDS = ["Marokko", "Turkije", "Syrië", "Eritrea", "Suriname", "Polen", "Somalië", "Afghanistan"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"]
CAPACITY = ["available", "available", "some", "some", "not_now"]

QUERIES = [
    "hulp met post",
    "wie kan mij helpen met mijn administratie, de brieven stapelen zich op",
    "ik sta rood en durf de post niet meer open te maken",
    "iemand die mijn fiets kan repareren",
    "taalmaatje gezocht om Nederlands te oefenen",
    "ik ben net vrij en zoek iemand die weet hoe het is",
    "niemand om mee te praten sinds mijn man is overleden",
    "someone who can help me with debt and letters",
    "huiswerkbegelijding voor mijn zoon",
    "schuldhulpverlening ervaringsdeskundige",
    "ik zoek iemand die samen met mij wil koken en eten, ik ben vaak alleen en weet niet zo goed"
    " hoe ik nieuwe mensen kan leren kennen in de buurt, misschien is er een buurthuis",
    "digid aanvragen lukt niet",
]


@functools.cache
def _free_words() -> list[str]:
    """Real Dutch words (ranks 2,000-40,000) so the vocabulary grows like real text."""
    return [w for w in wordfreq.top_n_list("nl", 40_000, wordlist="large")[2000:] if w.isalpha()]


def _fill(template: str, rnd: random.Random) -> str:
    free = _free_words()
    return template.format(
        vrij=rnd.choice(free),
        vrij2=rnd.choice(free),
        n=rnd.randint(2, 40),
        k=rnd.randint(1, 5),
        wijk=rnd.choice(NEIGHBOURHOODS),
        land=rnd.choice(LANDS),
        jaar=rnd.randint(1975, 2024),
        dag=rnd.choice(DAYS),
        skill=rnd.choice(SKILLS),
        skill2=rnd.choice(SKILLS),
        exp=rnd.choice(EXPERIENCES),
    )


def _pick(pool: list[str], rnd: random.Random, lo: int, hi: int) -> str:
    return " ".join(_fill(t, rnd) for t in rnd.sample(pool, rnd.randint(lo, hi))).strip()


def generate(count: int, seed: int = 1) -> list[Document]:
    rnd = random.Random(seed)
    docs = []
    for i in range(count):
        docs.append(
            Document(
                id=i,
                neighbourhood=rnd.choice(NEIGHBOURHOODS),
                fields={
                    "about": _pick(ABOUT, rnd, 1, 2),
                    "strengths": _pick(STRENGTHS, rnd, 1, 3),
                    "aspirations": _pick(ASPIRATIONS, rnd, 0, 2),
                    "lived_experience": _pick(LIVED, rnd, 0, 2),
                },
                limits=rnd.choice(LIMITS),
                capacity=rnd.choice(CAPACITY),
            )
        )
    return docs
