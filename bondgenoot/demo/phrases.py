"""Dutch phrase fragments for ``generate_data``. Combined at random, they make varied texts.

Plain data, like ``content.py``. Everything is invented. The fragments describe what people
can, want and have lived through in their own words; none of them labels anyone.
"""

FIRST_NAMES: tuple[str, ...] = (
    "Aaliyah", "Abdel", "Adam", "Agnieszka", "Ahmet", "Aïcha", "Alex", "Ali", "Amir", "Ana",
    "Anja", "Anton", "Ayla", "Bart", "Bilal", "Bo", "Bram", "Carmen", "Cees", "Chantal",
    "Chen", "Daan", "Dana", "Demi", "Dennis", "Dilan", "Edwin", "Elif", "Ella", "Emre",
    "Esther", "Fadoua", "Fenna", "Finn", "Floor", "Gijs", "Giovanni", "Hamza", "Hanneke",
    "Hasan", "Hiba", "Ilse", "Imane", "Iris", "Ivo", "Jasmijn", "Jayden", "Jesse", "Joost",
    "Jurgen", "Kader", "Karima", "Kees", "Khadija", "Lars", "Lieke", "Lina", "Luuk", "Maaike",
    "Malika", "Mark", "Maryam", "Mei", "Milan", "Mustafa", "Nadia", "Naomi", "Nick", "Nina",
    "Olga", "Omar", "Oscar", "Özlem", "Pim", "Quinten", "Rachid", "Rana", "Reza", "Rik",
    "Robin", "Roos", "Safiya", "Salma", "Sem", "Senna", "Shanti", "Siham", "Sofie", "Stefan",
    "Tamara", "Thijs", "Tim", "Tirza", "Ugur", "Vera", "Wendy", "Wouter", "Xander", "Yara",
    "Yasin", "Youssef", "Zeynep", "Zoë",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Aarts", "Achterberg", "Aydın", "Bakker", "Boukhari", "Bos", "Brink", "Celik", "Dekker",  # noqa: RUF001
    "Doğan", "van Dam", "de Groot", "Driessen", "El Ouardi", "Esajas", "Franssen", "Gerritsen",
    "de Haan", "Hamdi", "Hermans", "Hoogland", "Huisman", "Jansen", "de Jong", "Kaya",
    "Klaassen", "Koster", "Kramer", "Kuijpers", "Lambrechts", "Lammers", "van der Linden",
    "Maas", "Meijer", "Mertens", "Molenaar", "Nieuwenhuis", "Öztürk", "Pauw", "Postma",
    "Prins", "Rademaker", "Ramdin", "Ritsema", "Sahin", "Schipper", "Sedney", "Sluiter",
    "Tahiri", "Terpstra", "Tjon", "Uiterwijk", "Veenstra", "Verbeek", "Visscher", "de Vries",
    "Wijnands", "Willems", "Wolters", "Yılmaz", "Zandstra", "Zwart",  # noqa: RUF001
)  # fmt: skip

NEIGHBOURHOOD_STEMS: tuple[str, ...] = (
    "Eiken", "Beuken", "Linden", "Wilgen", "Merel", "Zonne", "Molen", "Haven", "Tulpen",
    "Kastanje", "Berken", "Vogel", "Sterren", "Kade", "Dijk", "Water", "Appel", "Klaver",
    "Lijster", "Vlas",
)  # fmt: skip
NEIGHBOURHOOD_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("De", "buurt"),
    ("De", "hof"),
    ("Het", "kwartier"),
    ("De", "wijk"),
    ("Het", "park"),
    ("Het", "veld"),
)
NEIGHBOURHOOD_QUARTERS: tuple[str, ...] = ("", " Noord", " Zuid", " Oost", " West")
MUNICIPALITIES: tuple[str, ...] = ("Lindendaal", "Oosterveen", "Westerbroek", "Rivierstad")

LANGUAGES: tuple[str, ...] = (
    "Arabisch", "Turks", "Papiaments", "Engels", "Sranantongo", "Pools", "Tamazight", "Frans",
    "Duits", "Spaans", "Portugees", "Tigrinya", "Somalisch", "Farsi", "Oekraïens", "Russisch",
    "Hindi", "Chinees", "Bulgaars", "Roemeens", "Koerdisch", "Fries",
)  # fmt: skip

TAGS: tuple[str, ...] = (
    "koken", "tuinieren", "fietsen", "muziek", "voetbal", "naaien", "wandelen", "lezen",
    "schaken", "klussen", "vertalen", "computers", "post sorteren", "taal", "dansen",
    "knutselen", "kinderen", "ouderen", "buurtfeest", "moestuin", "schilderen", "zingen",
    "fotografie", "vissen", "bakken", "huiswerk", "sporten", "luisteren", "vrijwilliger",
    "mantelzorg", "ervaringsdeskundige", "organiseren", "dieren", "natuur", "repareren",
    "budgetteren", "yoga", "basketbal", "theater", "geloof", "koffie", "spelletjes",
    "kapper", "kleding ruilen", "buurthuis", "werk zoeken", "studie", "nieuw in de buurt",
)  # fmt: skip

ABOUT_OPENERS: tuple[str, ...] = (
    "Ik woon al {years} jaar in {place}.",
    "Ik woon sinds kort in {place}.",
    "Ik ben geboren en getogen in {place}.",
    "Ik woon met mijn gezin in {place}.",
    "Ik woon alleen, in een flat in {place}.",
    "Ik woon met mijn moeder in {place}.",
    "Ik ben {age} jaar en woon in {place}.",
)
ABOUT_MIDDLES: tuple[str, ...] = (
    "Ik werk in de zorg.",
    "Ik ben met pensioen.",
    "Ik studeer nog.",
    "Ik werk in een winkel.",
    "Ik zoek werk dat bij me past.",
    "Ik werk in de bouw.",
    "Ik zorg voor mijn kinderen.",
    "Ik werk als vrijwilliger in het buurthuis.",
    "Ik werk bij een organisatie in de buurt.",
    "Ik heb een eigen bedrijfje aan huis.",
    "Ik werk 's nachts in een distributiecentrum.",
)
ABOUT_CLOSERS: tuple[str, ...] = (
    "Ik ben graag onder de mensen.",
    "Ik hou van rust en van een goed gesprek.",
    "Mijn deur staat open voor de buren.",
    "Ik maak graag een praatje op straat.",
    "Ik ben een beetje verlegen, maar als je me kent, praat ik veel.",
    "Ik vind het belangrijk dat iedereen meedoet.",
    "",
)

STRENGTHS: tuple[str, ...] = (
    "goed luisteren", "koken voor een grote groep", "brieven lezen en uitleggen",
    "fietsen repareren", "mensen aan het lachen maken", "plannen en organiseren",
    "vertalen voor buren", "kinderen helpen met huiswerk", "naaien en repareren",
    "tuinieren", "computers en telefoons instellen", "klussen in huis", "rustig blijven",
    "geld op een rijtje zetten", "mensen met elkaar in contact brengen", "muziek maken",
    "eerlijk zeggen wat ik denk", "verhalen vertellen", "sporten met jongeren",
    "bakken", "bellen met instanties", "feesten organiseren", "schilderen",
    "mensen op hun gemak stellen", "geduld hebben", "een groep leiden",
)  # fmt: skip

ASPIRATIONS: tuple[str, ...] = (
    "Ik wil beter Nederlands leren.",
    "Ik wil mijn post en papieren zelf leren regelen.",
    "Ik wil betaald werk vinden dat bij me past.",
    "Ik wil een opleiding afmaken.",
    "Ik wil meer mensen in de buurt leren kennen.",
    "Ik wil iets terugdoen voor de buurt.",
    "Ik wil een eigen bedrijfje beginnen.",
    "Ik wil leren werken met de computer.",
    "Ik wil mijn ervaring gebruiken om anderen te helpen.",
    "Ik wil vaker naar buiten en meer bewegen.",
    "Ik wil leren koken uit andere landen.",
    "Ik wil een plek in de buurt voor jongeren.",
    "Ik wil leren om nee te zeggen.",
    "Ik wil meer groen in de straat.",
)

LIVED_EXPERIENCE: tuple[str, ...] = (
    "Ik heb een tijd schulden gehad.",
    "Ik heb jaren voor mijn moeder gezorgd.",
    "Ik ben hier gekomen zonder de taal te spreken.",
    "Ik heb lang zonder werk gezeten.",
    "Ik heb een tijd op straat geleefd.",
    "Ik ben een tijd ziek geweest.",
    "Ik heb mijn kinderen alleen opgevoed.",
    "Ik heb gevangen gezeten en ben opnieuw begonnen.",
    "Ik ben van school gegaan zonder diploma.",
    "Ik heb een scheiding meegemaakt.",
    "Ik heb lang eenzaam gewoond.",
    "Ik ben opgegroeid in armoede.",
)
LIVED_EXPERIENCE_TAILS: tuple[str, ...] = (
    "Ik weet hoe zwaar dat is.",
    "Daar heb ik veel van geleerd.",
    "Iemand ging toen naast me zitten, en dat wil ik nu voor anderen doen.",
    "Ik praat er open over als het iemand helpt.",
    "",
)

LIMITS: tuple[str, ...] = (
    "Ik leen geen geld uit.",
    "In het weekend ben ik er voor mijn familie.",
    "Ik til niets zwaars.",
    "Ik ben geen hulpverlener.",
    "'s Avonds ben ik niet bereikbaar.",
    "Grote groepen vind ik lastig.",
    "Ik bel liever niet; stuur maar een berichtje.",
    "Ik doe niets met geldzaken van anderen.",
    "Ik werk in ploegen, dus niet altijd op dezelfde dag.",
    "Ik heb geen auto.",
)

CAPACITY_NOTES: tuple[str, ...] = (
    "",
    "",
    "Vooral overdag.",
    "Alleen in het weekend.",
    "Een paar uur per week.",
    "Even niet, vraag het me later weer.",
)

ACTIVITIES: tuple[str, ...] = (
    "Samen koken", "Moestuin", "Taalcafé", "Klusjesdienst", "Wandelgroep", "Post op orde",
    "Huiswerkplek", "Kledingruil", "Fietsenmakerij", "Buurtagenda", "Koffieochtend",
    "Muziekstudio", "Opvoeden samen", "Op weg naar werk", "Repaircafé", "Buurtfeest",
    "Speelplek", "Boodschappen samen", "Computerhulp", "Schilderclub",
)  # fmt: skip

INTENTIONS: tuple[str, ...] = (
    "Samen iets opbouwen waar de buurt iets aan heeft.",
    "Elkaar helpen met wat ieder nodig heeft, en geven wat ieder kan.",
    "Minder alleen zijn en meer samen doen.",
    "Stap voor stap naar wat we willen bereiken, in ons eigen tempo.",
    "Laten zien wat bewoners zelf kunnen, als ze de ruimte krijgen.",
    "Een plek maken waar iedereen welkom is.",
)
WAYS_OF_WORKING: tuple[str, ...] = (
    "We spreken elke week af en schrijven kort in het logboek wat we deden.",
    "We zien elkaar om de week; tussendoor houden we contact via de app.",
    "Iedereen doet wat hij kan. Wie even niet kan, hoeft niets uit te leggen.",
    "We beslissen samen en we zeggen het eerlijk als iets niet lukt.",
    "",
)

ROLES: tuple[str, ...] = (
    "Ik regel de ruimte.",
    "Ik breng mijn ervaring mee.",
    "Ik kook.",
    "Ik houd het logboek bij.",
    "Ik nodig de buren uit.",
    "Ik help waar het nodig is.",
    "Ik denk mee en ik luister.",
    "Ik zorg voor de spullen.",
    "",
)

HAPPENED_SUBJECTS: tuple[str, ...] = (
    "We hebben", "Vandaag hebben we", "Deze week hebben we", "Samen hebben we",
    "Met z'n drieën hebben we", "Eindelijk hebben we",
)  # fmt: skip
HAPPENED_ACTIONS: tuple[str, ...] = (
    "de post gesorteerd", "soep gekookt voor de buren", "de moestuin omgespit",
    "een brief aan de gemeente geschreven", "met de woningcorporatie gebeld",
    "een buurtavond voorbereid", "fietsen gemaakt voor kinderen", "Nederlands geoefend",
    "een wandeling gemaakt langs het water", "een cv gemaakt", "de kas geteld",
    "nieuwe mensen uitgenodigd", "een plan gemaakt voor de zomer", "samen gegeten",
    "gepraat over wat er moeilijk is", "een klus gedaan bij een buurvrouw",
    "de ruimte opgeknapt", "een filmpje gemaakt voor de groepsapp",
)  # fmt: skip
HAPPENED_DETAILS: tuple[str, ...] = (
    "Er kwamen meer mensen dan we dachten.",
    "Het ging beter dan de vorige keer.",
    "Het was stil in het begin, maar daarna praatte iedereen.",
    "Niet alles lukte, en dat is ook goed.",
    "Er was een nieuwe buurvrouw bij.",
    "Het regende, maar we gingen toch door.",
    "",
)
LEARNED: tuple[str, ...] = (
    "Eerst luisteren, dan pas iets doen.",
    "Samen gaat het makkelijker dan alleen.",
    "Mensen komen als je het ze zelf vraagt.",
    "Het is goed om te zeggen wat je niet kunt.",
    "Een kleine stap is ook een stap.",
    "De plek maakt uit: in de buurt voelt het anders dan op kantoor.",
    "Geld open bespreken geeft rust.",
    "Iedereen heeft iets te geven.",
    "Soms moet je even pauzeren.",
    "",
)
NEXT_STEPS: tuple[str, ...] = (
    "Volgende week verder.",
    "Nieuwe mensen vragen om mee te doen.",
    "Over een maand kijken hoe het gaat.",
    "Samen bedenken wat we nodig hebben.",
    "Een datum prikken voor de volgende keer.",
    "Met de gemeente praten.",
    "",
)

CONTRIBUTION_DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "time": (
        "Meegeholpen bij de bijeenkomst.",
        "Samen de post gesorteerd.",
        "Een middag geklust.",
        "Mee naar een afspraak gegaan.",
    ),
    "knowledge": (
        "Uitgelegd hoe de toeslagen werken.",
        "Geleerd hoe je een fiets repareert.",
        "Uitleg over de computer.",
        "Tips voor een sollicitatiegesprek.",
    ),
    "experience": (
        "Verteld hoe het voor mij was om opnieuw te beginnen.",
        "Mijn ervaring met schulden gedeeld.",
        "Verteld wat mij hielp toen ik het moeilijk had.",
    ),
    "network": (
        "In contact gebracht met de woningcorporatie.",
        "Voorgesteld aan de buren van de moestuin.",
        "Contact gelegd met een werkgever in de buurt.",
    ),
    "money": (
        "Geld voor de boodschappen.",
        "Een bijdrage voor de huur van de ruimte.",
        "Geld voor materiaal.",
    ),
    "goods": (
        "Soep en brood voor de avond.",
        "Gereedschap uitgeleend.",
        "Kleding voor de ruil.",
        "Groente uit de moestuin.",
    ),
    "other": (
        "De sleutel van de ruimte geregeld.",
        "Flyers rondgebracht.",
        "Muziek voor het feest.",
    ),
}

ORGANISATION_KINDS: tuple[tuple[str, str, str], ...] = (
    # (kind value, name pattern, description)
    ("buurtteam", "Buurtteam {place}", "Wij werken in de buurt, samen met bewoners."),
    ("bewonersinitiatief", "Bewoners van {place}", "Bewoners die samen iets opzetten."),
    ("cooperatie", "Werkcoöperatie {place}", "Samen op weg naar werk dat bij je past."),
    ("gemeente", "Gemeenteteam {place}", "Het team van de gemeente voor deze buurt."),
    ("welzijn", "Welzijn {place}", "Opbouwwerk, jongerenwerk en vrijwilligers."),
)
