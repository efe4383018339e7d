"""JUnit XML, for CI systems that only know how to show test results."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from lint.checks.base import Rule
from lint.diagnostic import FileResult
from lint.reporters.common import TOOL, lines_of
from lint.reporters.text import block

# Characters XML 1.0 cannot hold at all, even escaped; ElementTree passes them through.
UNREPRESENTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def write(results: list[FileResult], rules: dict[str, Rule], out: TextIO, *,
          color: bool = False, statistics: bool = False, quiet: bool = False) -> None:
    suites = ET.Element("testsuites", name=TOOL)
    suite = ET.SubElement(suites, "testsuite", name=TOOL)
    totals = {"failure": 0, "error": 0}
    for result in results:
        case = ET.SubElement(suite, "testcase", classname=TOOL, name=clean(result.path))
        # A file that could not be read was never checked: JUnit calls that an error.
        kind = "error" if result.text is None else "failure"
        totals[kind] += bool(result.diagnostics)
        lines = lines_of(result) if result.diagnostics else None
        for diag in result.diagnostics:
            message = f"{diag.line}:{diag.column} {diag.rule} {diag.message}"
            item = ET.SubElement(case, kind, message=clean(message), type=diag.rule)
            item.text = clean("\n".join(block(lines, diag)))
    for element in (suites, suite):
        element.set("tests", str(len(results)))
        element.set("failures", str(totals["failure"]))
        element.set("errors", str(totals["error"]))
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suites, encoding="unicode"))
    out.write("\n")


def clean(text: str) -> str:
    return UNREPRESENTABLE.sub("\ufffd", text)

