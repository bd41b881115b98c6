"""What a reader can do after a story: links onward ("Så kommer du vidare") and the steps
that "Gör till min plan" copies into the reader's own plan.

The links are built from data — the occupation's SSYK code and name, the path's county and
documenting actor, and the URL patterns in ``content/links.yaml`` — never written into a
template, so a moved address is fixed in one line of data. They are links only: the site
makes no request to another site. Links inside the site are given as site-relative targets
(the template makes them relative to the page, so the site works under a sub-path).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from generator.model import LinkPattern, Occupation, Path
from generator.pages import PAGE_TYPES, url_for

OCCUPATION_KINDS = ("occupation_description", "occupation_outlook", "job_ads")
"""The link patterns every occupation and path page shows, in this order."""

_PLACEHOLDER = re.compile(r"\{(ssyk|occupation)\}")


@dataclass(frozen=True)
class Onward:
    """One link onward. ``kind`` names its text in the UI strings (``t.onward.links``);
    ``values`` fill that text's placeholders."""

    kind: str
    href: str
    """An absolute URL on another site, or a site-relative target (``internal``)."""
    internal: bool = False
    fallback: bool = False
    """The link goes to the other site's start or search page (see ``content/links.yaml``)."""
    values: Mapping[str, str] = field(default_factory=dict)


def fill(pattern: LinkPattern, occupation: Occupation) -> str:
    """The pattern's URL for ``occupation``, each value percent-encoded."""
    values = {"ssyk": occupation.ssyk, "occupation": occupation.label}
    return _PLACEHOLDER.sub(lambda match: quote(values[match.group(1)], safe=""), pattern.url)


def occupation_links(
    occupation: Occupation, patterns: Mapping[str, LinkPattern]
) -> tuple[Onward, ...]:
    """Links onward from an occupation page: the occupation on other sites, then the actor
    comparison."""
    return (*_about_occupation(occupation, patterns), Onward("actors", url_for("actors"), True))


def path_links(path: Path, patterns: Mapping[str, LinkPattern]) -> tuple[Onward, ...]:
    """Links onward from a path page: the occupation on other sites, the actors in the path's
    county, and the actor that documented the path."""
    county = {"county": path.county.label}
    if "actors_in_county" in PAGE_TYPES:  # the actor comparison filtered to one county
        actors = Onward(
            "actors_in_county", url_for("actors_in_county", path.county), True, values=county
        )
    else:
        actors = Onward("county", url_for("county", path.county), True, values=county)
    actor = path.documented_by
    named = {"actor": actor.name}
    if actor.website:
        documented = Onward("actor_website", actor.website, values=named)
    else:
        documented = Onward("actor_page", url_for("actor", actor), True, values=named)
    return (*_about_occupation(path.occupation, patterns), actors, documented)


def _about_occupation(occupation: Occupation, patterns: Mapping[str, LinkPattern]) -> list[Onward]:
    values = {
        "label": occupation.label,
        "ssyk": occupation.ssyk,
        "ssyk_label": occupation.ssyk_label,
    }
    return [
        Onward(
            kind,
            fill(patterns[kind], occupation),
            fallback=patterns[kind].status == "fallback",
            values=values,
        )
        for kind in OCCUPATION_KINDS
        if kind in patterns
    ]


def plan_source(path: Path) -> dict[str, Any]:
    """What "Gör till min plan" copies from a path (its address in the site, its title and
    each step's type, title, weeks and actors), as the data block on the path page carries it."""
    return {
        "url": url_for("path", path),
        "title": path.title,
        "steps": [
            {
                "type": step.type.label,
                "title": step.title,
                "weeks": step.weeks,
                "actors": [actor.name for actor in step.actors],
            }
            for step in path.steps
        ],
    }


PLAN_STRINGS_FILE = "assets/vagar-plan-strings.js"
"""The texts of "Gör till min plan" (its hint, button, question and messages), as a script
every path page loads: the block only works with JavaScript, so the pages carry none of its
text; one cached file does (issue 15)."""

_PLAN_TEXTS = ("make_hint", "make", "replace_question", "replace", "append", "cancel")
_PLAN_MESSAGES = ("problems", "error_shape", "error_storage")


def plan_strings_script(strings: Mapping[str, Any]) -> str:
    """``PLAN_STRINGS_FILE``: the plan button's texts from the UI strings (``t.plan``), as
    ``window.vagarPlanStrings`` for ``assets/vagar-plan-core.js``. JSON with every character
    outside ASCII escaped is valid JavaScript (U+2028 included)."""
    plan = strings["plan"]
    texts = {key: plan[key] for key in _PLAN_TEXTS}
    texts.update((key, plan["js"][key]) for key in _PLAN_MESSAGES)
    return f"window.vagarPlanStrings = {json.dumps(texts, sort_keys=True)};\n"
