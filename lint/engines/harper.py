"""Harper, the embedded grammar engine (harper-py: offline, in-process, no Java)."""

from __future__ import annotations

import contextlib
import os
import sys
import threading

from lint.diagnostic import Severity
from lint.engines.base import Engine, EngineError, Issue

# Harper's lint kinds, in our categories.
CATEGORIES = {
    "Spelling": "spelling",
    "Typo": "spelling",
    "Grammar": "grammar",
    "Agreement": "grammar",
    "Punctuation": "grammar",
    "Capitalization": "grammar",
    "Miscellaneous": "grammar",
    "Usage": "grammar",
    "WordChoice": "grammar",
    "Eggcorn": "grammar",
    "Malapropism": "grammar",
    "Nonstandard": "grammar",
    "Repetition": "grammar",
    "BoundaryError": "grammar",
}
DIALECTS = {"en-US": "AMERICAN", "en-GB": "BRITISH", "any": "AMERICAN"}

# Rule levels measured on LanguageTool's example sentences and edited news copy
# (bench/quality.py): a rule that flags correct sentences or clean news as often
# as it finds errors is shown as info, which does not fail a run.
OFF = {
    "LongSentences",  # style.sentence-length does this, with a news-sized limit
    "RepeatedWords",  # style.repeated-word does this, with a fix and name handling
    "OxfordComma",  # AP and Reuters style leave the serial comma out
    "UseEllipsisCharacter",  # typography, not grammar
    "Spaces",
}
QUIET = {
    "AdjectiveDoubleDegree", "AnA", "AvoidAndAlso", "CompoundNouns", "CondenseAllThe", "Dashes",
    "DisjointPrefixes", "EllipsisLength", "ExpandMemoryShorthands", "InflectedVerbAfterTo",
    "LookingForwardTo", "MassNouns", "MergeWords", "MissingPreposition", "NationalCapitals", "NotTo",
    "NumericRangeEnDash", "OrthographicConsistency", "Payed", "PronounVerbAgreement",
    "QuantifierNumeralConflict", "SentenceCapitalization", "SingleBe", "SplitWords",
    "TheProperNounPossessive", "ToTwoToo", "UnclosedQuotes", "UpdatePlaceNames", "WhomSubjectOfVerb",
    # Style advice, or flags that were mostly wrong on edited news copy:
    "AmazonNames", "AvoidCurses", "DiscourseMarkers", "FillerWords", "Holidays", "ModalBeAdjective",
    "OneOfTheSingular", "PhrasalVerbAsCompoundNoun", "TheHowWhy", "ThatThan", "TransposedSpace",
}


def warm_up() -> None:
    """Prepare Harper for a run over a few files (the pre-commit case).

    The first Linter of a process costs about 0.65 s (Harper builds its dictionary
    once per process, outside the GIL); later ones cost milliseconds, and one being
    built meanwhile waits for that work instead of repeating it. Started in a thread
    before newslint imports its modules and compiles its rules, it is ready by the
    time a one-article run needs it.

    Such a run also spares Harper its suggestion index (see HarperEngine.check), which
    a long run builds once and is better off keeping."""
    global _spare_suggestions
    _spare_suggestions = True
    threading.Thread(target=_first_linter, name="newslint-harper-warm-up", daemon=True).start()


_spare_suggestions = False  # set by warm_up


def _first_linter() -> None:
    try:
        import harper

        harper.Linter()
    except Exception:  # noqa: BLE001 - the real engine reports any problem when it is built
        pass


class HarperEngine(Engine):
    name = "harper"

    def __init__(self, dialect: str = "any", disabled_rules: tuple[str, ...] = ()):
        import harper

        self._harper = harper
        self.linter = harper.Linter(getattr(harper.Dialect, DIALECTS[dialect]))
        config = self.linter.get_lint_config()
        unknown = sorted(set(disabled_rules) - set(config))
        if unknown:
            raise EngineError(f"Harper has no rule named {', '.join(unknown)}")
        # Rules switched off here cost nothing at run time, unlike filtering their lints.
        config.update({name: False for name in (*OFF, *disabled_rules) if name in config})
        self.linter.set_lint_config(config)

    @property
    def takes_known_words(self) -> bool:
        # The first word Harper has no close suggestion for makes it build its
        # suggestion index, 1.2 s; most such words are names, which need none, so
        # a short run adds them to the dictionary for the call. That costs about
        # 15 ms a call, more than a long run saves.
        return _spare_suggestions

    def check(self, texts: list[str], known: frozenset[str] = frozenset()) -> list[list[Issue]]:
        # Words added count in the case given: "Qwertz" does not hide "qwertz".
        with _quiet_stdout():
            if known:
                self.linter.import_words(sorted(known))
            try:
                return [self._check_one(text) for text in texts]
            finally:
                if known:
                    self.linter.clear_words()

    def unknown_word(self, issue: Issue) -> bool:
        return issue.rule == "SpellCheck"

    def level(self, issue: Issue) -> Severity | None:
        if issue.rule in OFF:
            return None
        if issue.rule in QUIET or issue.category == "style":
            return Severity.INFO
        return Severity.WARNING

    def _check_one(self, text: str) -> list[Issue]:
        found = self.linter.organized_lints(text, language=self._harper.Language.PLAINTEXT)
        issues = []
        for rule, lints in found.items():
            for lint in lints:
                issues.append(
                    Issue(
                        start=lint.span.start,
                        end=lint.span.end,
                        rule=rule,
                        category=CATEGORIES.get(lint.lint_kind, "style"),
                        message=lint.message,
                        suggestions=tuple(self._spell(lint, s) for s in lint.suggestions),
                    )
                )
        return issues

    def describe(self, rule: str) -> str | None:
        """Harper's own description of one of its rules (Markdown), if it has the rule."""
        return self.linter.get_lint_descriptions().get(rule)

    def _spell(self, lint, suggestion) -> str:
        """A suggestion as the text that replaces the flagged span."""
        if suggestion.kind == self._harper.SuggestionKind.INSERT_AFTER:
            return lint.problem_text + suggestion.replacement_text
        return suggestion.replacement_text


@contextlib.contextmanager
def _quiet_stdout():
    """Some Harper builds print debugging lines to standard output, which would
    corrupt a JSON or SARIF report written there; they go to standard error."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no real standard output (an embedding host): nothing to protect
        yield
        return
    os.dup2(2, 1)
    try:
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
