"""newslint: a text-quality and fact-check linter for news articles."""

__version__ = "0.1.0"
