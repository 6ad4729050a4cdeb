"""Kialo's text export of a discussion (kialo.com, "Export discussion" as plain text).

Kialo has written two layouts.  The older one starts ``Discussion Title: ...``
and gives each claim on one line, numbered by its place in the tree; the
first claim is the thesis, every other one starts ``Pro:`` or ``Con:``, and
text is escaped Markdown (``\\(``, ``[text](url)``)::

    Discussion Title: Should hate speech be illegal?

    1. Hate speech should be banned.
    1.1. Con: It is better to challenge bad ideas ...
    1.1.1. Pro: ...
    1.6.4. Pro: -> See 1.2.2.

The newer one starts with a line ``Discussion Name:`` and the title on the
next line (a title on the header line is read too).  Each claim is a line
with its number and its kind alone (``1. Thesis:`` for a top-level claim,
``1.1. Pro:`` or ``1.1. Con:`` below), indented two spaces a level, and its
text on the following line or lines at the same indentation (a paragraph
break is a line of the indentation only; a text line may start like a number,
``14.5% of ...``); a blank line ends it.  Texts are not escaped.  Sources are
footnote marks ``[1]`` in the texts (also inside page references,
``(p. 3 [2])``), numbered from 1 in order of appearance, and the file ends
with a block ``Sources:`` of ``[N] URL`` lines, each followed by the excerpt
of the source in double quotation marks when there is one; an excerpt may run
over several lines and blank lines, so a line starts source N only when N is
the next number::

    Discussion Name:
    All Humans Should Be Vegan.

    1. Thesis:
    All humans should be vegan.

      1.1. Con:
      Veganism is unhealthy [1].

        1.1.1. Con:
        Expert organizations agree that a vegan
        diet can be healthy (p. 1 [2]).

      1.2. Pro:
      -> See 1.1.1.

    Sources:
    [1] https://example.org/article
    "The excerpt Kialo quotes
    from the source."
    [2] https://example.org/report.pdf

In both, ``-> See 1.2.`` as a claim's text reuses claim 1.2 (which may come
later in the file) as a pro or con of the parent, instead of a new claim.

Each numbered claim becomes a claim named by its number, its text's lines
joined by single spaces, footnote marks kept; a ``Pro`` is an ``am:Support``
of its parent, a ``Con``
an ``am:Attack``, and a link's relation has the linked claim as its premise;
the first top-level claim is the main thesis.  Each source ``[N]`` is an
``am:Source`` (``#source-N``) titled with its URL as written, with
``rdfs:seeAlso`` the URL itself when it is an absolute http(s) URL; its
excerpt is an ``am:Quote`` (``#source-N-excerpt``) with the excerpt as
``am:exact``, quotation marks removed.  A claim links each source it cites
with ``rdfs:seeAlso`` and each cited excerpt with ``am:quote``.
"""

from __future__ import annotations

import re

from rdflib import DCTERMS, RDF, RDFS, Literal, URIRef

from .._files import read_text
from ..errors import ParseError
from ..vocab import AM
from ._build import Builder

__all__ = ["read", "sniff", "parse"]

_HEADER = re.compile(r"Discussion (Title|Name):\s*(.*)")
_CLAIM = re.compile(r"(\s*)((?:\d+\.)+)(?:\s+|$)(.*)")  # the older layout: number and text on one line
_HEAD = re.compile(r"(\s*)((?:\d+\.)+)\s+(Thesis|Pro|Con):\s*(.*)")  # the newer layout: number and kind
_NUMBERED = re.compile(r"\s*(?:\d+\.)+\s")
_ROLE = re.compile(r"(Pro|Con):\s*(.*)", re.S)
_LINK = re.compile(r"->\s*See\s+((?:\d+\.)*\d+)\.?\s*$")
_SOURCES = re.compile(r"(Sources|References):\s*$")
_NOTE = re.compile(r"\[(\d+)\]\s*(.*)")
_FOOTNOTE = re.compile(r"\[(\d+)\](?!\()")
_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


def sniff(head: str) -> bool:
    """A Kialo export starts with ``Discussion Title:`` or ``Discussion Name:``."""
    return bool(_HEADER.match(head.lstrip()))


def _plain(text: str) -> str:
    return " ".join(text.split())


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", _plain(text))


class _Parser:
    """One pass over the lines of an export; see :func:`parse`."""

    def __init__(self, text: str, path):
        self.path = path
        self.lines = text.removeprefix("\ufeff").split("\n")
        self.claims: list[dict] = []
        self.seen: dict = {}

    def fail(self, message, line, column=None):
        return ParseError(message, path=str(self.path), line=line, column=column)

    def claim(self, number, role, body, line, col):
        """Record claim ``number`` of kind ``role`` (``Thesis``, ``Pro``, ``Con`` or ``None``)."""
        if number in self.seen:
            raise self.fail(f"claim {number}. is numbered twice (first on line {self.seen[number]})", line, col)
        self.seen[number] = line
        parent = number.rpartition(".")[0] or None
        if parent is not None and parent not in self.seen:
            raise self.fail(f"claim {number}. has no parent claim {parent}.", line, col)
        if parent is not None and role not in ("Pro", "Con"):
            said = "" if role is None else f", not a '{role}:'"
            raise self.fail(f"claim {number}. must start with 'Pro:' or 'Con:'{said}", line, col + len(number) + 2)
        if parent is None and role in ("Pro", "Con"):
            raise self.fail(f"claim {number}. is a top-level claim: a 'Thesis:', not a '{role}:'", line,
                            col + len(number) + 2)
        self.claims.append({"number": number, "parent": parent, "role": role if parent else None,
                            "text": [body] if body else [], "line": line, "column": col})

    def tree(self, start: int, newer: bool) -> int:
        """Read the numbered claims from line index ``start``; the index of ``Sources:``, or the end."""
        for k in range(start, len(self.lines)):
            raw, line = self.lines[k].rstrip(), k + 1
            if not raw.strip():
                continue
            if (raw == "Sources:") if newer else _SOURCES.match(raw.strip()):  # newer: never indented
                return k
            if newer:
                m = _HEAD.fullmatch(raw)
                if m:
                    self.claim(m.group(2).rstrip("."), m.group(3), m.group(4), line, len(m.group(1)) + 1)
                    continue
                if not self.claims and _NUMBERED.match(raw):
                    raise self.fail("a claim in this layout is its number and kind alone, such as '1. Thesis:' "
                                    "or '1.1. Pro:', with its text on the next line", line, 1)
            else:
                m = _CLAIM.match(raw)
                if m:
                    number, role, body = m.group(2).rstrip("."), None, m.group(3)
                    r = _ROLE.match(body)
                    if r and "." in number:
                        role, body = r.group(1), r.group(2)
                    self.claim(number, role, body, line, len(m.group(1)) + 1)
                    continue
            if not self.claims:
                raise self.fail("text before the first numbered claim", line, 1)
            self.claims[-1]["text"].append(raw.strip())
        return len(self.lines)

    def sources(self, start: int) -> dict:
        """The sources block from line index ``start``: ``{N: (line, URL or title, excerpt or None)}``."""
        entries: list = []
        for k in range(start, len(self.lines)):
            raw, line = self.lines[k].rstrip(), k + 1
            m = _NOTE.fullmatch(raw.strip())
            if m and int(m.group(1)) == len(entries) + 1:
                if not m.group(2):
                    raise self.fail(f"source [{m.group(1)}] has neither a URL nor a title", line, 1)
                entries.append((line, m.group(2), []))
            elif entries:
                entries[-1][2].append((line, raw))
            elif raw.strip():
                raise self.fail("expected the first source, such as '[1] https://...', in the sources block", line, 1)
        notes = {}
        for number, (line, title, body) in enumerate(entries, 1):
            while body and not body[-1][1].strip():
                body.pop()
            while body and not body[0][1].strip():
                body.pop(0)
            excerpt = None
            if body:
                first = body[0]
                if not first[1].lstrip().startswith('"'):
                    raise self.fail(f"expected source [{number + 1}] or a quoted excerpt of source [{number}]",
                                    first[0], 1)
                text = "\n".join(b for _line, b in body).strip()
                if len(text) < 2 or not text.endswith('"'):
                    raise self.fail(f"the excerpt of source [{number}] has no closing quotation mark", first[0], 1)
                excerpt = text[1:-1]
            notes[str(number)] = (line, _plain(title), excerpt)
        return notes

    def links(self, notes: dict) -> None:
        """Check texts, links and footnotes; give each claim its ``premise`` (itself, or the claim it links to)."""
        numbers = {c["number"]: c for c in self.claims}
        for c in self.claims:
            link = _LINK.match(c["text"].strip())
            c["link"] = link.group(1) if link else None
            if c["link"] is not None and c["link"] not in numbers:
                raise self.fail(f"claim {c['number']}. links to claim {c['link']}., which the file does not hold",
                                c["line"], c["column"])
            if c["link"] is None and not c["text"].strip():
                raise self.fail(f"claim {c['number']}. has no text", c["line"], c["column"])
            for note in _FOOTNOTE.findall(c["text"]):
                if notes and note not in notes:
                    raise self.fail(f"claim {c['number']}. cites source [{note}], which the sources block lacks",
                                    c["line"], c["column"])
        for c in self.claims:
            premise, passed = c["number"], []
            while numbers[premise]["link"] is not None:  # a link to a link
                passed.append(premise)
                premise = numbers[premise]["link"]
                if premise in passed:
                    raise self.fail(f"claim {c['number']}. links in a circle ({' -> '.join(passed + [premise])})",
                                    c["line"], c["column"])
            c["premise"] = premise


def parse(text: str, path):
    """``(title, claims, notes)`` of a Kialo export.

    ``claims`` in file order, as dicts: ``number`` (``"1.2"``), ``parent``
    (``None`` for a thesis), ``role`` (``"Pro"``, ``"Con"`` or ``None``),
    ``text`` (whitespace collapsed, footnote marks kept), ``link`` (the number
    a ``-> See`` link names, or ``None``), ``premise`` (the claim that stands
    for it: itself, or the end of its chain of links), ``line`` and
    ``column``.  ``notes`` maps a source's number (``"1"``) to ``(line, URL
    or title, excerpt or None)``.
    """
    p = _Parser(text, path)
    lines = p.lines
    first = next((k for k, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        raise p.fail("empty file: a Kialo export starts with 'Discussion Title:' or 'Discussion Name:'", 1, 1)
    header = _HEADER.match(lines[first].strip())
    if not header:
        raise p.fail("a Kialo export starts with 'Discussion Title:' or 'Discussion Name:'", first + 1, 1)
    newer, title, start = header.group(1) == "Name", header.group(2), first + 1
    if newer and not title.strip():  # the title is on the next line
        nxt = next((k for k in range(start, len(lines)) if lines[k].strip()), None)
        if nxt is not None and not _NUMBERED.match(lines[nxt]) and lines[nxt].rstrip() != "Sources:":
            title, start = lines[nxt], nxt + 1
    end = p.tree(start, newer)
    notes = p.sources(end + 1) if end < len(lines) else {}
    if not p.claims:
        raise p.fail("no numbered claim", len(lines), 1)
    clean = _plain if newer else _unescape
    for c in p.claims:
        c["text"] = clean(" ".join(c["text"]))
    p.links(notes)
    return clean(title), p.claims, notes


def read(path, fmt=None):
    """Read a Kialo text export into an argmap RDF graph."""
    title, claims, notes = parse(read_text(path), path)
    b = Builder(path, "kialo")
    b.title(title)
    excerpts = {}
    for note, (_line, name, excerpt) in notes.items():
        src = b.iri("source-" + note)
        b.add((src, RDF.type, AM.Source))
        b.add((src, DCTERMS.title, Literal(name)))
        if _URL.fullmatch(name):
            b.add((src, RDFS.seeAlso, URIRef(name)))
        if excerpt is not None:
            quote = excerpts[note] = b.iri(f"source-{note}-excerpt")
            b.add((quote, RDF.type, AM.Quote))
            b.add((quote, AM.exact, Literal(excerpt)))
            b.add((quote, AM.inSource, src))
    for c in claims:
        if c["link"] is not None:
            continue
        node = b.claim(c["number"], c["text"])
        for note in sorted(set(_FOOTNOTE.findall(c["text"])) & notes.keys(), key=int):
            b.add((node, RDFS.seeAlso, b.iri("source-" + note)))
            if note in excerpts:
                b.add((node, AM.quote, excerpts[note]))
    numbers = {c["number"]: c for c in claims}
    roots = [c for c in claims if c["parent"] is None]
    b.add((b.map, AM.mainThesis, b.iri(roots[0]["premise"])))
    for c in claims:
        if c["parent"] is None:
            continue
        kind = "support" if c["role"] == "Pro" else "attack"
        target = numbers[c["parent"]]["premise"]  # a claim under a link is about the linked claim
        b.relation(f"{c['number']}-{kind}", kind, [b.iri(c["premise"])], b.iri(target))
    return b.graph
