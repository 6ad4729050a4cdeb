"""The one exception tree of argmap.

Every error argmap raises on purpose derives from :class:`ArgmapError`.  Each
class carries the exit code the command line returns for it, so the mapping
from errors to exit codes lives here and nowhere else:

====  ==============================================================
code  meaning
====  ==============================================================
0     success
1     findings: the command ran and found problems (a failed validation)
2     bad input or usage: a missing file, a malformed map, an unknown format
====  ==============================================================

A message that names one of the caller's arguments writes it as a field,
``{timeout}``, and lists it in ``arguments``: the library shows the
argument's own name (``timeout``), and the command line its flag
(``--timeout``) through :meth:`ArgmapError.render`.
"""

from __future__ import annotations

__all__ = [
    "ArgmapError",
    "InputError",
    "ParseError",
    "FormatError",
    "MapError",
    "QueryError",
    "StoreError",
    "UsageError",
    "Findings",
]


class ArgmapError(Exception):
    """Root of every error argmap raises for a user's input or environment.

    ``str(err)`` is the one line the command line prints after
    ``argmap: error:``.
    """

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None, arguments: tuple[str, ...] = ()):
        self.template = message
        self.arguments = tuple(arguments)
        self.path = None if path is None else str(path)
        self.line = line
        self.column = column
        super().__init__(self.__str__())

    @property
    def message(self) -> str:
        """The message with each argument field shown by its own name."""
        return self._spelt({})

    @message.setter
    def message(self, text: str) -> None:
        self.template, self.arguments = text, ()

    def _spelt(self, spelling: dict) -> str:
        text = self.template
        for name in self.arguments:
            text = text.replace("{" + name + "}", spelling.get(name, name))
        return text

    def render(self, spelling: dict[str, str]) -> str:
        """The one line, with the arguments named as ``spelling`` says (name: how the caller wrote it)."""
        return self._where() + self._spelt(spelling)

    def __str__(self) -> str:
        return self._where() + self.message

    def _where(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
            where += ": "
        return where


class InputError(ArgmapError):
    """A file cannot be read: missing, a directory, unreadable."""


class ParseError(InputError):
    """A file is read but its content is malformed for its format."""


class FormatError(ArgmapError):
    """A format name or file suffix that no reader or writer knows."""


class MapError(ArgmapError):
    """The map is well-formed RDF but not a usable argument map."""


class QueryError(ArgmapError):
    """A SPARQL query is malformed or not allowed (an update without leave)."""


class StoreError(ArgmapError):
    """A triple store or SPARQL server fails: down, too slow, answers with an error, a push that did not land.

    ``status`` is the HTTP status a server answered with, when it answered.
    """

    def __init__(self, message: str, *, status: int | None = None, **where):
        super().__init__(message, **where)
        self.status = status


class UsageError(ArgmapError):
    """Arguments that do not fit together."""


class Findings(ArgmapError):
    """The command ran and found problems (validation findings): exit 1."""

    exit_code = 1
