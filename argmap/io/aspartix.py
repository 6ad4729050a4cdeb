"""ASPARTIX argumentation frameworks (``.apx``) and their bipolar weighted variant (``.bag``).

ASPARTIX (Egly, Gaggl and Woltran, "Answer-set programming encodings for
argumentation frameworks", Argument & Computation 1(2), 2010) writes a
framework as Prolog facts, any number to a line, ``%`` starting a comment::

    arg(a). arg(b). att(a,b).

The bipolar weighted variant adds base scores and supports::

    arg(a,0.5). arg(b,0.8). att(a,b). sup(b,a).

Every argument must be declared by ``arg`` before an attack or support uses
it; a base score lies in [0, 1].
"""

from __future__ import annotations

import re

from .._numbers import unit_score
from ..errors import ParseError
from .afgraph import NAME, to_graph

__all__ = ["read", "parse"]

_FACT = re.compile(r"\s*([a-z]+)\s*\(([^()]*)\)\s*\.")
_NAME = re.compile(NAME + r"\Z")


def parse(text: str, path, bipolar: bool):
    """``(arguments, attacks, supports)`` of an ASPARTIX text; ParseError on the first bad line."""
    arguments: dict = {}
    attacks, supports = [], []
    text = text.removeprefix("\ufeff")  # a byte-order mark is no content
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("%", 1)[0]

        def fail(message):
            return ParseError(message, path=str(path), line=number)

        pos = 0
        while line[pos:].strip():
            m = _FACT.match(line, pos)
            if not m:
                raise fail(f"expected a fact such as arg(a). or att(a,b). but found {line[pos:].strip()[:40]!r}")
            pos = m.end()
            pred, parts = m.group(1), [p.strip() for p in m.group(2).split(",")]
            bad = next((p for p in parts if not _NAME.match(p)), None)
            if pred == "arg" and len(parts) == 2 and bipolar:
                name, weight = parts
                if not _NAME.match(name):
                    raise fail(f"bad argument name {name!r} (letters, digits, _ - . ~)")
                try:
                    arguments[name] = unit_score(weight)
                except ValueError as exc:
                    raise fail(f"base score of {name}: {exc}") from None
                continue
            if bad is not None:
                raise fail(f"bad argument name {bad!r} (letters, digits, _ - . ~)")
            if pred == "arg" and len(parts) == 1:
                arguments.setdefault(parts[0], None)
            elif pred in ("att", "sup") and len(parts) == 2 and (pred == "att" or bipolar):
                missing = [p for p in parts if p not in arguments]
                if missing:
                    raise fail(f"{pred}({parts[0]},{parts[1]}) uses {missing[0]}, which no arg(...) declares")
                (attacks if pred == "att" else supports).append(tuple(parts))
            else:
                known = "arg/1, arg/2, att/2, sup/2" if bipolar else "arg/1, att/2"
                raise fail(f"unknown fact {pred}/{len(parts)} (known: {known})")
    return arguments, attacks, supports


def read(path, fmt):
    """Read an ``.apx`` or ``.bag`` file into an argmap RDF graph."""
    from .rdf import _text

    arguments, attacks, supports = parse(_text(path), path, bipolar=fmt.name == "bag")
    return to_graph(path, arguments, attacks, supports)
