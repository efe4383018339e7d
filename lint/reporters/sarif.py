"""SARIF 2.1.0, the format code-scanning services (GitHub among them) read."""

from __future__ import annotations

import hashlib
import json
import posixpath
from pathlib import PurePosixPath
from typing import TextIO
from urllib.parse import quote

from lint import __version__
from lint.article import LineIndex
from lint.checks.base import Rule
from lint.diagnostic import Diagnostic, FileResult
from lint.reporters.common import (HOME, SARIF_LEVELS, TOOL, each, edit_range, line_text,
                                   summary_line, used_rules)

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# Relative paths are resolved against the checkout by whoever reads the log.
SRCROOT = "%SRCROOT%"
FINGERPRINT = "newslint/v1"


def write(results: list[FileResult], rules: dict[str, Rule], out: TextIO, *,
          color: bool = False, statistics: bool = False, quiet: bool = False) -> None:
    json.dump(log(results, rules), out, indent=2, ensure_ascii=False)
    out.write("\n")


def log(results: list[FileResult], rules: dict[str, Rule]) -> dict:
    used = used_rules(results)
    index = {rule_id: i for i, rule_id in enumerate(used)}
    driver = {
        "name": TOOL,
        "version": __version__,
        "informationUri": HOME,
        "rules": [descriptor(rules, diag) for diag in used.values()],
    }
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": [result(lines, diag, index[diag.rule]) for _, lines, diag in each(results)],
        }],
    }


def descriptor(rules: dict[str, Rule], diag: Diagnostic) -> dict:
    """What the log says about a rule; for ids we have no Rule for, what the diagnostic says."""
    rule = rules.get(diag.rule)
    severity = rule.severity if rule else diag.severity
    category = rule.category if rule else diag.category
    entry = {"id": diag.rule, "shortDescription": {"text": summary_line(rules, diag) or diag.rule}}
    if rule and rule.docs:
        entry["fullDescription"] = {"text": rule.docs}
    if rule and rule.link:
        entry["helpUri"] = rule.link
    entry["defaultConfiguration"] = {"level": SARIF_LEVELS[severity]}
    tags = [category] + ([rule.pack] if rule and rule.pack else [])
    entry["properties"] = {"category": category, "tags": tags}
    return entry


def result(lines: LineIndex | None, diag: Diagnostic, rule_index: int) -> dict:
    region = {"startLine": diag.line, "startColumn": diag.column,
              "endLine": diag.end_line, "endColumn": diag.end_column}
    if diag.text:
        region["snippet"] = {"text": diag.text}
    entry = {
        "ruleId": diag.rule,
        "ruleIndex": rule_index,
        "level": SARIF_LEVELS[diag.severity],
        "message": {"text": diag.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact(diag.path),
                                            "region": region}}],
        "partialFingerprints": {FINGERPRINT: fingerprint(lines, diag)},
    }
    # Edit offsets mean nothing without the file's text to place them in.
    if diag.fix is not None and lines is not None:
        entry["fixes"] = [fix(lines, diag)]
    return entry


def artifact(path: str) -> dict:
    if posixpath.isabs(path):
        return {"uri": PurePosixPath(path).as_uri()}
    return {"uri": quote(path), "uriBaseId": SRCROOT}


def fix(lines: LineIndex, diag: Diagnostic) -> dict:
    replacements = []
    for edit in diag.fix.edits:
        line, column, end_line, end_column = edit_range(lines, edit)
        replacements.append({
            "deletedRegion": {"startLine": line, "startColumn": column,
                              "endLine": end_line, "endColumn": end_column},
            "insertedContent": {"text": edit.text},
        })
    change = {"artifactLocation": artifact(diag.path), "replacements": replacements}
    return {
        "artifactChanges": [change],
        "properties": {"safe": diag.fix.safe},
    }


def fingerprint(lines: LineIndex | None, diag: Diagnostic) -> str:
    """Same rule, file, flagged text and line content give the same value wherever the line is."""
    context = line_text(lines, diag.line).strip()
    key = "\0".join((diag.rule, diag.path, diag.text, context))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
