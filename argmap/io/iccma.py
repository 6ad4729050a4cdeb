"""ICCMA 2023 abstract argumentation frameworks (``p af N``).

The input format of the International Competition on Computational Models of
Argumentation 2023 (Järvisalo, Lehtonen and Niskanen, ICCMA 2023 rules,
"Input format"): the first line that is not a comment is ``p af N`` for N
arguments, numbered 1 to N; each further line ``i j`` says that argument i
attacks argument j; a line starting with ``#`` is a comment.  Argument i
becomes the claim ``file:///...#i``.
"""

from __future__ import annotations

import re

from ..errors import ParseError
from .afgraph import to_graph

__all__ = ["read", "parse"]

_HEADER = re.compile(r"p\s+af\s+(\d+)\s*\Z")
_ATTACK = re.compile(r"(\d+)\s+(\d+)\s*\Z")


def parse(text: str, path):
    """``(n, attacks)`` of an ICCMA 2023 text, attacks as pairs of numbers from 1."""
    n, attacks = None, []
    text = text.removeprefix("\ufeff")  # a byte-order mark is no content
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if n is None:
            m = _HEADER.match(line)
            if not m:
                raise ParseError(f"expected the header 'p af N' but found {line[:40]!r}", path=str(path), line=number)
            n = int(m.group(1))
            continue
        m = _ATTACK.match(line)
        if not m:
            raise ParseError(f"expected an attack 'i j' but found {line[:40]!r}", path=str(path), line=number)
        i, j = int(m.group(1)), int(m.group(2))
        for k in (i, j):
            if not 1 <= k <= n:
                raise ParseError(f"argument {k} is outside 1..{n}", path=str(path), line=number)
        attacks.append((i, j))
    if n is None:
        raise ParseError("no 'p af N' header", path=str(path), line=1)
    return n, attacks


def read(path, fmt):
    """Read an ICCMA 2023 file into an argmap RDF graph."""
    from .rdf import _text

    n, attacks = parse(_text(path), path)
    return to_graph(path, {str(i): None for i in range(1, n + 1)}, [(str(a), str(b)) for a, b in attacks])
