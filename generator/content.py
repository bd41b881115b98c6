"""Load, validate and model all content in one call: what `vagar check` and the site share.

The order is fixed: vocabularies first (everything else refers to them), then actors, then
paths. Each step collects findings; a model is built only when there is no error, so the
stages after this one never see invalid data.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from generator import model
from generator.examples import ExampleMode, apply_mode
from generator.file_check import Checked, FileChecker, FileRules, check_files, collection_paused
from generator.findings import FieldPath, Finding, field_name, has_errors
from generator.languages import TRANSLATIONS
from generator.link_patterns import FILE_NAME as LINKS_FILE
from generator.link_patterns import load_link_patterns
from generator.load import Document, load_document
from generator.messages import _
from generator.places import FILE_NAME as PROVINCES_FILE
from generator.places import load_provinces
from generator.reidentify import hidden_municipalities, place_mentions
from generator.reviewed import FILE_NAME as REVIEWED_FILE
from generator.reviewed import Reviewed, load_reviewed, stale_entries
from generator.schema import SchemaChecker, free_texts, load_schema
from generator.to_model import build
from generator.validate import (
    id_findings,
    scalar_findings,
    schema_findings,
    vocabulary_findings,
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
    layout: ContentLayout, this_year: int | None = None, examples: ExampleMode = "include"
) -> tuple[model.Content | None, list[Finding]]:
    """Read and check every content file; the content model, or None when there are errors.

    ``examples`` says what becomes of invented examples (``generator.examples``): kept, left
    out (a production build) or refused (`vagar check --production`).
    """
    with collection_paused():
        return _load_content(layout, this_year, examples)


def _load_content(
    layout: ContentLayout, this_year: int | None, examples: ExampleMode
) -> tuple[model.Content | None, list[Finding]]:
    year = this_year if this_year is not None else datetime.date.today().year
    findings: list[Finding] = []

    vocab_docs = {}
    vocab_schema = load_schema("vocabulary")
    for name in model.VOCABULARY_NAMES:
        file = layout.vocabulary_dir / f"{name}.yaml"
        if not file.is_file():
            findings.append(Finding(layout.display(file), 1, 1, _("vocabulary file is missing")))
            continue
        doc, problems = load_document(file, layout.display(file))
        findings += problems
        if doc is None:
            continue
        sub_schema = {**vocab_schema, **vocab_schema["$defs"].get(name, {})}
        findings += schema_findings(doc, SchemaChecker(sub_schema, {}))
        findings += scalar_findings(doc)
        findings += vocabulary_findings(doc)
        vocab_docs[name] = doc
    if has_errors(findings):
        return None, sorted(set(findings))
    vocabularies = _vocabularies(vocab_docs)
    known: dict[str, dict[str, Any]] = {**vocabularies.by_name()}

    links_file = layout.root / layout.content_dir / LINKS_FILE
    links, problems = load_link_patterns(links_file, layout.display(links_file))
    findings += problems

    provinces_file = layout.root / layout.content_dir / PROVINCES_FILE
    provinces, problems = load_provinces(
        provinces_file, layout.display(provinces_file), set(vocabularies.counties)
    )
    findings += problems

    reviewed, reviewed_doc, problems = load_reviewed(
        layout.root / layout.content_dir / REVIEWED_FILE,
        layout.display(layout.root / layout.content_dir / REVIEWED_FILE),
    )
    findings += problems

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
    actor_checker = FileChecker(_rules("actor", known, words, {}, year, reviewed))
    for doc in actor_docs:
        findings += actor_checker.check_document(doc)
    findings += id_findings(actor_docs, "actor")

    municipality_county = {m.id: m.county for m in vocabularies.municipalities.values()}
    path_rules = _rules("path", known, words, municipality_county, year, reviewed)
    path_files = _content_files(layout, layout.paths_dir, findings)
    if layout.paths_dir.is_dir() and not path_files and not has_errors(findings):
        findings.append(
            Finding(
                layout.display(layout.paths_dir),
                1,
                1,
                _("there are no paths — add at least one path file before the site is built"),
            )
        )
    path_docs = _checked(check_files(path_files, path_rules), findings)
    findings += id_findings(path_docs, "path")
    findings += stale_entries(reviewed, reviewed_doc, [*actor_docs, *path_docs])
    actor_docs, path_docs, found = apply_mode(
        examples, actor_docs, path_docs, layout.display(layout.paths_dir)
    )
    findings += found

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
                _("the municipality will not be shown, only the county: {reason}").format(
                    reason=reason
                ),
            )
        )
        for mention in place_mentions(path, free_texts("path", doc.data)):
            findings.append(
                _warning(
                    doc,
                    mention,
                    _(
                        "names {municipality}, which is hidden to protect the person — remove "
                        "the place name"
                    ).format(municipality=path.municipality.label if path.municipality else ""),
                )
            )
    return model.Content(vocabularies, actors, paths, links, provinces), sorted(findings)


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
    reviewed: Reviewed,
) -> FileRules:
    known_ids = {name: frozenset(ids) for name, ids in known.items()}
    return FileRules(schema_name, known_ids, words, municipality_county, year, reviewed)


def _checked(results: list[Checked], findings: list[Finding]) -> list[Document]:
    """The documents that could be read; their findings are added to ``findings``."""
    documents = []
    for document, problems in results:
        findings += problems
        if document is not None:
            documents.append(document)
    return documents


CONTENT_FILE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.yaml")
"""The name of a content file: its id, then .yaml."""


def _content_files(
    layout: ContentLayout, folder: FsPath, findings: list[Finding]
) -> list[tuple[FsPath, str]]:
    """The content files of a folder with their display names. Anything else in the folder
    is a finding, never skipped in silence: a file nobody sees is a path nobody publishes."""
    shown = layout.display(folder)
    if folder.is_symlink() or not folder.is_dir():
        problem = (
            _("the folder is missing — content files belong in {folder}/")
            if not folder.exists()
            else _("the folder is not a folder — content files belong in {folder}/")
        )
        findings.append(Finding(shown, 1, 1, problem.format(folder=shown)))
        return []
    files = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        file = FsPath(entry.path)
        name = layout.display(file)
        problem = _entry_problem(entry)
        if problem:
            findings.append(Finding(name, 1, 1, problem))
        else:
            files.append((file, name))
    return files


def _entry_problem(entry: os.DirEntry[str]) -> str:
    """Why a folder entry is not a content file, or "" when it is one."""
    stem = entry.name.rsplit(".", 1)[0]
    if entry.is_symlink():
        return _(
            "is a symbolic link — content files must be regular files in the repository; "
            "put the file itself here"
        )
    if entry.is_dir():
        return _(
            "is a folder — content files lie directly in this folder, not in sub-folders; "
            "move its files up and remove the folder"
        )
    if not entry.is_file():
        return _("is not a regular file (a pipe or a device) — remove it")
    if entry.name.endswith((".yml", ".YAML", ".YML", ".Yaml")) and stem:
        return _("content files end in .yaml — rename the file to {stem}.yaml").format(
            stem=stem.lower()
        )
    if not CONTENT_FILE.fullmatch(entry.name):
        return _(
            "is not a content file: name content files <id>.yaml, with the id in lowercase "
            "letters a-z, digits and hyphens (for example elektriker-i-gavle.yaml)"
        )
    return ""


def _vocabularies(docs: dict[str, Document]) -> model.Vocabularies:
    """Each vocabulary's terms as the term class its field in ``Vocabularies`` names."""
    hints = typing.get_type_hints(model.Vocabularies)
    vocabularies = {}
    for vocabulary in dataclasses.fields(model.Vocabularies):
        term_class = typing.get_args(hints[vocabulary.name])[1]
        names = [f.name for f in dataclasses.fields(term_class) if f.name != "translations"]
        terms = docs[model.vocabulary_name(vocabulary.name)].data
        vocabularies[vocabulary.name] = {
            t["id"]: term_class(
                **{name: t[name] for name in names if name in t}, translations=_translations(t)
            )
            for t in terms
        }
    return model.Vocabularies(**vocabularies)


def _translations(term: dict[str, Any]) -> tuple[model.Translation, ...]:
    """The term's label and explanation in each interface language besides Swedish."""
    return tuple(
        model.Translation(
            language,
            term[language]["label"].strip(),
            term[language]["description"].strip(),
            tuple(word.strip() for word in term[language].get("search_words", ())),
        )
        for language in TRANSLATIONS
        if language in term
    )


def _actor(doc: Document, vocab: model.Vocabularies) -> model.Actor:
    return build(
        model.Actor,
        doc.data,
        load_schema("actor"),
        _resolver(vocab, {}),
        _every(vocab),
        {"source": doc.file, "nationwide": doc.data["counties"] == "all"},
    )


def _path(doc: Document, vocab: model.Vocabularies, actors: dict[str, model.Actor]) -> model.Path:
    return build(
        model.Path,
        doc.data,
        load_schema("path"),
        _resolver(vocab, actors),
        _every(vocab),
        {"source": doc.file},
    )


def _resolver(
    vocab: model.Vocabularies, actors: dict[str, model.Actor]
) -> typing.Callable[[str, str], Any]:
    by_name: dict[str, Any] = {**vocab.by_name(), "actors": actors}
    return lambda name, term_id: by_name[name][term_id]


def _every(vocab: model.Vocabularies) -> typing.Callable[[str], tuple[Any, ...]]:
    by_name = vocab.by_name()
    return lambda name: tuple(by_name[name].values())
