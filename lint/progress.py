"""A progress line on standard error for long runs at a terminal.

Never in CI logs or when output is piped: only when stderr is a TTY, CI is not
set, and the run has already taken a couple of seconds.
"""

from __future__ import annotations

import os
import sys
import time

DELAY = 2.0  # seconds before the line appears: short runs stay silent
EVERY = 0.1  # seconds between redraws


class Progress:
    def __init__(self, total: int, stream=None):
        self.stream = stream or sys.stderr
        self.total = total
        self.started = self.drawn = time.monotonic()
        self.shown = False
        self.enabled = total > 1 and self.stream.isatty() and not os.environ.get("CI")

    def step(self, done: int, path: str) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < DELAY or now - self.drawn < EVERY:
            return
        self.drawn, self.shown = now, True
        width = 30
        filled = width * done // self.total
        name = path if len(path) <= 40 else "…" + path[-39:]
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} {name:<40}")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 90 + "\r")
            self.stream.flush()
