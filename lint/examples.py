"""Run each rule's own bad and good examples, the way LanguageTool runs <example>."""

from __future__ import annotations

import json

from lint.article import Article
from lint.checks.base import Rule
from lint.readers import parse


def example_article(rule: Rule, text: str) -> Article:
    """An article that puts `text` where the rule looks."""
    fields = [s.split(".", 1)[1] for s in rule.scope if s.startswith("metadata.")]
    if fields or "metadata" in rule.scope:
        key = fields[0] if fields else "title"
        source = f"---\n{key}: {json.dumps(text)}\n---\n"
    elif "body" in rule.scope or "quote" in rule.scope:
        source = text + "\n"
    elif "title" in rule.scope:
        source = f"# {text}\n"
    else:
        source = f"## {text}\n"
    article, _ = parse("example.md", source)
    return article


def failures(rule: Rule) -> list[str]:
    """What is wrong with a rule's examples; empty when all behave."""
    out = []
    if not rule.examples.get("bad"):
        out.append(f"{rule.id}: has no bad example")
    for text in rule.examples.get("bad", []):
        if not rule.check(example_article(rule, text)):
            out.append(f"{rule.id}: bad example not flagged: {text!r}")
    for text in rule.examples.get("good", []):
        found = rule.check(example_article(rule, text))
        if found:
            out.append(f"{rule.id}: good example flagged ({found[0].message}): {text!r}")
    return out
