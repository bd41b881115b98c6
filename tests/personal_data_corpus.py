"""Test corpora for the personal-data checker, and a report of its rates.

``personal_sentences()`` embeds generated personal data (Faker's sv_SE, da_DK, no_NO, fi_FI
and pl_PL locales; identity and phone numbers confirmed with python-stdnum and phonenumbers,
since Faker's are not always valid) in realistic Swedish sentences. ``clean_sentences()`` are
realistic sentences full of numbers that are not personal data.

Run ``python tests/personal_data_corpus.py`` for detection and false-alarm rates per kind.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers
from faker import Faker
from stdnum import luhn
from stdnum.dk import cpr

LOCALES = {"sv_SE": "SE", "da_DK": "DK", "no_NO": "NO", "fi_FI": "FI", "pl_PL": "PL"}
SEED = 2026


@dataclass(frozen=True)
class Sample:
    """A sentence with one piece of personal data of a known kind in it."""

    kind: str
    value: str
    sentence: str


_CONTEXT = {
    "identity number": [
        "Vägledaren skrev in personnumret {} i ansökan till kursen.",
        "Hon lämnade sitt personnummer {} till arbetsgivaren vid anställningen.",
        "I dokumentationen stod {} som id-nummer för deltagaren.",
        "Han var registrerad med nummer {} hos kommunen.",
    ],
    "phone number": [
        "Ring handledaren på {} om du vill veta mer.",
        "Hon nås på telefon {} under dagtid.",
        "Kontakta deltagaren på {} innan studiebesöket.",
        "Numret till praktikplatsen är {}.",
    ],
    "e-mail address": [
        "Skicka frågor till {} så svarar vi.",
        "Han mejlade sitt cv till {} samma vecka.",
        "Deltagaren har adressen {} för kontakt.",
    ],
    "person name": [
        "Handledaren {} visade henne runt på avdelningen.",
        "Efter praktiken ringde {} och erbjöd ett vikariat.",
        "Vägledaren, {}, hjälpte till med ansökan.",
        "{} berättade att det första året var tufft.",
        "Hon fick en mentor som hette {} på bygget.",
    ],
    "street address": [
        "Hon bodde på {} under utbildningen.",
        "Praktiken var hos ett företag på {}.",
        "Han flyttade till {} när jobbet började.",
    ],
}


def _identity_numbers(fake: Faker, locale: str, rng: random.Random) -> str:
    if locale == "da_DK":  # Faker's da_DK ssn() is not a CPR number
        while True:
            number = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(50, 99)}"
            number += f"-{rng.randint(0, 9999):04d}"
            if cpr.is_valid(number):
                return number
    if locale == "sv_SE" and rng.random() < 0.3:  # a samordningsnummer: day + 60
        while True:
            base = f"{rng.randint(50, 99)}{rng.randint(1, 12):02d}{rng.randint(61, 88)}"
            base += f"{rng.randint(0, 999):03d}"
            number = base + luhn.calc_check_digit(base)
            return f"{number[:6]}-{number[6:]}"
    value = str(fake.ssn())
    if locale == "sv_SE" and rng.random() < 0.3:
        value = ("19" if int(value[:2]) > 25 else "20") + value.replace("-", "")
    return value


def _phone_number(fake: Faker, locale: str, rng: random.Random) -> str:
    region = LOCALES[locale]
    while True:
        number = str(fake.phone_number())
        if phonenumbers.is_valid_number(phonenumbers.parse(number, region)):
            return number


def _address(fake: Faker, locale: str, rng: random.Random) -> str:
    return str(fake.address()).replace("\n", ", ")


_GENERATORS: dict[str, Callable[[Faker, str, random.Random], str]] = {
    "identity number": _identity_numbers,
    "phone number": _phone_number,
    "e-mail address": lambda fake, locale, rng: str(fake.free_email()),
    "person name": lambda fake, locale, rng: (
        f"{fake.first_name()} {fake.last_name()}" if rng.random() < 0.6 else str(fake.first_name())
    ),
    "street address": _address,
}


def personal_sentences(per_kind: int = 45) -> list[Sample]:
    """At least ``per_kind`` generated samples of each Faker-based kind, plus the fixed ones."""
    rng = random.Random(SEED)
    samples: list[Sample] = []
    for kind, generate in _GENERATORS.items():
        for index in range(per_kind):
            locale = list(LOCALES)[index % len(LOCALES)]
            fake = Faker(locale)
            fake.seed_instance(SEED + index)
            value = generate(fake, locale, rng)
            template = _CONTEXT[kind][index % len(_CONTEXT[kind])]
            samples.append(Sample(kind, value, template.format(value)))
    # Kinds whose whole sentence is the value: fixed sentences, then generated ones.
    whole = {
        "date": _dates(rng, per_kind),
        "exact age": _ages(rng, per_kind),
        "social media profile": _profiles(per_kind),
    }
    for kind, sentences in whole.items():
        samples += [Sample(kind, s, s) for s in sentences]
    return samples


_MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"]  # fmt: skip
_DATES = [
    "Studiebesöket var den 14 mars 2023 på förmiddagen.",
    "Hon började sin praktik 2023-03-14 på lagret.",
    "Intervjun bokades till den 5/9 efter lunch.",
    "Han skrev kontrakt den 3:e i månaden efter kursen.",
    "Kursen startade i augusti 2022 och höll på ett år.",
    "Mötet hölls 12 oktober med tre arbetsgivare.",
    "Sista dagen på praktiken var 28.2.2024.",
    "Anställningen började 1/11 2021 med provanställning.",
    "I början av september fick hon besked om platsen.",
    "Hon sökte jobbet i maj och började i juni samma år.",
]
_DATE_FORMATS = [
    "Studiebesöket var den {d} {month} {y}.",
    "Hon skrev på kontraktet {y}-{m:02d}-{d:02d}.",
    "Intervjun var den {d}/{m} på eftermiddagen.",
    "Praktiken slutade {d}.{m}.{y} efter åtta veckor.",
    "Han började kursen i {month} {y}.",
    "Mötet med arbetsgivaren hölls {d} {month}.",
    "Sista ansökningsdag var {d}/{m} {y}.",
    "Sedan {month} har hon arbetat heltid.",
]


def _dates(rng: random.Random, count: int) -> list[str]:
    """The fixed date sentences, then ``count`` generated ones."""
    sentences = list(_DATES)
    for index in range(count):
        month = rng.randint(1, 12)
        template = _DATE_FORMATS[index % len(_DATE_FORMATS)]
        sentences.append(
            template.format(
                d=rng.randint(1, 28), m=month, month=_MONTHS[month - 1], y=rng.randint(2015, 2025)
            )
        )
    return sentences


_AGES = [
    "Han var 47 år gammal när tryckeriet lade ner.",
    "Som 23-åring hade hon aldrig haft ett jobb.",
    "Hon fyllde 52 under utbildningen.",
    "Vid 34 års ålder bytte han bana helt.",
    "Deltagaren är 61 år och har lång erfarenhet.",
    "Den 19-årige deltagaren fick praktik på en verkstad.",
]
_AGE_FORMATS = [
    "Han var {a} år gammal när han blev uppsagd.",
    "Som {a}-åring sökte hon sitt första jobb.",
    "Hon fyllde {a} strax innan praktiken.",
    "Vid {a} års ålder bytte han yrke.",
    "Deltagaren är {a} år och bor med sin familj.",
]


def _ages(rng: random.Random, count: int) -> list[str]:
    """The fixed sentences with an exact age, then ``count`` generated ones."""
    return _AGES + [
        _AGE_FORMATS[index % len(_AGE_FORMATS)].format(a=rng.randint(16, 66))
        for index in range(count)
    ]


_PROFILES = [
    "Hans profil på https://www.linkedin.com/in/exempelprofil-123 visade alla kurser.",
    "Hon delade bilder från praktiken på instagram.com/praktik_hanna.",
    "Vägledaren hittade honom via facebook.com/profile.php?id=1000123.",
    "Följ deltagaren på @snickarlarling för bilder från bygget.",
]


def _profiles(count: int) -> list[str]:
    """The fixed sentences with a social media profile, then ``count`` generated ones."""
    fake = Faker("sv_SE")
    fake.seed_instance(SEED)
    sites = [
        "https://www.linkedin.com/in/{}",
        "instagram.com/{}",
        "https://www.facebook.com/{}",
        "tiktok.com/@{}",
        "@{}",
    ]
    return _PROFILES + [
        f"Vägledaren hittade deltagaren via {sites[i % len(sites)].format(fake.user_name())}."
        for i in range(count)
    ]


_CLEAN_TEMPLATES = [
    "Utbildningen tog {weeks} veckor och gav {points} yrkespoäng.",
    "Hon började {year} och var klar {later}.",
    "Yrket har SSYK-kod {ssyk} i statistiken.",
    "Ingångslönen låg på {thousands} {hundreds}00 kronor i månaden.",
    "Ungefär {percent} procent av deltagarna fick jobb inom {months} månader.",
    "Praktiken var på {share} % av heltid under {weeks} veckor.",
    "Kursen {course} lästes på distans.",
    "Arbetsdagen var {start:02d}.00\u2013{end}.30 med en timmes lunch.",
    "Öppet kl. {start}\u2013{end} på vardagar och {start}\u201313 på lördagar.",
    "Han körde {miles} mil i veckan med lastbil under {year}.",
    "Efter {years} år i branschen och {few} kurser bytte hon yrke.",
    "Under {year}\u2013{later} sökte hen {applications} jobb.",
    "B-körkort och C-körkort tog {weeks} veckor, YKB ytterligare {few} veckor.",
    "Nystartsjobbet gällde i {months} månader med {percent} procents tjänst.",
    "Hon klarade {few} av 6 delprov och fick betyg {grade}.",
    "Gruppen var {group} personer och {few} lärare.",
    "Arbetsgivaren behövde {group} nya medarbetare till hösten {year}.",
    "Lönebidraget täckte {percent} procent av lönen i {few} år.",
    "Kursen pågick {few} dagar i veckan, {hours} timmar om dagen.",
    "Hon hade jobbat {years} år i handeln innan butiken stängde {year}.",
    "Validering av {group} moment sparade henne {weeks} veckors studier.",
    "Efter 1/3 av utbildningen fick han praktikplats.",
    "Han läste {applications} timmar svenska och klarade nivå {level}.",
    "Tre av fyra deltagare, {percent} procent, var kvar efter {months} månader.",
]


def clean_sentences(count: int = 240) -> list[str]:
    """Realistic sentences full of numbers that are not personal data."""
    rng = random.Random(SEED)

    def values() -> dict[str, object]:
        return {
            "weeks": rng.randint(1, 60),
            "points": rng.choice([25, 50, 100, 150, 200, 400]),
            "year": rng.randint(2015, 2025),
            "later": rng.randint(2016, 2026),
            "ssyk": rng.choice(["5321", "5323", "7411", "5141", "8332", "3512"]),
            "thousands": rng.randint(22, 38),
            "hundreds": rng.randint(0, 9),
            "percent": rng.randint(5, 95),
            "months": rng.randint(3, 24),
            "share": rng.choice([25, 50, 75, 100]),
            "course": rng.choice(["SFI kurs D", "Svenska 2", "Matematik 1a", "VÅRVÅR01"]),
            "start": rng.randint(6, 9),
            "end": rng.randint(15, 18),
            "miles": rng.randint(120, 900),
            "years": rng.randint(6, 35),
            "few": rng.randint(1, 5),
            "applications": rng.randint(20, 800),
            "grade": rng.choice("ABCDE"),
            "group": rng.randint(8, 40),
            "hours": rng.randint(4, 8),
            "level": rng.choice(["B", "C", "D"]),
        }

    return [_CLEAN_TEMPLATES[i % len(_CLEAN_TEMPLATES)].format(**values()) for i in range(count)]


def rates(
    find: Callable[[str], list[str]],
) -> tuple[dict[str, tuple[int, int]], int, int]:
    """Detected/total per kind, and false alarms/total over the clean sentences.

    ``find`` returns the kinds found in a sentence.
    """
    detected: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for sample in personal_sentences():
        totals[sample.kind] += 1
        if sample.kind in find(sample.sentence):
            detected[sample.kind] += 1
    clean = clean_sentences()
    alarms = sum(1 for sentence in clean if find(sentence))
    return {k: (detected[k], totals[k]) for k in totals}, alarms, len(clean)


if __name__ == "__main__":
    from generator.personal_data import find_personal_data

    def kinds(text: str) -> list[str]:
        return [d.kind for d in find_personal_data(text)]

    per_kind, alarms, clean = rates(kinds)
    print("| kind | detected | rate |\n|---|---|---|")
    for kind, (hit, total) in per_kind.items():
        print(f"| {kind} | {hit}/{total} | {hit / total:.0%} |")
    print(f"\nFalse alarms on clean sentences: {alarms}/{clean}")
