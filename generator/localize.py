"""The model in another interface language: every vocabulary term with its translated label.

Pages in English and Arabic are rendered from the same templates as the Swedish ones; they
need the same model with each term's label and explanation in the reader's language. Terms sit
deep in the model (a step's type, an actor's counties, a track's occupation), so the model is
copied once per language with each term replaced, instead of every template asking for a
translation. Contributor text (titles, stories) is not translated: it stays Swedish.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any, TypeVar

from generator.languages import DEFAULT, LANGUAGES, TRANSLATIONS
from generator.model import Content, Term, Vocabularies

T = TypeVar("T")


def localized(content: Content, language: str) -> Content:
    """``content`` with every term in ``language`` (terms without a translation, such as
    municipality names, stay as they are)."""
    if language == DEFAULT:
        return content
    return _Localizer(language).copy(content)


def localized_data(data: T, language: str) -> T:
    """Any model value (the enriched ``SiteData``, say) with every term in ``language``:
    groups and summaries are worked out once, in Swedish, and copied."""
    if language == DEFAULT:
        return data
    return _Localizer(language).copy(data)


def term_in(term: T, language: str) -> T:
    """One term in ``language``: its label and explanation replaced by the translation."""
    if not isinstance(term, Term):
        return term
    translation = term.translation(language)
    if translation is None:
        return term
    return dataclasses.replace(term, label=translation.label, description=translation.description)


class _Localizer:
    """Copies model values, each shared value once (an actor is in many paths)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.copies: dict[int, Any] = {}

    def copy(self, value: T) -> T:
        key = id(value)
        if key in self.copies:
            return self.copies[key]  # type: ignore[no-any-return]
        result: Any
        if isinstance(value, Term):
            result = term_in(value, self.language)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {}
            for field in dataclasses.fields(value):
                old = getattr(value, field.name)
                new = self.copy(old)
                if new is not old:
                    changes[field.name] = new
            result = dataclasses.replace(value, **changes) if changes else value
        elif isinstance(value, tuple):
            items = tuple(self.copy(item) for item in value)
            result = value if all(a is b for a, b in zip(items, value, strict=True)) else items
        elif isinstance(value, list):
            result = [self.copy(item) for item in value]
        elif isinstance(value, dict):
            result = {key: self.copy(item) for key, item in value.items()}
        else:
            result = value
        self.copies[key] = result
        return result  # type: ignore[no-any-return]


TERMS_FILE = "assets/vagar-terms.json"
"""Every term's label in each language besides Swedish, for the labels of path stories."""


def terms_file(vocabularies: Vocabularies, strings: Mapping[str, Mapping[str, Any]]) -> str:
    """The JSON that ``assets/vagar-language.js`` writes a Swedish story's labels from, in the
    reader's language: one cached file, instead of every label in three languages on each of
    thousands of path pages. Keys are ``vocabulary:id`` as the pages mark them
    (``data-term="step-types:praktik"``); units are the ``{one, many…}`` forms of counts."""
    found: dict[str, Any] = {}
    for code in TRANSLATIONS:
        if code not in strings:
            continue
        terms = {
            f"{name}:{term.id}": translation.label
            for name, vocabulary in vocabularies.by_name().items()
            for term in vocabulary.values()
            if (translation := term.translation(code)) is not None
        }
        found[code] = {
            "direction": LANGUAGES[code].direction,
            "note": strings[code]["language"]["labels_note"],
            "units": {"weeks": strings[code]["weeks"]},
            "terms": terms,
        }
    return json.dumps(found, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
