"""Synthetic content for benchmarks: a complete project folder with N realistic, valid paths.

Why: the sample content has 29 paths, far too few to see how the build, the checker and the
search index scale. This writes N paths (and a few hundred invented actors) that pass
``vagar check`` and look like the real thing to the pipeline and to Pagefind: occupations,
counties and step sequences are drawn with realistic frequencies, and the free text is composed
from several hundred plain Swedish fragments. It holds no personal data: no names, no
capitalised words in free text except at the start of a sentence, no dates finer than a year,
no ages, no contact details. Output is a pure function of ``--seed``, the repository's
vocabularies and the fragments.

The fragments (invented text, frequencies, which actors take part in which step) are data in
``benchmarks/fragments/*.yaml``; this module holds only the logic that draws and combines them.

    python benchmarks/synthesize.py --count 1000 --out /tmp/vagar-1000 --seed 1
    vagar check --root /tmp/vagar-1000 && (cd /tmp/vagar-1000 && mkdocs build)

It lives outside ``content/`` so that it is never published.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
if str(REPO_ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(REPO_ROOT))

from generator.authoring.path_yaml import render_path  # noqa: E402

FRAGMENTS = HERE / "fragments"
"""The invented Swedish text (and the frequencies) the paths and actors are composed from."""
MARKER = ".vagar-synthetic"
"""Written into every output folder; a folder without it is never overwritten."""
YEARS = tuple(range(2015, 2025))
"""Fixed, past years, so the output does not depend on today's date."""
YEAR_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 10, 10)
MUNICIPALITY_SHARE = 0.15
SMALL_MUNICIPALITY = 20_000
DOCUMENTED_BY = ((0.45, "af"), (0.7, "kommun"), (0.9, "matchning"), (1.0, "ideell"))
"""Who documents a path: the first role whose share is above a roll (see ``_role``)."""
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../generator/schema/{}.schema.json\n"
T = TypeVar("T")


def _fragments(name: str) -> Any:
    """One file of ``benchmarks/fragments/``; each is read once, when this module is imported."""
    return yaml.safe_load((FRAGMENTS / f"{name}.yaml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Occupation:
    """What the text needs to talk about one occupation (see fragments/occupations.yaml)."""

    weight: float
    yrke: str
    yrken: str
    bransch: str
    branch: str
    places: list[list[str]]
    tasks: list[str]
    skills: list[str]
    courses: list[str]
    course_weeks: list[int]
    course_share: float
    validation_share: float
    own_business_share: float = 0.0
    prefixes: list[str] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)


_OCCUPATIONS = _fragments("occupations")
OCCUPATIONS = {key: Occupation(**entry) for key, entry in _OCCUPATIONS["occupations"].items()}
OTHER_OCCUPATION = Occupation(**_OCCUPATIONS["other"])
"""Used for occupations that are added to the vocabulary later and have no entry of their own."""
TEXT = _fragments("paths")
STEPS = _fragments("steps")
ACTORS = _fragments("actors")
FREQUENCIES = _fragments("frequencies")

# --- Writing the files (to be replaced by the shared YAML writer) -------------------------------


def _scalar(text: str) -> str:
    """A YAML plain scalar when it is safe, a double-quoted one otherwise."""
    if re.fullmatch(r"[A-Za-zÅÄÖåäöÉé0-9][^:#\n\"']*[^\s:]", text) and ": " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(items: Sequence[str], quote: bool = False) -> str:
    return "[" + ", ".join(f'"{i}"' if quote else i for i in items) + "]"


def _block(key: str, text: str, indent: str, width: int = 88) -> str:
    """``key: >-`` with the text folded over lines, as contributors write long text."""
    pad = indent + "  "
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(pad) + len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return f"{indent}{key}: >-\n" + "".join(f"{pad}{line}\n" for line in lines)


def actor_yaml(data: dict[str, Any]) -> str:
    """An actor file as contributors write it; ``data`` is what ``yaml.safe_load`` reads back."""
    where = data["counties"]
    return (
        SCHEMA_COMMENT.format("actor")
        + f"id: {data['id']}\nname: {_scalar(data['name'])}\ntype: {data['type']}\n"
        + f"counties: {where if isinstance(where, str) else _flow(where, quote=True)}\n"
        + f"target_groups: {_flow(data['target_groups'])}\n"
        + _block("description", data["description"], "")
        + f"example: {json.dumps(data['example'])}\n"
    )


def path_yaml(data: dict[str, Any]) -> str:
    """A path file written by `vagar new`'s own writer (comments and all); ``data`` is what
    ``yaml.safe_load`` reads back. Not checked by loading it again: the tests do that."""
    return render_path({k: v for k, v in data.items() if v is not None}, check=False)


# --- Actors -------------------------------------------------------------------------------------


@dataclass
class ActorPool:
    """The invented actors, and their ids by role, so a step can pick a plausible one."""

    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Actor id to the data of its file."""
    roles: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    """(county code or "all", role) to actor ids; an employer's role is its trade."""


def _slug(text: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")


def make_actors(
    rng: random.Random, counties: Sequence[str], situations: Sequence[str]
) -> ActorPool:
    """A few hundred invented organisations: several per county and type, some nationwide."""
    pool = ActorPool()

    def add(
        key: tuple[str, str], template: Any, groups: list[str] | None = None, **fields: Any
    ) -> None:
        """One actor in the role ``key`` from a template of fragments/actors.yaml."""
        actor_id = _slug(name := template["name"].format(**fields))
        if groups is None:
            chosen = set(rng.sample(list(situations), rng.randint(1, 4)))
            groups = [s for s in situations if s in chosen]
        pool.actors[actor_id] = {
            "id": actor_id,
            "name": name,
            "type": template["type"],
            "counties": key[0] if key[0] == "all" else [key[0]],
            "target_groups": groups,
            "description": template["description"].format(**fields),
            "example": True,
        }
        pool.roles.setdefault(key, []).append(actor_id)

    national, employer = ACTORS["national"], ACTORS["employer"]
    add(("all", "af"), national["af"], list(situations))
    for branch, words in ACTORS["branches"].items():
        word = words["word"]
        add(("all", "bransch"), national["bransch"], word=word, lower=word.lower())
        pool.roles["all", f"bransch-{branch}"] = pool.roles["all", "bransch"][-1:]
    for union in ACTORS["unions"]:
        add(("all", "fack"), national["fack"], **union)
    for role in ("akassa", "distans"):
        for number in range(1, national[role]["count"] + 1):
            add(("all", role), national[role], n=number)
    for county in counties:
        copies = 2 if FREQUENCIES["counties"].get(county, 1) >= 10 else 1
        for branch, words in ACTORS["branches"].items():
            for number in range(1, copies + 1):
                stem, extra = rng.choice(employer["stems"]), rng.choice(employer["extra"])
                add((county, branch), employer, stem=stem, extra=extra, c=county, n=number, **words)
        for role, template in ACTORS["local"].items():
            for number in range(1, template["count"] + 1):
                add((county, role), template, c=county, n=number)
    return pool


# --- Vocabularies -------------------------------------------------------------------------------


@dataclass
class Vocabulary:
    """The ids the generator draws from, read from the repository's vocabulary files."""

    ids: dict[str, list[str]]
    """Vocabulary (file name without ``.yaml``) to its ids, in file order."""
    labels: dict[str, str]
    """Occupation id to label."""
    municipalities: dict[str, list[str]]
    """County to the municipalities large enough to be shown."""


def read_vocabulary(vocabulary_dir: Path) -> Vocabulary:
    """Read ids from the vocabularies, so the output follows the files (a new occupation, say)."""
    terms: dict[str, list[dict[str, Any]]] = {
        file.stem: yaml.safe_load(file.read_text(encoding="utf-8"))
        for file in sorted(vocabulary_dir.glob("*.yaml"))
    }
    municipalities: dict[str, list[str]] = {}
    for term in terms["municipalities"]:
        population = term.get("population")
        if population is None or population >= SMALL_MUNICIPALITY:
            municipalities.setdefault(str(term["county"]), []).append(str(term["id"]))
    return Vocabulary(
        ids={name: [str(term["id"]) for term in entries] for name, entries in terms.items()},
        labels={str(term["id"]): str(term["label"]) for term in terms["occupations"]},
        municipalities=municipalities,
    )


def check_fragments(vocab: Vocabulary) -> None:
    """Refuse fragments that write a step or actor type the vocabulary does not have."""
    actor_templates = [*ACTORS["national"].values(), ACTORS["employer"], *ACTORS["local"].values()]
    used = {
        "step-types": {step.get("type", kind) for kind, step in STEPS["kinds"].items()},
        "actor-types": {template["type"] for template in actor_templates},
    }
    for name, ids in used.items():
        if unknown := sorted(ids - set(vocab.ids[name])):
            raise ValueError(f"benchmarks/fragments use {name} not in the vocabulary: {unknown}")


def _frequencies(table: str, ids: Sequence[str], default: float = 0.0) -> dict[str, float]:
    """The vocabulary's ids in file order, each with its weight; ids without one are never drawn."""
    weights: dict[str, float] = FREQUENCIES[table]
    return {i: weights.get(i, default) for i in ids if weights.get(i, default)}


# --- Paths --------------------------------------------------------------------------------------


def _pick(rng: random.Random, options: Sequence[T]) -> T:
    return options[int(rng.random() * len(options))]


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _situations(
    rng: random.Random, age_band: str, weights: dict[str, float], known: Sequence[str]
) -> list[str]:
    chosen: list[str] = []
    if age_band == "15-24":
        chosen.append("ung")
    elif (age_band == "55-69" and rng.random() < 0.8) or (
        age_band == "45-54" and rng.random() < 0.35
    ):
        chosen.append("over-50")
    others = {k: w for k, w in weights.items() if k not in chosen}
    if not chosen or rng.random() < 0.4:
        chosen.append(_weighted(rng, others))
    if len(chosen) == 1 and rng.random() < 0.25:
        others = {k: w for k, w in weights.items() if k not in chosen}
        chosen.append(_weighted(rng, others))
    return [s for s in chosen if s in known] or [known[0]]


def _step_types(
    rng: random.Random, occ: Occupation, situations: list[str], outcome: str
) -> list[str]:
    """A plausible sequence: guidance first, then explore, build skills, approach, the end."""
    steps: list[str] = []
    if rng.random() < 0.92:
        steps.append("kartlaggning")
    if "nyanland" in situations and rng.random() < 0.75:
        steps.append("sprakutbildning")
    explore = [
        t for t, share in (("studiebesok", 0.35), ("tematisk-expert", 0.15)) if rng.random() < share
    ]
    rng.shuffle(explore)
    steps += explore
    experienced = {"omstallning", "over-50", "nyanland"} & set(situations)
    if rng.random() < occ.validation_share + (0.2 if experienced else 0.0):
        steps.append("validering")
    course = rng.random() < occ.course_share
    placement = rng.random() < (0.75 if not course else 0.4) + (
        0.15 if "funktionsnedsattning" in situations else 0.0
    )
    if course and placement and rng.random() < 0.3:
        steps += ["praktik", "utbildning"]
    else:
        steps += ["utbildning"] * course + ["praktik"] * placement
    if rng.random() < 0.25:
        steps.append("cv-och-intervju")
    if rng.random() < 0.25:
        steps.append("arbetsgivarmote")
    if outcome == "anstallning":
        supported = {"langtidsarbetslos", "funktionsnedsattning"} & set(situations)
        share = 0.45 if supported else 0.3 if "nyanland" in situations else 0.12
        steps.append("subventionerad-anstallning" if rng.random() < share else "anstallning")
    elif outcome == "utbildning":
        steps.append("vidare")
    elif outcome == "eget-foretag":
        steps.append("eget")
    if len(steps) < 2 and "kartlaggning" not in steps:
        steps.insert(0, "kartlaggning")
    if len(steps) < 2:
        steps.append("praktik")
    return steps[:12]


def _fit(sentences: list[str], limit: int) -> str:
    """Join sentences, dropping the last ones until the text fits the schema's limit."""
    while len(sentences) > 1 and len(" ".join(sentences)) > limit:
        sentences.pop()
    return " ".join(sentences)[:limit]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _role(shares: Sequence[Sequence[Any]], roll: float) -> str:
    """The role of the first ``[share, role]`` whose share is above ``roll``."""
    return str(next(role for share, role in shares if roll < share))


def _unique(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


class PathMaker:
    """Draws paths as data. Holds the random generator, the vocabularies and the actor pool."""

    def __init__(self, rng: random.Random, vocab: Vocabulary, pool: ActorPool) -> None:
        self.rng = rng
        self.vocab = vocab
        self.pool = pool
        ids = vocab.ids
        self.occupations = {o: OCCUPATIONS.get(o, OTHER_OCCUPATION) for o in ids["occupations"]}
        self.occupation_weights = {o: occ.weight for o, occ in self.occupations.items()}
        self.county_weights = _frequencies("counties", ids["counties"], default=2.0)
        self.age_weights = _frequencies("age_bands", ids["age-bands"])
        self.situation_weights = _frequencies("situations", ids["situations"])
        self.outcome_weights = _frequencies("outcomes", ids["outcomes"])
        self.open_combinations: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.ctx: dict[str, str] = {}
        """The current path's values for the {keys} of the fragments."""

    def make_all(self, count: int) -> list[dict[str, Any]]:
        """Draw ``count`` paths; a municipality is kept only where another path shares it."""
        paths = [self.make(index) for index in range(1, count + 1)]
        for waiting in self.open_combinations.values():
            for path in waiting:
                path["municipality"] = None
        return [{key: value for key, value in path.items() if value is not None} for path in paths]

    def make(self, index: int) -> dict[str, Any]:
        """Draw one path, as the data of its file (``municipality`` None: not written)."""
        rng = self.rng
        occupation = _weighted(rng, self.occupation_weights)
        county = _weighted(rng, self.county_weights)
        age_band = _weighted(rng, self.age_weights)
        year = rng.choices(YEARS, weights=YEAR_WEIGHTS)[0]
        municipality: str | None = None
        candidates = self.vocab.municipalities.get(county, [])
        new_combination = False
        if candidates and rng.random() < MUNICIPALITY_SHARE:
            # A municipality is shown only when another path shares it with the same
            # occupation, age band and year, so most are drawn as such pairs.
            waiting = self.open_combinations.get((county, occupation), [])
            if waiting and rng.random() < 0.85:
                partner = waiting.pop(0)
                municipality, age_band, year = (
                    partner[k] for k in ("municipality", "age_band", "year")
                )
            else:
                municipality = _pick(rng, candidates)
                new_combination = True
        path = self._path(index, occupation, county, municipality, age_band, year)
        if new_combination:
            self.open_combinations.setdefault((county, occupation), []).append(path)
        return path

    def _path(
        self,
        index: int,
        occupation: str,
        county: str,
        municipality: str | None,
        age_band: str,
        year: int,
    ) -> dict[str, Any]:
        """The rest of a path drawn by ``make``: its situations, text and steps."""
        rng = self.rng
        occ = self.occupations[occupation]
        yrke = occ.yrke or self.vocab.labels.get(occupation, occupation).lower()
        situations = _situations(
            rng, age_band, self.situation_weights, self.vocab.ids["situations"]
        )
        outcome_weights = dict(self.outcome_weights)
        outcome_weights["eget-foretag"] *= occ.own_business_share * 10
        outcome = _weighted(rng, outcome_weights)
        kinds = _step_types(rng, occ, situations, outcome)
        pronouns = TEXT["pronouns"]
        subject, obj, gen = pronouns[
            rng.choices(range(len(pronouns)), weights=TEXT["pronoun_weights"])[0]
        ]
        place, place_def = _pick(rng, occ.places)
        tidigare, kort = _pick(rng, TEXT["earlier_young" if age_band == "15-24" else "earlier"])
        via = [k for k in kinds[1:-1] if "via" in STEPS["kinds"][k]]
        via = via or [k for k in kinds if "via" in STEPS["kinds"][k]]
        course = _pick(rng, occ.courses)
        situation = TEXT["situations"].get(situations[0], TEXT["other_situation"])
        ctx = {
            "p": subject,
            "o": obj,
            "g": gen,
            "yrke": yrke,
            "yrken": occ.yrken or yrke,
            "bransch": occ.bransch,
            "plats": place,
            "platsen": place_def,
            "kurs": course,
            "tidigare": tidigare,
            "kort": kort,
            "via": _pick(rng, STEPS["kinds"][_pick(rng, via)]["via"]) if via else STEPS["no_via"],
            "efter": _pick(rng, situation["after"]),
            "tider": _pick(rng, TEXT["working_hours"]),
        }
        ctx |= {
            key.capitalize(): _capitalise(ctx[key]) for key in ("p", "g", "yrke", "platsen", "kurs")
        }
        self.ctx = ctx
        self._reroll(occ)
        say = self._say
        supported = kinds[-1] == "subventionerad-anstallning"
        ending = TEXT["outcomes"]["stod" if outcome == "anstallning" and supported else outcome]
        title = say(TEXT["titles"])[:90]
        summary = _fit([say(situation["summary"]) + ".", say(ending["summary"])], 300)
        background = [TEXT["background"]["first"].format_map(ctx)]
        background += [say(TEXT["background"]["obstacles"]) for _ in range(rng.randint(1, 2))]
        background.append(say(TEXT["background"]["wishes"]))
        path: dict[str, Any] = {
            "id": f"{occupation}-{situations[0]}-{index:05d}",
            "title": title,
            "summary": summary,
            "occupation": occupation,
            "situations": situations,
            "age_band": age_band,
            "background": _fit(_unique(background), 800),
            "county": county,
            "municipality": municipality,
            "year": year,
            "outcome": {"type": outcome, "text": _fit([say(ending["text"])], 300)},
        }
        employer = self._employer(county, occ.branch)
        path["steps"] = [self._step(kind, county, occ, employer) for kind in kinds]
        if rng.random() < 0.7:
            helped = _unique([say(TEXT["what_helped"]) for _ in range(rng.randint(1, 2))])
            path["what_helped"] = _fit(helped, 500)
        if rng.random() < 0.6:
            path["quote"] = say(TEXT["quotes"])
        if rng.random() < 0.75:
            tips = _unique([say(TEXT["tips"] + occ.tips) for _ in range(rng.randint(1, 3))])
            path["tips"] = [tip[:200] for tip in tips]
        path["documented_by"] = self._actor(_role(DOCUMENTED_BY, rng.random()), county, occ, {})
        path["consent"] = True
        path["example"] = True
        return path

    def _say(self, options: Sequence[str]) -> str:
        """One of ``options``, its {keys} filled in from the path's context."""
        return _pick(self.rng, options).format_map(self.ctx)

    def _step(self, kind: str, county: str, occ: Occupation, employer: str) -> dict[str, Any]:
        rng, say, step = self.rng, self._say, STEPS["kinds"][kind]
        self._reroll(occ)
        sentences = [say(step["first"])]
        if step.get("occupation_sentences") and rng.random() < 0.5:
            sentences.append(say(TEXT["occupation_sentences"]))
        if rng.random() < 0.5:
            sentences.append(say(step["first"]))
        if rng.random() < 0.6:
            sentences.append(say(TEXT["compounds"]["sentences"]))
        sentences.append(say(step["then"]))
        low, high = step.get("weeks", occ.course_weeks)
        return {
            "type": step.get("type", kind),
            "title": say(step["titles"])[:80],
            "actors": self._step_actors(step, county, occ, employer),
            "weeks": rng.randint(low, high),
            "text": _fit(_unique(sentences), 600),
        }

    def _reroll(self, occ: Occupation) -> None:
        """New tasks, skills and compound words in the context, for the next step."""
        rng = self.rng
        tasks = rng.sample(occ.tasks, 2)
        skills = rng.sample(occ.skills, 2)
        self.ctx.update(uppgift=tasks[0], uppgift2=tasks[1], kunskap=skills[0], kunskap2=skills[1])
        # Skewed picks, so a few compounds are common and most are rare, as in real text.
        prefixes = occ.prefixes * 2 + TEXT["compounds"]["prefixes"]
        suffixes = TEXT["compounds"]["suffixes"]
        words = [
            prefixes[int(len(prefixes) * rng.random() ** 1.5)]
            + suffixes[int(len(suffixes) * rng.random() ** 2)]
            for _ in range(2)
        ]
        self.ctx.update(ord=words[0], ord2=words[1])

    def _employer(self, county: str, branch: str) -> str:
        roles = self.pool.roles
        return _pick(self.rng, roles.get((county, branch)) or roles[county, "allman"])

    def _actor(self, role: str, county: str, occ: Occupation, known: dict[str, str]) -> str:
        """An actor in ``role``: one of ``known`` (work, employer), nationwide or in the county."""
        if role in known:
            return known[role]
        if role == "bransch":
            role = f"bransch-{occ.branch}"
        return _pick(self.rng, self.pool.roles.get(("all", role)) or self.pool.roles[county, role])

    def _step_actors(
        self, step: dict[str, Any], county: str, occ: Occupation, employer: str
    ) -> list[str]:
        """Who takes part in a step: its ``actors`` and ``also`` in fragments/steps.yaml."""
        rng = self.rng
        roll = rng.random()
        other_employer = rng.random() < 0.25
        known = {"employer": employer, "work": employer}
        if other_employer:
            known["work"] = self._employer(county, occ.branch)
        if occ.branch == "vard" and rng.random() < 0.35:
            known["work"] = self._actor("region", county, occ, {})
        elif occ.branch in ("forskola", "stad", "vard") and rng.random() < 0.2:
            known["work"] = self._actor("kommun", county, occ, {})
        actors = [self._actor(_role(step["actors"], roll), county, occ, known)]
        also = step.get("also")
        if also and (rng.random() if also.get("new_roll") else roll) < also["share"]:
            actors.append(self._actor(also["role"], county, occ, known))
        return _unique(actors)


# --- The project folder -------------------------------------------------------------------------


def mkdocs_config(repo_root: Path = REPO_ROOT) -> str:
    """The repository's mkdocs.yml, with the theme and the plugin's theme_dir made absolute."""
    config: dict[str, Any] = yaml.safe_load((repo_root / "mkdocs.yml").read_text("utf-8"))
    theme_dir = str((repo_root / "theme").resolve())
    config["theme"]["custom_dir"] = theme_dir
    plugins: list[Any] = []
    for plugin in config.get("plugins", []):
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        options = {} if isinstance(plugin, str) else dict(plugin[name] or {})
        if name == "vagar":
            options.update(content_dir="content", theme_dir=theme_dir)
            plugin = {name: options}
        plugins.append(plugin)
    config["plugins"] = plugins
    header = "# Synthetic benchmark project written by benchmarks/synthesize.py; never publish.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def synthesize(count: int, out: Path, seed: int = 1, repo_root: Path = REPO_ROOT) -> dict[str, int]:
    """Write the project folder ``out`` with ``count`` paths; returns what was written."""
    out = out.resolve()
    content = out / "content"
    if out == repo_root.resolve() or repo_root.resolve() / "content" in (out, *out.parents):
        raise ValueError(f"refusing to write synthetic content into the repository: {out}")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ValueError(f"{out} is not empty and was not written by this script")
    vocab = read_vocabulary(repo_root / "content" / "vocabulary")
    check_fragments(vocab)
    shutil.rmtree(content, ignore_errors=True)
    for sub in ("paths", "actors"):
        (content / sub).mkdir(parents=True)
    shutil.copytree(repo_root / "content" / "vocabulary", content / "vocabulary")
    shutil.copytree(repo_root / "content" / "pages", content / "pages")
    (out / MARKER).write_text(f"count={count} seed={seed}\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text(mkdocs_config(repo_root), encoding="utf-8")

    rng = random.Random(seed)
    pool = make_actors(rng, vocab.ids["counties"], vocab.ids["situations"])
    for actor_id, actor in pool.actors.items():
        (content / "actors" / f"{actor_id}.yaml").write_text(actor_yaml(actor), encoding="utf-8")
    paths = PathMaker(rng, vocab, pool).make_all(count)
    for path in paths:
        (content / "paths" / f"{path['id']}.yaml").write_text(path_yaml(path), encoding="utf-8")
    municipalities = sum("municipality" in path for path in paths)
    return {"paths": count, "actors": len(pool.actors), "municipalities": municipalities}


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``--count N --out DIR [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True, help="number of paths")
    parser.add_argument("--out", type=Path, required=True, help="project folder to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        written = synthesize(args.count, args.out, args.seed)
    except ValueError as error:
        print(f"synthesize: {error}", file=sys.stderr)
        return 2
    print(
        f"wrote {written['paths']} paths ({written['municipalities']} with a municipality) and "
        f"{written['actors']} actors to {args.out} in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
