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
    "person name": lambda fake, locale, rng: f"{fake.first_name()} {fake.last_name()}"
    if rng.random() < 0.6
    else str(fake.first_name()),
    "street address": _address,
}

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
_AGES = [
    "Han var 47 år gammal när tryckeriet lade ner.",
    "Som 23-åring hade hon aldrig haft ett jobb.",
    "Hon fyllde 52 under utbildningen.",
    "Vid 34 års ålder bytte han bana helt.",
    "Deltagaren är 61 år och har lång erfarenhet.",
    "Den 19-årige deltagaren fick praktik på en verkstad.",
]
_PROFILES = [
    "Hans profil på https://www.linkedin.com/in/exempelprofil-123 visade alla kurser.",
    "Hon delade bilder från praktiken på instagram.com/praktik_hanna.",
    "Vägledaren hittade honom via facebook.com/profile.php?id=1000123.",
    "Följ deltagaren på @snickarlarling för bilder från bygget.",
]


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
    samples += [Sample("date", s, s) for s in _DATES]
    samples += [Sample("exact age", s, s) for s in _AGES]
    samples += [Sample("social media profile", s, s) for s in _PROFILES]
    return samples


def clean_sentences(count: int = 240) -> list[str]:
    """Realistic sentences full of numbers that are not personal data."""
    rng = random.Random(SEED)
    templates: list[Callable[[], str]] = [
        lambda: f"Utbildningen tog {rng.randint(4, 60)} veckor och gav {rng.choice([25, 50, 100, 150, 200, 400])} yrkespoäng.",  # noqa: E501
        lambda: f"Hon började {rng.randint(2015, 2025)} och var klar {rng.randint(2016, 2026)}.",
        lambda: f"Yrket har SSYK-kod {rng.choice(['5321', '5323', '7411', '5141', '8332', '3512'])} i statistiken.",  # noqa: E501
        lambda: f"Ingångslönen låg på {rng.randint(22, 38)} {rng.randint(0, 9)}00 kronor i månaden.",
        lambda: f"Ungefär {rng.randint(5, 95)} procent av deltagarna fick jobb inom {rng.randint(3, 12)} månader.",  # noqa: E501
        lambda: f"Praktiken var på {rng.choice([50, 75, 100])} % av heltid under {rng.randint(2, 16)} veckor.",  # noqa: E501
        lambda: f"Kursen {rng.choice(['SFI kurs D', 'Svenska 2', 'Matematik 1a', 'ELLELE0', 'VÅRVÅR01', 'GRNSVA2'])} lästes på distans.",  # noqa: E501
        lambda: f"Arbetsdagen var {rng.randint(6, 8):02d}.00–{rng.randint(15, 17)}.30 med en timmes lunch.",  # noqa: E501
        lambda: f"Öppet kl. {rng.randint(7, 10)}–{rng.randint(15, 19)} på vardagar, {rng.randint(8, 11)}–{rng.randint(13, 15)} på lördagar.",  # noqa: E501
        lambda: f"Han körde {rng.randint(120, 900)} mil i veckan med lastbil under {rng.randint(2019, 2025)}.",  # noqa: E501
        lambda: f"Efter {rng.randint(6, 30)} år i branschen och {rng.randint(1, 4)} kurser bytte hon yrke.",  # noqa: E501
        lambda: f"Under {rng.randint(2018, 2024)}–{rng.randint(2019, 2025)} sökte hen {rng.randint(20, 150)} jobb.",  # noqa: E501
        lambda: f"B-körkort och C-körkort tog {rng.randint(8, 20)} veckor, YKB ytterligare {rng.randint(3, 6)}.",  # noqa: E501
        lambda: f"Nystartsjobbet gällde i {rng.randint(6, 24)} månader med {rng.randint(60, 100)} procents tjänst.",  # noqa: E501
        lambda: f"Hon klarade {rng.randint(3, 5)} av {rng.randint(5, 6)} delprov och fick betyg {rng.choice('ABCDE')}.",  # noqa: E501
        lambda: f"Gruppen var {rng.randint(8, 25)} personer och {rng.randint(2, 6)} lärare.",
        lambda: f"Arbetsgivaren behövde {rng.randint(2, 40)} nya medarbetare till hösten {rng.randint(2019, 2025)}.",  # noqa: E501
        lambda: f"Lönebidraget täckte {rng.randint(20, 80)} procent av lönen i {rng.randint(1, 4)} år.",
        lambda: f"Kursen kostade inget och pågick {rng.randint(1, 5)} dagar i veckan, {rng.randint(4, 8)} timmar om dagen.",  # noqa: E501
        lambda: f"Hon hade jobbat {rng.randint(10, 35)} år i handeln innan butiken stängde {rng.randint(2019, 2024)}.",  # noqa: E501
        lambda: f"Validering av {rng.randint(3, 12)} moment sparade henne {rng.randint(8, 30)} veckors studier.",  # noqa: E501
        lambda: f"Efter {rng.randint(1, 3)}/{rng.randint(2, 4)} av utbildningen fick han praktikplats.",
        lambda: f"Han läste {rng.randint(100, 800)} timmar svenska och klarade nivå {rng.choice(['B', 'C', 'D'])}.",  # noqa: E501
        lambda: f"Tre av fyra deltagare, {rng.randint(60, 90)} procent, var kvar efter {rng.randint(6, 18)} månader.",  # noqa: E501
    ]
    return [templates[i % len(templates)]() for i in range(count)]


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
