"""`vagar new`: write a valid path file by answering questions, without knowing YAML.

Counsellors answer in their own words: vocabulary answers are matched loosely ("elektrker",
"gävleborg" and "3" all find their term), so nobody has to look up ids. The file is written as
YAML text with a comment on every field; user text only ever reaches the file through
PyYAML's emitter, never pasted in, and the result is checked with the same ``load_content``
as the site before anything is written. The issue form (``generator.issue_form``) feeds the
same interview with the answers of a GitHub issue instead of a person at a keyboard.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml

from generator.content import ContentLayout, load_content
from generator.findings import Finding, has_errors
from generator.load import load_document, parse_document
from generator.schema import load_schema

SCHEMA_LINE = "# yaml-language-server: $schema=../../generator/schema/path.schema.json"
"""First line of every path file: editors that read it validate and autocomplete."""

Ask = Callable[[str], str]
Say = Callable[[str], None]

MAX_LISTED = 25
"""Vocabularies up to this size are listed when asked about; longer ones on ``?``."""


# Vocabulary choices and loose matching


@dataclass(frozen=True)
class Option:
    """One allowed value: its id, the label people know it by and, for municipalities,
    the county it lies in."""

    id: str
    label: str
    county: str = ""


@dataclass(frozen=True)
class Choices:
    """Every list a path's fields choose from, read from the project's content."""

    occupations: tuple[Option, ...]
    situations: tuple[Option, ...]
    age_bands: tuple[Option, ...]
    counties: tuple[Option, ...]
    municipalities: tuple[Option, ...]
    outcomes: tuple[Option, ...]
    step_types: tuple[Option, ...]
    actors: tuple[Option, ...]

    def label(self, options: Sequence[Option], option_id: str) -> str:
        """The label of ``option_id``, for the comment beside it in the file."""
        return next((o.label for o in options if o.id == option_id), "")


def load_choices(root: FsPath) -> Choices:
    """The vocabularies and actors of the project at ``root`` (unreadable files give none)."""
    layout = ContentLayout(root)

    def read(file: FsPath) -> Any:
        if not file.is_file():
            return None
        document, _ = load_document(file, layout.display(file))
        return document.data if document is not None else None

    def vocabulary(name: str) -> tuple[Option, ...]:
        terms = read(layout.vocabulary_dir / f"{name}.yaml")
        return tuple(
            Option(str(t["id"]), str(t["label"]), str(t.get("county", "")))
            for t in (terms if isinstance(terms, list) else [])
            if isinstance(t, dict) and "id" in t and "label" in t
        )

    actors: list[Option] = []
    if layout.actors_dir.is_dir():
        for file in sorted(layout.actors_dir.glob("*.yaml")):
            data = read(file)
            if isinstance(data, dict) and isinstance(data.get("id"), str):
                actors.append(Option(data["id"], str(data.get("name", data["id"])).strip()))
    return Choices(
        occupations=vocabulary("occupations"),
        situations=vocabulary("situations"),
        age_bands=vocabulary("age-bands"),
        counties=vocabulary("counties"),
        municipalities=vocabulary("municipalities"),
        outcomes=vocabulary("outcomes"),
        step_types=vocabulary("step-types"),
        actors=tuple(actors),
    )


def normalize(text: str) -> str:
    """Lowercase words without accents or punctuation: "Gävleborgs län" -> "gavleborgs lan"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def numbered(options: Sequence[Option]) -> bool:
    """Whether answers may pick by list number: not when ids are numbers (county codes)."""
    return not any(o.id.isdigit() for o in options)


@dataclass(frozen=True)
class Match:
    """The option an answer picked, or the options it could have meant."""

    option: Option | None
    candidates: tuple[Option, ...] = ()
    exact: bool = False


def match(answer: str, options: Sequence[Option]) -> Match:
    """The option ``answer`` means: by id, label, list number, part of a label or a typo."""
    wanted = normalize(answer)
    if not wanted:
        return Match(None)
    for option in options:
        if answer.strip() == option.id or wanted in (normalize(option.id), normalize(option.label)):
            return Match(option, exact=True)
    if numbered(options) and wanted.isdigit() and 1 <= int(wanted) <= len(options):
        return Match(options[int(wanted) - 1], exact=True)
    containing = [o for o in options if wanted in normalize(o.label) or wanted in normalize(o.id)]
    if len(containing) == 1:
        return Match(containing[0])
    if containing:
        return Match(None, tuple(containing))
    by_key: dict[str, list[Option]] = {}
    for option in options:
        for key in {normalize(option.id), normalize(option.label)}:
            by_key.setdefault(key, []).append(option)
    close: list[Option] = []
    for key in difflib.get_close_matches(wanted, list(by_key), n=5, cutoff=0.6):
        close += [o for o in by_key[key] if o not in close]
    if len(close) == 1:
        return Match(close[0])
    return Match(None, tuple(close))


def match_many(answer: str, options: Sequence[Option]) -> tuple[list[Option], list[str]]:
    """Several options from one answer separated by commas; a label that holds a comma
    itself (the situation "Ung, 15-24 år") is recognised whole. The options and problems."""
    parts = [p.strip() for p in re.split(r"[,;\n]", answer) if p.strip()]
    chosen: list[Option] = []
    problems: list[str] = []
    start = 0
    while start < len(parts):
        for end in range(len(parts), start + 1, -1):
            whole = match(", ".join(parts[start:end]), options)
            if whole.option is not None and whole.exact:
                chosen.append(whole.option)
                start = end
                break
        else:
            found = match(parts[start], options)
            if found.option is not None:
                chosen.append(found.option)
            else:
                problems.append(no_match_message(parts[start], found, options))
            start += 1
    unique = list(dict.fromkeys(chosen))
    return unique, problems


def no_match_message(answer: str, found: Match, options: Sequence[Option]) -> str:
    """Why ``answer`` picked nothing, with the options it could have meant."""
    if found.candidates:
        listed = ", ".join(_describe(o) for o in found.candidates[:6])
        return f"'{answer}' kan betyda flera saker: {listed} — skriv mer exakt"
    if len(options) <= MAX_LISTED:
        listed = ", ".join(_describe(o) for o in options)
        return f"'{answer}' finns inte bland valen — välj ett av: {listed}"
    return f"'{answer}' finns inte bland valen — skriv namnet eller id:t som det står i listan"


def _describe(option: Option) -> str:
    return option.label if option.label == option.id else f"{option.label} ({option.id})"


# Ids


def slugify(text: str, max_length: int = 70) -> str:
    """An id from a title: lowercase a-z, digits and hyphens, cut at a word boundary."""
    slug = "-".join(normalize(text).split())
    if len(slug) > max_length:
        slug = (
            slug[:max_length].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
        )
    return slug.strip("-")


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… when a path already has that id."""
    base = base or "vag"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


# Field limits from the schema


def field_schema(path: Sequence[str]) -> dict[str, Any]:
    """The path schema's rules for one field (``("steps", "[]", "title")``), refs resolved."""
    root = load_schema("path")
    node: dict[str, Any] = root
    for part in path:
        node = node["items"] if part == "[]" else node["properties"][part]
        ref = node.get("$ref")
        if isinstance(ref, str):
            node = {**root["$defs"][ref.rsplit("/", 1)[-1]], **node}
    return node


def text_problem(value: str, path: Sequence[str]) -> str | None:
    """What is wrong with a text for one field, in plain Swedish, or None."""
    rules = field_schema(path)
    if not value.strip():
        return "får inte vara tom"
    if "\\n" in str(rules.get("pattern", "")) and "\n" in value:
        return "ska vara en enda rad"
    shortest, longest = rules.get("minLength"), rules.get("maxLength")
    if isinstance(shortest, int) and len(value) < shortest:
        return f"är för kort — skriv minst {shortest} tecken"
    if isinstance(longest, int) and len(value) > longest:
        return f"är för lång ({len(value)} tecken, högst {longest}) — korta texten"
    return None


def clean_text(value: str) -> str:
    """The text as typed, without surrounding blanks and with Unix line ends."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


# The path being written


@dataclass(frozen=True)
class StepDraft:
    """One step, with ids already resolved."""

    type: str
    title: str
    actors: tuple[str, ...]
    weeks: int
    text: str


@dataclass(frozen=True)
class PathDraft:
    """Every answer of a path, ids resolved, ready to be written."""

    title: str
    summary: str
    occupation: str
    situations: tuple[str, ...]
    age_band: str
    background: str
    county: str
    year: int
    outcome: str
    outcome_text: str
    steps: tuple[StepDraft, ...]
    documented_by: str
    municipality: str | None = None
    what_helped: str | None = None
    quote: str | None = None
    tips: tuple[str, ...] = ()
    id: str = ""


def to_data(draft: PathDraft) -> dict[str, Any]:
    """The path as the plain data its YAML file must load as, in the schema's order."""
    data: dict[str, Any] = {
        "id": draft.id,
        "title": draft.title,
        "summary": draft.summary,
        "occupation": draft.occupation,
        "situations": list(draft.situations),
        "age_band": draft.age_band,
        "background": draft.background,
        "county": draft.county,
    }
    if draft.municipality:
        data["municipality"] = draft.municipality
    data["year"] = draft.year
    data["outcome"] = {"type": draft.outcome, "text": draft.outcome_text}
    data["steps"] = [
        {
            "type": s.type,
            "title": s.title,
            "actors": list(s.actors),
            "weeks": s.weeks,
            "text": s.text,
        }
        for s in draft.steps
    ]
    if draft.what_helped:
        data["what_helped"] = draft.what_helped
    if draft.quote:
        data["quote"] = draft.quote
    if draft.tips:
        data["tips"] = list(draft.tips)
    data["documented_by"] = draft.documented_by
    data["consent"] = True
    return data


# YAML text with comments


class _Folded(str):
    """A longer text, written as a folded block (``>-``) like the sample files."""


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes ``_Folded`` texts as folded blocks where YAML allows it."""


def _represent_folded(dumper: yaml.SafeDumper, value: _Folded) -> yaml.ScalarNode:
    # The emitter falls back to a quoted scalar when a folded block cannot hold the text.
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=">")


_Dumper.add_representer(_Folded, _represent_folded)


def _dump(key: str, value: str, indent: int = 0, block: bool = True) -> list[str]:
    """``key: value`` as YAML lines, quoted and escaped by PyYAML, indented by ``indent``.

    ``block`` texts longer than a line become folded blocks; other values stay on one line.
    """
    data: str = value
    if block and ("\n" in value or len(key) + len(value) > 76):
        data = _Folded(value)
    text = yaml.dump(
        {key: data},
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=88 if block else 1000,
    )
    return [" " * indent + line for line in text.rstrip("\n").split("\n")]


def _item(value: str, indent: int) -> list[str]:
    """``- value`` as one YAML line, quoted and escaped by PyYAML."""
    text = yaml.dump([value], Dumper=_Dumper, allow_unicode=True, width=1000)
    return [" " * indent + line for line in text.rstrip("\n").split("\n")]


def _scalar(value: str) -> str:
    """An id as a one-line YAML scalar: county and municipality codes keep their quotes."""
    if value.isdigit():
        return f'"{value}"'
    text = yaml.safe_dump(value, allow_unicode=True, width=1000)
    return text.split("\n", 1)[0]


def _comment(text: str) -> str:
    return " ".join(text.split())


def render_path(draft: PathDraft, choices: Choices) -> str:
    """The path file: a schema line, a comment above or beside every field, then the data.

    Raises ValueError if the text would not load back as exactly ``to_data(draft)``.
    """
    label = choices.label
    lines = [
        SCHEMA_LINE,
        "# En väg från ett utgångsläge till arbete eller studier. Kontrollera filen med",
        "# `vagar check`. Skriv aldrig namn, personnummer, telefonnummer, e-post, adresser,",
        "# exakta datum eller exakt ålder — bara år och åldersgrupp.",
        "",
        "# Vägens id: samma som filnamnet utan .yaml.",
        f"id: {_scalar(draft.id)}",
        "# Rubrik: en kort rad.",
        *_dump("title", draft.title, block=False),
        "# Sammanfattning: en eller två meningar om var personen började och hamnade.",
        *_dump("summary", draft.summary),
        "# Yrke: id från content/vocabulary/occupations.yaml.",
        f"occupation: {_scalar(draft.occupation)}"
        f"  # {_comment(label(choices.occupations, draft.occupation))}",
        "# Utgångslägen: id från content/vocabulary/situations.yaml.",
        "situations:",
        *(
            f"  - {_scalar(s)}  # {_comment(label(choices.situations, s))}"
            for s in draft.situations
        ),
        "# Åldersgrupp (aldrig exakt ålder): id från content/vocabulary/age-bands.yaml.",
        f"age_band: {_scalar(draft.age_band)}"
        f"  # {_comment(label(choices.age_bands, draft.age_band))}",
        "# Bakgrund: erfarenhet och vad som stod i vägen, utan detaljer som pekar ut personen.",
        *_dump("background", draft.background),
        "# Län: länskoden inom citattecken, från content/vocabulary/counties.yaml.",
        f"county: {_scalar(draft.county)}  # {_comment(label(choices.counties, draft.county))}",
    ]
    if draft.municipality:
        lines += [
            "# Kommun (valfri): kommunkoden inom citattecken. Små kommuner visas inte på sidan.",
            f"municipality: {_scalar(draft.municipality)}"
            f"  # {_comment(label(choices.municipalities, draft.municipality))}",
        ]
    lines += [
        "# Året då vägen slutade (aldrig ett datum).",
        f"year: {draft.year}",
        "# Resultat: typ från content/vocabulary/outcomes.yaml och vad personen gör nu.",
        "outcome:",
        f"  type: {_scalar(draft.outcome)}  # {_comment(label(choices.outcomes, draft.outcome))}",
        *_dump("text", draft.outcome_text, indent=2),
        "# Stegen i den ordning de hände (minst två). Typ från content/vocabulary/step-types.yaml,",
        "# aktörer är filnamn i content/actors/ utan .yaml, veckor är hela veckor.",
        "steps:",
    ]
    for step in draft.steps:
        lines += [
            f"  - type: {_scalar(step.type)}  # {_comment(label(choices.step_types, step.type))}",
            *_dump("title", step.title, indent=4, block=False),
            "    actors:",
            *(f"      - {_scalar(a)}  # {_comment(label(choices.actors, a))}" for a in step.actors),
            f"    weeks: {step.weeks}",
            *_dump("text", step.text, indent=4),
        ]
    if draft.what_helped:
        lines += ["# Vad som gjorde skillnad (valfritt).", *_dump("what_helped", draft.what_helped)]
    if draft.quote:
        lines += ["# Något personen sa, utan det som kan peka ut hen (valfritt)."]
        lines += _dump("quote", draft.quote)
    if draft.tips:
        lines += ["# Tips till andra i samma läge (valfritt, högst sex).", "tips:"]
        for tip in draft.tips:
            lines += _item(tip, indent=2)
    lines += [
        "# Aktören som dokumenterade vägen: filnamn i content/actors/ utan .yaml.",
        f"documented_by: {_scalar(draft.documented_by)}"
        f"  # {_comment(label(choices.actors, draft.documented_by))}",
        "# Deltagaren har sagt ja till att vägen publiceras.",
        "consent: true",
    ]
    text = "\n".join(lines) + "\n"
    document, problems = parse_document(text, f"{draft.id}.yaml")
    if document is None or problems or document.data != to_data(draft):
        raise ValueError(f"the YAML written for {draft.id} does not load back as its answers")
    return text


# Checking and writing


@dataclass(frozen=True)
class Saved:
    """The outcome of checking (and maybe writing) one path file."""

    file: FsPath
    text: str
    findings: tuple[Finding, ...]
    written: bool


def check_in_project(
    root: FsPath, file_name: str, text: str, this_year: int | None = None
) -> list[Finding]:
    """Findings for the project at ``root`` with the file added, from a copy of its content,
    so nothing in the project changes: errors anywhere (they stop the site) and warnings
    about the new file."""
    layout = ContentLayout(root)
    with tempfile.TemporaryDirectory(prefix="vagar-") as folder:
        copy = ContentLayout(FsPath(folder), layout.content_dir)
        for source, target in (
            (layout.vocabulary_dir, copy.vocabulary_dir),
            (layout.actors_dir, copy.actors_dir),
            (layout.paths_dir, copy.paths_dir),
        ):
            if source.is_dir():
                shutil.copytree(source, target)
        copy.paths_dir.mkdir(parents=True, exist_ok=True)
        (copy.paths_dir / file_name).write_text(text, encoding="utf-8")
        _, findings = load_content(copy, this_year)
    new_file = layout.display(layout.paths_dir / file_name)
    return [f for f in findings if f.severity == "error" or f.file == new_file]


def save_path(
    root: FsPath,
    draft: PathDraft,
    choices: Choices,
    *,
    write: bool = True,
    this_year: int | None = None,
) -> Saved:
    """Give the draft an id from its title, render it, check it, and write it when valid.

    An existing file is never overwritten.
    """
    layout = ContentLayout(root)
    taken = (
        {file.stem for file in layout.paths_dir.glob("*.y*ml")}
        if layout.paths_dir.is_dir()
        else set()
    )
    if not draft.id:
        draft = dataclasses.replace(draft, id=unique_id(slugify(draft.title), taken))
    file = layout.paths_dir / f"{draft.id}.yaml"
    text = render_path(draft, choices)
    if file.exists():
        exists = Finding(
            layout.display(file), 1, 1, "the file already exists — choose another id", "id"
        )
        return Saved(file, text, (exists,), written=False)
    findings = tuple(check_in_project(root, file.name, text, this_year))
    if has_errors(findings) or not write:
        return Saved(file, text, findings, written=False)
    file.parent.mkdir(parents=True, exist_ok=True)
    with file.open("x", encoding="utf-8", newline="\n") as out:
        out.write(text)
    return Saved(file, text, findings, written=True)


# The interview


@dataclass
class Answers:
    """Raw answers as given by flags or an issue form; None or empty means not given."""

    title: str | None = None
    summary: str | None = None
    occupation: str | None = None
    situations: list[str] = field(default_factory=list)
    age_band: str | None = None
    background: str | None = None
    county: str | None = None
    municipality: str | None = None
    year: str | None = None
    outcome: str | None = None
    outcome_text: str | None = None
    steps: list[str] = field(default_factory=list)
    what_helped: str | None = None
    quote: str | None = None
    tips: list[str] = field(default_factory=list)
    documented_by: str | None = None
    consent: bool | None = None
    id: str | None = None


FLAG_NAMES: Mapping[str, str] = {
    "title": "--title",
    "summary": "--summary",
    "occupation": "--occupation",
    "situations": "--situation",
    "age_band": "--age-band",
    "background": "--background",
    "county": "--county",
    "municipality": "--municipality",
    "year": "--year",
    "outcome": "--outcome",
    "outcome_text": "--outcome-text",
    "steps": "--step",
    "what_helped": "--what-helped",
    "quote": "--quote",
    "tips": "--tip",
    "documented_by": "--documented-by",
    "consent": "--consent",
    "id": "--id",
}
"""How each answer is named in messages when it came from the command line."""

STEP_FORMAT = "typ | rubrik | aktörer | veckor | vad som hände"
"""One step on one line: the format of ``--step`` and of the issue form's steps field."""


class NoConsent(Exception):
    """The participant has not agreed to publication: nothing may be written."""


class _Interview:
    """Turns answers into a ``PathDraft``: asks for what is missing or wrong when there is
    someone to ask, and otherwise collects one problem per field, named as the caller
    names its fields (flags or form labels)."""

    def __init__(
        self,
        choices: Choices,
        ask: Ask | None,
        say: Say,
        names: Mapping[str, str],
        this_year: int,
    ) -> None:
        self.choices = choices
        self.ask_fn = ask
        self.say = say
        self.names = names
        self.this_year = this_year
        self.errors: list[str] = []
        self.missing: list[str] = []

    @property
    def interactive(self) -> bool:
        return self.ask_fn is not None

    def _ask(self, prompt: str) -> str:
        assert self.ask_fn is not None
        return self.ask_fn(prompt)

    def _problem(self, key: str, problem: str) -> None:
        self.errors.append(f"{self.names.get(key, key)}: {problem}")

    def _list(self, options: Sequence[Option]) -> None:
        with_numbers = numbered(options)
        for index, option in enumerate(options, 1):
            number = f"{index:>3}" if with_numbers else f"{option.id:>5}"
            self.say(f"  {number}  {option.label}")

    def _values(self, key: str, given: str | None, prompt: str, optional: bool) -> Iterator[str]:
        """The given value, then (when someone can answer) one answer per try."""
        if given is not None and given.strip():
            yield given
        elif not self.interactive:
            if not optional:
                self.missing.append(self.names.get(key, key))
            return
        while self.interactive:
            yield self._ask(prompt)

    def text(
        self, key: str, prompt: str, given: str | None, path: Sequence[str], optional: bool = False
    ) -> str | None:
        """A free text, checked against the schema's limits so problems show at once."""
        hint = " (valfritt, Enter hoppar över)" if optional and "Enter" not in prompt else ""
        for value in self._values(key, given, f"{prompt}{hint}: ", optional):
            text = clean_text(value)
            if not text and optional:
                return None
            problem = text_problem(text, path)
            if problem is None:
                return text
            if not self.interactive:
                self._problem(key, problem)
                return None
            self.say(f"  Texten {problem}.")
        return None

    def choice(
        self,
        key: str,
        prompt: str,
        options: Sequence[Option],
        given: str | None,
        optional: bool = False,
        show: bool = True,
    ) -> Option | None:
        """One vocabulary term or actor, matched loosely; short lists are shown first."""
        hint = " (valfritt, Enter hoppar över)" if optional and "Enter" not in prompt else ""
        listed = len(options) <= MAX_LISTED
        if self.interactive and (given is None or not given.strip()) and listed and show:
            self.say(f"{prompt}:")
            self._list(options)
        question = f"{prompt}{hint}{'' if listed else ' — skriv ? för att se alla'}: "
        for value in self._values(key, given, question, optional):
            if not value.strip() and optional:
                return None
            if value.strip() == "?":
                self._list(options)
                continue
            found = match(value, options)
            if found.option is not None:
                if not found.exact:
                    self._note(key, value, found.option)
                return found.option
            problem = no_match_message(value.strip(), found, options)
            if not self.interactive:
                self._problem(key, problem)
                return None
            self.say(f"  {problem}")
        return None

    def many(
        self, key: str, prompt: str, options: Sequence[Option], given: Sequence[str]
    ) -> list[Option]:
        """Several terms from one comma-separated answer, all of which must match."""
        listed = len(options) <= MAX_LISTED
        if self.interactive and not given and listed:
            self.say(f"{prompt}:")
            self._list(options)
        more = "" if listed else " — skriv ? för att se alla"
        question = f"{prompt} (flera går bra, skilj dem åt med komma){more}: "
        for value in self._values(key, ", ".join(given) or None, question, optional=False):
            if value.strip() == "?":
                self._list(options)
                continue
            chosen, problems = match_many(value, options)
            if chosen and not problems:
                if self.interactive and chosen:
                    self.say("  → " + ", ".join(_describe(o) for o in chosen))
                return chosen
            problems = problems or ["välj minst ett"]
            if not self.interactive:
                for problem in problems:
                    self._problem(key, problem)
                return []
            for problem in problems:
                self.say(f"  {problem}")
        return []

    def number(
        self, key: str, prompt: str, given: str | None, lowest: int, highest: int
    ) -> int | None:
        """A whole number in a range; "36 veckor" counts as 36."""
        for value in self._values(key, given, f"{prompt}: ", optional=False):
            digits = re.match(r"\s*(\d+)\s*(?:[a-zåäö]+\s*)?$", value.casefold())
            problem = "ska vara ett helt tal"
            if digits:
                number = int(digits.group(1))
                if lowest <= number <= highest:
                    return number
                problem = f"ska vara mellan {lowest} och {highest}"
            if not self.interactive:
                self._problem(key, problem)
                return None
            self.say(f"  Svaret {problem}.")
        return None

    def _note(self, key: str, value: str, option: Option) -> None:
        if self.interactive:
            self.say(f"  → {_describe(option)}")
        else:
            self.say(
                f"{self.names.get(key, key)}: '{value.strip()}' tolkades som {_describe(option)}"
            )

    # Fields in the order a counsellor thinks of them

    def consent(self, given: bool | None) -> None:
        """Asked first: without a yes nothing else is worth asking."""
        if given:
            return
        if not self.interactive:
            if given is None:
                self.missing.append(self.names.get("consent", "consent"))
            else:
                self._problem("consent", "deltagaren måste ha sagt ja till att vägen publiceras")
            return
        while True:
            answer = normalize(
                self._ask("Har deltagaren sagt ja till att vägen publiceras? (ja/nej): ")
            )
            if answer in ("ja", "j", "yes", "y"):
                return
            if answer in ("nej", "n", "no"):
                raise NoConsent
            self.say("  Svara ja eller nej.")

    def steps(self, given: Sequence[str]) -> list[StepDraft]:
        """Steps given one per line (flags, issue form), or asked one field at a time."""
        lines = [line for line in given if line.strip()]
        if not lines and not self.interactive:
            self.missing.append(self.names.get("steps", "steps"))
            return []
        if lines:
            steps: list[StepDraft] = []
            problems: list[str] = []
            for number, line in enumerate(lines, 1):
                step, step_problems = parse_step_line(line, self.choices)
                problems += [f"steg {number}: {p}" for p in step_problems]
                if step is not None:
                    steps.append(step)
            if not problems and len(steps) < 2:
                problems.append(f"skriv minst två steg, ett per rad: {STEP_FORMAT}")
            if not problems:
                return steps
            if not self.interactive:
                for problem in problems:
                    self._problem("steps", problem)
                return []
            for problem in problems:
                self.say(f"  {problem}")
        return self._ask_steps()

    def _ask_steps(self) -> list[StepDraft]:
        self.say("Stegen, i den ordning de hände (minst två). Typer av steg:")
        self._list(self.choices.step_types)
        steps: list[StepDraft] = []
        longest = int(field_schema(("steps",)).get("maxItems", 20))
        while len(steps) < longest:
            number = len(steps) + 1
            kind = self.choice(
                "steps",
                f"Steg {number}, typ" + (" (Enter när du är klar)" if number > 2 else ""),
                self.choices.step_types,
                None,
                optional=number > 2,
                show=False,
            )
            if kind is None:
                break
            title = self.text("steps", f"Steg {number}, rubrik", None, ("steps", "[]", "title"))
            actors = self.many("steps", f"Steg {number}, aktörer", self.choices.actors, ())
            weeks = self.number("steps", f"Steg {number}, antal veckor", None, 1, 260)
            text = self.text(
                "steps", f"Steg {number}, vad som hände", None, ("steps", "[]", "text")
            )
            assert title is not None and text is not None and weeks is not None
            steps.append(StepDraft(kind.id, title, tuple(a.id for a in actors), weeks, text))
        return steps

    def tips(self, given: Sequence[str]) -> list[str]:
        """Optional tips, one per answer, up to the schema's maximum."""
        longest = int(field_schema(("tips",)).get("maxItems", 6))
        tips: list[str] = []
        if given or not self.interactive:
            for tip in (clean_text(t) for t in given):
                problem = text_problem(tip, ("tips", "[]")) if tip else None
                if problem:
                    self._problem("tips", f"'{tip}' {problem}")
                elif tip:
                    tips.append(tip)
            if len(tips) > longest:
                self._problem("tips", f"skriv högst {longest} tips")
            return tips
        while len(tips) < longest:
            answer = self.text(
                "tips",
                f"Tips {len(tips) + 1} till andra (Enter när du är klar)",
                None,
                ("tips", "[]"),
                optional=True,
            )
            if answer is None:
                break
            tips.append(answer)
        return tips


def parse_step_line(line: str, choices: Choices) -> tuple[StepDraft | None, list[str]]:
    """One step from ``typ | rubrik | aktörer | veckor | vad som hände``; a list marker in
    front is allowed and the last part may itself hold ``|``."""
    body = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line).strip()
    parts = [p.strip() for p in body.split("|", 4)]
    if len(parts) != 5:
        return None, [f"skriv fem delar åtskilda med |: {STEP_FORMAT}"]
    kind_text, title, actors_text, weeks_text, text = parts
    problems: list[str] = []
    kind = match(kind_text, choices.step_types)
    if kind.option is None:
        problems.append(f"typ: {no_match_message(kind_text, kind, choices.step_types)}")
    title_problem = text_problem(title, ("steps", "[]", "title"))
    if title_problem:
        problems.append(f"rubriken {title_problem}")
    actors, actor_problems = match_many(actors_text, choices.actors)
    problems += [f"aktör: {p}" for p in actor_problems]
    if not actors and not actor_problems:
        problems.append("skriv minst en aktör")
    weeks = re.match(r"(\d+)\s*(?:v|veckor|vecka|veckan)?\.?$", weeks_text.casefold())
    if weeks is None or not 1 <= int(weeks.group(1)) <= 260:
        problems.append(
            f"veckor: skriv ett helt antal veckor mellan 1 och 260, inte '{weeks_text}'"
        )
    text_problem_ = text_problem(text, ("steps", "[]", "text"))
    if text_problem_:
        problems.append(f"texten {text_problem_}")
    if problems or kind.option is None or weeks is None:
        return None, problems
    return StepDraft(
        kind.option.id, title, tuple(a.id for a in actors), int(weeks.group(1)), text
    ), []


@dataclass(frozen=True)
class InterviewResult:
    """A complete draft, or what was missing and wrong."""

    draft: PathDraft | None
    missing: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


def interview(
    choices: Choices,
    answers: Answers,
    *,
    ask: Ask | None,
    say: Say,
    names: Mapping[str, str] = FLAG_NAMES,
    this_year: int | None = None,
) -> InterviewResult:
    """Resolve every answer; with ``ask``, ask for what is missing or wrong.

    Raises NoConsent when the person answering says the participant has not agreed, and
    lets EOFError and KeyboardInterrupt through, so the caller can stop without writing.
    """
    year_now = this_year if this_year is not None else datetime.date.today().year
    run = _Interview(choices, ask, say, names, year_now)
    run.consent(answers.consent)
    occupation = run.choice("occupation", "Yrke", choices.occupations, answers.occupation)
    situations = run.many("situations", "Utgångsläge", choices.situations, answers.situations)
    age_band = run.choice("age_band", "Åldersgrupp", choices.age_bands, answers.age_band)
    county = run.choice("county", "Län", choices.counties, answers.county)
    municipality = None
    if county is not None:
        in_county = tuple(m for m in choices.municipalities if m.county == county.id)
        municipality = run.choice(
            "municipality", "Kommun", in_county, answers.municipality, optional=True
        )
    elif answers.municipality:
        run._problem("municipality", "välj ett län först")
    year = run.number(
        "year", f"År då vägen slutade (till exempel {year_now})", answers.year, 2000, year_now
    )
    title = run.text("title", "Rubrik, en kort rad", answers.title, ("title",))
    summary = run.text(
        "summary", "Sammanfattning, en eller två meningar", answers.summary, ("summary",)
    )
    background = run.text("background", "Bakgrund", answers.background, ("background",))
    steps = run.steps(answers.steps)
    outcome = run.choice("outcome", "Resultat", choices.outcomes, answers.outcome)
    outcome_text = run.text(
        "outcome_text", "Vad personen gör nu", answers.outcome_text, ("outcome", "text")
    )
    what_helped = run.text(
        "what_helped",
        "Vad gjorde skillnad",
        answers.what_helped,
        ("what_helped",),
        optional=True,
    )
    quote = run.text("quote", "Ett citat", answers.quote, ("quote",), optional=True)
    tips = run.tips(answers.tips)
    documented_by = run.choice(
        "documented_by", "Aktören som dokumenterade vägen", choices.actors, answers.documented_by
    )
    path_id = None
    if answers.id:
        path_id = answers.id.strip()
        if slugify(path_id, max_length=80) != path_id:
            run._problem(
                "id", "använd bara a-z, siffror och bindestreck, till exempel kock-i-orebro"
            )
    if run.missing or run.errors:
        return InterviewResult(None, tuple(run.missing), tuple(run.errors))
    assert occupation and age_band and county and year and title and summary and background
    assert outcome and outcome_text and documented_by
    draft = PathDraft(
        title=title,
        summary=summary,
        occupation=occupation.id,
        situations=tuple(s.id for s in situations),
        age_band=age_band.id,
        background=background,
        county=county.id,
        municipality=municipality.id if municipality else None,
        year=year,
        outcome=outcome.id,
        outcome_text=outcome_text,
        steps=tuple(steps),
        documented_by=documented_by.id,
        what_helped=what_helped,
        quote=quote,
        tips=tuple(tips),
        id=path_id or "",
    )
    return InterviewResult(draft)


# The command


def run_new(
    root: FsPath,
    answers: Answers,
    *,
    ask: Ask | None,
    say: Say,
    emit: Say,
    write: bool = True,
    this_year: int | None = None,
) -> int:
    """`vagar new`: 0 when the file was written (or printed with ``write=False``), 1 when
    answers or the check stopped it, 2 when required flags are missing."""
    if not ContentLayout(root).vocabulary_dir.is_dir():
        say(f"vagar: no content/vocabulary/ folder in {root} — run from the project folder")
        return 2
    choices = load_choices(root)
    if ask is not None:
        say("Ny väg. Svara på frågorna; skriv ? för att se alla val. Ctrl+C avbryter.")
    try:
        result = interview(choices, answers, ask=ask, say=say, this_year=this_year)
    except NoConsent:
        say("Utan samtycke skriver vi ingen fil. Fråga deltagaren först.")
        return 1
    except (EOFError, KeyboardInterrupt):
        say("\nAvbrutet — ingen fil skrevs.")
        return 1
    if result.draft is None:
        if result.missing:
            say("Saknas: " + ", ".join(result.missing))
        for error in result.errors:
            say(error)
        return 2 if result.missing and not result.errors else 1
    return report_saved(
        save_path(root, result.draft, choices, write=write, this_year=this_year),
        root,
        say,
        emit,
        write,
    )


def report_saved(
    saved: Saved,
    root: FsPath,
    say: Say,
    emit: Say,
    write: bool,
    describe: Callable[[Finding], str] = Finding.format,
) -> int:
    """Print what happened to a checked path file; the exit code."""
    for finding in saved.findings:
        say(describe(finding))
    if has_errors(saved.findings):
        say("Filen skrevs inte: rätta felen ovan och försök igen.")
        return 1
    if not write:
        emit(saved.text.rstrip("\n"))
        return 0
    shown = ContentLayout(root).display(saved.file)
    say(f"Skrev {shown}. Den klarar `vagar check`; öppna en pull request med filen.")
    return 0
