"""Messages to people — the checker, `vagar new`, `vagar from-issue`, build errors — in one
catalogue, in the contributors' language.

Code writes English message ids (``_("the file already exists — choose another id")``); the
translations are gettext PO files in ``generator/locales/<language>.po``, read with Babel.
Swedish is the default: counsellors write content and read the contributor guide in Swedish.
``--lang en`` (or ``VAGAR_LANG=en``) shows the English ids themselves. A message missing from
a catalogue is shown in English; a test keeps the Swedish catalogue complete.
"""

from __future__ import annotations

import gettext
import io
import os
from functools import cache
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DEFAULT_LANGUAGE = "sv"
LANGUAGES = ("sv", "en")
"""Languages of the messages; English needs no catalogue (the ids are English)."""

_language = os.environ.get("VAGAR_LANG", DEFAULT_LANGUAGE)


def set_language(language: str) -> None:
    """Show messages in ``language`` from now on (one of ``LANGUAGES``)."""
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: use one of {', '.join(LANGUAGES)}")
    _language = language


def language() -> str:
    """The language messages are shown in."""
    return _language if _language in LANGUAGES else DEFAULT_LANGUAGE


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``language`` (English: the ids as they are)."""
    if language == "en":
        return gettext.NullTranslations()
    source = resources.files("generator").joinpath(f"locales/{language}.po")
    with source.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """``message`` in the current language."""
    return catalogue(language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, in the current language."""
    return catalogue(language()).ngettext(singular, plural, count)
