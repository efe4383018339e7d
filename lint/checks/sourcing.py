"""sourcing: claims without a source, quotes without a speaker, vague attributions.

Every rule of this kind reads the same attribution analysis (lint/sourcing.py),
computed once per article; `flag` picks what the rule reports.
"""

from __future__ import annotations

from pathlib import Path

from lint.checks.base import Key, Rule
from lint.lexicon import default_lexicon_path, load_lexicon
from lint.sourcing import Settings, analyse

FLAGS = ("statistic", "quote", "anonymous", "weasel", "superlative")


class Sourcing(Rule):
    KEYS = {
        "flag": Key(str, required=True),
        # extra lexicon files, relative to the pack, merged over the bundled one
        "lexicon": Key((str, list), default=[]),
        # false: use only the `lexicon` files, not the bundled lexicon
        "default_lexicon": Key(bool, default=True),
        # how many following sentences of a paragraph an attribution covers
        "carry": Key(int, default=1),
        # a plain number at least this large is a statistic (smaller ones need a
        # hedge, a percentage or a casualty word to count)
        "min_count": Key(int, default=1000),
        # quoted passages shorter than this are phrases or titles, not speech
        "min_quote_words": Key(int, default=5),
        # the dateline sentence ("PARIS (AFP) - ...") is the reporter's own account
        "skip_dateline": Key(bool, default=True),
    }
    PLACEHOLDERS = ("speaker", "cue")

    def prepare(self):
        o = self.options
        if o["flag"] not in FLAGS:
            raise self.error(f"flag must be one of {', '.join(FLAGS)}", "flag")
        for key in ("carry", "min_count", "min_quote_words"):
            if o[key] < 0:
                raise self.error(f"{key} must not be negative", key)
        extra = o["lexicon"]
        extra = [extra] if isinstance(extra, str) else extra
        if not all(isinstance(p, str) and p.strip() for p in extra):
            raise self.error("lexicon must be a file name or a list of file names", "lexicon")
        paths = self.data_files(o, self.where)
        for path in paths:
            if not Path(path).is_file():
                raise self.error(f"lexicon file not found: {path}", "lexicon")
        if not paths:
            raise self.error("default_lexicon: false needs a `lexicon` file", "default_lexicon")
        self.settings = Settings(paths, o["carry"], o["min_count"], o["min_quote_words"])
        load_lexicon(self.settings.lexicons)  # a broken lexicon fails when the pack loads

    @classmethod
    def data_files(cls, options, where):
        """The lexicons: the bundled one unless turned off, then the `lexicon` files
        (relative to the pack); names that are not strings are left to `prepare`."""
        extra = options["lexicon"]
        extra = [extra] if isinstance(extra, str) else extra
        base = Path(where[0]).parent if where[0] else Path(".")
        paths = [str(default_lexicon_path())] if options["default_lexicon"] else []
        for p in extra:
            if isinstance(p, str):
                path = Path(p).expanduser()
                paths.append(str((path if path.is_absolute() else base / path).resolve()))
        return tuple(paths)

    def find(self, article):
        analysis = analyse(article, self.settings)
        flag = self.options["flag"]
        skip_dateline = self.options["skip_dateline"]
        for sent in analysis.sentences:
            seg = sent.segment
            if seg.kind not in self.scope:
                continue
            if flag in ("statistic", "superlative"):  # one report a sentence, at its first claim
                if sent.sourced or (skip_dateline and sent.dateline):
                    continue
                found = sent.of_kind(flag)
                if found:
                    yield self.report(article, seg, found[0].start, found[0].end)
            elif flag == "anonymous":
                for f in sent.of_kind("anonymous-source"):
                    yield self.report(article, seg, f.start, f.end, speaker=f.attribution.speaker,
                                      cue=f.attribution.cue)
            elif flag == "weasel":
                for f in sent.of_kind("weasel"):
                    att = f.attribution
                    yield self.report(article, seg, f.start, f.end, speaker=att.speaker if att else "",
                                      cue=att.cue if att else "")
            elif flag == "quote":
                seen = set()
                for q in sent.quotes:
                    if not q.speech or q.speaker is not None or q.group in seen:
                        continue
                    seen.add(q.group)
                    yield self.report(article, seg, q.start, q.end)
