"""The languages of the site's interface: Swedish at the root, English and Arabic beside it.

Path stories stay Swedish, one page each (three copies of every path would triple the site
and break the host's size limit); everything a reader uses to find a path — the lists, the
filters, the vocabulary, the glossary, the written pages — exists in every language.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """One interface language."""

    code: str
    """BCP 47 code: ``sv``, ``en``, ``ar``; also the folder of its strings and pages."""
    name: str
    """The language's name in itself (a language switch names each language so)."""
    direction: str
    """``ltr`` or ``rtl``."""
    locale: str
    """As OpenGraph names it (``sv_SE``): link previews read it."""

    @property
    def prefix(self) -> str:
        """Where its site lives, relative to the Swedish root: ``""`` or ``en/``."""
        return "" if self.code == DEFAULT else f"{self.code}/"

    @property
    def root(self) -> str:
        """From its site's root up to the Swedish root, where the one-language parts (path
        stories, open data, the search index) live: ``""`` or ``../``."""
        return "" if self.code == DEFAULT else "../"


DEFAULT = "sv"

LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language("sv", "Svenska", "ltr", "sv_SE"),
        Language("en", "English", "ltr", "en_GB"),
        Language("ar", "العربية", "rtl", "ar_AR"),
    )
}
"""Every interface language, the default first."""

TRANSLATIONS = tuple(code for code in LANGUAGES if code != DEFAULT)
"""The languages besides Swedish: each vocabulary term carries them (``en:``, ``ar:``)."""
