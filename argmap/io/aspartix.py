"""ASPARTIX argumentation frameworks (``.apx``) and their bipolar weighted variant (``.bag``).

ASPARTIX (Egly, Gaggl and Woltran, "Answer-set programming encodings for
argumentation frameworks", Argument & Computation 1(2), 2010) writes a
framework as Prolog facts, any number to a line, ``%`` starting a comment::

    arg(a). arg(b). att(a,b).

The bipolar weighted variant adds base scores and supports::

    arg(a,0.5). arg(b,0.8). att(a,b). sup(b,a).

Every argument must be declared by ``arg`` before an attack or support uses
it; a base score lies in [0, 1].

:func:`parse` reads line by line and is the reference: it names the line of
the first mistake.  :func:`parse_fast` reads the whole text with a few
regular expressions into arrays (:class:`~.afmap.Parsed`) and gives up on
anything unusual, leaving it to :func:`parse` (see :func:`parse_framework`).
"""

from __future__ import annotations

import re

import numpy as np

from .._files import read_text
from .._numbers import unit_score
from ..errors import ParseError
from .afgraph import NAME, to_graph
from .afmap import FrameworkMap, Parsed, plain_ascii

__all__ = ["read", "parse", "parse_fast", "parse_framework", "read_framework"]

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


# --- the fast reader: whole text, no loop per line --------------------------------

_COMMENT = re.compile(r"%[^\n\r]*")
_INNER = r"[^(),\n\r]*"  # what stands between a fact's parentheses, on one line
_ARG1 = re.compile(rf"arg[ \t]*\(({_INNER})\)[ \t]*\.")
_ARG2 = re.compile(rf"arg[ \t]*\(({_INNER}),({_INNER})\)[ \t]*\.")
_RELATION = {kind: re.compile(rf"{kind}[ \t]*\(({_INNER},{_INNER})\)[ \t]*\.") for kind in ("att", "sup")}
_FIRST_RELATION = re.compile(r"(?:att|sup)[ \t]*\(")
_ARG_START = re.compile(r"arg[ \t]*\(")
_NAMES = re.compile(rf"(?:{NAME})(?:\n(?:{NAME}))*", re.ASCII)


def _ink(items) -> int:
    """The characters of ``items`` (strings) that are not white space."""
    text = "".join(items)
    return len(text) - text.count(" ") - text.count("\t") - text.count("\n") - text.count("\r")


def _stripped(items: list) -> list:
    text = "".join(items)
    return [s.strip() for s in items] if " " in text or "\t" in text else items


def parse_fast(text: str, bipolar: bool):
    """The framework of an ASPARTIX text as :class:`~.afmap.Parsed`, or None where :func:`parse` must decide.

    Reads the same facts as :func:`parse` (Egly, Gaggl and Woltran 2010;
    the ``.bag`` variant's ``arg/2`` and ``sup/2``) with one regular
    expression per kind of fact over the whole text, when every ``arg`` fact
    comes before the first ``att`` or ``sup`` (so each argument is declared
    before use) and the text is printable ASCII.  Every character that is
    not white space must lie in a fact found, every name must be an argument
    name and every score a number in [0, 1]; else the answer is None, and
    :func:`parse` finds the line at fault (or reads what is merely unusual:
    arguments declared between the relations, non-ASCII names, form feeds).
    """
    text = text.removeprefix("\ufeff")
    if not plain_ascii(text):
        return None
    if "%" in text:
        text = _COMMENT.sub("", text)
    first = _FIRST_RELATION.search(text)
    cut = first.start() if first else len(text)
    head, tail = text[:cut], text[cut:]
    if _ARG_START.search(tail):
        return None  # an argument declared after a relation: the reference checks the order
    plain, scored = _ARG1.findall(head), _ARG2.findall(head)
    relations = {kind: pattern.findall(tail) for kind, pattern in _RELATION.items()}
    if not bipolar and (scored or relations["sup"]):
        return None
    named, weights = [a for a, _w in scored], [w for _a, w in scored]
    found = (6 * len(plain) + _ink(plain) + 7 * len(scored) + _ink(named) + _ink(weights)
             + sum(6 * len(inner) + _ink(inner) for inner in relations.values()))
    if found != _ink([text]):
        return None  # something besides facts
    plain, named, weights = _stripped(plain), _stripped(named), _stripped(weights)
    names = sorted({*plain, *named})
    if names and not _NAMES.fullmatch("\n".join(names)):
        return None
    try:  # every score, even one that a later arg/2 of its name replaces: the reference refuses it
        values = np.array(list(map(float, weights)), dtype=float)
    except ValueError:
        return None
    if not np.all((values >= 0.0) & (values <= 1.0)):
        return None
    score = dict(zip(named, values.tolist()))  # the last arg/2 of a name holds
    values = np.array(list(score.values()), dtype=float)
    index = dict(zip(names, range(len(names))))
    base = np.full(len(names), np.nan)
    base[list(map(index.__getitem__, score))] = values
    pairs = {}
    for kind, inner in relations.items():
        ends = list(map(index.get, _stripped(",".join(inner).split(",")) if inner else []))
        if None in ends:
            return None  # an undeclared argument, or no name at all
        pairs[kind] = np.array(ends, dtype=np.int64).reshape(-1, 2)
    return Parsed(names, base, pairs["att"], pairs["sup"])


def parse_framework(text: str, path, bipolar: bool):
    """The framework of an ASPARTIX text as :class:`~.afmap.Parsed`: :func:`parse_fast`, else :func:`parse`.

    A mistake is always reported by :func:`parse`, with its line.
    """
    fast = parse_fast(text, bipolar)
    return fast if fast is not None else Parsed.from_reference(*parse(text, path, bipolar))


def read_framework(path, fmt):
    """Read an ``.apx`` or ``.bag`` file into a :class:`~.afmap.FrameworkMap`, without RDF."""
    return FrameworkMap(path, parse_framework(read_text(path), path, bipolar=fmt.name == "bag"))


def read(path, fmt):
    """Read an ``.apx`` or ``.bag`` file into an argmap RDF graph."""
    from .rdf import _text  # lazy: it imports rdflib

    arguments, attacks, supports = parse(_text(path), path, bipolar=fmt.name == "bag")
    return to_graph(path, arguments, attacks, supports)
