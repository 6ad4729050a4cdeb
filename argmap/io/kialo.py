"""Kialo's text export of a discussion (kialo.com, "Export discussion" as plain text).

Two variants exist.  The older one starts ``Discussion Title: ...`` and lists
one claim per line, numbered by its place in the tree::

    1. Hate speech should be banned.
    1.1. Con: It is better to challenge bad ideas ...
    1.1.1. Pro: ...

The newer one starts ``Discussion Name: ...``, indents each claim below its
parent, may mark sources with footnotes ``[1]`` and ends with a block
``Sources:`` of ``[1] text`` lines.  In both, a claim's text may go on over
further lines, and ``1.6.4. Pro: -> See 1.2.2.`` reuses claim 1.2.2 as a
pro of 1.6 instead of a new claim.

Each numbered claim becomes a claim named by its number; a ``Pro`` is an
``am:Support`` of its parent, a ``Con`` an ``am:Attack``; the first top-level
claim is the main thesis; footnoted sources are ``am:Source`` nodes the claim
links with ``rdfs:seeAlso``.
"""

from __future__ import annotations

import re

from .._files import read_text
from ..errors import ParseError

__all__ = ["read", "sniff", "parse"]

_HEADER = re.compile(r"Discussion (Title|Name):\s*(.*)")
_CLAIM = re.compile(r"(\s*)((?:\d+\.)+)(?:\s+|$)(.*)")
_ROLE = re.compile(r"(Pro|Con):\s*(.*)", re.S)
_LINK = re.compile(r"->\s*See\s+((?:\d+\.)*\d+)\.?\s*$")
_SOURCES = re.compile(r"(Sources|References):\s*$")
_NOTE = re.compile(r"\[(\d+)\]\s*(.*)")
_FOOTNOTE = re.compile(r"\[(\d+)\](?!\()")


def sniff(head: str) -> bool:
    """A Kialo export starts with ``Discussion Title:`` or ``Discussion Name:``."""
    return bool(_HEADER.match(head.lstrip()))


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", " ".join(text.split()))


def parse(text: str, path):
    """``(title, claims, notes)``: claims in order as dicts (number, role, text, link, line)."""
    def fail(message, line, column=None):
        return ParseError(message, path=str(path), line=line, column=column)

    lines = text.removeprefix("\ufeff").split("\n")
    first = next((k for k, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        raise fail("empty file: a Kialo export starts with 'Discussion Title:' or 'Discussion Name:'", 1, 1)
    header = _HEADER.match(lines[first].strip())
    if not header:
        raise fail("a Kialo export starts with 'Discussion Title:' or 'Discussion Name:'", first + 1, 1)
    claims, notes, seen = [], {}, {}
    in_sources = False
    for k in range(first + 1, len(lines)):
        raw, line = lines[k].rstrip(), k + 1
        if not raw.strip():
            continue
        if _SOURCES.match(raw.strip()):
            in_sources = True
            continue
        if in_sources:
            m = _NOTE.match(raw.strip())
            if not m:
                raise fail("expected a source such as '[1] text' in the sources block", line, 1)
            notes[m.group(1)] = _unescape(m.group(2))
            continue
        m = _CLAIM.match(raw)
        if not m:
            if not claims:
                raise fail("text before the first numbered claim", line, 1)
            claims[-1]["text"] += " " + raw.strip()
            continue
        number = m.group(2).rstrip(".")
        col = len(m.group(1)) + 1
        if number in seen:
            raise fail(f"claim {number}. is numbered twice (first on line {seen[number]})", line, col)
        seen[number] = line
        parent = number.rpartition(".")[0] or None
        if parent is not None and parent not in seen:
            raise fail(f"claim {number}. has no parent claim {parent}.", line, col)
        body = m.group(3)
        role = None
        if parent is not None:
            r = _ROLE.match(body)
            if not r:
                raise fail(f"claim {number}. must start with 'Pro:' or 'Con:'", line, col + len(m.group(2)) + 1)
            role, body = r.group(1), r.group(2)
        claims.append({"number": number, "parent": parent, "role": role, "text": body, "line": line, "column": col})
    if not claims:
        raise fail("no numbered claim", len(lines), 1)
    for c in claims:
        link = _LINK.match(c["text"].strip())
        c["link"] = link.group(1) if link else None
        if c["link"] is not None and c["link"] not in seen:
            raise fail(f"claim {c['number']}. links to claim {c['link']}., which the file does not hold",
                       c["line"], c["column"])
        if c["link"] is None and not c["text"].strip():
            raise fail(f"claim {c['number']}. has no text", c["line"], c["column"])
        for note in _FOOTNOTE.findall(c["text"]):
            if notes and note not in notes:
                raise fail(f"claim {c['number']}. cites source [{note}], which the sources block lacks",
                           c["line"], c["column"])
    return _unescape(header.group(2)), claims, notes


def read(path, fmt=None):
    """Read a Kialo text export into an argmap RDF graph."""
    from rdflib import DCTERMS, RDF, RDFS, Literal

    from ..vocab import AM
    from ._build import Builder

    title, claims, notes = parse(read_text(path), path)
    b = Builder(path, "kialo")
    b.title(title)
    numbers = {c["number"]: c for c in claims}
    for note, text in notes.items():
        src = b.iri("source-" + note)
        b.add((src, RDF.type, AM.Source))
        b.add((src, DCTERMS.title, Literal(text)))
    for c in claims:
        if c["link"] is not None:
            continue
        node = b.claim(c["number"], _unescape(c["text"]))
        for note in sorted(set(_FOOTNOTE.findall(c["text"]))):
            if note in notes:
                b.add((node, RDFS.seeAlso, b.iri("source-" + note)))
    roots = [c for c in claims if c["parent"] is None]
    b.add((b.map, AM.mainThesis, b.iri(roots[0]["number"])))
    for c in claims:
        if c["parent"] is None:
            continue
        premise = c["link"] if c["link"] is not None else c["number"]
        while numbers[premise]["link"] is not None:  # a link to a link
            premise = numbers[premise]["link"]
        kind = "support" if c["role"] == "Pro" else "attack"
        b.relation(f"{c['number']}-{kind}", kind, [b.iri(premise)], b.iri(c["parent"]))
    return b.graph
