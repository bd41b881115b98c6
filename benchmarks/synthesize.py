"""Synthetic content for benchmarks: a complete project folder with N realistic, valid paths.

Why: the sample content has 29 paths, far too few to see how the build, the checker and the
search index scale. This writes N paths (and a few hundred invented actors) that pass
``vagar check`` and look like the real thing to the pipeline and to Pagefind: occupations,
counties and step sequences are drawn with realistic frequencies, and the free text is composed
from several hundred plain Swedish fragments. It holds no personal data: no names, no
capitalised words in free text except at the start of a sentence, no dates finer than a year,
no ages, no contact details. Output is a pure function of ``--seed`` and the repository's
vocabularies.

    python benchmarks/synthesize.py --count 1000 --out /tmp/vagar-1000 --seed 1
    vagar check --root /tmp/vagar-1000 && (cd /tmp/vagar-1000 && mkdocs build)

It lives outside ``content/`` so that it is never published.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
MARKER = ".vagar-synthetic"
"""Written into every output folder; a folder without it is never overwritten."""
YEARS = tuple(range(2015, 2025))
"""Fixed, past years, so the output does not depend on today's date."""
YEAR_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 10, 10)
MUNICIPALITY_SHARE = 0.15
SMALL_MUNICIPALITY = 20_000
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../generator/schema/{}.schema.json\n"

# --- Occupations -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Occupation:
    """What the text needs to talk about one occupation in plain Swedish."""

    weight: float
    yrke: str
    yrken: str
    bransch: str
    branch: str
    places: tuple[tuple[str, str], ...]
    tasks: tuple[str, ...]
    skills: tuple[str, ...]
    courses: tuple[str, ...]
    course_weeks: tuple[int, int]
    course_share: float
    validation_share: float
    own_business_share: float = 0.0
    tips: tuple[str, ...] = ()


OCCUPATIONS: dict[str, Occupation] = {
    "underskoterska": Occupation(
        14,
        "undersköterska",
        "undersköterskor",
        "vården",
        "vard",
        (
            ("ett äldreboende", "äldreboendet"),
            ("en vårdavdelning", "vårdavdelningen"),
            ("en hemtjänstgrupp", "hemtjänstgruppen"),
            ("ett korttidsboende", "korttidsboendet"),
            ("en rehabiliteringsavdelning", "rehabiliteringsavdelningen"),
        ),
        (
            "hjälpa de boende med morgonrutiner och hygien",
            "dokumentera i journalen",
            "ta blodtryck och göra enkla kontroller",
            "stötta patienter vid måltiderna",
            "förflytta patienter på ett säkert sätt",
            "samarbeta med sjuksköterskor och fysioterapeuter",
            "ge läkemedel enligt delegering",
        ),
        (
            "förflyttningsteknik",
            "basala hygienrutiner",
            "medicinsk terminologi",
            "omvårdnad vid demenssjukdom",
            "palliativ vård",
            "bemötande av äldre",
        ),
        (
            "vård- och omsorgsutbildningen på yrkesvux",
            "en kombinationsutbildning med vård och yrkessvenska",
            "undersköterskeutbildningen på kvällstid",
        ),
        (40, 80),
        0.9,
        0.3,
        tips=(
            "Fråga om extrapass under utbildningen, det ger både erfarenhet och kontakter.",
            "Lär dig förflyttningsteknik ordentligt, ryggen tackar dig senare.",
        ),
    ),
    "vardnara-service": Occupation(
        5,
        "servicemedarbetare i vården",
        "servicemedarbetare i vården",
        "vården",
        "vard",
        (
            ("ett sjukhus", "sjukhuset"),
            ("en vårdcentral", "vårdcentralen"),
            ("en akutmottagning", "akutmottagningen"),
            ("en operationsavdelning", "operationsavdelningen"),
        ),
        (
            "köra prover och material mellan avdelningarna",
            "fylla på förråd",
            "servera mat till patienterna",
            "bädda och göra rent i patientsalar",
            "transportera patienter i säng eller rullstol",
        ),
        ("hygienrutiner", "sterilteknik", "service i vården", "lokalkännedom på sjukhuset"),
        (
            "en kort kurs i vårdnära service",
            "en utbildning i hygien och service i vården",
        ),
        (6, 20),
        0.6,
        0.1,
        tips=("Sjukhusen behöver fler än vårdpersonal, titta även på servicejobben.",),
    ),
    "personlig-assistent": Occupation(
        9,
        "personlig assistent",
        "personliga assistenter",
        "omsorgen",
        "assistans",
        (
            ("ett assistansbolag", "assistansbolaget"),
            ("ett kooperativ för personlig assistans", "kooperativet"),
            ("ett litet assistansföretag", "assistansföretaget"),
        ),
        (
            "hjälpa en brukare i vardagen",
            "följa med på aktiviteter och läkarbesök",
            "laga mat och sköta hemmet tillsammans med brukaren",
            "hjälpa till med personlig hygien",
            "arbeta nätter med jour",
        ),
        (
            "lyft och förflyttning",
            "bemötande",
            "sekretess och integritet",
            "kommunikation med bildstöd",
            "akuta situationer vid epilepsi",
        ),
        (
            "en introduktionskurs i personlig assistans",
            "en kurs i funktionshinderkunskap",
        ),
        (3, 16),
        0.5,
        0.15,
        tips=("Fråga om du får träffa brukaren innan du tackar ja, kemin betyder mycket.",),
    ),
    "barnskotare": Occupation(
        7,
        "barnskötare",
        "barnskötare",
        "förskolan",
        "forskola",
        (
            ("en förskola", "förskolan"),
            ("ett fritidshem", "fritidshemmet"),
            ("en öppen förskola", "den öppna förskolan"),
        ),
        (
            "planera utevistelse och lek",
            "hjälpa barnen vid måltiderna",
            "ta emot barn och föräldrar på morgonen",
            "läsa och sjunga med de yngsta barnen",
            "dokumentera barnens lärande",
        ),
        (
            "barns utveckling",
            "lek och lärande",
            "språkutveckling hos små barn",
            "konflikthantering",
        ),
        (
            "barnskötarutbildningen på yrkesvux",
            "en barnskötarutbildning med språkstöd",
        ),
        (30, 60),
        0.8,
        0.25,
        tips=("Ta timvikariat i förskolan medan du studerar, det öppnar dörrar.",),
    ),
    "elektriker": Occupation(
        5,
        "elektriker",
        "elektriker",
        "elbranschen",
        "el",
        (
            ("ett elföretag", "elföretaget"),
            ("en installationsfirma", "installationsfirman"),
            ("ett bygge med nya lägenheter", "bygget"),
        ),
        (
            "dra kabel i nya bostäder",
            "koppla in elcentraler",
            "felsöka i gamla installationer",
            "montera belysning och uttag",
            "läsa ritningar och elscheman",
        ),
        ("elsäkerhet", "mätteknik", "felsökning", "ritningsläsning", "installationsregler"),
        (
            "elinstallation på yrkesvux",
            "en yrkesutbildning till elektriker",
            "en lärlingsutbildning inom el",
        ),
        (36, 80),
        0.95,
        0.25,
        0.1,
        tips=("Be om att få dina gamla kunskaper bedömda, det kan korta utbildningen rejält.",),
    ),
    "vvs-montor": Occupation(
        3,
        "vvs-montör",
        "vvs-montörer",
        "vvs-branschen",
        "vvs",
        (
            ("ett vvs-företag", "vvs-företaget"),
            ("en rörfirma", "rörfirman"),
            ("ett stambyte i ett bostadsområde", "stambytet"),
        ),
        (
            "byta rör i badrum och kök",
            "montera värmepumpar och element",
            "lägga golvvärme",
            "pressa och löda rör",
        ),
        ("våtrumsregler", "rörteknik", "värmesystem", "ritningsläsning"),
        (
            "vvs-utbildningen på yrkesvux",
            "en yrkesutbildning inom vvs och fastighet",
        ),
        (36, 70),
        0.9,
        0.25,
        0.1,
        tips=("Fråga om lärlingsplats tidigt, många rörfirmor anställer sina lärlingar.",),
    ),
    "snickare": Occupation(
        5,
        "snickare",
        "snickare",
        "byggbranschen",
        "bygg",
        (
            ("en byggfirma", "byggfirman"),
            ("ett bygge med radhus", "bygget"),
            ("ett företag som bygger om kök och badrum", "företaget"),
        ),
        (
            "resa väggar och sätta upp gips",
            "lägga golv och montera dörrar",
            "bygga stommar i trä",
            "läsa ritningar och mäta upp",
        ),
        ("arbetsmiljö på bygget", "stomresning", "ritningsläsning", "handverktyg och maskiner"),
        (
            "bygg- och anläggningsutbildningen på yrkesvux",
            "en lärlingsutbildning inom bygg",
        ),
        (36, 70),
        0.8,
        0.35,
        0.12,
        tips=("Visa bilder på sådant du har byggt, det säger mer än ett betyg.",),
    ),
    "svetsare": Occupation(
        2,
        "svetsare",
        "svetsare",
        "industrin",
        "industri",
        (
            ("en verkstad", "verkstaden"),
            ("en tillverkande industri", "industrin"),
            ("ett mekaniskt företag", "företaget"),
        ),
        (
            "svetsa detaljer i stål och aluminium",
            "läsa svetsritningar",
            "slipa och förbereda fogar",
            "kontrollera svetsarna",
        ),
        ("mig- och tigsvetsning", "materiallära", "svetssymboler", "säkerhet vid heta arbeten"),
        (
            "en svetsutbildning med certifiering",
            "industriutbildningen på yrkesvux",
        ),
        (16, 40),
        0.9,
        0.45,
        tips=("Ett svetscertifikat väger tungt, fråga vilka prov arbetsgivarna efterfrågar.",),
    ),
    "lastbilsforare": Occupation(
        9,
        "lastbilsförare",
        "lastbilsförare",
        "åkerinäringen",
        "transport",
        (
            ("ett åkeri", "åkeriet"),
            ("ett transportföretag", "transportföretaget"),
            ("en grossist med egna bilar", "grossisten"),
        ),
        (
            "köra gods mellan terminaler",
            "lasta och säkra last",
            "köra distribution i staden",
            "planera dagens rutt",
        ),
        ("lastsäkring", "kör- och vilotider", "sparsam körning", "transport av farligt gods"),
        (
            "yrkesförarutbildningen för tung lastbil",
            "en utbildning med körkort för tung lastbil och yrkeskompetensbevis",
        ),
        (16, 40),
        0.95,
        0.1,
        0.05,
        tips=(
            "Fråga åkerierna om de kan tänka sig att ta emot dig på praktik under utbildningen.",
        ),
    ),
    "bussforare": Occupation(
        7,
        "bussförare",
        "bussförare",
        "kollektivtrafiken",
        "buss",
        (
            ("ett bussbolag", "bussbolaget"),
            ("en depå för stadsbussar", "depån"),
            ("ett företag med linjetrafik", "trafikföretaget"),
        ),
        (
            "köra linjetrafik i staden",
            "hjälpa resenärer med biljetter och frågor",
            "köra skolskjuts på landsbygden",
            "kontrollera bussen innan passet",
        ),
        ("trafiksäkerhet", "bemötande av resenärer", "körning i halt väglag", "kör- och vilotider"),
        (
            "yrkesförarutbildningen för buss",
            "en utbildning med busskörkort och yrkeskompetensbevis",
        ),
        (14, 30),
        0.95,
        0.05,
        tips=("Många bussbolag betalar delar av utbildningen, fråga innan du söker själv.",),
    ),
    "kock": Occupation(
        6,
        "kock",
        "kockar",
        "restaurangbranschen",
        "restaurang",
        (
            ("en lunchrestaurang", "lunchrestaurangen"),
            ("ett storkök", "storköket"),
            ("en skolrestaurang", "skolrestaurangen"),
            ("ett hotellkök", "hotellköket"),
        ),
        (
            "laga lunch till många gäster",
            "förbereda såser och grönsaker",
            "planera menyer",
            "baka bröd till frukosten",
            "ta hand om beställningar och minska svinnet",
        ),
        ("livsmedelshygien", "specialkost", "matlagning i stora volymer", "knivteknik"),
        (
            "restaurangutbildningen på yrkesvux",
            "en kockutbildning med praktik",
            "en kurs i storkök",
        ),
        (20, 50),
        0.75,
        0.3,
        0.08,
        tips=("Det finns kök med lugnare tempo, till exempel lunchrestauranger och storkök.",),
    ),
    "lagerarbetare": Occupation(
        9,
        "lagerarbetare",
        "lagerarbetare",
        "logistikbranschen",
        "lager",
        (
            ("ett lager", "lagret"),
            ("en logistikterminal", "terminalen"),
            ("ett e-handelslager", "e-handelslagret"),
        ),
        (
            "plocka och packa order",
            "köra truck",
            "ta emot leveranser",
            "inventera varor",
        ),
        ("truckkörning", "lagersystem", "säkra lyft", "plock med skanner"),
        ("en truckutbildning", "en kort lager- och logistikutbildning"),
        (2, 12),
        0.7,
        0.1,
        tips=("Ta truckkort tidigt, det efterfrågas nästan alltid.",),
    ),
    "lokalvardare": Occupation(
        7,
        "lokalvårdare",
        "lokalvårdare",
        "städbranschen",
        "stad",
        (
            ("ett städföretag", "städföretaget"),
            ("ett sjukhus", "sjukhuset"),
            ("en skola", "skolan"),
            ("ett kontorshus", "kontorshuset"),
        ),
        (
            "städa kontor och trapphus",
            "sköta golvvård med maskin",
            "städa enligt hygienrutiner i vården",
            "beställa material",
        ),
        ("städmetoder", "kemikalier och dosering", "golvvård", "ergonomi"),
        ("en lokalvårdsutbildning", "en kurs i städteknik och hygien"),
        (3, 12),
        0.5,
        0.15,
        0.1,
        tips=("Fråga efter ett branschintyg i lokalvård, det visar vad du kan.",),
    ),
    "butikssaljare": Occupation(
        8,
        "butikssäljare",
        "butikssäljare",
        "handeln",
        "handel",
        (
            ("en livsmedelsbutik", "butiken"),
            ("en klädbutik", "klädbutiken"),
            ("ett varuhus", "varuhuset"),
            ("en järnhandel", "järnhandeln"),
        ),
        (
            "stå i kassan",
            "fylla på varor och ta emot leveranser",
            "ge råd till kunder",
            "sköta kampanjer och prismärkning",
        ),
        ("kundbemötande", "kassahantering", "varuexponering", "försäljning"),
        ("en handelsutbildning på yrkesvux", "en kort säljutbildning"),
        (4, 20),
        0.45,
        0.1,
        tips=("Extrapass på helger är ofta vägen in i handeln.",),
    ),
    "it-supporttekniker": Occupation(
        4,
        "it-supporttekniker",
        "it-supporttekniker",
        "it-branschen",
        "it",
        (
            ("en it-avdelning", "it-avdelningen"),
            ("ett it-företag", "it-företaget"),
            ("en supportavdelning", "supportavdelningen"),
        ),
        (
            "svara på ärenden från användare",
            "installera datorer och program",
            "felsöka nätverk och skrivare",
            "hantera behörigheter",
        ),
        ("nätverk", "operativsystem", "ärendehantering", "informationssäkerhet"),
        (
            "en it-teknikerutbildning på yrkeshögskolan",
            "en kurs i it-support",
        ),
        (20, 80),
        0.85,
        0.2,
        0.05,
        tips=("Bygg ett eget litet nätverk hemma och berätta om det på intervjun.",),
    ),
    "mjukvaruutvecklare": Occupation(
        3,
        "mjukvaruutvecklare",
        "mjukvaruutvecklare",
        "it-branschen",
        "it",
        (
            ("ett konsultbolag", "konsultbolaget"),
            ("ett utvecklingsteam", "utvecklingsteamet"),
            ("en digital byrå", "byrån"),
        ),
        (
            "skriva och testa kod",
            "bygga funktioner i en webbapp",
            "rätta fel och granska kod",
            "arbeta med databaser",
        ),
        ("programmering", "versionshantering", "testning", "webbutveckling"),
        (
            "en utvecklarutbildning på yrkeshögskolan",
            "en intensivkurs i programmering",
        ),
        (30, 90),
        0.9,
        0.15,
        0.08,
        tips=("Lägg upp små projekt som arbetsgivare kan titta på.",),
    ),
    "frisor": Occupation(
        3,
        "frisör",
        "frisörer",
        "frisörbranschen",
        "frisor",
        (
            ("en frisörsalong", "frisörsalongen"),
            ("en barberarsalong", "barberarsalongen"),
        ),
        (
            "klippa och färga hår",
            "boka kunder",
            "ge råd om hårvård",
            "sälja hårvårdsprodukter",
        ),
        ("klippteknik", "färgning", "kundbemötande", "hårvård"),
        (
            "frisörutbildningen på yrkesvux",
            "en lärlingsutbildning till frisör",
        ),
        (40, 80),
        0.85,
        0.3,
        0.25,
        tips=("Öva på familj och vänner, och ta bilder på det du gör.",),
    ),
}

GENERIC_OCCUPATION = Occupation(
    2,
    "",
    "",
    "branschen",
    "allman",
    (("en arbetsplats i branschen", "arbetsplatsen"), ("ett företag i branschen", "företaget")),
    ("lära sig arbetsuppgifterna", "samarbeta med kollegorna", "ta hand om kunderna"),
    ("yrkets grunder", "arbetsmiljö", "kundbemötande"),
    ("en yrkesutbildning på yrkesvux", "en kort yrkeskurs"),
    (8, 40),
    0.7,
    0.2,
)
"""Used for occupations that are added to the vocabulary later and have no entry above."""

# --- Counties, situations, age bands (weights roughly follow the population) --------------------

COUNTY_WEIGHTS = {
    "01": 24,
    "03": 4,
    "04": 3,
    "05": 4.5,
    "06": 3.5,
    "07": 2,
    "08": 2.3,
    "09": 0.6,
    "10": 1.5,
    "12": 14,
    "13": 3.3,
    "14": 17,
    "17": 2.7,
    "18": 2.9,
    "19": 2.7,
    "20": 2.8,
    "21": 2.8,
    "22": 2.4,
    "23": 1.3,
    "24": 2.6,
    "25": 2.4,
}
AGE_WEIGHTS = {"15-24": 20, "25-34": 28, "35-44": 24, "45-54": 17, "55-69": 11}
SITUATION_WEIGHTS = {
    "langtidsarbetslos": 30,
    "nyanland": 25,
    "omstallning": 15,
    "funktionsnedsattning": 12,
}
OUTCOME_WEIGHTS = {"anstallning": 72.0, "utbildning": 14.0, "eget-foretag": 5.0, "annat": 9.0}

# --- Text fragments ------------------------------------------------------------------------------
# Keys in {braces}: p/o/g are the pronoun (han, honom, hans), P/G capitalised; yrke, yrken, Yrke;
# bransch; plats, platsen, Platsen; uppgift, uppgift2; kunskap, kunskap2; kurs, Kurs; tidigare.

PRONOUNS = (
    ("han", "honom", "hans"),
    ("hon", "henne", "hennes"),
    ("hen", "hen", "hens"),
)
PRONOUN_WEIGHTS = (46, 46, 8)

EARLIER = (
    ("arbetat på ett lager i många år", "lagret"),
    ("kört taxi på nätterna", "taxin"),
    ("arbetat på ett tryckeri", "tryckeriet"),
    ("arbetat på ett pappersbruk", "pappersbruket"),
    ("jobbat i ett restaurangkök", "restaurangköket"),
    ("läst några terminer på universitetet", "universitetet"),
    ("arbetat som lärare i sitt tidigare hemland", "katedern"),
    ("arbetat som sömmerska", "symaskinen"),
    ("haft korta vikariat inom vården", "vikariaten"),
    ("arbetat vid ett löpande band i industrin", "fabriken"),
    ("arbetat på ett callcenter", "callcentret"),
    ("drivit en liten butik", "butiken"),
    ("arbetat i ett bageri", "bageriet"),
    ("jobbat i skogen", "skogen"),
    ("arbetat som städare på ett hotell", "hotellet"),
    ("arbetat som vaktmästare", "vaktmästeriet"),
    ("arbetat med kundtjänst", "kundtjänsten"),
    ("jobbat på en bensinstation", "macken"),
    ("arbetat på ett tvätteri", "tvätteriet"),
    ("jobbat som säsongsarbetare i jordbruket", "jordbruket"),
    ("arbetat som bilmekaniker i ett annat land", "bilverkstaden"),
    ("arbetat med ekonomi på ett kontor", "kontoret"),
    ("arbetat i en möbelfabrik", "möbelfabriken"),
    ("arbetat i receptionen på ett hotell", "receptionen"),
    ("arbetat som säljare i telefon", "telefonförsäljningen"),
    ("varit hemma med barnen i flera år", "föräldraledigheten"),
    ("arbetat på ett sågverk", "sågverket"),
    ("kört truck på en terminal", "terminalen"),
)
EARLIER_YOUNG = (
    ("jobbat extra i en mataffär", "kassan"),
    ("gått ett yrkesprogram på gymnasiet utan att ta examen", "skolbänken"),
    ("haft sommarjobb i parkförvaltningen", "parken"),
    ("jobbat extra på en snabbmatsrestaurang", "snabbmatsrestaurangen"),
    ("varit hemma utan sysselsättning", "soffan"),
    ("hjälpt till i en släktings butik", "butiken"),
    ("gått ett introduktionsprogram", "skolan"),
)

SUMMARY_START = {
    "langtidsarbetslos": (
        "{P} hade varit utan arbete i flera år och tappat tron på att hitta något",
        "Efter en lång tid utan jobb ville {p} hitta ett yrke med framtid",
        "{P} hade sökt jobb länge utan att bli kallad till intervju",
        "{P} hade gått mellan korta insatser i flera år utan att komma vidare",
    ),
    "ung": (
        "{P} hade gått ut gymnasiet utan fullständiga betyg och visste inte vad {p} ville",
        "Efter gymnasiet hade {p} inte hittat något jobb",
        "{P} hade hoppat av gymnasiet och behövde en ny start",
        "{P} hade provat olika extrajobb men ville ha något mer stabilt",
    ),
    "nyanland": (
        "{P} kom till landet för några år sedan och läste svenska på sfi",
        "{P} hade en yrkesutbildning från sitt tidigare hemland men inga svenska papper",
        "Som nyanländ behövde {p} både språk och kontakter för att komma in på arbetsmarknaden",
        "{P} hade arbetat länge i ett annat land men fick börja om här",
    ),
    "over-50": (
        "Efter många år i samma bransch ville {p} byta spår",
        "{P} blev arbetslös efter femtio och trodde att det var för sent att byta yrke",
        "{P} hade lång arbetslivserfarenhet men saknade formella papper",
    ),
    "omstallning": (
        "{P} blev uppsagd när arbetsplatsen lade ner",
        "Efter ett varsel på fabriken behövde {p} hitta något nytt",
        "{P} förlorade jobbet i en omorganisation och ville byta bransch",
        "När företaget flyttade verksamheten blev {p} utan arbete",
    ),
    "funktionsnedsattning": (
        "{P} har en funktionsnedsättning och hade svårt att hitta en arbetsplats med rätt stöd",
        "Efter en lång sjukskrivning ville {p} tillbaka till arbetslivet i lagom takt",
        "{P} har en neuropsykiatrisk diagnos och behövde tydliga rutiner på jobbet",
        "{P} har nedsatt hörsel och behövde en arbetsplats som var van vid anpassningar",
    ),
}
SUMMARY_END = {
    "anstallning": (
        "Nu arbetar {p} som {yrke} på {plats}.",
        "I dag har {p} en fast tjänst som {yrke}.",
        "Via {via} fick {p} jobb som {yrke}.",
        "Efter {via} och några månader av nya rutiner arbetar {p} nu inom {bransch}.",
    ),
    "stod": (
        "Nu arbetar {p} som {yrke} med lönestöd och anpassade tider.",
        "Via {via} fick {p} en anställning med stöd på {plats}.",
    ),
    "utbildning": (
        "Nu studerar {p} vidare för att bli {yrke}.",
        "I dag läser {p} en längre utbildning inom {bransch}.",
        "Via {via} kom {p} in på en utbildning som leder till jobb som {yrke}.",
    ),
    "eget-foretag": (
        "Nu driver {p} ett eget företag som {yrke}.",
        "I dag har {p} startat en egen verksamhet inom {bransch}.",
    ),
    "annat": (
        "Nu har {p} en tydlig plan och arbetar extra inom {bransch}.",
        "{P} fick ett timvikariat inom {bransch} och fortsätter att söka fast jobb.",
    ),
}
TITLES = (
    "Från {kort} till jobb som {yrke}",
    "{Yrke} via {via}",
    "Via {via} till jobb som {yrke}",
    "En ny start som {yrke}",
    "{Yrke} efter {efter}",
    "Steg för steg mot {bransch}",
    "Ett nytt yrke inom {bransch}",
    "Hittade rätt inom {bransch}",
    "{Platsen} blev en ny arbetsplats",
    "Med {via} in i {bransch}",
    "Från {kort} till {platsen}",
    "Vägen till {platsen} gick via {via}",
    "Ny inom {bransch} efter {efter}",
    "{Yrke} tack vare {via}",
    "Tillbaka i arbete som {yrke}",
    "Ett jobb som {yrke} efter {efter}",
    "Från {kort} till {bransch}",
    "När {via} öppnade dörren till {bransch}",
    "Rätt plats på {platsen}",
    "{Yrke} med hjälp av {via}",
    "Ett steg i taget mot jobb som {yrke}",
    "Från {kort} till {plats}",
    "En väg till {bransch} via {via}",
)
AFTER = {
    "langtidsarbetslos": ("lång tid utan jobb", "flera år av sökande"),
    "ung": ("ett avbrutet gymnasium", "en trevande start"),
    "nyanland": ("sfi och praktik", "en ny start i ett nytt land"),
    "over-50": ("femtio", "ett långt arbetsliv i en annan bransch"),
    "omstallning": ("uppsägningen", "nedläggningen"),
    "funktionsnedsattning": ("en lång sjukskrivning", "rätt anpassningar"),
}
VIA = {
    "praktik": ("praktik", "en praktikplats"),
    "utbildning": ("en yrkesutbildning", "yrkesvux"),
    "validering": ("validering", "en bedömning av tidigare kunskaper"),
    "sprakutbildning": ("språkstudier", "yrkessvenska"),
    "studiebesok": ("ett studiebesök", "ett besök på en arbetsplats"),
    "subventionerad-anstallning": ("ett nystartsjobb", "lönebidrag"),
    "cv-och-intervju": ("jobbsökarträning", "intervjuträning"),
    "arbetsgivarmote": ("en rekryteringsträff", "ett arbetsgivarmöte"),
    "tematisk-expert": ("ett samtal med en yrkesperson", "en erfaren mentor"),
    "kartlaggning": ("vägledning", "en kartläggning"),
}

BACKGROUND_OBSTACLES = (
    "Det som stod i vägen var framför allt språket.",
    "{P} saknade körkort, vilket stängde många dörrar.",
    "Utan gymnasiebetyg var det svårt att komma in på utbildningar.",
    "Självförtroendet hade fått sig en törn efter alla nej.",
    "{P} visste inte vilka yrken som fanns eller hur man tog sig dit.",
    "Värk i ryggen gjorde att tunga lyft inte fungerade.",
    "Det var svårt att få ihop ekonomin under en utbildning.",
    "{P} hade aldrig skrivit ett cv och visste inte hur man söker jobb här.",
    "Långa resor till närmaste stad gjorde det svårt att pendla.",
    "Erfarenheten fanns, men inga papper som visade den.",
    "Stress och sömnproblem gjorde att {p} behövde en lugn start.",
    "Kontakterna på arbetsmarknaden var få.",
    "Ansökningarna gav sällan något svar, och {p} visste inte varför.",
    "Att börja om i en ny bransch kändes både stort och osäkert.",
)
BACKGROUND_WISHES = (
    "{P} ville ha ett arbete med människor omkring sig.",
    "{P} ville arbeta med händerna och se resultatet av sitt arbete.",
    "{P} ville ha ett yrke där det finns jobb i hela landet.",
    "Målet var ett arbete med regelbundna tider.",
    "{P} ville ha ett jobb där {p} fick röra på sig.",
    "{P} ville bidra och känna sig behövd.",
    "{P} ville ha en trygg inkomst och kunna planera framåt.",
    "{P} hade länge varit nyfiken på {bransch}.",
    "{P} ville hitta något som gick att kombinera med familjen.",
)

STEP_TITLES = {
    "kartlaggning": (
        "Samtal om vad {p} redan kunde",
        "Kartläggning av styrkor och behov",
        "Vägledning om vägar in i {bransch}",
        "Första mötet med en vägledare",
        "En plan mot arbete som {yrke}",
        "Kartläggning av arbetsförmåga",
        "Samtal om intressen och erfarenheter",
    ),
    "studiebesok": (
        "Studiebesök på {plats}",
        "En dag på {plats}",
        "Att se yrket på riktigt",
        "Studiebesök inför utbildningen",
        "Besök hos {yrken} i arbete",
    ),
    "praktik": (
        "Praktik på {plats}",
        "Praktik med stigande tid",
        "Arbetsträning på {plats}",
        "Praktik som ledde vidare",
        "Några veckor på {platsen}",
    ),
    "utbildning": (
        "{Kurs}",
        "Utbildning till {yrke}",
        "Yrkesutbildning med praktik",
        "Kurs i {kunskap}",
        "Tillbaka i skolbänken",
    ),
    "validering": (
        "Bedömning av tidigare kunskaper",
        "Validering mot yrkets krav",
        "Att få sina kunskaper på papper",
        "Validering inom {bransch}",
    ),
    "sprakutbildning": (
        "Svenska för invandrare",
        "Yrkessvenska för {bransch}",
        "Språkträning med fokus på arbete",
        "Svenska på kvällstid",
        "Språkcafé och samtalsträning",
    ),
    "tematisk-expert": (
        "Möte med en erfaren {yrke}",
        "Frågor till någon i yrket",
        "En förmiddag med en yrkesperson",
    ),
    "arbetsgivarmote": (
        "Rekryteringsträff för {yrken}",
        "Möte med en arbetsgivare",
        "Återkoppling från arbetsgivare",
        "Rekryteringsträff i kommunen",
    ),
    "cv-och-intervju": (
        "Cv och personligt brev",
        "Träning inför intervjuer",
        "Ett nytt cv",
        "Jobbsökarkurs i grupp",
        "Övningsintervjuer",
    ),
    "subventionerad-anstallning": (
        "Anställning med lönebidrag",
        "Nystartsjobb som {yrke}",
        "Anställning med stöd på {plats}",
        "Introduktionsjobb på {platsen}",
        "Lönestöd de första månaderna",
    ),
    "anstallning": (
        "Anställd som {yrke}",
        "Fast jobb på {platsen}",
        "Första anställningen som {yrke}",
        "Provanställning på {plats}",
        "Vikariat som blev en tjänst",
    ),
    "eget": (
        "Kurs i att starta eget",
        "Rådgivning om att starta företag",
        "En affärsplan tar form",
    ),
    "vidare": (
        "Antagen till en längre utbildning",
        "Förberedande kurs inför yrkeshögskolan",
        "Behörighet för att studera vidare",
    ),
}

STEP_TEXT_A = {
    "kartlaggning": (
        "{P} och vägledaren gick igenom vad {p} hade gjort tidigare och vad {p} ville framöver.",
        "Vägledaren frågade om intressen, hälsa och erfarenheter och skrev en plan med {o}.",
        "De tittade på lediga jobb i länet och såg att det fanns många annonser för {yrken}.",
        "En specialist hjälpte {o} att beskriva vilka arbetsuppgifter och tider som fungerade.",
        "Under några samtal kom det fram att {p} trivdes bäst med praktiskt arbete.",
        "{P} fick göra ett intressetest och prata igenom resultatet med en vägledare.",
        "Vägledaren visade hur arbetsmarknaden såg ut för {yrken} och vilka utbildningar "
        "som fanns nära hemmet.",
        "{P} berättade att {p} hade {tidigare}, och vägledaren såg mycket att bygga vidare på.",
    ),
    "studiebesok": (
        "{P} fick följa två {yrken} under en dag och se hur arbetet går till.",
        "En handledare visade runt och berättade hur en vanlig vecka ser ut på {platsen}.",
        "{P} fick prova att {uppgift} under några timmar.",
        "På besöket pratade {p} med elever som gick utbildningen och hörde vad de tyckte.",
        "Arbetsledaren berättade om vilka krav som ställs och vilka tider man arbetar.",
    ),
    "praktik": (
        "{P} började med fyra timmar om dagen och ökade efter hand.",
        "På {platsen} fick {p} lära sig att {uppgift} och att {uppgift2}.",
        "En handledare på {platsen} gick igenom rutinerna och fanns nära de första veckorna.",
        "{P} fick mer ansvar när det fungerade och tog till slut egna pass.",
        "Under praktiken övade {p} på {kunskap} och på att {uppgift}.",
        "Arbetskamraterna var vana vid praktikanter och tog sig tid att förklara.",
        "Några dagar var tunga, men handledaren hjälpte {o} att lägga upp arbetet i en "
        "rimlig takt.",
    ),
    "utbildning": (
        "{P} läste {kurs} och hade en del av tiden förlagd på en arbetsplats.",
        "Utbildningen blandade teori om {kunskap} med praktiska övningar.",
        "De första veckorna var tuffa, men {p} fick stöd av en studiecoach.",
        "{P} studerade på heltid och hade studiestöd under utbildningen.",
        "Kursen tog upp {kunskap} och {kunskap2}, och det mesta gick att använda direkt.",
        "En del av utbildningen gick på distans, så {p} kunde läsa hemifrån några dagar i veckan.",
        "Läraren hade själv arbetat länge inom {bransch} och berättade hur det ser ut på riktigt.",
    ),
    "validering": (
        "En bedömare gick igenom vad {p} kunde om {kunskap} och {kunskap2}.",
        "{P} fick visa i praktiken hur {p} brukade {uppgift}.",
        "Valideringen gjordes mot branschens egen kravprofil.",
        "Några delar kunde {p} redan, andra behövde {p} läsa in.",
        "Det tog några veckor att samla intyg och göra de praktiska proven.",
    ),
    "sprakutbildning": (
        "{P} läste sfi på förmiddagarna och övade svenska hemma på kvällarna.",
        "Kursen i yrkessvenska tog upp ord och uttryck som används inom {bransch}.",
        "På ett språkcafé fick {p} öva på att prata om vardag och arbete.",
        "Läraren lät gruppen öva på samtal som ofta förekommer på en arbetsplats.",
        "{P} började med grunderna och gick vidare till en högre nivå efter några månader.",
    ),
    "tematisk-expert": (
        "{P} träffade en erfaren {yrke} som berättade om både det roliga och det slitsamma.",
        "Yrkespersonen förklarade vilka vägar som finns in i {bransch} och vad arbetsgivarna "
        "letar efter.",
        "De pratade om arbetstider, lön och hur man orkar i längden.",
        "{P} fick svar på frågor som ingen annan hade kunnat svara på.",
    ),
    "arbetsgivarmote": (
        "{P} gick på en rekryteringsträff där flera arbetsgivare berättade om sina behov.",
        "Arbetsgivaren och arbetsförmedlaren träffade {o} och pratade öppet om vad {p} behövde.",
        "Efter en intervju fick {p} återkoppling om vad som kunde bli bättre.",
        "På träffen fick {p} prata med chefen för {platsen} i några minuter.",
    ),
    "cv-och-intervju": (
        "En coach hjälpte {o} att skriva ett cv som lyfte fram det {p} faktiskt hade gjort.",
        "{P} övade på vanliga intervjufrågor tillsammans med en handledare.",
        "I en liten grupp gav deltagarna varandra tips om ansökningar.",
        "De gick igenom hur man beskriver luckor i cv:t på ett ärligt sätt.",
        "{P} spelade in en övningsintervju och tittade på den tillsammans med coachen.",
    ),
    "subventionerad-anstallning": (
        "{Platsen} anställde {o} med lönebidrag, så att tempot kunde anpassas.",
        "Arbetsgivaren fick stöd för lönen under det första året.",
        "{P} fick ett nystartsjobb, och arbetsgivaren fick stöd för en del av lönen.",
        "Anställningen började på deltid och ökade när det fungerade.",
        "Med stödet kunde arbetsgivaren ge {o} mer tid för introduktion.",
    ),
    "anstallning": (
        "Efter praktiken erbjöd arbetsgivaren en provanställning.",
        "{P} fick en tillsvidareanställning efter några månader som timanställd.",
        "De första veckorna arbetade {p} tillsammans med en erfaren kollega.",
        "{P} fick ett vikariat som sedan blev en tjänst.",
        "Nu arbetar {p} med att {uppgift} och att {uppgift2}.",
    ),
    "eget": (
        "{P} gick en kurs om affärsplan, bokföring och prissättning.",
        "En rådgivare gick igenom affärsidén och räknade på vad {p} behövde ta betalt.",
        "{P} fick stöd för att starta näringsverksamhet under de första månaderna.",
    ),
    "vidare": (
        "{P} läste in behörighet i matematik och svenska för att kunna söka vidare.",
        "En studievägledare hjälpte {o} att välja utbildning och skriva ansökan.",
        "{P} sökte till en längre utbildning inom {bransch} och kom in.",
    ),
}
STEP_TEXT_B = {
    "kartlaggning": (
        "Efter mötet hade {p} ett tydligt mål och en första plan.",
        "Planen blev att börja med något kort och praktiskt för att se om yrket passade.",
        "Det var första gången någon frågade vad {p} faktiskt kunde, inte vad {p} saknade.",
        "Resultatet var tydligt: {bransch}, men i en takt som fungerade.",
        "De bestämde att nästa steg skulle vara att träffa någon som arbetade i yrket.",
        "Tillsammans skrev de en plan med delmål för de närmaste månaderna.",
    ),
    "studiebesok": (
        "Efter besöket var {p} säker på sitt val.",
        "Besöket gjorde att yrket kändes möjligt, inte bara som en idé.",
        "{P} skickade in en ansökan samma vecka.",
        "Det var lättare att bestämma sig efter att ha sett arbetsplatsen med egna ögon.",
        "{P} märkte att tempot passade och att arbetet var mer omväxlande än väntat.",
    ),
    "praktik": (
        "Efter praktiken fick {p} ett gott omdöme och ett intyg att visa upp.",
        "Chefen sa tidigt att det fanns behov av fler {yrken} framöver.",
        "Praktiken visade att {p} klarade arbetet, och det blev en viktig referens.",
        "Mot slutet av praktiken började de prata om en anställning.",
        "{P} lärde sig mycket om arbetsplatsens kultur, inte bara om själva uppgifterna.",
    ),
    "utbildning": (
        "{P} klarade alla delar och fick sitt betyg.",
        "Under utbildningen fick {p} kontakt med flera arbetsgivare.",
        "Det gick bättre än {p} hade vågat tro, särskilt de praktiska momenten.",
        "Efter utbildningen kände {p} sig redo att söka jobb som {yrke}.",
    ),
    "validering": (
        "Flera kurser kunde strykas, så utbildningen blev flera månader kortare.",
        "{P} fick ett intyg på det {p} kunde, något {p} aldrig haft tidigare.",
        "Valideringen visade precis vad som saknades, och det blev grunden för resten av planen.",
        "Det gav självförtroende att se sina kunskaper beskrivna på papper.",
    ),
    "sprakutbildning": (
        "Efter kursen vågade {p} prata i telefon och ställa frågor på jobbet.",
        "Språket blev nyckeln till allt som kom sedan.",
        "{P} klarade det sista provet och kunde söka vidare till en yrkesutbildning.",
        "Det var skönt att lära sig de ord som faktiskt behövs i yrket.",
    ),
    "tematisk-expert": (
        "Samtalet gav {o} en mer realistisk bild av yrket.",
        "Efteråt visste {p} vilken utbildning som var värd att satsa på.",
        "{P} fick också tips om arbetsgivare som brukar ta emot praktikanter.",
    ),
    "arbetsgivarmote": (
        "Det ledde till en inbjudan till en längre intervju.",
        "Återkopplingen var konkret och lätt att ta till sig.",
        "{P} fick veta att arbetsgivaren behövde fler {yrken} och ville träffas igen.",
        "Mötet slutade med ett erbjudande om praktik.",
    ),
    "cv-och-intervju": (
        "Efter några veckor hade {p} skickat ansökningar till flera arbetsgivare.",
        "{P} kände sig mycket lugnare inför riktiga intervjuer.",
        "Det nya cv:t gav fler svar än tidigare.",
        "Det svåraste var att beskriva sig själv, men det blev lättare med övning.",
    ),
    "subventionerad-anstallning": (
        "{P} har regelbundna uppföljningar med arbetsförmedlaren.",
        "Efter stödperioden fortsatte anställningen utan stöd.",
        "Arbetsgivaren har sagt att de gärna anställer på samma sätt igen.",
        "{P} trivs och har fått fler arbetsuppgifter efter hand.",
    ),
    "anstallning": (
        "{P} har fått mer ansvar och handleder ibland nya kollegor.",
        "Arbetsgivaren har erbjudit vidareutbildning i {kunskap}.",
        "Arbetstiderna passar, och {p} ser lugnt på framtiden.",
        "Det är första gången på länge som {p} har en fast inkomst.",
    ),
    "eget": (
        "De första kunderna kom via tidigare kontakter.",
        "Efter kursen registrerade {p} företaget och började ta uppdrag.",
    ),
    "vidare": (
        "Beskedet om antagning kom efter några veckor.",
        "Planen är att arbeta extra inom {bransch} under studietiden.",
    ),
}
OCCUPATION_SENTENCES = (
    "{P} fick lära sig att {uppgift}.",
    "Mycket handlade om {kunskap}.",
    "Att {uppgift} blev snart en vana.",
    "{P} märkte att {kunskap} var viktigare än {p} hade trott.",
)

# Swedish builds words by compounding; prefix + suffix gives the long tail of distinct words
# that real text has and that decides the size of the search index.
COMPOUND_PREFIXES = {
    "underskoterska": "vård omvårdnads hygien patient läkemedels journal nutritions demens sår",
    "vardnara-service": "service transport förråds prov städ patient kost sterilgods",
    "personlig-assistent": "assistans brukar hjälpmedels kommunikations lyft vardags aktivitets",
    "barnskotare": "förskole lek språk måltids utevistelse läs föräldra barngrupps",
    "elektriker": "el kabel installations mät belysnings central säkerhets laddbox",
    "vvs-montor": "rör värme våtrums avlopps ventilations pump vatten",
    "snickare": "bygg stom trä golv fönster ritnings material ställnings",
    "svetsare": "svets material fog plåt stål skär slip",
    "lastbilsforare": "last gods trafik rutt fordons terminal kyl leverans",
    "bussforare": "trafik resenärs linje tidtabells fordons biljett depå",
    "kock": "mat köks meny råvaru kost allergi bak disk",
    "lagerarbetare": "lager plock truck pall order inventerings leverans emballage",
    "lokalvardare": "städ golv kemikalie hygien fönster lokal avfalls",
    "butikssaljare": "kund kass butiks varu pris kampanj lager försäljnings",
    "it-supporttekniker": "nätverks support användar server lösenords behörighets dator",
    "mjukvaruutvecklare": "kod test databas gränssnitts versions utvecklings webb system",
    "frisor": "klipp färg hår kund produkt salongs boknings",
}
GENERIC_PREFIXES = (
    "arbets kvalitets säkerhets tids samarbets kommunikations miljö schema introduktions "
    "rast skift planerings"
)
_SUFFIX_WORDS = (
    "rutiner frågor planering kontroll dokumentation utrustning moment regler teknik hantering "
    "system ansvar ordning uppföljning material kunskap övningar arbete miljö metoder "
    "instruktioner listor flöden behov avvikelser underhåll säkerhet"
)
COMPOUND_SUFFIXES = _SUFFIX_WORDS.split()
COMPOUND_SENTENCES = (
    "{P} lärde sig mer om {ord} och {ord2}.",
    "Mycket av tiden gick åt till {ord}.",
    "Handledaren gick igenom {ord} steg för steg.",
    "Det var nytt för {o} med {ord}, men det gick bra efter ett tag.",
    "En del moment handlade om {ord} och {ord2}.",
    "{P} fick särskilt öva på {ord}.",
    "Det som var svårast i början var {ord}.",
    "De pratade också om {ord}, något som ofta glöms bort.",
)

OUTCOME_TEXTS = {
    "anstallning": (
        "Anställd som {yrke} på {plats}, med {tider}.",
        "Tillsvidareanställd som {yrke}. {P} arbetar mest med att {uppgift}.",
        "Fick jobb som {yrke} och har nu {tider}.",
        "Arbetar som {yrke} på {platsen} och trivs med kollegorna.",
    ),
    "stod": (
        "Anställd som {yrke} med lönebidrag, med arbetstider som fungerar.",
        "Nystartsjobb som {yrke} på {plats}, med en plan för vanlig anställning.",
    ),
    "utbildning": (
        "Studerar på en längre utbildning inom {bransch} och arbetar extra på helgerna.",
        "Har börjat på en utbildning som leder till arbete som {yrke}.",
    ),
    "eget-foretag": (
        "Driver ett eget företag och tar uppdrag som {yrke}.",
        "Har startat eget och har de första kunderna på plats.",
    ),
    "annat": (
        "Arbetar extra inom {bransch} och har en plan för att söka vidare.",
        "Har fått ett kortare vikariat och fortsätter att söka fast arbete som {yrke}.",
    ),
}
WORKING_HOURS = (
    "heltid",
    "deltid som ska öka",
    "dagtid",
    "schema med både dag och kväll",
    "ett schema som passar familjen",
)
WHAT_HELPED = (
    "Att få börja i sin egen takt och öka när det fungerade.",
    "En handledare som tog sig tid och trodde på {o}.",
    "Att titta på riktiga jobbannonser i stället för att prata allmänt om framtiden.",
    "Att utbildningen gick att kombinera med praktik.",
    "Att valideringen kortade utbildningen rejält.",
    "Att arbetsgivaren var öppen för anpassningar.",
    "Stödet från gruppen på kursen.",
    "Att få prova yrket innan {p} bestämde sig.",
    "Tydliga delmål och uppföljning varannan vecka.",
    "Studiebesöket, som gjorde yrket verkligt.",
    "Att någon hjälpte till med ansökningar och kontakter.",
    "Att kunna läsa yrkessvenska samtidigt med yrkesutbildningen.",
    "Att samma vägledare fanns med hela vägen.",
    "Att praktiken låg nära hemmet, så resorna inte tog all kraft.",
    "Att ingen gav upp när det tog längre tid än planerat.",
)
QUOTES = (
    "Jag trodde att det var för sent, men det var det inte.",
    "Det var inte jag som var fel, det var tempot.",
    "Första dagen på praktiken var jag nervös, nu är det min arbetsplats.",
    "Jag har alltid tyckt om att {uppgift}, nu får jag betalt för det.",
    "Jag visste inte att jag kunde så mycket förrän någon frågade.",
    "Det bästa är att komma hem och veta att jag har gjort nytta.",
    "Ta det ett steg i taget, det fungerar.",
    "Jag hade aldrig klarat det utan min handledare.",
    "Nu har jag kollegor igen, och det betyder mer än jag trodde.",
    "Språket var svårast, men på jobbet lär man sig fort.",
    "Jag ångrar bara att jag inte började tidigare.",
    "Det kändes stort att få ett eget schema och en egen nyckel.",
    "Någon trodde på mig innan jag själv gjorde det.",
    "Praktiken var det som avgjorde, där fick jag visa vad jag kan.",
    "Jag trodde att ingen ville ha mig, men det visade sig vara fel.",
)
TIPS = (
    "Gör ett studiebesök innan du bestämmer dig, en dag på plats säger mer än broschyrer.",
    "Fråga om praktik, många arbetsgivare anställer sina praktikanter.",
    "Börja med kortare dagar och öka när du är redo.",
    "Skriv upp allt du har gjort, även det som känns litet.",
    "Prata med någon som arbetar i yrket innan du söker utbildning.",
    "Sök brett i början och smalna av när du vet mer.",
    "Öva på intervjuer högt, gärna med någon som ger ärlig återkoppling.",
    "Det finns ofta fler vägar in än du tror, fråga din vägledare.",
    "Berätta vad du behöver för att det ska fungera, det är ingen svaghet.",
    "Läs yrkessvenska samtidigt som yrkesutbildningen om du kan.",
    "Ta reda på vilka stöd arbetsgivaren kan få, det kan öppna dörrar.",
    "Spara intyg och omdömen, de är värda mycket senare.",
    "Var inte rädd för att byta bana, erfarenhet går ofta att ta med sig.",
)

STEP_WEEKS = {
    "kartlaggning": (1, 8),
    "studiebesok": (1, 1),
    "praktik": (4, 16),
    "validering": (1, 8),
    "sprakutbildning": (12, 60),
    "tematisk-expert": (1, 2),
    "arbetsgivarmote": (1, 2),
    "cv-och-intervju": (2, 6),
    "subventionerad-anstallning": (26, 104),
    "anstallning": (2, 26),
    "eget": (4, 12),
    "vidare": (8, 30),
}

# --- Actors -------------------------------------------------------------------------------------

BRANCHES = {
    # key: (name word, what the employer does)
    "vard": ("Vård och omsorg", "ett vårdföretag med äldreboenden och hemtjänst"),
    "assistans": ("Assistans", "ett assistansföretag med brukare i hela länet"),
    "forskola": ("Förskola", "en förskola med flera avdelningar"),
    "el": ("El", "ett elföretag som installerar el i bostäder och lokaler"),
    "vvs": ("Rör och värme", "ett vvs-företag som gör stambyten och badrum"),
    "bygg": ("Bygg", "en byggfirma som bygger bostäder och gör ombyggnader"),
    "industri": ("Verkstad", "en mekanisk verkstad som tillverkar detaljer i stål"),
    "transport": ("Åkeri", "ett åkeri med fjärr- och distributionstrafik"),
    "buss": ("Linjetrafik", "ett bussbolag som kör stadstrafik och skolskjuts"),
    "restaurang": ("Restaurang", "ett företag med lunchrestauranger och storkök"),
    "lager": ("Logistik", "ett logistikföretag med lager och terminaler"),
    "stad": ("Städ", "ett städföretag som städar kontor, skolor och vårdlokaler"),
    "handel": ("Handel", "ett handelsföretag med flera butiker"),
    "it": ("Data", "ett it-företag med support och utveckling"),
    "frisor": ("Salong", "en frisörsalong med flera stolar"),
    "allman": ("Service", "ett serviceföretag med många olika yrken"),
}
EMPLOYER_STEMS = ("Exempelbolaget", "Exempelfirman", "Exempelgruppen")
EMPLOYER_EXTRA = (
    "Tar emot praktikanter och har handledare som är vana vid nya medarbetare.",
    "Samarbetar med vuxenutbildningen om arbetsplatsförlagt lärande.",
    "Anställer ofta med nystartsjobb och lönebidrag.",
    "Har en introduktion för nya medarbetare med fadder de första veckorna.",
    "Deltar i rekryteringsträffar tillsammans med kommunen.",
)
UNION_GROUPS = (
    ("Vård", "vård och omsorg"),
    ("Bygg och el", "bygg, el och vvs"),
    ("Transport", "transport och logistik"),
    ("Handel och service", "handel, restaurang och service"),
    ("Industri", "industrin"),
    ("Tjänstemän", "it och kontor"),
)


@dataclass
class ActorPool:
    """Actor ids by role, so steps can pick a plausible actor in the path's county."""

    texts: dict[str, str] = field(default_factory=dict)
    employers: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    by_county: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    national: dict[str, list[str]] = field(default_factory=dict)


def _slug(text: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")


def _actor_yaml(
    name: str, kind: str, counties: str | list[str], groups: list[str], description: str
) -> tuple[str, str]:
    actor_id = _slug(name)
    where = counties if isinstance(counties, str) else _flow(counties, quote=True)
    text = (
        SCHEMA_COMMENT.format("actor")
        + f"id: {actor_id}\nname: {_scalar(name)}\ntype: {kind}\ncounties: {where}\n"
        + f"target_groups: {_flow(groups)}\n"
        + _block("description", description, "")
    )
    return actor_id, text


def make_actors(
    rng: random.Random, counties: Sequence[str], situations: Sequence[str]
) -> ActorPool:
    """A few hundred invented organisations: several per county and type, some nationwide."""
    pool = ActorPool()

    def groups() -> list[str]:
        chosen = set(rng.sample(list(situations), rng.randint(1, 4)))
        return [s for s in situations if s in chosen]

    def add(
        role: tuple[str, str] | str,
        target: dict[Any, list[str]],
        name: str,
        kind: str,
        where: str | list[str],
        description: str,
    ) -> None:
        actor_id, text = _actor_yaml(name, kind, where, groups(), description)
        pool.texts[actor_id] = text
        target.setdefault(role, []).append(actor_id)

    af_id, af_text = _actor_yaml(
        "Arbetsförmedlingen",
        "myndighet",
        "all",
        list(situations),
        "Statlig myndighet som hjälper arbetssökande att hitta jobb eller utbildning och "
        "beslutar om insatser som arbetsmarknadsutbildning, praktik och anställningsstöd.",
    )
    pool.texts[af_id] = af_text
    pool.national["af"] = [af_id]
    for branch, (word, _what) in BRANCHES.items():
        add(
            "bransch",
            pool.national,
            f"Exempelrådet {word}",
            "branschorganisation",
            "all",
            f"Påhittat exempel: en organisation för företagen inom {word.lower()} som ordnar "
            "validering, branschintyg och träffar mellan skolor och arbetsgivare.",
        )
        pool.national.setdefault(f"bransch-{branch}", []).append(pool.national["bransch"][-1])
    for word, area in UNION_GROUPS:
        add(
            "fack",
            pool.national,
            f"Exempelförbundet {word}",
            "fackforbund",
            "all",
            f"Påhittat exempel: ett fackförbund för anställda inom {area} som ger råd om "
            "villkor, utbildning och omställning.",
        )
    for number in range(1, 4):
        add(
            "akassa",
            pool.national,
            f"Exempelkassan {number}",
            "a-kassa",
            "all",
            "Påhittat exempel: en arbetslöshetskassa som betalar ersättning och informerar "
            "om stöd vid omställning.",
        )
    for number in range(1, 3):
        add(
            "distans",
            pool.national,
            f"Exempelskolan Distans {number}",
            "utbildningsanordnare",
            "all",
            "Påhittat exempel: en utbildningsanordnare som ger yrkesutbildningar på distans "
            "med praktiska träffar några gånger per termin.",
        )
    for county in counties:
        copies = 2 if COUNTY_WEIGHTS.get(county, 1) >= 10 else 1
        for branch, (word, what) in BRANCHES.items():
            for number in range(1, copies + 1):
                stem = rng.choice(EMPLOYER_STEMS)
                add(
                    (county, branch),
                    pool.employers,
                    f"{stem} {word} {county}-{number} AB",
                    "arbetsgivare",
                    [county],
                    f"Påhittat exempel: {what}. {rng.choice(EMPLOYER_EXTRA)}",
                )
        local = (
            (
                "kommun",
                2,
                "Exempelkommun {c}-{n}",
                "kommun",
                "Påhittat exempel: en kommun med arbetsmarknadsenhet, vuxenutbildning och sfi.",
            ),
            (
                "region",
                1,
                "Exempelregion {c}",
                "region",
                "Påhittat exempel: en region som driver sjukhus och vårdcentraler och tar emot "
                "praktikanter inom vården.",
            ),
            (
                "skola",
                2,
                "Exempelskolan Yrkesutbildning {c}-{n}",
                "utbildningsanordnare",
                "Påhittat exempel: en utbildningsanordnare som ger yrkesutbildningar på "
                "uppdrag av kommunerna i länet.",
            ),
            (
                "matchning",
                1,
                "Exempelmatchning {c}-{n} AB",
                "matchningsaktor",
                "Påhittat exempel: ett företag som coachar arbetssökande mot jobb på uppdrag "
                "av Arbetsförmedlingen.",
            ),
            (
                "ideell",
                1,
                "Exempelföreningen Språk och jobb {c}-{n}",
                "ideell",
                "Påhittat exempel: en förening som driver språkcafé och läxhjälp och hjälper "
                "deltagare att skriva cv.",
            ),
        )
        for role, count, pattern, kind, description in local:
            for number in range(1, count + 1):
                add(
                    (county, role),
                    pool.by_county,
                    pattern.format(c=county, n=number),
                    kind,
                    [county],
                    description,
                )
    return pool


# --- Paths --------------------------------------------------------------------------------------


@dataclass
class Vocabulary:
    """The ids the generator draws from, read from the repository's vocabulary files."""

    occupations: list[str]
    labels: dict[str, str]
    counties: list[str]
    situations: list[str]
    municipalities: dict[str, list[str]]


def read_vocabulary(vocabulary_dir: Path) -> Vocabulary:
    """Read ids from the vocabularies, so the output follows the files (a new occupation, say)."""

    def terms(name: str) -> list[dict[str, Any]]:
        text = (vocabulary_dir / f"{name}.yaml").read_text(encoding="utf-8")
        loaded: list[dict[str, Any]] = yaml.safe_load(text)
        return loaded

    municipalities: dict[str, list[str]] = {}
    for term in terms("municipalities"):
        population = term.get("population")
        if population is None or population >= SMALL_MUNICIPALITY:
            municipalities.setdefault(str(term["county"]), []).append(str(term["id"]))
    occupations = terms("occupations")
    return Vocabulary(
        occupations=[str(t["id"]) for t in occupations],
        labels={str(t["id"]): str(t["label"]) for t in occupations},
        counties=[str(t["id"]) for t in terms("counties")],
        situations=[str(t["id"]) for t in terms("situations")],
        municipalities=municipalities,
    )


@dataclass
class Draft:
    """One path before it is written: municipalities are settled only after all are drawn."""

    index: int
    occupation: str
    county: str
    municipality: str | None
    age_band: str
    year: int
    lines: list[str]


def _pick(rng: random.Random, options: Sequence[str]) -> str:
    return options[int(rng.random() * len(options))]


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _situations(rng: random.Random, age_band: str, known: Sequence[str]) -> list[str]:
    chosen: list[str] = []
    if age_band == "15-24":
        chosen.append("ung")
    elif (age_band == "55-69" and rng.random() < 0.8) or (
        age_band == "45-54" and rng.random() < 0.35
    ):
        chosen.append("over-50")
    others = {k: w for k, w in SITUATION_WEIGHTS.items() if k not in chosen}
    if not chosen or rng.random() < 0.4:
        chosen.append(_weighted(rng, others))
    if len(chosen) == 1 and rng.random() < 0.25:
        others = {k: w for k, w in SITUATION_WEIGHTS.items() if k not in chosen}
        chosen.append(_weighted(rng, others))
    return [s for s in chosen if s in known] or [known[0]]


def _step_types(
    rng: random.Random, occ: Occupation, situations: list[str], outcome: str
) -> list[str]:
    """A plausible sequence: guidance first, then explore, build skills, approach, the end."""
    steps: list[str] = []
    if rng.random() < 0.92:
        steps.append("kartlaggning")
    if "nyanland" in situations and rng.random() < 0.75:
        steps.append("sprakutbildning")
    explore = [
        t for t, share in (("studiebesok", 0.35), ("tematisk-expert", 0.15)) if rng.random() < share
    ]
    rng.shuffle(explore)
    steps += explore
    experienced = {"omstallning", "over-50", "nyanland"} & set(situations)
    if rng.random() < occ.validation_share + (0.2 if experienced else 0.0):
        steps.append("validering")
    course = rng.random() < occ.course_share
    placement = rng.random() < (0.75 if not course else 0.4) + (
        0.15 if "funktionsnedsattning" in situations else 0.0
    )
    if course and placement and rng.random() < 0.3:
        steps += ["praktik", "utbildning"]
    else:
        steps += ["utbildning"] * course + ["praktik"] * placement
    if rng.random() < 0.25:
        steps.append("cv-och-intervju")
    if rng.random() < 0.25:
        steps.append("arbetsgivarmote")
    if outcome == "anstallning":
        supported = {"langtidsarbetslos", "funktionsnedsattning"} & set(situations)
        share = 0.45 if supported else 0.3 if "nyanland" in situations else 0.12
        steps.append("subventionerad-anstallning" if rng.random() < share else "anstallning")
    elif outcome == "utbildning":
        steps.append("vidare")
    elif outcome == "eget-foretag":
        steps.append("eget")
    if len(steps) < 2 and "kartlaggning" not in steps:
        steps.insert(0, "kartlaggning")
    if len(steps) < 2:
        steps.append("praktik")
    return steps[:12]


def _fit(sentences: list[str], limit: int) -> str:
    """Join sentences, dropping the last ones until the text fits the schema's limit."""
    while len(sentences) > 1 and len(" ".join(sentences)) > limit:
        sentences.pop()
    return " ".join(sentences)[:limit]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _scalar(text: str) -> str:
    """A YAML plain scalar when it is safe, a double-quoted one otherwise."""
    if re.fullmatch(r"[A-Za-zÅÄÖåäöÉé0-9][^:#\n\"']*[^\s:]", text) and ": " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(items: Sequence[str], quote: bool = False) -> str:
    return "[" + ", ".join(f'"{i}"' if quote else i for i in items) + "]"


def _block(key: str, text: str, indent: str, width: int = 88) -> str:
    """``key: >-`` with the text folded over lines, as contributors write long text."""
    pad = indent + "  "
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(pad) + len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return f"{indent}{key}: >-\n" + "".join(f"{pad}{line}\n" for line in lines)


class PathMaker:
    """Draws paths. Holds the random generator, the vocabularies and the actor pool."""

    def __init__(self, rng: random.Random, vocab: Vocabulary, pool: ActorPool) -> None:
        self.rng = rng
        self.vocab = vocab
        self.pool = pool
        self.occupations = {o: OCCUPATIONS.get(o, GENERIC_OCCUPATION) for o in vocab.occupations}
        self.occupation_weights = {o: occ.weight for o, occ in self.occupations.items()}
        self.county_weights = {c: COUNTY_WEIGHTS.get(c, 2.0) for c in vocab.counties}
        self.open_combinations: dict[tuple[str, str], list[Draft]] = {}

    def make(self, index: int) -> Draft:
        """Draw one path; its YAML lines are filled in, except the municipality line."""
        rng = self.rng
        occupation = _weighted(rng, self.occupation_weights)
        county = _weighted(rng, self.county_weights)
        age_band = _weighted(rng, AGE_WEIGHTS)
        year = rng.choices(YEARS, weights=YEAR_WEIGHTS)[0]
        municipality: str | None = None
        candidates = self.vocab.municipalities.get(county, [])
        new_combination = False
        if candidates and rng.random() < MUNICIPALITY_SHARE:
            # A municipality is shown only when another path shares it with the same
            # occupation, age band and year, so most are drawn as such pairs.
            waiting = self.open_combinations.get((county, occupation), [])
            if waiting and rng.random() < 0.85:
                partner = waiting.pop(0)
                municipality, age_band, year = partner.municipality, partner.age_band, partner.year
            else:
                municipality = _pick(rng, candidates)
                new_combination = True
        draft = Draft(index, occupation, county, municipality, age_band, year, [])
        if new_combination:
            self.open_combinations.setdefault((county, occupation), []).append(draft)
        draft.lines = self._lines(draft)
        return draft

    def unpaired(self) -> set[int]:
        """Paths whose municipality no other path shares: written without it."""
        return {d.index for waiting in self.open_combinations.values() for d in waiting}

    def _lines(self, d: Draft) -> list[str]:
        rng = self.rng
        occ = self.occupations[d.occupation]
        label = self.vocab.labels.get(d.occupation, d.occupation)
        yrke = occ.yrke or label.lower()
        situations = _situations(rng, d.age_band, self.vocab.situations)
        outcome_weights = dict(OUTCOME_WEIGHTS)
        outcome_weights["eget-foretag"] *= occ.own_business_share * 10
        outcome = _weighted(rng, outcome_weights)
        kinds = _step_types(rng, occ, situations, outcome)
        subject, obj, gen = PRONOUNS[rng.choices(range(3), weights=PRONOUN_WEIGHTS)[0]]
        place, place_def = occ.places[int(rng.random() * len(occ.places))]
        earlier = EARLIER_YOUNG if d.age_band == "15-24" else EARLIER
        tidigare, kort = earlier[int(rng.random() * len(earlier))]
        middle = [k for k in kinds[1:-1] if k in VIA] or [k for k in kinds if k in VIA]
        course = _pick(rng, occ.courses)
        ctx: dict[str, str] = {
            "p": subject,
            "o": obj,
            "g": gen,
            "P": _capitalise(subject),
            "G": _capitalise(gen),
            "yrke": yrke,
            "yrken": occ.yrken or yrke,
            "Yrke": _capitalise(yrke),
            "bransch": occ.bransch,
            "plats": place,
            "platsen": place_def,
            "Platsen": _capitalise(place_def),
            "kurs": course,
            "Kurs": _capitalise(course),
            "tidigare": tidigare,
            "kort": kort,
            "via": _pick(rng, VIA[_pick(rng, middle)]) if middle else "vägledning",
            "efter": _pick(rng, AFTER.get(situations[0], ("en lång väg",))),
            "tider": _pick(rng, WORKING_HOURS),
        }
        prefixes = COMPOUND_PREFIXES.get(d.occupation, "").split() * 2 + GENERIC_PREFIXES.split()
        self._reroll(ctx, occ, prefixes)

        def say(options: Sequence[str]) -> str:
            return _pick(rng, options).format_map(ctx)

        supported = kinds[-1] == "subventionerad-anstallning"
        end_key = "stod" if outcome == "anstallning" and supported else outcome
        title = say(TITLES)[:90]
        summary = _fit(
            [
                say(SUMMARY_START.get(situations[0], SUMMARY_START["langtidsarbetslos"])) + ".",
                say(SUMMARY_END[end_key]),
            ],
            300,
        )
        background = [f"{ctx['P']} hade {tidigare}."]
        background += [say(BACKGROUND_OBSTACLES) for _ in range(rng.randint(1, 2))]
        background.append(say(BACKGROUND_WISHES))
        lines = [
            SCHEMA_COMMENT.format("path"),
            f"id: {d.occupation}-{situations[0]}-{d.index:05d}\n",
            f"title: {_scalar(title)}\n",
            _block("summary", summary, ""),
            f"occupation: {d.occupation}\n",
            f"situations: {_flow(situations)}\n",
            f"age_band: {d.age_band}\n",
            _block("background", _fit(_unique(background), 800), ""),
            f'county: "{d.county}"\n',
            "",  # the municipality, settled when every path is drawn
            f"year: {d.year}\n",
            "outcome:\n",
            f"  type: {outcome}\n",
            _block("text", _fit([say(OUTCOME_TEXTS[end_key])], 300), "  "),
            "steps:\n",
        ]
        main_employer = self._employer(d.county, occ.branch)
        for kind in kinds:
            self._reroll(ctx, occ, prefixes)
            step_type = {"eget": "utbildning", "vidare": "utbildning"}.get(kind, kind)
            sentences = [say(STEP_TEXT_A[kind])]
            if kind in ("praktik", "utbildning", "anstallning") and rng.random() < 0.5:
                sentences.append(say(OCCUPATION_SENTENCES))
            if rng.random() < 0.5:
                sentences.append(say(STEP_TEXT_A[kind]))
            if rng.random() < 0.6:
                sentences.append(say(COMPOUND_SENTENCES))
            sentences.append(say(STEP_TEXT_B[kind]))
            low, high = occ.course_weeks if kind == "utbildning" else STEP_WEEKS[kind]
            lines += [
                f"  - type: {step_type}\n",
                f"    title: {_scalar(say(STEP_TITLES[kind])[:80])}\n",
                f"    actors: {_flow(self._step_actors(kind, d.county, occ, main_employer))}\n",
                f"    weeks: {rng.randint(low, high)}\n",
                _block("text", _fit(_unique(sentences), 600), "    "),
            ]
        if rng.random() < 0.7:
            helped = _unique([say(WHAT_HELPED) for _ in range(rng.randint(1, 2))])
            lines.append(_block("what_helped", _fit(helped, 500), ""))
        if rng.random() < 0.6:
            lines.append(_block("quote", say(QUOTES), ""))
        if rng.random() < 0.75:
            tips = _unique([say(TIPS + occ.tips) for _ in range(rng.randint(1, 3))])
            lines.append("tips:\n" + "".join(f"  - {_scalar(t[:200])}\n" for t in tips))
        lines += [f"documented_by: {self._documenter(d.county)}\n", "consent: true\n"]
        return lines

    def _reroll(self, ctx: dict[str, str], occ: Occupation, prefixes: Sequence[str]) -> None:
        rng = self.rng
        tasks = rng.sample(occ.tasks, 2)
        skills = rng.sample(occ.skills, 2)
        ctx.update(uppgift=tasks[0], uppgift2=tasks[1], kunskap=skills[0], kunskap2=skills[1])
        # Skewed picks, so a few compounds are common and most are rare, as in real text.
        words = [
            prefixes[int(len(prefixes) * rng.random() ** 1.5)]
            + COMPOUND_SUFFIXES[int(len(COMPOUND_SUFFIXES) * rng.random() ** 2)]
            for _ in range(2)
        ]
        ctx.update(ord=words[0], ord2=words[1])

    def _local(self, county: str, role: str) -> str:
        return _pick(self.rng, self.pool.by_county[(county, role)])

    def _national(self, role: str) -> str:
        return _pick(self.rng, self.pool.national[role])

    def _employer(self, county: str, branch: str) -> str:
        options = (
            self.pool.employers.get((county, branch)) or self.pool.employers[(county, "allman")]
        )
        return _pick(self.rng, options)

    def _step_actors(self, kind: str, county: str, occ: Occupation, employer: str) -> list[str]:
        rng = self.rng
        roll = rng.random()
        other_employer = rng.random() < 0.25
        work = self._employer(county, occ.branch) if other_employer else employer
        if occ.branch == "vard" and rng.random() < 0.35:
            work = self._local(county, "region")
        elif occ.branch in ("forskola", "stad", "vard") and rng.random() < 0.2:
            work = self._local(county, "kommun")
        if kind == "kartlaggning":
            actors = [
                self._national("af")
                if roll < 0.55
                else self._local(county, "kommun" if roll < 0.8 else "matchning")
            ]
        elif kind == "studiebesok":
            actors = [work if roll < 0.7 else self._local(county, "skola")]
        elif kind == "praktik":
            actors = [work] + ([self._local(county, "matchning")] if roll < 0.2 else [])
        elif kind == "utbildning":
            school = (
                self._local(county, "skola")
                if roll < 0.55
                else self._local(county, "kommun")
                if roll < 0.9
                else self._national("distans")
            )
            actors = [school] + ([work] if rng.random() < 0.15 else [])
        elif kind == "validering":
            actors = [
                self._local(county, "skola")
                if roll < 0.5
                else self._national(f"bransch-{occ.branch}")
                if roll < 0.85
                else self._local(county, "kommun")
            ]
        elif kind == "sprakutbildning":
            actors = [self._local(county, "kommun" if roll < 0.7 else "ideell")]
        elif kind == "tematisk-expert":
            actors = [
                self._national("fack")
                if roll < 0.35
                else work
                if roll < 0.75
                else self._national(f"bransch-{occ.branch}")
            ]
        elif kind == "arbetsgivarmote":
            actors = [work] + ([self._national("af")] if roll < 0.5 else [])
        elif kind == "cv-och-intervju":
            actors = [
                self._local(county, "matchning")
                if roll < 0.45
                else self._national("af")
                if roll < 0.75
                else self._local(county, "ideell")
                if roll < 0.9
                else self._national("akassa")
            ]
        elif kind == "subventionerad-anstallning":
            actors = [employer] + ([self._national("af")] if roll < 0.8 else [])
        elif kind == "eget":
            actors = [self._local(county, "ideell" if roll < 0.5 else "kommun")]
        elif kind == "vidare":
            actors = [self._local(county, "kommun") if roll < 0.6 else self._national("distans")]
        else:  # anstallning
            actors = [employer]
        return _unique(actors)

    def _documenter(self, county: str) -> str:
        roll = self.rng.random()
        if roll < 0.45:
            return self._national("af")
        if roll < 0.7:
            return self._local(county, "kommun")
        return self._local(county, "matchning" if roll < 0.9 else "ideell")


def _unique(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


# --- The project folder -------------------------------------------------------------------------


def mkdocs_config(repo_root: Path = REPO_ROOT) -> str:
    """The repository's mkdocs.yml, with the theme and the plugin's theme_dir made absolute."""
    config: dict[str, Any] = yaml.safe_load((repo_root / "mkdocs.yml").read_text("utf-8"))
    theme_dir = str((repo_root / "theme").resolve())
    config["theme"]["custom_dir"] = theme_dir
    plugins: list[Any] = []
    for plugin in config.get("plugins", []):
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        options = {} if isinstance(plugin, str) else dict(plugin[name] or {})
        if name == "vagar":
            options.update(content_dir="content", theme_dir=theme_dir)
            plugin = {name: options}
        plugins.append(plugin)
    config["plugins"] = plugins
    header = "# Synthetic benchmark project written by benchmarks/synthesize.py; never publish.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def synthesize(count: int, out: Path, seed: int = 1, repo_root: Path = REPO_ROOT) -> dict[str, int]:
    """Write the project folder ``out`` with ``count`` paths; returns what was written."""
    out = out.resolve()
    content = out / "content"
    if out == repo_root.resolve() or repo_root.resolve() / "content" in (out, *out.parents):
        raise ValueError(f"refusing to write synthetic content into the repository: {out}")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ValueError(f"{out} is not empty and was not written by this script")
    shutil.rmtree(content, ignore_errors=True)
    for sub in ("paths", "actors"):
        (content / sub).mkdir(parents=True)
    shutil.copytree(repo_root / "content" / "vocabulary", content / "vocabulary")
    shutil.copytree(repo_root / "content" / "pages", content / "pages")
    (out / MARKER).write_text(f"count={count} seed={seed}\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text(mkdocs_config(repo_root), encoding="utf-8")

    rng = random.Random(seed)
    vocab = read_vocabulary(content / "vocabulary")
    pool = make_actors(rng, vocab.counties, vocab.situations)
    for actor_id, text in pool.texts.items():
        (content / "actors" / f"{actor_id}.yaml").write_text(text, encoding="utf-8")
    maker = PathMaker(rng, vocab, pool)
    drafts = [maker.make(index) for index in range(1, count + 1)]
    alone = maker.unpaired()
    municipalities = 0
    for draft in drafts:
        if draft.municipality is not None and draft.index not in alone:
            draft.lines[9] = f'municipality: "{draft.municipality}"\n'
            municipalities += 1
        path_id = draft.lines[1].removeprefix("id: ").strip()
        (content / "paths" / f"{path_id}.yaml").write_text("".join(draft.lines), "utf-8")
    return {"paths": count, "actors": len(pool.texts), "municipalities": municipalities}


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``--count N --out DIR [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True, help="number of paths")
    parser.add_argument("--out", type=Path, required=True, help="project folder to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        written = synthesize(args.count, args.out, args.seed)
    except ValueError as error:
        print(f"synthesize: {error}", file=sys.stderr)
        return 2
    print(
        f"wrote {written['paths']} paths ({written['municipalities']} with a municipality) and "
        f"{written['actors']} actors to {args.out} in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
