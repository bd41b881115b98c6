"""Stage 1, load: YAML files become plain data that remembers the line and column of every value.

Contributors write YAML by hand, so every later message must point at a line. PyYAML's
composer gives nodes with marks; we turn them into plain dicts, lists and scalars and keep a
side table from field path to position. Anything PyYAML would silently accept but that is
almost always a mistake (duplicate keys, several documents, anchors) becomes a finding.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.findings import FieldPath, Finding
from generator.messages import _
from generator.read import read_content_file


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass(frozen=True)
class Document:
    """The data of one YAML file and where each value in it stood."""

    file: str
    data: Any
    positions: Mapping[FieldPath, tuple[int, int]] | None = field(default_factory=dict)
    """1-based line and column of each value (tuples: there are a million in a big build);
    None when they were left behind (``light``) and are worked out again on demand."""
    text: str = ""
    spans: Mapping[FieldPath, tuple[int, int]] | None = field(default_factory=dict)
    """Where each scalar stands in ``text``."""

    def typed(self, path: FieldPath) -> str | None:
        """The scalar at ``path`` exactly as typed (quotes included): YAML reads 03 as 3."""
        span = self._located[1].get(path)
        return self.text[span[0] : span[1]] if span else None

    def position(self, path: FieldPath) -> Position:
        """Where ``path`` stood, or its nearest existing parent (for a missing field)."""
        positions = self._located[0]
        for end in range(len(path), -1, -1):
            found = positions.get(path[:end])
            if found is not None:
                return Position(*found)
        return Position(1, 1)

    def light(self) -> Document:
        """The same document without its position tables: half the size to send between
        processes, and few documents ever need a position again."""
        return Document(self.file, self.data, None, self.text, None)

    @cached_property
    def _located(
        self,
    ) -> tuple[Mapping[FieldPath, tuple[int, int]], Mapping[FieldPath, tuple[int, int]]]:
        if self.positions is not None and self.spans is not None:
            return self.positions, self.spans
        again, _findings = parse_document(self.text, self.file)
        return again._located if again is not None else ({}, {})


MAX_DEPTH = 12
"""Levels of lists and groups in a content file; a path has four. Deeper data is a mistake,
and walking it would run out of stack."""


class _TooDeep(Exception):
    def __init__(self, node_mark: yaml.Mark | None) -> None:
        super().__init__("too deep")
        self.mark = node_mark


class _AliasUsed(Exception):
    def __init__(self, node_mark: yaml.Mark | None) -> None:
        super().__init__("alias")
        self.mark = node_mark


_DEFAULT_TAGS: dict[type[Node], str] = {
    ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
    SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
}
_PLAIN_TAGS: dict[str, str] = {}
"""The tag of each short plain scalar met so far (field names, ids, numbers, true)."""
MAX_REMEMBERED_TAGS = 50_000


class _Loader(yaml.CSafeLoader):
    """libyaml's safe loader (fast: thousands of files per build), keeping dates as text.

    Dates stay text so that a date typed into a text field reaches the checker as it was
    written. Aliases are refused while the nodes are walked (``_to_data``): a few lines of them
    can expand to gigabytes.
    """

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """The resolver's own answer, remembered for short plain scalars.

        libyaml asks for every node, a file has a hundred, and most are the same few field
        names. No path resolvers are registered, so the tag of a plain scalar depends on its
        text alone, and every other node gets its kind's default tag.
        """
        if kind is ScalarNode and implicit[0]:
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
                if len(value) <= 64 and len(_PLAIN_TAGS) < MAX_REMEMBERED_TAGS:
                    _PLAIN_TAGS[value] = tag
            return tag
        return _DEFAULT_TAGS[kind]


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


def load_document(path: Path, display_name: str) -> tuple[Document | None, list[Finding]]:
    """Read one YAML file. Returns the document, or None and the findings that stopped it."""
    raw, problems = read_content_file(path, display_name)
    if raw is None:
        return None, problems
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", errors="replace")) + 1
        return None, [
            Finding(
                display_name,
                line,
                column,
                _(
                    "the file is not UTF-8 text (it may be binary or saved in another encoding) "
                    "— save it as UTF-8 text"
                ),
            )
        ]
    return parse_document(text, display_name)


def parse_document(text: str, display_name: str) -> tuple[Document | None, list[Finding]]:
    """Parse YAML text; every syntax problem becomes a finding with its position."""
    plain = _parse_plain(text, display_name)
    if plain is not None:
        return plain, []
    return _parse_nodes(text, display_name)


class _NotPlain(Exception):
    """The text uses something the plain reading leaves to the full one."""


def _parse_plain(text: str, display_name: str) -> Document | None:
    """The document read straight from libyaml's events, or None when the text is not plain.

    Nearly every content file is plain: one document of groups, lists and scalars, without
    anchors, aliases or tags, with text field names, each once, at most ``MAX_DEPTH`` deep.
    For those, this gives what ``_parse_nodes`` gives (the same data, positions and spans),
    a quarter faster, as no node tree is built first. Anything else, a syntax error included,
    is left to ``_parse_nodes``, which says what is wrong.
    """
    try:
        loader = _Loader(text)
    except yaml.YAMLError:
        return None
    try:
        get_event = loader.get_event
        get_event()  # the stream's start
        if not isinstance(get_event(), DocumentStartEvent):
            return None
        root = get_event()
        if root is None or (isinstance(root, ScalarEvent) and root.value.strip() == ""):
            return None  # an empty file
        positions: dict[FieldPath, tuple[int, int]] = {}
        spans: dict[FieldPath, tuple[int, int]] = {}
        data = _plain_value(root, (), get_event, loader, positions, spans)
        if not isinstance(get_event(), DocumentEndEvent):
            return None
        if not isinstance(get_event(), StreamEndEvent):
            return None  # another document
    except (_NotPlain, yaml.YAMLError):
        return None
    finally:
        loader.dispose()
    return Document(display_name, data, positions, text, spans)


def _plain_value(
    event: Event,
    path: FieldPath,
    get_event: Any,
    loader: _Loader,
    positions: dict[FieldPath, tuple[int, int]],
    spans: dict[FieldPath, tuple[int, int]],
) -> Any:
    """The value that starts with ``event``, reading the events that follow it; as
    ``_to_data`` gives it for a node."""
    if len(path) > MAX_DEPTH or getattr(event, "anchor", None) is not None:
        raise _NotPlain
    if getattr(event, "tag", None) is not None:
        raise _NotPlain
    mark: Any = event.start_mark
    positions[path] = (mark.line + 1, mark.column + 1)
    kind = type(event)
    if kind is ScalarEvent:
        assert isinstance(event, ScalarEvent)
        end: Any = event.end_mark
        spans[path] = (mark.index, end.index)
        tag = loader.resolve(ScalarNode, event.value, event.implicit)
        if tag == _STR:
            return event.value
        return _scalar(ScalarNode(tag, event.value, mark, end, event.style), loader)
    if kind is MappingStartEvent:
        result: dict[str, Any] = {}
        while True:
            key = get_event()
            if type(key) is MappingEndEvent:
                return result
            if type(key) is not ScalarEvent or key.anchor is not None or key.tag is not None:
                raise _NotPlain
            if loader.resolve(ScalarNode, key.value, key.implicit) != _STR:
                raise _NotPlain
            name = sys.intern(key.value)
            if name in result:
                raise _NotPlain
            result[name] = _plain_value(
                get_event(), (*path, name), get_event, loader, positions, spans
            )
    if kind is SequenceStartEvent:
        items: list[Any] = []
        while True:
            item = get_event()
            if type(item) is SequenceEndEvent:
                return items
            items.append(
                _plain_value(item, (*path, len(items)), get_event, loader, positions, spans)
            )
    raise _NotPlain  # an alias


def _parse_nodes(text: str, display_name: str) -> tuple[Document | None, list[Finding]]:
    """Parse YAML text through libyaml's node tree; every problem becomes a finding."""
    loader: _Loader | None = None
    try:
        # Creating the loader already scans for forbidden characters.
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None or (isinstance(node, ScalarNode) and node.value.strip() == ""):
            return None, [
                Finding(display_name, 1, 1, _("the file is empty — fill in the template"))
            ]
        findings: list[Finding] = []
        # An alias is written with '*': without one, no node can be met twice.
        tables = _Tables({}, {}, set() if "*" in text else None)
        data = _to_data(node, (), loader, tables, findings, display_name)
    except _TooDeep as deep:
        line, column = _mark_position(deep.mark)
        message = _(
            "lists and groups are nested more than {depth} levels deep here — check the "
            "brackets and the indentation"
        ).format(depth=MAX_DEPTH)
        return None, [Finding(display_name, line, column, message)]
    except _AliasUsed as alias:
        line, column = _mark_position(alias.mark)
        return None, [Finding(display_name, line, column, _aliases_not_allowed())]
    except yaml.MarkedYAMLError as error:
        line, column = _mark_position(error.problem_mark or error.context_mark)
        mark = error.problem_mark or error.context_mark
        at = text[mark.index] if mark is not None and mark.index < len(text) else ""
        return None, [Finding(display_name, line, column, _describe_yaml_error(error, at))]
    except yaml.reader.ReaderError as error:
        line, column = _offset_position(text, error.position)
        return None, [
            Finding(
                display_name,
                line,
                column,
                _(
                    "the file holds a character that YAML does not allow ({character}) — delete "
                    "it or retype the text"
                ).format(character=repr(error.character)),
            )
        ]
    finally:
        if loader is not None:
            loader.dispose()
    if findings:
        return None, findings
    return Document(display_name, data, tables.positions, text, tables.spans), []


@dataclass(frozen=True)
class _Tables:
    """What the node walk records besides the data."""

    positions: dict[FieldPath, tuple[int, int]]
    spans: dict[FieldPath, tuple[int, int]]
    seen: set[int] | None = field(default_factory=set)
    """Nodes already walked: meeting one again means an alias (None: the text has none)."""


def _to_data(
    node: Node,
    path: FieldPath,
    loader: _Loader,
    tables: _Tables,
    findings: list[Finding],
    display_name: str,
) -> Any:
    seen = tables.seen
    if seen is not None and id(node) in seen:
        raise _AliasUsed(node.start_mark)
    if len(path) > MAX_DEPTH:
        raise _TooDeep(node.start_mark)
    if seen is not None:
        seen.add(id(node))
    mark = node.start_mark
    tables.positions[path] = (mark.line + 1, mark.column + 1)
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, loader) if isinstance(key_node, ScalarNode) else None
            if type(key) is str:
                # One object per field name: a document sent between processes then carries
                # each name once, not once per step.
                key = sys.intern(key)
            if not isinstance(key, str):
                line, column = _mark_position(key_node.start_mark)
                findings.append(
                    Finding(display_name, line, column, _("field names must be plain words"))
                )
                continue
            if key in result:
                line, column = _mark_position(key_node.start_mark)
                findings.append(
                    Finding(
                        display_name,
                        line,
                        column,
                        _("the field '{field}' appears twice — keep one of them").format(field=key),
                    )
                )
                continue
            result[key] = _to_data(value_node, (*path, key), loader, tables, findings, display_name)
        return result
    if isinstance(node, SequenceNode):
        return [
            _to_data(item, (*path, index), loader, tables, findings, display_name)
            for index, item in enumerate(node.value)
        ]
    tables.spans[path] = (node.start_mark.index, node.end_mark.index)
    assert isinstance(node, ScalarNode)
    return _scalar(node, loader)


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"


def _scalar(node: ScalarNode, loader: _Loader) -> Any:
    """A scalar's value; text and whole numbers directly, as they are nearly all of them."""
    if node.tag == _STR:
        return node.value
    if node.tag == _INT:
        return loader.construct_yaml_int(node)
    return loader.construct_object(node, deep=True)


def _mark_position(mark: yaml.Mark | None) -> tuple[int, int]:
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _describe_yaml_error(error: yaml.MarkedYAMLError, character: str) -> str:
    """A plain message for a syntax error; ``character`` is the one the parser stopped at."""
    problem = (error.problem or "").strip()
    if character == "\t" or "'\\t'" in problem:
        return _("a tab character is used for indentation — indent with spaces instead")
    if "alias" in problem:
        return _aliases_not_allowed()
    if "expected a single document" in (error.context or "") or "but found another document" in (
        problem
    ):
        return _("the file holds more than one YAML document (---) — keep one path per file")
    if "mapping values are not allowed" in problem:
        return _(
            "YAML syntax error: a colon inside a value — put the value in quotes, "
            'for example title: "Från A till B: så gick det"'
        )
    # The parser's own words (English) stay as they are: they name what it expected.
    context = f"{error.context} " if error.context else ""
    return _("YAML syntax error: {problem} — check indentation, colons and quotes").format(
        problem=f"{context}{problem}"
    )


def _aliases_not_allowed() -> str:
    return _("YAML anchors and aliases (& and *) are not allowed — write the value out")
