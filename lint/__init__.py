"""newslint: a text-quality and fact-check linter for news articles."""

__version__ = "0.1.0"

# Below this many files a process pool costs more than it saves (here, not in
# lint.runner, because the command decides on start-up work before importing that).
POOL_THRESHOLD = 8
