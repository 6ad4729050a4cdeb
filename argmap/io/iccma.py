"""ICCMA 2023 abstract argumentation frameworks (``p af N``).

The input format of the International Competition on Computational Models of
Argumentation 2023 (Järvisalo, Lehtonen and Niskanen, ICCMA 2023 rules,
"Input format"): the first line that is not a comment is ``p af N`` for N
arguments, numbered 1 to N; each further line ``i j`` says that argument i
attacks argument j; a line starting with ``#`` is a comment.  Argument i
becomes the claim ``file:///...#i``.

:func:`parse` reads line by line and is the reference: it names the line of
the first mistake.  :func:`parse_fast` checks the whole text with one regular
expression and reads the numbers with numpy (:class:`~.afmap.Parsed`),
leaving anything unusual to :func:`parse` (see :func:`parse_framework`).
"""

from __future__ import annotations

import re

import numpy as np

from .._files import read_text
from ..errors import ParseError
from .afgraph import to_graph
from .afmap import FrameworkMap, Parsed, plain_ascii

__all__ = ["read", "parse", "parse_fast", "parse_framework", "read_framework"]

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


# --- the fast reader: whole text, no loop per line --------------------------------

_COMMENT_LINE = re.compile(r"^[ \t]*#.*", re.MULTILINE)
_FAST_HEADER = re.compile(r"\s*p[ \t]+af[ \t]+(\d{1,18})[ \t]*(?:\n|\Z)")
_PAIR = r"[ \t]*(?:\d{1,18}[ \t]+\d{1,18}[ \t]*)?"
_BODY = re.compile(rf"(?:{_PAIR}\n)*{_PAIR}")  # lines of two numbers or none


def parse_fast(text: str):
    """The framework of an ICCMA 2023 text as :class:`~.afmap.Parsed`, or None where :func:`parse` must decide.

    The same reading as :func:`parse` (ICCMA 2023 rules, "Input format"):
    comment lines go, the header gives N, one regular expression checks that
    every other line holds two numbers (or nothing), and numpy reads the
    numbers, which must lie in 1..N.  Text that is not printable ASCII, or
    any mistake, gives None.  Argument i is named ``str(i)``; the names are
    sorted as strings, as the claim ids sort.
    """
    text = text.removeprefix("\ufeff")
    if not plain_ascii(text):
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "#" in text:
        text = _COMMENT_LINE.sub("", text)
    head = _FAST_HEADER.match(text)
    if head is None:
        return None
    n, body = int(head.group(1)), text[head.end():]
    if _BODY.fullmatch(body) is None:
        return None
    numbers = np.fromstring(body, dtype=np.int64, sep=" ") if body.strip() else np.zeros(0, dtype=np.int64)
    if len(numbers) % 2 or (len(numbers) and (numbers.min() < 1 or numbers.max() > n)):
        return None
    names = list(map(str, range(1, n + 1)))
    order = sorted(range(n), key=names.__getitem__)  # argument numbers (from 0) by name
    position = np.empty(n + 1, dtype=np.int64)
    position[np.array(order, dtype=np.int64) + 1] = np.arange(n)
    return Parsed([names[i] for i in order], np.full(n, np.nan), position[numbers].reshape(-1, 2),
                  np.zeros((0, 2), dtype=np.int64))


def parse_framework(text: str, path):
    """The framework of an ICCMA 2023 text as :class:`~.afmap.Parsed`: :func:`parse_fast`, else :func:`parse`.

    A mistake is always reported by :func:`parse`, with its line.
    """
    fast = parse_fast(text)
    if fast is not None:
        return fast
    n, attacks = parse(text, path)
    return Parsed.from_reference({str(i): None for i in range(1, n + 1)}, [(str(a), str(b)) for a, b in attacks])


def read_framework(path, fmt):
    """Read an ICCMA 2023 file into a :class:`~.afmap.FrameworkMap`, without RDF."""
    return FrameworkMap(path, parse_framework(read_text(path), path))


def read(path, fmt):
    """Read an ICCMA 2023 file into an argmap RDF graph."""
    from .rdf import _text  # lazy: it imports rdflib

    n, attacks = parse(_text(path), path)
    return to_graph(path, {str(i): None for i in range(1, n + 1)}, [(str(a), str(b)) for a, b in attacks])
