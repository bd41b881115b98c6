"""Personal data in free text: what a counsellor in a hurry might paste into a path.

The schema has no field for a name or a date; this module finds them where they slip into
free text anyway. Each detector finds candidates with a pattern and confirms them with a
well-kept library where one exists (python-stdnum for identity numbers, phonenumbers for phone
numbers, Faker's national name lists for names), so that ordinary numbers do not alarm.
Findings carry a masked value: pull-request logs are public, and the checker must not
republish what it caught.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import phonenumbers
from stdnum import luhn
from stdnum.dk import cpr
from stdnum.fi import hetu
from stdnum.no import fodselsnummer
from stdnum.pl import pesel
from stdnum.se import personnummer

NAME_LOCALES = ("sv_SE", "da_DK", "no_NO", "fi_FI", "pl_PL")
PHONE_REGIONS = ("SE", "DK", "NO", "FI", "PL")


@dataclass(frozen=True)
class Detection:
    """One piece of personal data at ``start:end`` in a text.

    ``kind`` and ``hint`` are English message ids: the checker shows them translated
    (``generator.messages._``), as the language is chosen where the message is shown."""

    kind: str
    start: int
    end: int
    hint: str


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue without translating it yet (gettext's ``N_``):
    the kinds and hints are ids, translated where a finding is made."""
    return message


KINDS = {
    N_("identity number"): N_("remove the personal identity number"),
    N_("phone number"): N_("remove the phone number; contact details are never published"),
    N_("e-mail address"): N_("remove the e-mail address; contact details are never published"),
    N_("street address"): N_("remove the address; the county says enough"),
    N_("social media profile"): N_("remove the link to a personal profile"),
    N_("date"): N_("write only the year (for example 2023), never a date or a month"),
    N_("exact age"): N_("remove the age; the path's age_band gives it"),
    N_("person name"): N_("remove the name; write hon, han, hen or deltagaren instead"),
    N_("many numbers"): N_(
        "the text holds too many long numbers to check them all for phone numbers — keep only "
        "the numbers the story needs"
    ),
}

MAX_PHONE_CANDIDATES = 40
"""Long number sequences checked as phone numbers per scan. Each check asks phonenumbers about
five countries; a text of nothing but digits must not make the check take minutes."""


def find_personal_data(text: str, known_words: frozenset[str] = frozenset()) -> list[Detection]:
    """Every piece of personal data in ``text``, first occurrence first, without overlaps.

    ``known_words`` are capitalised words the content itself defines (places, organisations,
    occupations): they are never taken for names.
    """
    found: list[tuple[Detection, int]] = []
    for precedence, detector in enumerate(_DETECTORS):
        found.extend((d, precedence) for d in detector(text, known_words))
    found.sort(key=lambda item: (item[0].start, item[1], -(item[0].end - item[0].start)))
    result: list[Detection] = []
    for detection, _precedence in found:
        if result and detection.start < result[-1].end:
            continue
        result.append(detection)
    return result


_SEPARATOR = "\n\x00\n"
"""Between texts scanned together: a line break (a new sentence) and a character that no
pattern crosses (it is neither a word character nor whitespace)."""


def find_in_texts(
    texts: Sequence[str], known_words: frozenset[str] = frozenset()
) -> list[tuple[int, Detection]]:
    """``find_personal_data`` over several texts at once: (index of the text, detection in it).

    One scan of the joined texts costs much less than one scan per text, and a path file has
    a dozen free-text fields.
    """
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + len(_SEPARATOR)
    found = []
    for detection in find_personal_data(_SEPARATOR.join(texts), known_words):
        index = bisect.bisect_right(starts, detection.start) - 1
        start = detection.start - starts[index]
        end = min(detection.end - starts[index], len(texts[index]))
        found.append((index, Detection(detection.kind, start, end, detection.hint)))
    return found


def mask(value: str) -> str:
    """Hide all but the edges of a value: ``680314-1265`` becomes ``68****-**65``."""
    keep = 1 if len(value) < 8 else 2
    chars = list(value)
    alnum = [i for i, c in enumerate(chars) if c.isalnum()]
    for i in alnum[keep : len(alnum) - (keep if len(alnum) >= 8 else 0)]:
        chars[i] = "*"
    return "".join(chars)


def _detection(kind: str, match: re.Match[str], group: int = 0) -> Detection:
    return Detection(kind, match.start(group), match.end(group), KINDS[kind])


# Identity numbers --------------------------------------------------------------------------

_SE_DK = re.compile(r"(?<![\w+-])(\d{6}|\d{8})([-+]?)(\d{4})(?![\w-])")
_NO_PL = re.compile(r"(?<![\w-])\d{6} ?\d{5}(?![\w-])")
_FI = re.compile(r"(?<![\w-])\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Ya-y](?![\w-])")


_SIX_DIGITS = re.compile(r"\d{6}")
_DIGIT = re.compile(r"\d")


def _identity_numbers(text: str, known: frozenset[str]) -> Iterator[Detection]:
    if not _SIX_DIGITS.search(text):
        return
    for match in _SE_DK.finditer(text):
        number = match.group(0)
        if personnummer.is_valid(number) or _is_samordningsnummer(number) or cpr.is_valid(number):
            yield _detection("identity number", match)
    for match in _NO_PL.finditer(text):
        digits = match.group(0).replace(" ", "")
        if fodselsnummer.is_valid(digits) or pesel.is_valid(digits):
            yield _detection("identity number", match)
    for match in _FI.finditer(text):
        if hetu.is_valid(match.group(0)):
            yield _detection("identity number", match)


def _is_samordningsnummer(number: str) -> bool:
    """A co-ordination number: a personnummer whose day is raised by 60 (stdnum rejects it)."""
    digits = re.sub(r"\D", "", number)[-10:]
    if len(digits) != 10:
        return False
    month, day = int(digits[2:4]), int(digits[4:6])
    return 1 <= month <= 12 and 61 <= day <= 91 and luhn.is_valid(digits)


# Phone numbers, e-mail, links, addresses ---------------------------------------------------

_PHONE_CANDIDATE = re.compile(r"(?<![\w+])\+?\(?\+?\d[\d ()./-]{5,18}\d(?!\w)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_PROFILE = re.compile(
    r"(?:https?://)?(?:www\.|m\.|[a-z]{2}\.)?"
    r"(?:facebook|fb|instagram|linkedin|twitter|x|tiktok|snapchat|youtube|threads)\.(?:com|se)"
    r"/[^\s,;)]+",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_][A-Za-z0-9_.]{2,29}\b")
_UPPER = "A-ZÅÄÖÆØÉÜŁŻŹĆŚÓ"
_WORD = r"[\wåäöæøéüßłżźćśąęóń.'-]"
_STREET_SUFFIX = (
    r"(?:gatan|vägen|gränd|torget|stigen|allén|backen|gata|väg|plan|leden|vej|gade|allé|"
    r"veien|vegen|gaten|bakken|tunet|haugen|skogen|røa|katu|tie|kuja|polku|bulevardi|"
    r"raitti|rinne)"
)
_ADDRESS = re.compile(
    rf"(?:\b(?:ul|al|pl)\.\s+|\b(?:ulica|aleja|plac)\s+)?[{_UPPER}]{_WORD}*(?:\s+{_WORD}+){{0,3}}"
    rf"\s+\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}})?,?\s+(?:\d{{3}}\s?\d{{2}}|\d{{2}}-\d{{3}}|\d{{4,5}})"
    rf"\s+[{_UPPER}]\w+"
)
_STREET = re.compile(
    rf"\b[{_UPPER}]?[\wåäöæøé]*{_STREET_SUFFIX}\s+\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}})?\b"
    rf"|\b(?:ul|al|pl)\.\s+[{_UPPER}][\włżźćśąęóń]+(?:\s+[{_UPPER}][\włżźćśąęóń]+)?"
    rf"\s+\d{{1,4}}(?:/\d{{1,4}})?\b"
)


_PHONE_HINT = re.compile(r"\d[\d ()./-]{5,}\d")
_REFERENCE_BEFORE = re.compile(r"[A-ZÅÄÖ]{2,}-\Z")
"""Capitals and a hyphen right before a number: a project or case reference (ESF-2023-0147)."""


def _phone_numbers(text: str, known: frozenset[str]) -> Iterator[Detection]:
    if not _PHONE_HINT.search(text):
        return
    checked = 0
    for candidate in _PHONE_CANDIDATE.finditer(text):
        if sum(c.isdigit() for c in candidate.group(0)) < 7:
            continue
        if _REFERENCE_BEFORE.search(text, 0, candidate.start()):
            continue  # a reference number such as ESF-2023-0147, not a phone number
        checked += 1
        if checked > MAX_PHONE_CANDIDATES:
            yield _detection("many numbers", candidate)
            return
        for region in PHONE_REGIONS:
            matches = list(phonenumbers.PhoneNumberMatcher(candidate.group(0), region))
            if matches:
                offset = candidate.start()
                first, last = matches[0], matches[-1]
                yield Detection(
                    "phone number", offset + first.start, offset + last.end, KINDS["phone number"]
                )
                break


# Cheap patterns that must match before the costly ones are tried: most texts have none of
# these, and the checker scans every free-text field of every file.
_PROFILE_HINT = re.compile(r"\.(?:com|se)/", re.IGNORECASE)
_ADDRESS_HINT = re.compile(r"\d[A-Za-z]?(?:/\d{1,4})?,?\s+(?:\d{3}\s?\d{2}|\d{2}-\d{3}|\d{4,5})\s")
_STREET_HINT = re.compile(r"[a-zåäöæøéłżźćśąęóń.] \d{1,4}(?!\d)")


def _contacts(text: str, known: frozenset[str]) -> Iterator[Detection]:
    if "@" in text:
        yield from (_detection("e-mail address", m) for m in _EMAIL.finditer(text))
        yield from (_detection("social media profile", m) for m in _HANDLE.finditer(text))
    if _PROFILE_HINT.search(text):
        yield from (_detection("social media profile", m) for m in _PROFILE.finditer(text))
    if not _DIGIT.search(text):
        return
    if _ADDRESS_HINT.search(text):
        yield from (_detection("street address", m) for m in _ADDRESS.finditer(text))
    if _STREET_HINT.search(text):
        yield from (_detection("street address", m) for m in _STREET.finditer(text))


# Dates and ages ----------------------------------------------------------------------------

_MONTH_NAMES = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",
)  # fmt: skip
_MONTHS = rf"(?:{'|'.join(_MONTH_NAMES)}|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)"
_NUMERIC_DATE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b"
    r"|\b\d{4}/\d{1,2}/\d{1,2}\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b"
    r"|\b\d{1,2}/\d{1,2}[ -]\d{2,4}\b"
    r"|\bden\s+\d{1,2}/\d{1,2}\b"
    r"|\bden\s+\d{1,2}(?::[ea])\b",
    re.IGNORECASE,
)
# Month dates are found from the month word outwards: month words are rare, and a pattern
# that tries every word as the start of "i början av mars" is slow on long texts. These run
# on the lower-cased text.
_MONTH_WORD = re.compile(rf"\b{_MONTHS}\b")
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?::[ea])?\s+$")
_YEAR_AFTER = re.compile(r"\.?\s+\d{4}\b")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:i\s+(?:början|slutet|mitten)\s+av|i|under|sedan|från|till|efter|före|innan|"
    r"fram\s+till)\s+$"
)
_AGE_PATTERNS = (
    r"(?<![\u2013-])\b\d{1,3}\s*(?:år|års)\s+(?:gammal|gamla|ung)\b",  # 34 år gammal
    r"\b\d{1,3}-?åri(?:ng|g)\w*",  # 34-åring
    r"\bfyllde\s+\d{1,3}\b",  # fyllde 50
    r"\b(?:vid\s+)?\d{1,3}\s+års\s+ålder\b",  # vid 50 års ålder
    r"\b(?:är|var|blev)\s+\d{2}\s+år(?!\s+(?:i|på|inom|som|med|av|hos|vid)\b)",  # var 34 år
    r"\bålder(?:n)?\s*:?\s*\d{1,3}\b(?!\s*[\u2013-]\s*\d)",  # åldern 52, not a range
)
_AGE = re.compile("|".join(_AGE_PATTERNS))
_NUMERIC_DATE_HINT = re.compile(r"\d[./-]\d|den\s+\d")
_AGE_HINT = re.compile(r"\d\s*(?:år|-?åri)|fyllde|ålder")


def _dates_and_ages(text: str, known: frozenset[str]) -> Iterator[Detection]:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters change length when lower-cased
        lowered = text
    if _DIGIT.search(text):
        if _NUMERIC_DATE_HINT.search(text):
            yield from (_detection("date", m) for m in _NUMERIC_DATE.finditer(text))
        if _AGE_HINT.search(lowered):
            yield from (_detection("exact age", m) for m in _AGE.finditer(lowered))
    for month in _MONTH_WORD.finditer(lowered):
        start, end = month.span()
        window = max(0, start - 30)
        day = _DAY_BEFORE.search(lowered, window, start)
        year = _YEAR_AFTER.match(lowered, end)
        if day:
            yield Detection("date", day.start(), year.end() if year else end, KINDS["date"])
        elif year:
            yield Detection("date", start, year.end(), KINDS["date"])
        elif month.group(0) in _MONTH_NAMES and (
            preposition := _PREPOSITION_BEFORE.search(lowered, window, start)
        ):
            yield Detection("date", preposition.start(), end, KINDS["date"])


# Names -------------------------------------------------------------------------------------

_CAPITALISED = re.compile(rf"[{_UPPER}][a-zåäöæøéüßłżźćśąęóń]+(?:-[{_UPPER}][a-zåäöæøéüß]+)?")
_SURNAME_ENDINGS = (
    "son", "sson", "sen", "ssen", "berg", "ström", "lund", "qvist", "kvist", "gren", "dottir",
    "nen", "ski", "ska", "wicz", "czyk", "stad", "holm", "dahl", "backa",
)  # fmt: skip
NAME_WORDS_FILE = Path(__file__).parent / "data" / "names-that-are-words.txt"


@cache
def names_that_are_words() -> frozenset[str]:
    """Names that are also Swedish words ("Mina", "Hans", "Och"): alone, they are words."""
    lines = NAME_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@cache
def name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """First names and surnames of the Nordic countries and Poland, from Faker's locale data.

    Faker's lists come from the national statistics offices' name statistics and are kept
    up to date by its maintainers; we do not keep lists of our own.
    """
    first: set[str] = set()
    last: set[str] = set()
    for locale in NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in dir(provider):
            if "first_names" in attribute:
                first.update(_names(getattr(provider, attribute)))
            elif "last_names" in attribute:
                last.update(_names(getattr(provider, attribute)))
    return frozenset(first), frozenset(last)


def _names(values: object) -> Iterable[str]:
    if isinstance(values, dict | list | tuple):
        return (str(v) for v in values if isinstance(v, str) and len(v) > 1)
    return ()


def _person_names(text: str, known: frozenset[str]) -> Iterator[Detection]:
    """Capitalised words from the name lists: a given name followed by a surname anywhere; a
    single name mid-sentence; a single given name at the start of a sentence. Names that are
    also Swedish words count only in the first case."""
    first_names, surnames = name_lists()
    also_words = names_that_are_words()
    tokens = list(_CAPITALISED.finditer(text))
    for index, token in enumerate(tokens):
        word = token.group(0)
        if word in known or not (word in first_names or word in surnames):
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if (
            word in first_names
            and following is not None
            and text[token.end() : following.start()] == " "
            and following.group(0) not in known
            and following.group(0) not in also_words
            and (following.group(0) in surnames or following.group(0).endswith(_SURNAME_ENDINGS))
        ):
            yield Detection("person name", token.start(), following.end(), KINDS["person name"])
        elif word not in also_words and (
            word in first_names or not _starts_sentence(text, token.start())
        ):
            yield Detection("person name", token.start(), token.end(), KINDS["person name"])


def _starts_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \t\"'\u201c\u201d\u2018\u2019\u00ab\u00bb(\u2013-")
    return not before or before[-1] in ".!?:\n"


# In order of precedence where two detections start at the same place (2023-03-14 is a date,
# though phonenumbers would also accept it).
_DETECTORS: tuple[Callable[[str, frozenset[str]], Iterator[Detection]], ...] = (
    _identity_numbers,
    _dates_and_ages,
    _contacts,
    _phone_numbers,
    _person_names,
)
