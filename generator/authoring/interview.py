"""The interview: answers become a path's data, asking for what is missing or wrong.

It goes through the field table's rows in order and reads each answer as the field's kind
says: a vocabulary term or several (matched loosely), a whole number within the schema's
limits, a text within its lengths, a yes to consent, a list of one-line texts, and a list of
groups (steps), either one per line (flags, issue form) or asked field by field. With someone
to ask, a wrong answer is asked again; without, every problem is collected, named as the
caller names its fields (flags, or form labels).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.authoring.choices import Choices, Option
from generator.authoring.draft import (
    Answer,
    Answers,
    clean_text,
    given_list,
    given_text,
    is_required,
    item_fields,
    items_noun,
    latest,
    number_word,
    path_table,
    prompt_text,
    row_message,
    text_problem,
    to_data,
    top_answers,
    unreadable,
)
from generator.authoring.item_line import line_format, parse_item_line, yes_or_no
from generator.authoring.questions import Ask, Questions, Say
from generator.fields import Field, FieldTable
from generator.messages import _
from generator.words import normalize, slugify

YES = ("ja", "j", "yes", "y")
NO = ("nej", "n", "no")


class NoConsent(Exception):
    """The participant has not agreed to publication: nothing may be written."""


def flag_names(table: FieldTable | None = None) -> dict[str, str]:
    """How each answer is named in messages when it came from the command line."""
    return {f.answer: f.flag for f in (table or path_table()).asked if f.flag}


@dataclass(frozen=True)
class InterviewResult:
    """The path's data (without an id unless one was given), or what was missing and wrong."""

    data: dict[str, Any] | None
    missing: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


def interview(
    choices: Choices,
    answers: Answers,
    *,
    ask: Ask | None,
    say: Say,
    names: Mapping[str, str] | None = None,
    this_year: int | None = None,
    table: FieldTable | None = None,
) -> InterviewResult:
    """Resolve every answer; with ``ask``, ask for what is missing or wrong.

    Raises NoConsent when the person answering says the participant has not agreed, and
    lets EOFError and KeyboardInterrupt through, so the caller can stop without writing.
    """
    table = table or path_table()
    year_now = this_year if this_year is not None else datetime.date.today().year
    run = Interview(
        choices, ask, say, flag_names(table) if names is None else names, year_now, table
    )
    values: dict[str, Any] = {}
    for field in top_answers(table):
        given = answers.get(field.answer)
        problem = unreadable(given)
        if problem:
            run.problem(field.answer, problem)
            continue
        values[field.answer] = run.answer(field, given, values)
    if run.missing or run.errors:
        return InterviewResult(None, tuple(run.missing), tuple(run.errors))
    return InterviewResult(to_data(values, table))


class Interview(Questions):
    """Answers the field table's questions: each field read (or asked) as its kind says."""

    def __init__(
        self,
        choices: Choices,
        ask: Ask | None,
        say: Say,
        names: Mapping[str, str],
        this_year: int,
        table: FieldTable | None = None,
    ) -> None:
        super().__init__(choices, ask, say, names, this_year)
        self.table = table or path_table()

    def answer(self, field: Field, given: Answer, values: Mapping[str, Any]) -> Any:
        """The value of one field from its raw answer, by the field's kind."""
        optional = not is_required(field, self.table)
        kind = field.kind
        key = field.answer
        if kind == "consent":
            self.consent(field, given if isinstance(given, bool) else None)
            return True
        if kind == "id":
            return self.identifier(field, given_text(given))
        if kind == "boolean":
            # Never asked: a flag sets it (an invented example path), else it is false.
            return given is True
        if kind == "choice":
            options = self.options(field, given_text(given), values)
            if options is None:
                return None
            prompt = prompt_text(field)
            found = self.choice(key, prompt, options, given_text(given), optional=optional)
            return found.id if found else None
        if kind == "choices":
            options = self.choices.options(field.vocabulary)
            chosen = self.many(key, prompt_text(field), options, given_list(given), optional)
            return [o.id for o in chosen]
        if kind in ("text", "line"):
            return self.text(key, prompt_text(field), given_text(given), field, optional)
        if kind == "integer":
            prompt = prompt_text(field, year=self.this_year)
            highest = latest(field, self.this_year)
            return self.number(key, prompt, given_text(given), field.minimum, highest, optional)
        if kind == "lines":
            return self.lines(field, given_list(given), optional)
        if kind == "objects":
            return self.objects(field, given_list(given), optional)
        return given

    def options(
        self, field: Field, given: str | None, values: Mapping[str, Any]
    ) -> tuple[Option, ...] | None:
        """The options of a choice, within the answer it lies within (None: that is unknown)."""
        options = self.choices.options(field.vocabulary)
        if not field.within:
            return options
        chosen = values.get(field.within)
        if chosen is None:
            if given:
                within = prompt_text(self.table.get(field.within)).lower()
                self.problem(field.answer, _("choose {field} first").format(field=within))
            return None
        key = self.table.get(field.within).key
        return tuple(o for o in options if o.parent(key) == chosen)

    def consent(self, field: Field, given: bool | None) -> None:
        """Asked first: without a yes nothing else is worth asking."""
        if given:
            return
        if not self.interactive:
            if given is None:
                self.missing.append(self.names.get(field.answer, field.answer))
            else:
                message = _("the participant must have agreed to publication of the path")
                self.problem(field.answer, message)
            return
        while True:
            answer = normalize(self.ask(f"{prompt_text(field)}: "))
            if answer in YES:
                return
            if answer in NO:
                raise NoConsent
            self.say("  " + _("Answer yes or no."))

    def identifier(self, field: Field, given: str | None) -> str | None:
        """A chosen id, which must look like one; never asked (it is made when not given)."""
        if given is None:
            return None
        chosen = given.strip()
        if slugify(chosen, max_length=field.max_length or 80) != chosen:
            message = _("use only a-z, digits and hyphens, for example kock-i-orebro")
            self.problem(field.answer, message)
        return chosen

    def lines(self, field: Field, given: Sequence[str], optional: bool) -> list[str]:
        """One-line texts (tips), one per answer, up to the schema's maximum."""
        longest = field.max_items
        texts: list[str] = []
        if given or not self.interactive:
            for text in (clean_text(t) for t in given):
                problem = text_problem(text, field) if text else None
                if problem:
                    self.problem(field.answer, f"'{text}' {problem}")
                elif text:
                    texts.append(text)
            if longest is not None and len(texts) > longest:
                message = _("write at most {count} {items}")
                self.problem(field.answer, message.format(count=longest, items=items_noun(field)))
            if not texts and not optional:
                self.missing.append(self.names.get(field.answer, field.answer))
            return texts
        while longest is None or len(texts) < longest:
            prompt = prompt_text(field, number=len(texts) + 1)
            done = optional or len(texts) >= (field.min_items or 1)
            answer = self.text(field.answer, prompt, None, field, optional=done)
            if answer is None:
                break
            texts.append(answer)
        return texts

    def objects(self, group: Field, given: Sequence[str], optional: bool) -> list[dict[str, Any]]:
        """Items of a list of groups given one per line, or asked one field at a time."""
        lines = [line for line in given if line.strip()]
        if not lines and not self.interactive:
            if not optional:
                self.missing.append(self.names.get(group.answer, group.answer))
            return []
        if lines:
            items: list[dict[str, Any]] = []
            problems: list[str] = []
            for number, line in enumerate(lines, 1):
                item, item_problems = parse_item_line(line, group, self.choices, self.this_year)
                name = (row_message(group, "item") or "{number}").format(number=number)
                problems += [f"{name}: {p}" for p in item_problems]
                if item is not None:
                    items.append(item)
            fewest = group.min_items or 0
            if not problems and len(items) < fewest:
                message = _("write at least {count} {items}, one per line: {format}")
                count, noun = number_word(fewest), items_noun(group)
                problems.append(message.format(count=count, items=noun, format=line_format(group)))
            if not problems:
                return items
            if not self.interactive:
                for problem in problems:
                    self.problem(group.answer, problem)
                return []
            for problem in problems:
                self.say(f"  {problem}")
        return self.ask_items(group, optional)

    def ask_items(self, group: Field, optional: bool = False) -> list[dict[str, Any]]:
        """Items asked field by field; the first field left empty ends the list once there
        are enough (or at once, for an optional list)."""
        fields = item_fields(group, self.table)
        self.say(prompt_text(group))
        first = fields[0]
        if first.kind == "choice":
            self.list_options(self.choices.options(first.vocabulary))
        items: list[dict[str, Any]] = []
        while group.max_items is None or len(items) < group.max_items:
            number = len(items) + 1
            skippable = optional and not items
            done = skippable or number > (group.min_items or 0)
            item: dict[str, Any] = {}
            for field in fields:
                prompt = prompt_text(field, number=number, year=self.this_year)
                if field is first and done and not skippable:
                    prompt += _(" (Enter when you are done)")
                value = self.item_answer(group, field, prompt, optional=field is first and done)
                if field is first and value is None:
                    return items
                if value is not None and value != []:
                    item[field.key] = value
            items.append(item)
        return items

    def item_answer(self, group: Field, field: Field, prompt: str, optional: bool) -> Any:
        """One field of an item, asked."""
        key = group.answer
        optional = optional or not field.required
        if field.kind == "choice":
            options = self.choices.options(field.vocabulary)
            found = self.choice(key, prompt, options, None, optional=optional, show=False)
            return found.id if found else None
        if field.kind == "choices":
            options = self.choices.options(field.vocabulary)
            return [o.id for o in self.many(key, prompt, options, (), optional)]
        if field.kind == "integer":
            highest = latest(field, self.this_year)
            return self.number(key, prompt, None, field.minimum, highest, optional)
        if field.kind == "boolean":
            return self.yes_no(prompt)
        return self.text(key, prompt, None, field, optional)

    def yes_no(self, prompt: str) -> bool:
        """A yes or a no, asked until it is one of them."""
        while True:
            answer = yes_or_no(self.ask(f"{prompt}: "))
            if answer is not None:
                return answer
            self.say("  " + _("Answer yes or no."))
