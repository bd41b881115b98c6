"""Asking one thing at a time: a text, a vocabulary term or several, a whole number, a yes.

With someone to ask (``ask``), a wrong answer is asked again and loose answers are confirmed;
without, the given answer is read once and every problem is collected, named as the caller
names its answers (flags, or form labels). ``interview.Interview`` decides what to ask from
the field table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from generator.authoring.choices import (
    MAX_LISTED,
    Choices,
    Option,
    describe,
    match,
    match_many,
    no_match_message,
    numbered,
)
from generator.authoring.draft import clean_text, range_problem, text_problem, whole_number
from generator.fields import Field
from generator.messages import _

Ask = Callable[[str], str]
Say = Callable[[str], None]


class Questions:
    """Asks for one answer at a time when there is someone to ask, and otherwise collects
    one problem per answer, named by ``names`` (answer name -> flag or form label)."""

    def __init__(
        self, choices: Choices, ask: Ask | None, say: Say, names: Mapping[str, str], this_year: int
    ) -> None:
        self.choices = choices
        self.ask_fn = ask
        self.say = say
        self.names = names
        self.this_year = this_year
        self.errors: list[str] = []
        self.missing: list[str] = []

    @property
    def interactive(self) -> bool:
        """Whether someone answers: then wrong answers are asked again."""
        return self.ask_fn is not None

    def refused(self, key: str, problem: str, retry: str) -> bool:
        """Record ``problem`` and give up when nobody can be asked again (True); otherwise
        say it with ``retry`` and let the caller ask once more."""
        if not self.interactive:
            self.problem(key, problem)
            return True
        self.say("  " + retry.format(problem=problem))
        return False

    def problem(self, key: str, problem: str) -> None:
        """Record a problem with the answer ``key``, named as the caller names it."""
        self.errors.append(f"{self.names.get(key, key)}: {problem}")

    def ask(self, prompt: str) -> str:
        """The answer to ``prompt`` from the person answering."""
        assert self.ask_fn is not None
        return self.ask_fn(prompt)

    def list_options(self, options: Sequence[Option]) -> None:
        """Show options with their numbers (or codes, when ids are numbers)."""
        with_numbers = numbered(options)
        for index, option in enumerate(options, 1):
            number = f"{index:>3}" if with_numbers else f"{option.id:>5}"
            self.say(f"  {number}  {option.label}")

    def tries(self, key: str, given: str | None, prompt: str, optional: bool) -> Iterator[str]:
        """The given value, then (when someone can answer) one answer per try."""
        if given is not None and given.strip():
            yield given
        elif not self.interactive:
            if not optional:
                self.missing.append(self.names.get(key, key))
            return
        while self.interactive:
            yield self.ask(prompt)

    def hint(self, prompt: str, optional: bool) -> str:
        """What a question adds when it may be skipped."""
        return _(" (optional, Enter skips)") if optional and "Enter" not in prompt else ""

    def text(
        self, key: str, prompt: str, given: str | None, field: Field, optional: bool = False
    ) -> str | None:
        """A free text, checked against the schema's limits so problems show at once."""
        for value in self.tries(key, given, f"{prompt}{self.hint(prompt, optional)}: ", optional):
            text = clean_text(value)
            if not text and optional:
                return None
            problem = text_problem(text, field)
            if problem is None:
                return text
            if self.refused(key, problem, _("The text {problem}.")):
                return None
        return None

    def choice(
        self,
        key: str,
        prompt: str,
        options: Sequence[Option],
        given: str | None,
        optional: bool = False,
        show: bool = True,
    ) -> Option | None:
        """One vocabulary term or actor, matched loosely; short lists are shown first."""
        listed = len(options) <= MAX_LISTED
        if self.interactive and (given is None or not given.strip()) and listed and show:
            self.say(f"{prompt}:")
            self.list_options(options)
        more = "" if listed else _(" — type ? to see all")
        question = f"{prompt}{self.hint(prompt, optional)}{more}: "
        for value in self.tries(key, given, question, optional):
            if not value.strip() and optional:
                return None
            if value.strip() == "?":
                self.list_options(options)
                continue
            found = match(value, options)
            if found.option is not None:
                if not found.exact:
                    self.note(key, value, found.option)
                return found.option
            problem = no_match_message(value.strip(), found, options)
            if not self.interactive:
                self.problem(key, problem)
                return None
            self.say(f"  {problem}")
        return None

    def many(
        self,
        key: str,
        prompt: str,
        options: Sequence[Option],
        given: Sequence[str],
        optional: bool = False,
    ) -> list[Option]:
        """Several terms from one comma-separated answer, all of which must match."""
        listed = len(options) <= MAX_LISTED
        if self.interactive and not given and listed:
            self.say(f"{prompt}:")
            self.list_options(options)
        more = "" if listed else _(" — type ? to see all")
        several = _(" (several are fine, separate them with commas)")
        question = f"{prompt}{several}{more}: "
        for value in self.tries(key, ", ".join(given) or None, question, optional):
            if value.strip() == "?":
                self.list_options(options)
                continue
            if not value.strip() and optional:
                return []
            chosen, problems = match_many(value, options)
            if chosen and not problems:
                if self.interactive:
                    self.say("  → " + ", ".join(describe(o) for o in chosen))
                return chosen
            problems = problems or [_("choose at least one")]
            if not self.interactive:
                for problem in problems:
                    self.problem(key, problem)
                return []
            for problem in problems:
                self.say(f"  {problem}")
        return []

    def number(
        self,
        key: str,
        prompt: str,
        given: str | None,
        lowest: int | None,
        highest: int | None,
        optional: bool = False,
    ) -> int | None:
        """A whole number in a range; "36 veckor" counts as 36."""
        question = f"{prompt}{self.hint(prompt, optional)}: "
        for value in self.tries(key, given, question, optional):
            if not value.strip() and optional:
                return None
            number = whole_number(value)
            problem = _("must be a whole number")
            if number is not None:
                problem = range_problem(number, lowest, highest) or ""
                if not problem:
                    return number
            if self.refused(key, problem, _("The answer {problem}.")):
                return None
        return None

    def note(self, key: str, value: str, option: Option) -> None:
        """Say which option a loose answer was read as."""
        if self.interactive:
            self.say(f"  → {describe(option)}")
        else:
            message = _("{field}: '{value}' was read as {option}")
            field = self.names.get(key, key)
            self.say(message.format(field=field, value=value.strip(), option=describe(option)))
