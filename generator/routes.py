"""The common route to one occupation: which steps people took first, second, third…, how
long their paths took by where they ended, and the figure that shows it.

A reader who wants to become an electrician asks "what do people usually do first?" and "how
long does it take?". The second question has no honest single answer when paths end in
different ways (a five-week path that ended in studies is not a quick way into work), so time
is given per outcome, and only where there are enough paths for a median to mean something.

The figure is drawn at build time as SVG by ``theme/vagar/_route.html`` from the plain
numbers computed here: no script and no chart library reach the browser. Everything is one
pass over the occupation's paths.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.model import Path, Term

MIN_FOR_MEDIAN = 3
"""With fewer paths than this, a median says more about one person than about a route."""

MAX_POSITIONS = 8
"""Steps shown in the figure; paths with more steps are counted as such."""

MAX_TYPES = 4
"""Step types shown per position; the rest are summed as "other step types"."""


@dataclass(frozen=True)
class Position:
    """Step number ``number`` of the paths that have at least that many steps."""

    number: int
    paths: int
    """How many paths have a step at this position."""
    types: tuple[tuple[Term, int], ...]
    """The step types taken here, most common first, with the number of paths."""
    others: int = 0
    """Paths whose step here is of a type beyond the first ``MAX_TYPES``."""


@dataclass(frozen=True)
class OutcomeTime:
    """How long the paths that ended in one outcome took."""

    outcome: Term
    count: int
    median_weeks: float | None
    """None when there are fewer than ``MIN_FOR_MEDIAN`` paths."""


@dataclass(frozen=True)
class Route:
    """What the paths to one occupation have in common, step by step."""

    total: int
    positions: tuple[Position, ...]
    longer: int
    """Paths with more than ``MAX_POSITIONS`` steps."""
    times: tuple[OutcomeTime, ...]
    """Per outcome that some path ended in, in vocabulary order."""
    shortest: Path
    longest: Path

    @property
    def headline(self) -> OutcomeTime | None:
        """The outcome most paths ended in, among those with a median (ties: vocabulary
        order), for the list of occupations; None when no outcome has enough paths."""
        with_median = [time for time in self.times if time.median_weeks is not None]
        return max(with_median, key=lambda time: time.count, default=None)

    @property
    def min_for_median(self) -> int:
        """The fewest paths a median is given for (the pages say so)."""
        return MIN_FOR_MEDIAN


def common_route(
    paths: Sequence[Path], step_types: Mapping[str, Term], outcomes: Mapping[str, Term]
) -> Route:
    """The route of ``paths`` (at least one); ``step_types`` and ``outcomes`` give the order
    of ties and of the outcomes."""
    if not paths:
        raise ValueError("a route needs at least one path")
    order = {key: index for index, key in enumerate(step_types)}
    by_position: list[Counter[str]] = [Counter() for _ in range(MAX_POSITIONS)]
    terms: dict[str, Term] = {}
    weeks: dict[str, list[int]] = {}
    for path in paths:
        for number, step in enumerate(path.steps[:MAX_POSITIONS]):
            by_position[number][step.type.id] += 1
            terms[step.type.id] = step.type
        weeks.setdefault(path.outcome.type.id, []).append(path.total_weeks)
    positions = []
    for number, counts in enumerate(by_position, start=1):
        if not counts:
            break
        ranked = sorted(counts.items(), key=lambda item: (-item[1], order.get(item[0], 0)))
        shown = tuple((terms[key], count) for key, count in ranked[:MAX_TYPES])
        others = sum(count for _key, count in ranked[MAX_TYPES:])
        positions.append(Position(number, sum(counts.values()), shown, others))
    return Route(
        total=len(paths),
        positions=tuple(positions),
        longer=sum(1 for path in paths if len(path.steps) > MAX_POSITIONS),
        times=outcome_times(weeks, outcomes),
        shortest=min(paths, key=lambda p: (p.total_weeks, p.id)),
        longest=max(paths, key=lambda p: (p.total_weeks, p.id)),
    )


def outcome_times(
    weeks: Mapping[str, Iterable[int]], outcomes: Mapping[str, Term]
) -> tuple[OutcomeTime, ...]:
    """Count and median total weeks per outcome (by outcome id), in vocabulary order; the
    median only where at least ``MIN_FOR_MEDIAN`` paths ended so."""
    times = []
    for key, outcome in outcomes.items():
        values = list(weeks.get(key, ()))
        if values:
            median = statistics.median(values) if len(values) >= MIN_FOR_MEDIAN else None
            times.append(OutcomeTime(outcome, len(values), median))
    return tuple(times)


# --- The figure ---------------------------------------------------------------------------

WIDTH = 360
"""The figure's own units (its viewBox); CSS scales it to the column, at most 24rem wide."""
BAR_MAX = 250
"""The width of a bar taken by every path; the rest of the line holds the count."""
_LINE = 18
_BAR = 12
_GAP = 10
_HEADING = 22
_CHARS_PER_LINE = 38
"""Labels are wrapped at about this many characters (14-unit type in 360 units)."""


@dataclass(frozen=True)
class Row:
    """One bar: a step type (or None for the other types) with its count and geometry."""

    term: Term | None
    label: str
    count: int
    lines: tuple[tuple[str, int], ...]
    """The label's lines, each with its baseline."""
    bar_y: int
    bar_width: int
    count_x: int
    count_y: int


@dataclass(frozen=True)
class Group:
    """One position: its heading and its bars."""

    position: Position
    heading_y: int
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Figure:
    """Everything the SVG template draws, in the figure's units."""

    width: int
    height: int
    bar_height: int
    groups: tuple[Group, ...]


def figure(route: Route, others_label: str) -> Figure:
    """The geometry of the route's figure: per position a heading, then for each step type
    its label (wrapped) above a bar whose length is its share of all paths."""
    y = 0
    groups = []
    for position in route.positions:
        y += _HEADING
        heading_y = y
        y += 8
        items: list[tuple[Term | None, int, str]] = [
            (term, count, term.label) for term, count in position.types
        ]
        if position.others:
            items.append((None, position.others, others_label))
        rows = []
        for term, count, label in items:
            lines = tuple(
                (line, y + _LINE * (index + 1) - 4)
                for index, line in enumerate(wrap(label, _CHARS_PER_LINE))
            )
            y += _LINE * len(lines) + 3
            width = max(2, round(BAR_MAX * count / route.total))
            rows.append(Row(term, label, count, lines, y, width, width + 6, y + _BAR - 1))
            y += _BAR + _GAP
        groups.append(Group(position, heading_y, tuple(rows)))
    return Figure(WIDTH, y + 4, _BAR, tuple(groups))


def wrap(text: str, width: int, lines: int = 2) -> tuple[str, ...]:
    """``text`` in at most ``lines`` lines of at most ``width`` characters, broken at spaces;
    what does not fit ends in an ellipsis (the table under the figure has the whole label)."""
    result: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width or not current:
            current = candidate
        else:
            result.append(current)
            current = word
    result.append(current)
    if len(result) > lines:
        result = [*result[: lines - 1], " ".join(result[lines - 1 :])]
    return tuple(
        line if len(line) <= width else line[: width - 1].rstrip() + "…" for line in result
    )
