"""Progress of long work, shown on a terminal and nowhere else.

Reading large maps, scoring, loading a store and pushing to a server say how
far they are on standard error, but only when standard error is a terminal
and only once the work has run for longer than a delay (one second; the
environment variable ``ARGMAP_PROGRESS_DELAY`` sets another number of
seconds, ``0`` shows every bar at once).  Piped or redirected output, and
work that ends before the delay, stay silent, so scripts and tests see only
the results.

A bar with a known total shows a fraction; without one it shows a count of
steps.  Both show the seconds spent.  A background thread redraws the line
ten times a second, so a single long step (one large file being parsed)
still shows time passing; the line is erased when the work ends.

    >>> with progress("counting", total=3) as bar:   # silent: not a terminal
    ...     for _ in range(3):
    ...         bar.advance()
    >>> bar.done
    3
"""

from __future__ import annotations

import os
import sys
import threading
import time

__all__ = ["Progress", "progress", "files_label", "DELAY_VARIABLE"]

#: The environment variable that sets the delay, in seconds, before a bar shows.
DELAY_VARIABLE = "ARGMAP_PROGRESS_DELAY"
_DEFAULT_DELAY = 1.0
_WIDTH = 24
_active: list = []  # the bar being drawn; a bar opened inside another stays quiet


def _delay() -> float:
    try:
        return max(0.0, float(os.environ.get(DELAY_VARIABLE, _DEFAULT_DELAY)))
    except ValueError:
        return _DEFAULT_DELAY


class Progress:
    """One piece of long work: ``label``, and ``total`` steps if known.

    Use it as a context manager and call :meth:`advance` as steps finish.
    """

    def __init__(self, label: str, total: int | None = None, *, stream=None):
        self.label = label
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self._start = time.monotonic()
        self._stop = threading.Event()
        self._thread = None
        self._drawn = False

    def advance(self, steps: int = 1) -> None:
        """Count ``steps`` more steps as done."""
        self.done += steps

    def each(self, items):
        """Yield ``items`` one by one, counting each as a step, with the bar shown meanwhile."""
        with self:
            for item in items:
                yield item
                self.advance()

    def line(self) -> str:
        """The text of the bar as it stands."""
        seconds = time.monotonic() - self._start
        if self.total:
            part = min(1.0, self.done / self.total)
            filled = int(part * _WIDTH)
            return (f"argmap: {self.label} [{'#' * filled}{'.' * (_WIDTH - filled)}] "
                    f"{part:4.0%} {self.done}/{self.total} {seconds:.1f}s")
        return f"argmap: {self.label} ... {self.done} {seconds:.1f}s"

    def _draw(self) -> None:
        self.stream.write("\r" + self.line() + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def _run(self, delay: float) -> None:
        if self._stop.wait(delay):
            return
        while True:
            try:
                self._draw()
            except (OSError, ValueError):  # the terminal went away
                return
            if self._stop.wait(0.1):
                return

    def __enter__(self) -> "Progress":
        self._start = time.monotonic()
        try:
            terminal = self.stream.isatty()
        except (AttributeError, ValueError):
            terminal = False
        if terminal and not _active:
            _active.append(self)
            self._thread = threading.Thread(target=self._run, args=(_delay(),), daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._thread is None:
            return
        self._stop.set()
        self._thread.join()
        _active.remove(self)
        if self._drawn:
            try:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
            except (OSError, ValueError):
                pass


def progress(label: str, total: int | None = None, *, stream=None) -> Progress:
    """A :class:`Progress` for ``label``; see the module's description."""
    return Progress(label, total, stream=stream)


def files_label(paths) -> str:
    """``x.ttl`` for one file, ``3 files`` for several: what a bar says it reads."""
    paths = list(paths)
    return os.path.basename(str(paths[0])) if len(paths) == 1 else f"{len(paths)} files"
