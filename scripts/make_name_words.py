"""Regenerate generator/data/names-that-are-words.txt: given names and surnames that are also
ordinary Swedish words ("Mina", "Hans", "Och", "Berg"), so the name detector does not take them
for names at the start of a sentence.

Sources: the name lists in Faker (the same ones the checker uses) and the Swedish word list of
Debian's wswedish package (/usr/share/dict/swedish; `apt-get install wswedish`).
Run: python scripts/make_name_words.py
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from generator.personal_data import NAME_WORDS_FILE, name_lists

WORD_LIST = Path("/usr/share/dict/swedish")


def main() -> None:
    words = {
        line.strip()
        for line in WORD_LIST.read_text(encoding="latin-1").splitlines()
        if line.strip().islower()
    }
    first, last = name_lists()
    collisions = sorted({name for name in first | last if name.lower() in words})
    header = (
        "# Given names and surnames that are also ordinary Swedish words.\n"
        f"# Made by scripts/make_name_words.py from Faker {version('faker')}'s name lists and\n"
        "# the Swedish word list of Debian's wswedish package (/usr/share/dict/swedish).\n"
    )
    NAME_WORDS_FILE.write_text(header + "\n".join(collisions) + "\n", encoding="utf-8")
    print(f"{len(collisions)} names written to {NAME_WORDS_FILE}")


if __name__ == "__main__":
    main()
