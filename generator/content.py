"""Load, validate and model all content in one call: what `vagar check` and the site share.

The order is fixed: vocabularies first (everything else refers to them), then actors, then
paths. Each step collects findings; a model is built only when there is no error, so the
stages after this one never see invalid data.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from generator import model
from generator.file_check import Checked, FileChecker, FileRules, check_files
from generator.findings import FieldPath, Finding, field_name, has_errors
from generator.load import Document, load_document
from generator.reidentify import hidden_municipalities, place_mentions
from generator.schema import SchemaChecker, load_schema
from generator.validate import (
    id_findings,
    schema_findings,
    vocabulary_findings,
)

VOCABULARY_FILES = (
    "occupations",
    "situations",
    "step-types",
    "outcomes",
    "actor-types",
    "age-bands",
    "counties",
    "municipalities",
)


@dataclass(frozen=True)
class ContentLayout:
    """Where content lives, and the root that file names in messages are relative to."""

    root: FsPath
    content_dir: FsPath = field(default=FsPath("content"))

    @property
    def paths_dir(self) -> FsPath:
        return self.root / self.content_dir / "paths"

    @property
    def actors_dir(self) -> FsPath:
        return self.root / self.content_dir / "actors"

    @property
    def vocabulary_dir(self) -> FsPath:
        return self.root / self.content_dir / "vocabulary"

    def display(self, path: FsPath) -> str:
        """The name a contributor recognises: relative to the project root, with slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def load_content(
    layout: ContentLayout, this_year: int | None = None
) -> tuple[model.Content | None, list[Finding]]:
    """Read and check every content file; the content model, or None when there are errors."""
    year = this_year if this_year is not None else datetime.date.today().year
    findings: list[Finding] = []

    vocab_docs = {}
    vocab_schema = load_schema("vocabulary")
    for name in VOCABULARY_FILES:
        file = layout.vocabulary_dir / f"{name}.yaml"
        if not file.is_file():
            findings.append(Finding(layout.display(file), 1, 1, "vocabulary file is missing"))
            continue
        doc, problems = load_document(file, layout.display(file))
        findings += problems
        if doc is None:
            continue
        sub_schema = {**vocab_schema, **vocab_schema["$defs"].get(name, {})}
        findings += schema_findings(doc, SchemaChecker(sub_schema, {}))
        findings += vocabulary_findings(doc)
        vocab_docs[name] = doc
    if has_errors(findings):
        return None, sorted(set(findings))
    vocabularies = _vocabularies(vocab_docs)
    known: dict[str, dict[str, Any]] = {**vocabularies.by_name()}

    # Actors are few, and their names are known words for every text: load them first.
    actor_docs = _checked(
        [
            load_document(file, name)
            for file, name in _content_files(layout, layout.actors_dir, findings)
        ],
        findings,
    )
    known["actors"] = {
        doc.data["id"]: doc
        for doc in actor_docs
        if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str)
    }
    words = _known_words(vocabularies, actor_docs)
    actor_checker = FileChecker(_rules("actor", known, words, {}, year))
    for doc in actor_docs:
        findings += actor_checker.check_document(doc)
    findings += id_findings(actor_docs, "actor")

    municipality_county = {m.id: m.county for m in vocabularies.municipalities.values()}
    path_rules = _rules("path", known, words, municipality_county, year)
    path_files = _content_files(layout, layout.paths_dir, findings)
    path_docs = _checked(check_files(path_files, path_rules), findings)
    findings += id_findings(path_docs, "path")

    findings = sorted(set(findings))
    if has_errors(findings):
        return None, findings
    actors = {a.id: a for a in (_actor(doc, vocabularies) for doc in actor_docs)}
    paths = {p.id: p for p in (_path(doc, vocabularies, actors) for doc in path_docs)}
    documents = {doc.file: doc for doc in path_docs}
    for path_id, reason in hidden_municipalities(paths.values()).items():
        path = paths[path_id]
        doc = documents[path.source]
        findings.append(
            _warning(
                doc,
                ("municipality",),
                f"the municipality will not be shown, only the county: {reason}",
            )
        )
        for mention in place_mentions(path):
            findings.append(
                _warning(
                    doc,
                    mention,
                    f"names {path.municipality.label if path.municipality else ''}, which is "
                    "hidden to protect the person — remove the place name",
                )
            )
    return model.Content(vocabularies, actors, paths), sorted(findings)


def _warning(doc: Document, field: FieldPath, message: str) -> Finding:
    where = doc.position(field)
    return Finding(
        doc.file, where.line, where.column, message, field_name(field), severity="warning"
    )


def _known_words(vocab: model.Vocabularies, actor_docs: list[Document]) -> frozenset[str]:
    """Capitalised words the content itself defines: never mistaken for a person's name."""
    names = [term.label for terms in vocab.by_name().values() for term in terms.values()]
    names += [
        doc.data["name"]
        for doc in actor_docs
        if isinstance(doc.data, dict) and isinstance(doc.data.get("name"), str)
    ]
    return frozenset(word for name in names for word in re.findall(r"[\w-]+", name))


def _rules(
    schema_name: str,
    known: dict[str, dict[str, Any]],
    words: frozenset[str],
    municipality_county: dict[str, str],
    year: int,
) -> FileRules:
    known_ids = {name: frozenset(ids) for name, ids in known.items()}
    return FileRules(schema_name, known_ids, words, municipality_county, year)


def _checked(results: list[Checked], findings: list[Finding]) -> list[Document]:
    """The documents that could be read; their findings are added to ``findings``."""
    documents = []
    for document, problems in results:
        findings += problems
        if document is not None:
            documents.append(document)
    return documents


def _content_files(
    layout: ContentLayout, folder: FsPath, findings: list[Finding]
) -> list[tuple[FsPath, str]]:
    """The ``.yaml`` files of a folder with their display names; a ``.yml`` file is a
    finding."""
    if not folder.is_dir():
        return []
    files = []
    for file in sorted(folder.iterdir()):
        if file.suffix == ".yml":
            findings.append(
                Finding(
                    layout.display(file),
                    1,
                    1,
                    f"content files end in .yaml — rename the file to {file.stem}.yaml",
                )
            )
        elif file.suffix == ".yaml" and file.is_file():
            files.append((file, layout.display(file)))
    return files


def _vocabularies(docs: dict[str, Document]) -> model.Vocabularies:
    def terms(name: str) -> dict[str, model.Term]:
        return {t["id"]: model.Term(t["id"], t["label"], t["description"]) for t in docs[name].data}

    return model.Vocabularies(
        occupations={
            t["id"]: model.Occupation(
                t["id"], t["label"], t["description"], t["ssyk"], t["ssyk_label"]
            )
            for t in docs["occupations"].data
        },
        situations=terms("situations"),
        step_types=terms("step-types"),
        outcomes=terms("outcomes"),
        actor_types=terms("actor-types"),
        age_bands=terms("age-bands"),
        counties=terms("counties"),
        municipalities={
            t["id"]: model.Municipality(
                t["id"], t["label"], t["description"], t["county"], t.get("population")
            )
            for t in docs["municipalities"].data
        },
    )


def _actor(doc: Document, vocab: model.Vocabularies) -> model.Actor:
    data = doc.data
    nationwide = data["counties"] == "all"
    county_ids = list(vocab.counties) if nationwide else data["counties"]
    return model.Actor(
        id=data["id"],
        name=data["name"].strip(),
        type=vocab.actor_types[data["type"]],
        counties=tuple(vocab.counties[c] for c in county_ids),
        nationwide=nationwide,
        target_groups=tuple(vocab.situations[s] for s in data["target_groups"]),
        website=data.get("website"),
        description=data["description"].strip(),
        source=doc.file,
    )


def _path(doc: Document, vocab: model.Vocabularies, actors: dict[str, model.Actor]) -> model.Path:
    data = doc.data
    steps = tuple(
        model.Step(
            type=vocab.step_types[s["type"]],
            title=s["title"].strip(),
            actors=tuple(actors[a] for a in s["actors"]),
            weeks=s["weeks"],
            text=s["text"].strip(),
        )
        for s in data["steps"]
    )
    municipality = data.get("municipality")
    return model.Path(
        id=data["id"],
        title=data["title"].strip(),
        summary=data["summary"].strip(),
        occupation=vocab.occupations[data["occupation"]],
        situations=tuple(vocab.situations[s] for s in data["situations"]),
        age_band=vocab.age_bands[data["age_band"]],
        background=data["background"].strip(),
        county=vocab.counties[data["county"]],
        municipality=vocab.municipalities[municipality] if municipality else None,
        year=data["year"],
        outcome=model.Outcome(vocab.outcomes[data["outcome"]["type"]], data["outcome"]["text"]),
        steps=steps,
        what_helped=_optional_text(data.get("what_helped")),
        quote=_optional_text(data.get("quote")),
        tips=tuple(t.strip() for t in data.get("tips", ())),
        documented_by=actors[data["documented_by"]],
        source=doc.file,
    )


def _optional_text(value: str | None) -> str | None:
    return value.strip() if value else None
