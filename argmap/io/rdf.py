"""RDF syntaxes through rdflib: Turtle, N-Triples, RDF/XML and JSON-LD.

Turtle output uses rdflib's ``longturtle`` serializer (subjects sorted,
predicates and objects sorted), so two exports of one map are byte-identical.
"""

from __future__ import annotations

import re
from pathlib import Path

import rdflib
from rdflib.plugins.parsers.notation3 import BadSyntax

from .._files import read_text as _text
from ..errors import ParseError
from ..triples import large

__all__ = ["read", "dumps"]


def _bad_line_ntriples(text: str) -> int | None:
    """The first line of an N-Triples document that does not parse alone."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            rdflib.Graph().parse(data=line, format="nt")
        except Exception:
            return number
    return None


def _first_line(message: str) -> str:
    message = " ".join(str(message).split())
    return message[:200]


def read(path, fmt):
    """Parse ``path`` as ``fmt`` into a new rdflib Graph.

    Every parser failure becomes a :class:`ParseError` naming the file and,
    where the parser tells, the line.
    """
    text = _text(path)
    graph = rdflib.Graph()
    base = Path(path).resolve().as_uri()
    try:
        graph.parse(data=text, format=fmt.options["rdflib"], publicID=base)
    except BadSyntax as exc:
        raise ParseError(f"bad {fmt.name} syntax: {exc._why}", path=str(path), line=exc.lines + 1) from None
    except Exception as exc:  # every rdflib parser has its own exception types
        line = getattr(exc, "lineno", None)
        if line is None and hasattr(exc, "getLineNumber"):
            line = exc.getLineNumber()
        if line is None and fmt.name == "ntriples":
            line = _bad_line_ntriples(text)
        if line is None:
            m = re.search(r"line (\d+)", str(exc))
            line = int(m.group(1)) if m else None
        raise ParseError(f"bad {fmt.name} syntax: {_first_line(exc) or type(exc).__name__}", path=str(path), line=line) from None
    return graph


def dumps(amap, fmt) -> str:
    """Serialize the map's graph; Turtle is canonical and sorted.

    A large map read without rdflib (see :meth:`~argmap.model.ArgumentMap.ntriples`; files of
    :data:`~argmap.triples.LARGE_BYTES` or more, :func:`~argmap.triples.large`) is written as
    N-Triples lines in the order read, for Turtle too (N-Triples is a subset of Turtle): sorting
    through an rdflib graph would cost minutes there.
    """
    lines = amap.ntriples() if fmt.name in ("turtle", "ntriples") and large(amap.paths) else None
    if lines is not None:
        out = "".join(line + "\n" for line in lines)
    else:
        name = "longturtle" if fmt.name == "turtle" else fmt.options["rdflib"]
        out = amap.graph.serialize(format=name)
        out = out if isinstance(out, str) else out.decode("utf-8")
    if fmt.name in ("turtle", "ntriples"):
        # A NUL can stand only inside a literal, where Turtle and N-Triples spell it \u0000 (UCHAR);
        # written raw, it makes the file binary data to every reader.
        out = out.replace("\x00", "\\u0000")
    return out
