"""`newslint claims`: the check-worthy sentences of articles and who they are attributed to.

A fact-checker's worklist, built from the same attribution analysis as the
sourcing rules (lint/sourcing.py): every body sentence that carries a statistic,
a quote, a comparison, a causal claim, a superlative, an anonymous source or a
vague attribution, or that reports what someone said.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from lint.article import Article
from lint.sourcing import Attribution, Sentence, Settings, analyse

# The order kinds are listed in, most check-worthy first.
KINDS = ("statistic", "quote", "comparison", "causal", "superlative", "anonymous-source", "weasel", "reported")
CSV_COLUMNS = ("path", "line", "column", "kinds", "sentence", "speaker", "cue", "speaker_line", "speaker_column",
               "speaker_start", "speaker_end", "carried_from_line")


@dataclass
class Claim:
    line: int
    column: int
    start: int  # source offsets of the sentence
    end: int
    sentence: str
    kinds: list[str]
    dateline: bool = False
    attribution: dict | None = None

    def as_dict(self) -> dict:
        return {
            "line": self.line,
            "column": self.column,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "kinds": self.kinds,
            "dateline": self.dateline,
            "attribution": self.attribution,
        }


@dataclass
class FileClaims:
    path: str
    claims: list[Claim] = field(default_factory=list)
    error: str | None = None


def claims(article: Article, settings: Settings = Settings()) -> list[Claim]:
    """The check-worthy sentences of an article, in reading order."""
    out = []
    for sent in analyse(article, settings).sentences:
        kinds = _kinds(sent)
        if not kinds:
            continue
        seg = sent.segment
        start, end = seg.source_start(sent.start), seg.source_end(sent.end)
        line, column = article.lines.position(start)
        att, origin = _attribution(sent)
        out.append(Claim(line, column, start, end, " ".join(sent.text.split()), kinds, sent.dateline,
                         _describe(article, att, origin, sent) if att else None))
    return out


def _kinds(sent: Sentence) -> list[str]:
    found = {f.kind for f in sent.findings}
    if any(q.speech for q in sent.quotes):
        found.add("quote")
    if not found and sent.attributions:
        found.add("reported")
    return [k for k in KINDS if k in found]


def _attribution(sent: Sentence) -> tuple[Attribution | None, Sentence | None]:
    """Who a sentence's claims are attributed to, and the sentence that says so."""
    if sent.attributions:
        return sent.attributions[0], sent
    for q in sent.quotes:
        if q.speech and q.speaker is not None:
            return q.speaker, q.speaker_sentence
    if sent.carried is not None:
        return sent.carried, sent.carried_from
    return None, None


def _describe(article: Article, att: Attribution, origin: Sentence | None, sent: Sentence) -> dict:
    seg = origin.segment if origin is not None else sent.segment
    s, e = seg.source_start(att.speaker_span[0]), seg.source_end(att.speaker_span[1])
    line, column = article.lines.position(s)
    end_line, end_column = article.lines.position(e)
    carried = origin is not None and origin is not sent
    return {
        "speaker": " ".join(att.speaker.split()),
        "cue": att.cue,
        "speaker_start": s,
        "speaker_end": e,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "anonymous": att.anonymous,
        "weasel": att.weasel,
        "carried_from_line": article.lines.position(seg.source_start(origin.start))[0] if carried else None,
    }


def read_claims(path: str, keys, settings: Settings) -> FileClaims:
    """Claims of one file, or the reason it could not be read."""
    from lint.readers import read_bytes

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return FileClaims(path, error=f"cannot read file: {exc.strerror or exc}")
    article, problems = read_bytes(path, data, keys)
    if article is None:
        return FileClaims(path, error=problems[0].message if problems else "cannot read file")
    return FileClaims(path, claims(article, settings))


# -- output -----------------------------------------------------------------------


def write_text(results: list[FileClaims], stream: TextIO) -> None:
    total = 0
    for r in results:
        if r.error is not None:
            continue
        stream.write(f"{r.path}\n")
        if not r.claims:
            stream.write("  (no check-worthy sentences)\n")
        for c in r.claims:
            total += 1
            note = " (dateline)" if c.dateline else ""
            stream.write(f"  {c.line}:{c.column}  [{', '.join(c.kinds)}]{note}\n")
            stream.write(f"    {c.sentence}\n")
            a = c.attribution
            if a is None:
                stream.write("    attribution: none\n")
            else:
                where = f"{a['line']}:{a['column']}-{a['end_line']}:{a['end_column']}"
                extra = [f"carried from line {a['carried_from_line']}"] if a["carried_from_line"] else []
                extra += ["anonymous"] * a["anonymous"] + ["vague"] * a["weasel"]
                tail = f" ({', '.join(extra)})" if extra else ""
                stream.write(f"    attribution: \"{a['speaker']}\" at {where}, cue \"{a['cue']}\"{tail}\n")
        stream.write("\n")
    files = sum(1 for r in results if r.error is None)
    stream.write(f"{total} claim{'s' * (total != 1)} in {files} file{'s' * (files != 1)}\n")


def write_json(results: list[FileClaims], stream: TextIO) -> None:
    data = {
        "files": [{"path": r.path, "claims": [c.as_dict() for c in r.claims]} for r in results if r.error is None],
        "errors": [{"path": r.path, "message": r.error} for r in results if r.error is not None],
    }
    json.dump(data, stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def write_csv(results: list[FileClaims], stream: TextIO) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in results:
        for c in r.claims:
            a = c.attribution or {}
            writer.writerow([
                r.path, c.line, c.column, ";".join(c.kinds), c.sentence, a.get("speaker", ""), a.get("cue", ""),
                a.get("line", ""), a.get("column", ""), a.get("speaker_start", ""), a.get("speaker_end", ""),
                a.get("carried_from_line") or "",
            ])


WRITERS = {"text": write_text, "json": write_json, "csv": write_csv}
