"""realword: a real word where another was meant ("to held stamp out" for "help").

The scoring lives in lint.realword; this kind decides which words of an
article to put to it. Names, quoted speech and words glued into compounds are
left alone, and the article as a whole tells which words are names.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from lint import realword
from lint.article import Article, Segment
from lint.checks.base import Key, Rule

# Headlines need this much more evidence (log10) than body text.
HEADLINE_MARGIN = 1.0
# Words rarer than this (zipf) that an article repeats are taken as meant.
TOPIC_MAX_ZIPF = 4.5


class RealWord(Rule):
    KEYS = {
        # Flag a word when its best candidate beats it by this much (log10
        # units, after the typo's cost). Higher is more precise and finds less.
        "threshold": Key((float, int), default=realword.Settings.threshold),
        # Also look where the word cannot stand grammatically ("to held").
        "grammar": Key(bool, default=True),
        "min_length": Key(int, default=realword.Settings.min_length),
        # Words never flagged, e.g. house terms the model does not expect.
        "exceptions": Key(list, default=[]),
    }
    PLACEHOLDERS = ("suggestion",)

    def prepare(self):
        o = self.options
        threshold = o["threshold"]
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
            raise self.error("threshold must be a number", "threshold")
        if not -5 <= threshold <= 10:
            raise self.error("threshold must be between -5 and 10", "threshold")
        if o["min_length"] < 2:
            raise self.error("min_length must be at least 2", "min_length")
        bonus = realword.Settings.grammar_bonus if o["grammar"] else 0.0
        self.settings = realword.Settings(threshold=float(threshold), min_length=o["min_length"],
                                          grammar_bonus=bonus)
        self.exceptions = {str(w).lower() for w in o["exceptions"]}
        self._detector: realword.Detector | None = None

    @property
    def detector(self) -> realword.Detector:
        # Built on first use, so loading a pack never loads the model.
        if self._detector is None:
            self._detector = realword.Detector(self.settings)
        return self._detector

    def find(self, article: Article):
        for seg, finding in self.scored(article, above=self.settings.threshold):
            if finding.score <= self.settings.threshold:
                continue
            suggestions = (finding.suggestion, *finding.alternatives)
            yield self.report(article, seg, finding.start, finding.end, suggestions=suggestions,
                              replacement=finding.suggestion, suggestion=f'"{finding.suggestion}"')

    def scored(self, article: Article, above: float | None = None) -> Iterator[tuple[Segment, realword.Finding]]:
        """Every checked word with its best candidate, whatever the score, or
        at least those scoring above `above`, which is much quicker (offsets
        in the segment).

        Scores in headlines are lowered by HEADLINE_MARGIN: their telegraphic
        style ("Singer dies aged 78") is far from the text the model learnt.
        """
        names = realword.article_names(article)
        topic = self._topic_words(article)
        for seg in self.segments(article):
            if seg.kind == "metadata":
                continue
            margin = HEADLINE_MARGIN if seg.kind in ("title", "heading") else 0.0
            # A hair lower, as taking the margin off again may round.
            bar = None if above is None else above + margin - 1e-9
            for start, end in seg.sentences or [(0, len(seg.text))]:
                skip = self._skipper(seg, start, end, names, topic)
                for f in self.detector.score(seg.text[start:end], skip, bar):
                    yield seg, _shift(f, start, margin)

    def _topic_words(self, article: Article) -> set[str]:
        """Less common words the article uses more than once: its topic, not typos.

        A slip rarely repeats itself, but "skulls" in a story about skulls
        does, and the model, which has never heard of the story, prefers "skills".
        Common words repeat anyway, so they prove nothing and stay checked.
        """
        # Both apostrophes are one to WORD, so replacing first finds the same words.
        counts = Counter(found.lower() for seg in article.prose()
                         for found in realword.WORD.findall(seg.text.replace("’", "'")))
        zipf = self.detector.model.frequency
        return {w for w, n in counts.items() if n > 1 and zipf(w) < TOPIC_MAX_ZIPF}

    def _skipper(self, seg: Segment, offset: int, end: int, names: set[str], topic: set[str]):
        """The words of seg.text[offset:end], a sentence, to leave alone."""
        # Where no quote touches the sentence, all its words are in the scope of
        # the segment: asked once, not for every word.
        quoted = any(qs < end and offset < qe for qs, qe in seg.quotes)
        outside = None if quoted else not self.in_scope(seg, offset, end)

        def skip(tok: realword.Token, i: int, tokens: list) -> bool:
            if tok.lower in self.exceptions or tok.lower in topic:
                return True
            if tok.text[0].isupper():
                # A capital inside a sentence marks a name; at its start it
                # does too if the article writes the word capitalised elsewhere.
                if i > 0 or tok.word in names:
                    return True
            elif _between_names(tokens, i):
                return True
            # Quoted speech, unless the scope asks for quotes: the slowest test, so the last.
            if outside is not None:
                return outside
            return not self.in_scope(seg, offset + tok.start, offset + tok.end)

        return skip


def _between_names(tokens: list, i: int) -> bool:
    """A short lower-case word between two capitalised ones, one of them a
    name the model does not know, is a particle of that name ("Ahmed bin
    Rashid", "Vincent van Gogh", "Carlos de Oliveira")."""
    if i == 0 or i + 1 >= len(tokens) or len(tokens[i].text) > 4:
        return False
    left, right = tokens[i - 1], tokens[i + 1]
    if not (left and right and left.text[0].isupper() and right.text[0].isupper()):
        return False
    return left.word is None or right.word is None


def _shift(f: realword.Finding, offset: int, margin: float) -> realword.Finding:
    return realword.Finding(f.start + offset, f.end + offset, f.word, f.suggestion, f.alternatives,
                            f.score - margin, f.grammar)
