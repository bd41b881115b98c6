"""Stage 2, validate: documents are checked against the schema, the vocabularies and each other.

Every problem becomes a finding that names the file, line, column and field and says how to
fix it; nothing stops at the first problem. Messages come from the schema's own keywords, so
the checker and the editor schema cannot drift apart.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePosixPath
from typing import Any, cast

from jsonschema import ValidationError
from jsonschema.exceptions import best_match

from generator.findings import FieldPath, Finding, field_name
from generator.load import Document
from generator.messages import _, ngettext
from generator.pages import reserved_id
from generator.personal_data import find_in_texts, mask
from generator.schema import SchemaChecker, resolve


def _type_name(name: str) -> str:
    """How a JSON Schema type is named in a message (in the current language)."""
    names = {
        "string": _("text"),
        "integer": _("a whole number"),
        "number": _("a number"),
        "array": _("a list"),
        "object": _("a group of fields (key: value)"),
        "boolean": _("true or false"),
    }
    return names.get(name, name)


MAX_FINDINGS = 50
"""Schema problems reported per file: a file with hundreds is the wrong file, and listing
them all would cost seconds."""
MAX_SCANNED_TEXT = 18_000
"""Characters of free text scanned for personal data per file: just over what the schema lets a
valid path hold, so that a huge file cannot make the scan slow."""


def schema_findings(document: Document, checker: SchemaChecker) -> list[Finding]:
    """The schema problems of one document in file order, at most ``MAX_FINDINGS``."""
    findings: list[Finding] = []
    seen: set[Finding] = set()
    for error in checker.errors(document.data):
        # jsonschema reports `required` once per missing field, each naming the whole list.
        new = [f for f in _describe(document, error, checker.schema) if f not in seen]
        seen.update(new)
        findings.extend(new)
        if len(findings) >= MAX_FINDINGS:
            findings = sorted(findings)[: MAX_FINDINGS - 1]
            findings.append(
                Finding(
                    document.file,
                    1,
                    1,
                    _(
                        "more than {count} problems — is this the right file? Fix these first "
                        "and check again"
                    ).format(count=MAX_FINDINGS),
                )
            )
            return findings
    return sorted(findings)


def text_hash(text: str) -> str:
    """The hash a reviewed false alarm records instead of the text itself."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def personal_data_findings(
    document: Document,
    checker: SchemaChecker,
    known_words: frozenset[str],
    reviewed: frozenset[tuple[str, str, str]] = frozenset(),
) -> list[Finding]:
    """Personal data in the free-text fields, each at its own line and column, masked.

    ``reviewed`` holds ``(file, field, text hash)`` of alarms maintainers found false: a field
    whose exact text was reviewed is not scanned.
    """
    findings: list[Finding] = []
    fields = [
        (path, text)
        for path, text in checker.free_texts(document.data)
        if not reviewed or (document.file, field_name(path), text_hash(text)) not in reviewed
    ]
    for index, found in find_in_texts([text for _path, text in fields], known_words)[:MAX_FINDINGS]:
        path, text = fields[index]
        value = text[found.start : found.end]
        line, column = _locate(document, path, value)
        message = f"{_(found.kind)} ('{mask(value)}') — {_(found.hint)}"
        findings.append(Finding(document.file, line, column, message, field_name(path)))
    return findings


def id_findings(documents: Sequence[Document], kind: str) -> list[Finding]:
    """The id equals the file name, and no two files share an id."""
    findings: list[Finding] = []
    first_file: dict[str, str] = {}
    for document in documents:
        data = document.data
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            continue
        stem = PurePosixPath(document.file).stem
        if data["id"] != stem:
            findings.append(
                _at(
                    document,
                    ("id",),
                    _(
                        "the id '{id}' differs from the file name '{stem}.yaml' — rename the "
                        "file to {id}.yaml or set id: {stem}"
                    ).format(id=data["id"], stem=stem),
                )
            )
        if reserved_id(data["id"], kind):
            findings.append(
                _at(
                    document,
                    ("id",),
                    _(
                        "the id '{id}' is reserved: it is the address of a list page of the "
                        "site — choose another id and rename the file to match"
                    ).format(id=data["id"]),
                )
            )
        if data["id"] in first_file:
            findings.append(
                _at(
                    document,
                    ("id",),
                    _id_in_use(kind).format(id=data["id"], file=first_file[data["id"]]),
                )
            )
        else:
            first_file[data["id"]] = document.file
    return findings


def _id_in_use(kind: str) -> str:
    """The message for an id that another file of ``kind`` (path or actor) already has."""
    if kind == "actor":
        return _("the actor id '{id}' is already used by {file} — choose another id")
    return _("the path id '{id}' is already used by {file} — choose another id")


INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control characters (all but tab and line feed) and bidirectional controls: invisible in
an editor and in review, they can reorder or hide what a page shows."""
PLAIN_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")


def scalar_findings(document: Document) -> list[Finding]:
    """Values that are not what they seem: numbers YAML reads in another base or as a float,
    booleans written as yes/no, explicit tags, and invisible control characters in text."""
    findings: list[Finding] = []
    tags_possible = "!" in document.text
    # Text values are the file's own characters but for escapes (\\x07), which need a
    # backslash: without one, and without an invisible character or a "!" in the file, no text
    # value has a problem, and only the other scalars need a look.
    texts_clean = bool(document.text) and not (
        tags_possible or "\\" in document.text or INVISIBLE.search(document.text)
    )
    scalars: list[tuple[FieldPath, Any]] = []
    _scalars(document.data, (), not texts_clean, scalars)
    for path, value in scalars:
        problem = ""
        if isinstance(value, str):
            if found := INVISIBLE.search(value):
                problem = _(
                    "contains an invisible control character (U+{code}) — delete it and "
                    "retype the text around it"
                ).format(code=f"{ord(found.group()):04X}")
            elif tags_possible and (document.typed(path) or "").startswith("!"):
                problem = _tag()
        else:
            problem = _number_problem(value, document.typed(path) or "")
        if problem:
            findings.append(_at(document, path, problem))
            if len(findings) >= MAX_FINDINGS:
                break
    return findings


def _tag() -> str:
    return _("remove the YAML tag (the part starting with !) and write the value itself")


def _number_problem(value: Any, typed: str) -> str:
    """What is wrong with how a number or boolean was written, or ""."""
    if typed.startswith("!"):
        return _tag()
    if isinstance(value, bool):
        if typed not in ("true", "false"):
            return _(
                "write true or false, not {typed} (YAML reads yes, no, on and off too)"
            ).format(typed=typed)
    elif isinstance(value, int):
        if not PLAIN_INTEGER.fullmatch(typed):
            return _(
                "write the number in plain digits, not {typed} (YAML reads a leading zero, "
                "0x, 0o, + or _ as something else)"
            ).format(typed=typed)
    elif isinstance(value, float) and value.is_integer():
        # 4.0 passes the schema as an integer; 2.5 is reported there already.
        return _("must be a whole number — write it without a decimal point or exponent")
    return ""


def _scalars(data: Any, path: FieldPath, texts: bool, found: list[tuple[FieldPath, Any]]) -> None:
    """Adds the path and value of every scalar in ``data`` to ``found``, in file order; text
    values only when ``texts``."""
    if isinstance(data, dict):
        for key, value in data.items():
            if texts or type(value) is not str:
                _scalars(value, (*path, key), texts, found)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            if texts or type(value) is not str:
                _scalars(value, (*path, index), texts, found)
    else:
        found.append((path, data))


def _at(document: Document, path: FieldPath, message: str) -> Finding:
    """An error at ``path``; its position is looked up only now, as it may need a re-parse."""
    where = document.position(path)
    return Finding(document.file, where.line, where.column, message, field_name(path))


def vocabulary_findings(document: Document) -> list[Finding]:
    """No two terms of one vocabulary share an id."""
    findings: list[Finding] = []
    seen: set[str] = set()
    terms = document.data if isinstance(document.data, list) else []
    for index, term in enumerate(terms):
        term_id = term.get("id") if isinstance(term, dict) else None
        if not isinstance(term_id, str):
            continue
        if term_id in seen:
            where = document.position((index, "id"))
            findings.append(
                Finding(
                    document.file,
                    where.line,
                    where.column,
                    _("the id '{id}' is used twice in this vocabulary — ids must be unique").format(
                        id=term_id
                    ),
                    field_name((index, "id")),
                )
            )
        seen.add(term_id)
    return findings


def path_rule_findings(
    document: Document, municipality_county: Mapping[str, str], this_year: int
) -> list[Finding]:
    """Rules a schema cannot express: the year is not in the future, the municipality is in
    the county."""
    data = document.data
    if not isinstance(data, dict):
        return []
    findings: list[Finding] = []
    year = data.get("year")
    if isinstance(year, int) and not isinstance(year, bool) and year > this_year:
        where = document.position(("year",))
        findings.append(
            Finding(
                document.file,
                where.line,
                where.column,
                _("the year {year} is in the future — give the year the path ended").format(
                    year=year
                ),
                "year",
            )
        )
    municipality, county = data.get("municipality"), data.get("county")
    expected = municipality_county.get(municipality) if isinstance(municipality, str) else None
    if expected is not None and isinstance(county, str) and expected != county:
        where = document.position(("municipality",))
        findings.append(
            Finding(
                document.file,
                where.line,
                where.column,
                _(
                    "the municipality '{municipality}' lies in county '{expected}', not in "
                    "county '{county}' — correct the county or the municipality"
                ).format(municipality=municipality, expected=expected, county=county),
                "municipality",
            )
        )
    return findings


def _describe(
    document: Document, error: ValidationError, root: Mapping[str, Any]
) -> Iterable[Finding]:
    if error.validator in ("oneOf", "anyOf") and error.context:
        chosen = best_match(error.context)
        yield from _describe(document, chosen, root)
        return
    path: FieldPath = tuple(error.absolute_path)
    where = document.position(path)

    def finding(message: str, at: FieldPath = path) -> Finding:
        position = document.position(at)
        return Finding(document.file, position.line, position.column, message, field_name(at))

    instance, value = cast(Any, error.instance), cast(Any, error.validator_value)
    # Keywords beside a $ref (`required`) are reported with the node that holds the $ref:
    # the properties they name are in its target.
    schema = resolve(root, cast(Mapping[str, Any], error.schema))
    kind = error.validator
    if kind == "required":
        missing = [name for name in value if isinstance(instance, dict) and name not in instance]
        for name in missing:
            hint = schema.get("properties", {}).get(name, {}).get("description", "")
            message = (
                _("the required field '{name}' is missing — {hint}").format(name=name, hint=_(hint))
                if hint
                else _("the required field '{name}' is missing").format(name=name)
            )
            yield Finding(
                document.file, where.line, where.column, message, field_name((*path, name))
            )
    elif kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        for extra in sorted(set(instance) - set(allowed))[:MAX_FINDINGS]:
            close = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
            message = (
                _("unknown field '{field}' — did you mean '{close}'?").format(
                    field=extra, close=close[0]
                )
                if close
                else _("unknown field '{field}' — allowed fields: {allowed}").format(
                    field=extra, allowed=", ".join(allowed)
                )
            )
            yield finding(message, (*path, extra))
    elif kind == "type":
        yield finding(_type_message(instance, value, path, document.typed(path)))
    elif kind == "const" and path == ("consent",):
        yield finding(
            _("consent must be true — publish a path only when the participant has agreed to it")
        )
    elif kind == "const":
        yield finding(_("must be {value}").format(value=repr(value)))
    elif kind == "pattern":
        yield finding(_pattern_message(path, schema, instance))
    elif kind == "minLength":
        yield finding(_("is too short — write at least {count} characters").format(count=value))
    elif kind == "maxLength":
        yield finding(
            _("is too long ({length} characters, at most {count}) — shorten the text").format(
                length=len(instance), count=value
            )
        )
    elif kind == "minItems":
        yield finding(
            ngettext("needs at least {count} item", "needs at least {count} items", value).format(
                count=value
            )
        )
    elif kind == "maxItems":
        yield finding(
            ngettext(
                "has more than {count} item — keep the most important one",
                "has more than {count} items — keep the most important ones",
                value,
            ).format(count=value)
        )
    elif kind == "uniqueItems":
        yield finding(_("lists the same value twice — keep each value once"))
    elif kind == "minimum":
        yield finding(_("must be at least {lowest}").format(lowest=value))
    elif kind == "maximum":
        yield finding(_("must be at most {highest}").format(highest=value))
    else:
        yield finding(error.message)


def _locate(document: Document, path: FieldPath, needle: str) -> tuple[int, int]:
    """The line and column of ``needle`` inside the value at ``path``, as typed.

    A value folded over several lines (``>-``) holds spaces where the file has line breaks,
    so a match that spans a break is reported at the start of the value instead.
    """
    start = document.position(path)
    typed = document.typed(path) or ""
    offset = typed.find(needle)
    if offset < 0:
        return start.line, start.column
    before = typed[:offset]
    newlines = before.count("\n")
    if newlines == 0:
        return start.line, start.column + offset
    return start.line + newlines, offset - before.rfind("\n")


def _type_message(instance: Any, expected: Any, path: FieldPath, typed: str | None) -> str:
    names = [expected] if isinstance(expected, str) else list(expected)
    wanted = _type_name(names[0])
    for name in names[1:]:
        wanted = _("{first} or {second}").format(first=wanted, second=_type_name(name))
    if not path:
        return _("the file must hold {type}, as in the template").format(type=wanted)
    as_typed = typed if typed is not None else str(instance)
    if "string" in names and isinstance(instance, int | float) and not isinstance(instance, bool):
        message = _('must be {type} — put the value in quotes, for example "{value}"')
        return message.format(type=wanted, value=as_typed)
    if "string" in names and isinstance(instance, bool):
        message = _(
            "must be {type} — put the value in quotes (YAML reads yes/no/on/off as true/false)"
        )
        return message.format(type=wanted)
    if "integer" in names and isinstance(instance, str) and as_typed[:1] in "\"'":
        return _("must be {type} — write the number without quotes").format(type=wanted)
    return _("must be {type}").format(type=wanted)


def _pattern_message(path: FieldPath, schema: Mapping[str, Any], instance: Any) -> str:
    if isinstance(instance, str) and not instance.strip():
        return _("is empty — write a short text")
    name = next((part for part in reversed(path) if isinstance(part, str)), "")
    if name == "id":
        return _("use only lowercase letters a-z, digits and hyphens, for example elektriker-gavle")
    if name in ("website", "source"):
        return _("must be a full https:// address, for example https://example.se/")
    if "\\n" in schema.get("pattern", ""):
        return _("must be a single line of text")
    return _("does not have the expected form ({pattern})").format(pattern=schema.get("pattern"))
