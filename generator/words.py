"""Plain forms of words: for matching what people type, and for ids made from text."""

from __future__ import annotations

import re
import unicodedata


def normalize(text: str) -> str:
    """Lowercase words without accents or punctuation: "Gävleborgs län" -> "gavleborgs lan"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def slugify(text: str, max_length: int = 70) -> str:
    """An id from a text: lowercase a-z, digits and hyphens, cut at a word boundary."""
    slug = "-".join(normalize(text).split())
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug.strip("-")
