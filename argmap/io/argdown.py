"""Argdown, the Markdown-like syntax for argument maps (Voigt and Betz; argdown.org, "Syntax").

What argmap reads:

- statements ``[Title]: text``, references ``[Title]`` and untitled
  statements; every statement with one title is one claim (the first text
  given is its ``am:text``, the title its ``rdfs:label``); an untitled
  statement is titled ``Untitled`` and a hash of its text;
- arguments ``<Title>: gist`` and references ``<Title>``: an ``am:Argument``
  (a claim that stands for the whole argument);
- relations nested by indentation below a statement or argument: ``+`` and
  ``<+`` (the child supports the parent), ``-`` and ``<-`` (attacks),
  ``_`` and ``<_`` (undercuts), ``+>``, ``->`` and ``_>`` (the parent
  supports, attacks or undercuts the child), ``><`` (contradiction: attacks
  both ways).  An undercut below a nested argument undercuts the relation
  that argument stands in; below an argument at the top, the last inference of
  its premise-conclusion structure; where there is neither, it is read as an
  attack on the argument;
- premise-conclusion structures after an argument: numbered statements
  ``(1) ...``, inference lines of two or more hyphens (``--``, optionally with
  a rule between two of them, ``-- rule --`` on one line), and the conclusion.
  Each inference becomes an ``am:Support`` from the statements since the last
  inference (and the last conclusion) to its conclusion, ``dcterms:isPartOf``
  the argument, with its rule as ``rdfs:comment``;
- tags ``#tag`` and ``#(two words)`` (``dcterms:subject``), headings
  (``dcterms:isPartOf`` a group, for the statements and arguments that first
  appear at the top under them), comments ``<!-- -->``, ``/* */`` and
  ``//``, data ``{...}`` (dropped), and YAML front matter between ``===``
  lines, of which the top-level ``title`` names the map.

Free text at the top that is neither a statement nor an argument is prose and
not part of the map.  Errors name the file, line and column.
"""

from __future__ import annotations

import hashlib
import os
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import PROV, RDF, RDFS, XSD, Literal, Namespace, URIRef

from .._files import file_of, read_text
from ..anchor import locate, occurrences
from ..errors import ArgmapError, FormatError, ParseError
from ..names import did_you_mean
from ..vocab import AM
from ._build import Builder, date_literal

__all__ = ["read", "dumps", "parse_into"]

_MARKER = re.compile(r"(<\+|\+>|<-|->|<_|_>|><|\+|-|_)(?=\s|$)")
_PCS = re.compile(r"\((\d+)\)(?=\s|$)")
_INFERENCE = re.compile(r"-{2,}\s*$")
_INLINE_RULE = re.compile(r"-{2,}(.+?)-{2,}\s*$")
_HEADING = re.compile(r"(#{1,6})\s+(.*\S)")
_STATEMENT = re.compile(r"\[([^\[\]\n]+)\](?=:|\s|$)")
_ARGUMENT = re.compile(r"<([^<>\n]+)>(?=:|\s|$)")
_CLOSERS = {"[": ("]", "a statement"), "<": (">", "an argument")}
_TAGS = re.compile(r"(?<!\S)#\(([^)]*)\)|(?<!\S)#([\w\-]+)")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash and an ASCII punctuation character
DCT = "http://purl.org/dc/terms/"


def _strip_comments(text: str, fail) -> str:
    """The text with comments blanked out (newlines kept, so lines and columns stay)."""
    out, i, n = [], 0, len(text)
    line_start = 0
    while i < n:
        if text[i] == "\\" and i + 1 < n and text[i + 1] != "\n":  # an escaped character starts nothing
            out.append(text[i:i + 2])
            i += 2
            continue
        if text.startswith("<!--", i) or text.startswith("/*", i):
            close = "-->" if text[i] == "<" else "*/"
            j = text.find(close, i + 2)
            if j < 0:
                line = text.count("\n", 0, i) + 1
                raise fail("comment is never closed", line, i - text.rfind("\n", 0, i))
            j += len(close)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
            continue
        if text.startswith("//", i) and (i == line_start or text[i - 1] in " \t"):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
            continue
        if text[i] == "\n":
            line_start = i + 1
        out.append(text[i])
        i += 1
    return "".join(out)


def _front_matter(lines, fail) -> tuple[dict, int, dict]:
    """Top-level ``key: value`` pairs of the YAML front matter, the number of lines it takes, and each key's line."""
    first = next((k for k, ln in enumerate(lines) if ln.strip()), None)
    if first is None or lines[first].strip() != "===":
        return {}, 0, {}
    for k in range(first + 1, len(lines)):
        if lines[k].strip() == "===":
            meta, where = {}, {}
            for number in range(first + 1, k):
                m = re.match(r"([A-Za-z_][\w\-]*)\s*:\s*(.*?)\s*$", lines[number])
                if m and m.group(2):
                    value = m.group(2)
                    if value[:1] in "'\"":
                        try:
                            value, _end = _flow(value, 0)
                        except _DataError as exc:
                            raise fail(f"{m.group(1)}: {exc}", number + 1, 1) from None
                    meta[m.group(1)], where[m.group(1)] = str(value), number + 1
            return meta, k + 1, where
    raise fail("front matter opened with === is never closed", first + 1, 1)


def _clean(parts, with_data: bool = False):
    """Joined text without tags and data, and the tags (and with ``with_data`` the data, merged).

    A backslash before a punctuation character makes it plain text
    (``\\#`` is no tag, ``\\{`` no data, ``\\\\`` a backslash), as the
    export (:func:`_escape`) writes them.  Data ``{...}`` is a YAML flow
    mapping (:func:`_flow`); text that is not one is dropped as before
    unless ``with_data`` asks for the data, when it is an error.
    """
    text = " ".join(p.strip() for p in parts)
    data, pieces, i = {}, [], 0
    while (j := _next_brace(text, i)) >= 0:
        try:
            value, end = _flow(text, j)
        except _DataError:
            if with_data:
                raise
            end = text.find("}", j) + 1 or len(text)
            value = {}
        if not isinstance(value, dict):
            if with_data:
                raise _DataError("not a mapping {key: value, ...}")
            value = {}
        data.update(value)
        pieces += [text[i:j], " "]
        i = end
    text = "".join(pieces) + text[i:]
    escaped = _ESCAPED.findall(text)
    if escaped:  # each escaped character waits behind a character the text does not hold
        hold = next(chr(c) for c in range(0xE000, 0x110000) if chr(c) not in text)
        text = _ESCAPED.sub(hold, text)
    tags = [a or b for a, b in _TAGS.findall(text)]
    text = " ".join(_TAGS.sub(" ", text).split())
    if escaped:
        it = iter(escaped)
        text = re.sub(re.escape(hold), lambda _m: next(it), text)
    tags = [" ".join(t.split()) for t in tags if t.strip()]
    return (text, tags, data) if with_data else (text, tags)


def _next_brace(text: str, i: int) -> int:
    """Where the next data ``{`` not escaped by a backslash is, from ``i``; -1 for none."""
    while (j := text.find("{", i)) >= 0:
        k = j
        while k > 0 and text[k - 1] == "\\":
            k -= 1
        if (j - k) % 2 == 0:
            return j
        i = j + 1
    return -1


class _DataError(ValueError):
    """Data that is not YAML's flow style."""


_YAML_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
                 "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
                 "L": "\u2028", "P": "\u2029"}
_YAML_HEX = {"x": 2, "u": 4, "U": 8}


def _flow(text: str, i: int):
    """The YAML flow node at ``text[i:]`` and where it ends (YAML 1.2.2, chapter 7, "Flow Style
    Productions"): ``{key: value, ...}``, ``[a, b]``, double-quoted scalars with their escapes,
    single-quoted scalars (``''`` a quote) and plain scalars (numbers, true, false, null, words)."""
    n = len(text)

    def space(i):
        while i < n and text[i] in " \t\n":
            i += 1
        return i

    def collection(i, close):
        """A flow mapping (``close`` ``}``) or sequence (``]``) from its opening bracket at ``i``."""
        out, i = ({} if close == "}" else []), space(i + 1)
        while i < n and text[i] != close:
            item, i = node(i, ":,}" if close == "}" else ",]")
            if close == "}":
                i = space(i)
                if i >= n or text[i] != ":":
                    raise _DataError(f"{item!r} has no ': value'")
                out[str(item)], i = node(i + 1, ",}")
            else:
                out.append(item)
            i = space(i)
            if i < n and text[i] == ",":
                i = space(i + 1)
        if i >= n:
            raise _DataError(f"'{'{' if close == '}' else '['}' is never closed")
        return out, i + 1

    def node(i, stop):
        i = space(i)
        if i >= n:
            raise _DataError("it ends before its closing bracket")
        c = text[i]
        if c == "{":
            return collection(i, "}")
        if c == "[":
            return collection(i, "]")
        if c == '"':
            out, i = [], i + 1
            while i < n and text[i] != '"':
                if text[i] == "\\" and i + 1 < n:
                    e = text[i + 1]
                    if e in _YAML_HEX:
                        digits = text[i + 2:i + 2 + _YAML_HEX[e]]
                        if len(digits) != _YAML_HEX[e] or not all(d in "0123456789abcdefABCDEF" for d in digits):
                            raise _DataError(f"bad escape \\{e}{digits}")
                        out.append(chr(int(digits, 16)))
                        i += 2 + _YAML_HEX[e]
                        continue
                    if e not in _YAML_ESCAPES:
                        raise _DataError(f"unknown escape \\{e}")
                    out.append(_YAML_ESCAPES[e])
                    i += 2
                    continue
                out.append(text[i])
                i += 1
            if i >= n:
                raise _DataError('a string opened with " is never closed')
            return "".join(out), i + 1
        if c == "'":
            out, i = [], i + 1
            while True:
                j = text.find("'", i)
                if j < 0:
                    raise _DataError("a string opened with ' is never closed")
                out.append(text[i:j])
                if text.startswith("''", j):
                    out.append("'")
                    i = j + 2
                    continue
                return "".join(out), j + 1
        j = i
        while j < n and (text[j] not in stop or text[j] == ":"):
            if text[j] == ":" and ":" in stop and (j + 1 >= n or text[j + 1] in " \t,}]"):
                break  # a key ends at ': '
            j += 1
        return _plain(text[i:j].strip()), j

    return node(i, "")


def _plain(word: str):
    """A plain YAML scalar: null, a boolean, an integer, a float, or the text itself (YAML 1.2 core schema)."""
    if word in ("", "~", "null", "Null", "NULL"):
        return None
    if word in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return word.lower() == "true"
    if re.fullmatch(r"[-+]?[0-9]+", word):
        return int(word)
    if re.fullmatch(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", word):
        return float(word)
    return word


#: Claim kinds as Argdown tags (``#fact``) or data (``{kind: fact}``), and their classes.
_KIND_TAGS = {"fact": "FactualClaim", "prediction": "PredictiveClaim", "evaluation": "EvaluativeClaim",
              "policy": "PolicyClaim"}


def _scheme_iri(name: str, AM):
    """A scheme named by its IRI or its name in the ontology (``PracticalReasoning``)."""
    if "://" in name:
        return URIRef(name)
    return AM[re.sub(r"[^\w]", "", name.title() if " " in name else name)]


def _escape(text: str) -> str:
    """``text`` as Argdown reads it back: a backslash before each character that would start a tag
    (``#`` after a space), data (``{``, ``}``), a comment (``//``, ``/*``, ``<!--``) or an escape."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"(?<!\S)#|[{}]|/(?=[/*])|<(?=!--)", lambda m: "\\" + m.group(), text)
    return text


def _bracketed(title: str) -> str:
    return f"[{title}]"


class _Pending:
    """An undercut that is known only at the end of the file: the ``index``-th the reader put off."""

    __slots__ = ("index",)

    def __init__(self, index: int):
        self.index = index


class _Reader:
    def __init__(self, path, builder):
        self.path, self.b = path, builder
        self.RDF, self.RDFS, self.Literal, self.AM = RDF, RDFS, Literal, AM
        self.DCT = Namespace(DCT)
        self.key = {}  # IRI -> key used to name relations
        self.texts = set()
        self.inferences = {}  # argument IRI -> number of inferences
        self.undercuts = []  # (premise, node, via relation, line)
        self.top_seen = set()
        self.group = None
        self.defined = set()  # statements and arguments given with a colon: [Title]: ...
        self.first_line = {}  # IRI -> the line it first appears on
        self.quotes = []  # (claim, quote text, occurrence, line)
        self.relation_arguments = {}  # argument that only stands for its inference -> its data
        self.pending_data = []  # (undercut put off, data, line)
        self.source_path = None  # --source, which overrides the front matter's source

    def fail(self, message, line, column=None):
        return ParseError(message, path=str(self.path), line=line, column=column)

    # --- nodes --------------------------------------------------------------
    def node(self, kind, title):
        key = ("s:" if kind == "statement" else "a:") + title
        iri = self.b.iri(key)
        if iri not in self.key:
            self.key[iri] = key
            self.first_line[iri] = self.line
            self.b.claim(iri, label=title, kind=self.AM.Claim if kind == "statement" else self.AM.Argument)
        return iri

    def element(self, content: str, line: int, column: int):
        """``(IRI, text parts)`` of the statement or argument that ``content`` starts."""
        self.line = line
        for kind, pattern in (("statement", _STATEMENT), ("argument", _ARGUMENT)):
            m = pattern.match(content)
            if m:
                rest = content[m.end():]
                if rest.strip() and not rest.startswith(":") and not rest.lstrip().startswith(("{", "#")):
                    break  # [a link](url) or <b>: free text, an untitled statement
                title = " ".join(m.group(1).split())
                if not title:
                    raise self.fail(f"empty {kind} title", line, column)
                node = self.node(kind, title)
                if rest.startswith(":"):
                    self.defined.add(node)
                    return node, [rest[1:]]
                return node, [rest] if rest.strip() else []  # a reference, with its tags or data
        self.check_closed(content, line, column)
        text, _tags = _clean([content, *self.continuation(line)])
        if not text:
            raise self.fail("expected a statement or an argument", line, column)
        title = "Untitled " + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        node = self.node("statement", title)
        self.defined.add(node)
        return node, [content]

    def check_closed(self, content: str, line: int, column: int) -> None:
        """Fail at ``line`` if ``content`` opens a title, as ``[Title: text`` does, that no bracket closes."""
        closer, kind = _CLOSERS.get(content[:1], (None, None))
        if closer is not None and closer not in content and ":" in content:
            title = content[1:content.index(":")].strip() or "Title"
            raise self.fail(f"unclosed {content[0]!r}: {kind}'s title ends with {closer!r} "
                            f"(write {content[0]}{title}{closer}: ...)", line, column)

    def continuation(self, line: int) -> list[str]:
        """The lines that go on the text of the element starting on ``line`` (numbered from 1)."""
        out = []
        for raw in self.lines[line:]:
            raw = raw.replace("\t", "    ").rstrip()
            body = raw.strip()
            if (not body or _MARKER.match(body) or _PCS.match(body) or body.startswith("--")
                    or (not raw[:1].isspace() and _HEADING.match(raw))):
                break
            out.append(body)
        return out

    def finish(self, current):
        """Store the text, tags and data an element collected (``current``: IRI, text parts, line, relation)."""
        if current is None:
            return
        iri, parts, line, rel = (*current, None, None)[:4]
        try:
            text, tags, data = _clean(parts, with_data=True)
        except _DataError as exc:
            raise self.fail(f"data {{...}}: {exc}", line) from None
        if text and iri not in self.texts:
            self.texts.add(iri)
            self.b.add((iri, self.AM.text, self.Literal(text)))
        statement = self.key[iri].startswith("s:")
        for t in tags:
            if statement and t.lower() in _KIND_TAGS:
                self.kind(iri, t.lower(), line)
            else:
                self.b.add((iri, self.DCT.subject, self.Literal(t)))
        if data:
            self.data(iri, data, line, rel, statement)

    def kind(self, iri, name, line):
        """Make ``iri`` a claim of the kind ``name`` (fact, prediction, evaluation, policy)."""
        cls = _KIND_TAGS.get(str(name).lower())
        if cls is None:
            raise self.fail(f"unknown kind {name!r}: one of {', '.join(_KIND_TAGS)}", line)
        self.b.graph.remove((iri, self.RDF.type, self.AM.Claim))
        self.b.add((iri, self.RDF.type, self.AM[cls]))

    def data(self, iri, data, line, rel, statement):
        """What argmap reads of an element's data: a statement's ``quote`` (with ``occurrence``),
        ``kind``, ``base`` and ``speaker``; a relation's ``scheme`` and ``weight`` (data after the
        element of a relation line); an argument's ``relation: true`` (it stands for its inference
        only, with that ``scheme``)."""
        if statement:
            quotes = data.get("quote", data.get("quotes"))
            if quotes is not None:
                quotes = quotes if isinstance(quotes, list) else [quotes]
                occurrence = data.get("occurrence")
                nths = occurrence if isinstance(occurrence, list) else [occurrence] * len(quotes)
                if len(nths) != len(quotes):
                    raise self.fail(f"occurrence: give one number per quote ({len(quotes)})", line)
                for q, n in zip(quotes, nths):
                    if not isinstance(q, str) or not q.strip():
                        raise self.fail(f"quote: {q!r} is not a quote's text", line)
                    if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 1):
                        raise self.fail(f"occurrence: {n!r} is not a number from 1", line)
                    self.quotes.append((iri, q, n, line))
            if "kind" in data:
                self.kind(iri, data["kind"], line)
            for key in ("base", "baseScore"):
                if key in data:
                    self.b.graph.remove((iri, self.AM.baseScore, None))
                    self.b.add((iri, self.AM.baseScore, self.unit(data, key, line)))
            if "speaker" in data:
                for who in data["speaker"] if isinstance(data["speaker"], list) else [data["speaker"]]:
                    self.b.add((iri, self.AM.attributedTo, self.agent(str(who))))
        elif data.get("relation") is True:
            self.relation_arguments[iri] = data
        if isinstance(rel, _Pending):
            self.pending_data.append((rel, data, line))
        elif rel is not None:
            self.relation_data(rel, data, line)

    def unit(self, data, key, line):
        """``data[key]`` as an ``xsd:decimal`` literal in [0, 1]."""
        try:
            value = None if isinstance(data[key], bool) else Decimal(str(data[key]))
        except (InvalidOperation, ValueError):
            value = None
        if value is None or not value.is_finite() or not 0 <= value <= 1:
            raise self.fail(f"{key}: {data[key]!r} is not a number in [0, 1]", line)
        return self.Literal(str(value), datatype=XSD.decimal)

    def relation_data(self, rel, data, line):
        """A relation's ``scheme`` and ``weight``."""
        if "scheme" in data:
            self.b.add((rel, self.AM.scheme, _scheme_iri(str(data["scheme"]), self.AM)))
        if "weight" in data:
            self.b.add((rel, self.AM.weight, self.unit(data, "weight", line)))

    def agent(self, name: str):
        """The agent (``prov:Agent``) called ``name``."""
        node = self.b.iri("agent:" + name)
        self.b.add((node, self.RDF.type, PROV.Agent))
        self.b.add((node, self.RDFS.label, self.Literal(name)))
        return node

    def relation(self, kind, premise, target):
        key = f"{kind}({self.key[premise]}>{self.key[target]})"
        rel = self.b.iri(key)
        self.key[rel] = key
        self.b.relation(rel, kind, [premise], target)
        return rel

    def relate(self, marker, parent, child, via, line):
        """The relation(s) ``marker`` draws between ``parent`` and ``child``; the first one."""
        if marker in ("+", "<+"):
            return self.relation("support", child, parent)
        if marker in ("-", "<-"):
            return self.relation("attack", child, parent)
        if marker == "+>":
            return self.relation("support", parent, child)
        if marker == "->":
            return self.relation("attack", parent, child)
        if marker == "><":
            first = self.relation("attack", child, parent)
            self.relation("attack", parent, child)
            return first
        if marker in ("_", "<_"):
            if via is not None and not isinstance(via, _Pending):  # below a nested element: the relation it stands in
                return self.relation("undercut", child, via)
            self.undercuts.append((child, parent, via, line))
        else:  # _>
            self.undercuts.append((parent, child, None, line))
        return _Pending(len(self.undercuts) - 1)  # known once every inference is read

    def inference(self, argument, premises, conclusion, rule, line):
        if not premises:
            raise self.fail("inference without premises", line, 1)
        k = self.inferences.get(argument, 0) + 1
        self.inferences[argument] = k
        key = f"i:{self.key[argument][2:]}:{k}"
        rel = self.b.iri(key)
        self.key[rel] = key
        self.b.relation(rel, "support", premises, conclusion, label=self.key[argument][2:])
        self.b.add((rel, self.DCT.isPartOf, argument))
        if rule:
            self.b.add((rel, self.RDFS.comment, self.Literal(rule)))

    def resolve_undercuts(self):
        """The undercuts that wait for the end of the file, in file order (so an undercut of one comes after it)."""
        made = []
        for premise, node, via, _line in self.undercuts:
            if isinstance(via, _Pending):  # below an undercut that waited too
                made.append(self.relation("undercut", premise, made[via.index]))
            elif via is not None:
                made.append(self.relation("undercut", premise, via))
            elif self.inferences.get(node):
                made.append(self.relation("undercut", premise, self.b.iri(f"i:{self.key[node][2:]}:{self.inferences[node]}")))
            else:
                kind = "statement" if self.key[node].startswith("s:") else "argument"
                raise self.fail(f"undercut of {self.ref(node)} has nothing to undercut: a {kind} is no inference; "
                                f"indent the undercut below a relation's line, or below an argument with a "
                                f"premise-conclusion structure (or attack {self.ref(node)} with '-')", _line)
        for pending, data, line in self.pending_data:
            self.relation_data(made[pending.index], data, line)

    # --- lines --------------------------------------------------------------
    def run(self, text: str):
        text = text.removeprefix("\ufeff")
        if not text.strip():
            raise self.fail("empty file: no statement or argument", 1, 1)
        lines = self.lines = _strip_comments(text, self.fail).split("\n")
        meta, skip, meta_lines = _front_matter(lines, self.fail)
        if meta.get("title"):
            self.b.title(meta["title"])
        stack = []  # (indent, node, relation that attached it)
        current = None
        last_top = None  # the argument a premise-conclusion structure belongs to
        pcs = None
        for number in range(skip, len(lines)):
            raw = lines[number].replace("\t", "    ").rstrip()
            line = number + 1
            if not raw.strip():
                self.finish(current)
                current = None
                if pcs is not None and pcs["rule"] is not None:
                    pcs["rule"].append("")
                continue
            indent = len(raw) - len(raw.lstrip())
            body = raw.strip()
            col = indent + 1
            heading = _HEADING.match(raw) if indent == 0 else None
            if heading:
                self.finish(current)
                current, stack, last_top = None, [], None
                pcs = self.close_pcs(pcs, line)
                title = " ".join(heading.group(2).split())
                self.group = self.b.iri("g:" + title)
                self.b.add((self.group, self.RDFS.label, self.Literal(title)))
                continue
            # premise-conclusion structures
            plain = _INFERENCE.match(body) if body.startswith("--") else None
            inline = _INLINE_RULE.match(body) if body.startswith("--") and not plain else None
            if plain or inline:
                self.finish(current)
                current = None
                if pcs is None:
                    raise self.fail("inference line outside a premise-conclusion structure", line, col)
                if pcs["rule"] is not None and pcs["rule_open"]:
                    pcs["rule_open"] = False  # closes the rule
                    continue
                if pcs["pending"] is not None:
                    raise self.fail("two inference lines in a row", line, col)
                pcs["pending"] = line
                pcs["rule"] = [inline.group(1)] if inline else []
                pcs["rule_open"] = not inline
                continue
            m = _PCS.match(body)
            if m:
                self.finish(current)
                if pcs is None:
                    if last_top is None or self.key[last_top][:2] != "a:":
                        raise self.fail("premise-conclusion structure without an argument above it", line, col)
                    pcs = {"argument": last_top, "items": [], "prev": None, "pending": None, "rule": None,
                           "rule_open": False}
                node, parts = self.element(body[m.end():].strip(), line, col + m.end() + 1)
                current = (node, parts, line)
                if pcs["pending"] is not None:
                    premises = pcs["items"] + ([pcs["prev"]] if pcs["prev"] is not None else [])
                    rule, _ = _clean(pcs["rule"] or [])
                    self.inference(pcs["argument"], list(dict.fromkeys(premises)), node, rule, line)
                    pcs.update(items=[], prev=node, pending=None, rule=None, rule_open=False)
                else:
                    pcs["items"].append(node)
                stack = [(indent, node, None)]
                continue
            if pcs is not None and pcs["rule_open"]:
                pcs["rule"].append(body)
                continue
            marker = _MARKER.match(body)
            if marker:
                self.finish(current)
                current = None
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                if not stack:
                    raise self.fail(f"relation {marker.group(1)!r} has nothing to relate to: indent it below a "
                                    f"statement or an argument", line, col)
                content = body[marker.end():].strip()
                if not content:
                    raise self.fail(f"relation {marker.group(1)!r} without a statement or an argument", line, col)
                _ind, parent, via = stack[-1]
                node, parts = self.element(content, line, col + len(body) - len(content))
                rel = self.relate(marker.group(1), parent, node, via, line)
                stack.append((indent, node, rel))
                current = (node, parts, line, rel)
                continue
            if current is not None:  # the text of the element above goes on
                current[1].append(body)
                continue
            if indent > 0:
                continue  # indented prose
            starts = _STATEMENT.match(body) or _ARGUMENT.match(body)
            if not starts or (body[starts.end():].strip() and not body[starts.end():].startswith(":")):
                self.check_closed(body, line, col)
                continue  # prose at the top
            pcs = self.close_pcs(pcs, line)
            node, parts = self.element(body, line, col)
            current = (node, parts, line)
            stack = [(indent, node, None)]
            last_top = node
            if node not in self.top_seen:
                self.top_seen.add(node)
                if self.group is not None:
                    self.b.add((node, self.DCT.isPartOf, self.group))
        self.finish(current)
        self.close_pcs(pcs, len(lines))
        self.resolve_undercuts()
        self.relation_only_arguments()
        self.check_references()
        self.front(meta, meta_lines)

    def ref(self, node) -> str:
        """How the file names ``node``: ``[Title]`` or ``<Title>``."""
        key = self.key[node]
        return f"[{key[2:]}]" if key.startswith("s:") else f"<{key[2:]}>"

    def relation_only_arguments(self):
        """An argument with data ``{relation: true}`` is no claim: it stands only for its inference
        (how the export writes a linked support), which takes its ``scheme`` and ``weight``."""
        g = self.b.graph
        for arg, data in self.relation_arguments.items():
            line = self.first_line[arg]
            inferences = list(g.subjects(self.DCT.isPartOf, arg))
            if not inferences:
                raise self.fail(f"{self.ref(arg)} stands for a relation ({{relation: true}}) but has no "
                                f"premise-conclusion structure", line)
            used = [p for p in (self.AM.premise, self.AM.target) if (None, p, arg) in g]
            if used:
                raise self.fail(f"{self.ref(arg)} stands for a relation ({{relation: true}}), so it cannot be a "
                                f"premise or a target itself", line)
            for rel in inferences:
                g.remove((rel, self.DCT.isPartOf, arg))
                g.remove((rel, self.RDFS.label, None))
                self.relation_data(rel, data, line)
            g.remove((arg, None, None))

    def check_references(self):
        """A statement in a relation that has no text anywhere and is never defined (``[Title]:``) is a typo."""
        g = self.b.graph
        statements = {iri: key[2:] for iri, key in self.key.items() if key.startswith("s:")}
        known = sorted(t for iri, t in statements.items() if iri in self.texts or iri in self.defined)
        used = set(g.objects(None, self.AM.premise)) | set(g.objects(None, self.AM.target))
        for iri in sorted(used & statements.keys() - self.texts - self.defined, key=self.first_line.get):
            title = statements[iri]
            hint = did_you_mean(title, known, show=_bracketed) or \
                f"; give it a text with [{title}]: ... (or define it without one: [{title}]:)"
            raise self.fail(f"[{title}] has no text anywhere in the file{hint}", self.first_line[iri])

    def front(self, meta, lines):
        """The front matter: the source (its text anchors the quotes), its title, author and date,
        and the main thesis by title."""
        b, AM = self.b, self.AM
        path = self.source_path or meta.get("source")
        if path is not None:
            path = Path(path) if self.source_path else Path(self.path).resolve().parent / path
            try:
                source_text = read_text(path)
            except ArgmapError as exc:
                if self.source_path is not None:
                    raise
                raise self.fail(f"source: {exc}", lines.get("source", 1)) from None
            src = b.URIRef(path.resolve().as_uri())
        elif self.quotes or meta.get("author") or meta.get("date"):
            source_text, src = None, b.iri("source")
        else:
            source_text = src = None
        if src is not None:
            b.add((src, self.RDF.type, AM.Source))
            b.add((b.map, AM.source, src))
            if meta.get("title"):
                b.add((src, self.DCT.title, Literal(meta["title"])))
            if meta.get("author"):
                b.add((src, self.DCT.creator, self.agent(meta["author"])))
            if meta.get("date"):
                b.add((src, self.DCT.date, date_literal(meta["date"])))
        for k, (claim, text, occurrence, line) in enumerate(self.quotes):
            q = b.iri(f"q:{self.key[claim][2:]}:{k}")
            b.add((claim, AM.quote, q))
            b.add((q, self.RDF.type, AM.Quote))
            b.add((q, AM.inSource, src))
            if source_text is None:
                b.add((q, AM.exact, Literal(text)))
                continue

            try:
                span = locate(source_text, text, occurrence)
            except ArgmapError as exc:
                raise self.fail(f"{self.ref(claim)}: {exc}", line) from None
            b.add((q, AM.exact, Literal(span.exact)))
            b.add((q, AM.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
            b.add((q, AM.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        thesis = meta.get("thesis")
        if thesis:
            title = " ".join(str(thesis).strip("[]<>").split())
            node = next((iri for iri, key in self.key.items() if key[2:] == title and key[:2] in ("s:", "a:")), None)
            if node is None:
                titles = sorted(k[2:] for k in self.key.values() if k[:2] in ("s:", "a:"))
                hint = did_you_mean(title, titles, show=_bracketed)
                raise self.fail(f"thesis: no statement or argument is titled {title!r}{hint}", lines.get("thesis", 1))
            b.add((b.map, AM.mainThesis, node))

    def close_pcs(self, pcs, line):
        if pcs is None:
            return None
        if pcs["pending"] is not None:
            raise self.fail("inference line without a conclusion after it", pcs["pending"], 1)
        if pcs["prev"] is None:
            raise self.fail("premise-conclusion structure without an inference line (--) and a conclusion", line, 1)
        if pcs["items"]:
            raise self.fail("premises after the last conclusion lead to no conclusion", line, 1)
        return None


def parse_into(text: str, path, builder, source=None) -> None:
    """Add the Argdown ``text``'s claims and relations to ``builder``; ``source`` overrides the front matter's."""
    reader = _Reader(path, builder)
    reader.source_path = source
    reader.run(text)


def read(path, fmt=None, source=None):
    """Read an Argdown file into an argmap RDF graph; its quotes are anchored in ``source``
    (a path; by default the front matter's ``source``, relative to the file)."""
    b = Builder(path, "ad")
    b.ontology()
    parse_into(read_text(path), path, b, source)
    return b.graph


# --- writing ------------------------------------------------------------------


def _title(text: str) -> str:
    t = " ".join(str(text).replace("[", "(").replace("]", ")").replace("<", "(").replace(">", ")").split())
    return t or "Untitled"


def _short(text: str, limit: int = 60) -> str:
    """A title from a long text: its words up to ``limit`` characters."""
    words, out = str(text).split(), ""
    for w in words:
        if len(out) + len(w) + 1 > limit and out:
            return out + " ..."
        out = f"{out} {w}".strip()
    return out


def _oneline(text: str) -> str:
    return " ".join(str(text).split())


def _source_of(amap, source):
    """The source text's file and its text: ``source``, else the file the map's quotes are in, if it exists."""
    if source is None:
        places = {q.source for c in amap.claims.values() for q in c.quotes if q.source}
        files = sorted(filter(None, map(file_of, places)))
        if len(files) != 1 or not files[0].is_file():
            return None, None
        source = files[0]
    return Path(source), read_text(source)


def _occurrence(text, quote):
    """Which occurrence of its exact text in ``text`` the quote is (1, 2, ...), where there are several."""
    if text is None or quote.start is None or text[quote.start:quote.end] != quote.text:
        return None
    starts = occurrences(text, quote.text)  # counted as locate counts them
    return starts.index(quote.start) + 1 if len(starts) > 1 else None


class _Number(str):
    """A number written as its literal's own digits."""


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar that Argdown reads back as ``value`` (YAML 1.2.2, section 7.3.1):
    escapes for the quote, the backslash and control characters, and for the characters that would
    start a comment or data in Argdown (``//``, ``/*``, ``<!--``, braces)."""
    out = []
    for k, c in enumerate(value):
        if c in '"\\':
            out.append("\\" + c)
        elif c == "/" and value[k + 1:k + 2] in ("/", "*"):
            out.append("\\/")
        elif c in "{}" or (c == "<" and value.startswith("!--", k + 1)) or ord(c) < 0x20 or c == "\x7f":
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _data(data: dict) -> str:
    """Argdown data ``{key: value, ...}`` in YAML's flow style, keys in the order given; "" for none."""
    def value(v):
        if v is None:
            return "null"
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (_Number, int)):
            return str(v)
        if isinstance(v, list):
            return "[" + ", ".join(map(value, v)) + "]"
        if re.fullmatch(r"[A-Za-z][\w\-]*", str(v)) and _plain(str(v)) == str(v):
            return str(v)  # a plain word: a scheme's name, say
        return _quoted(str(v))

    return "{" + ", ".join(f"{k}: {value(v)}" for k, v in data.items()) + "}" if data else ""


def dumps(amap, fmt=None, source=None, path=None) -> str:
    """The map as Argdown: front matter, one block per claim with its incoming relations, then the
    premise-conclusion structures of its arguments.  Sorted, so one map gives the same text.

    A support with linked premises that no Argdown argument reconstructs is
    written as an argument of its own; Argdown cannot say that several
    premises attack or undercut together, so such a relation is written once
    per premise."""
    g = amap.graph
    dct = Namespace(DCT)
    claims, relations = amap.claims, amap.relations
    source_file, source_text = _source_of(amap, source)
    is_arg = {cid: (URIRef(cid), RDF.type, AM.Argument) in g for cid in claims}
    titles, used = {}, set()
    for cid in claims:
        label = g.value(URIRef(cid), RDFS.label)
        base = _title(label if label is not None else _short(claims[cid].label))
        t, n = base, 1
        while (is_arg[cid], t) in used:
            n += 1
            t = f"{base} ({n})"
        used.add((is_arg[cid], t))
        titles[cid] = t

    def ref(cid):
        return f"<{titles[cid]}>" if is_arg[cid] else f"[{titles[cid]}]"

    kinds = {str(AM[cls]): tag for tag, cls in _KIND_TAGS.items()}

    def agent_name(node):
        """An agent's name: its label, else the last part of its IRI."""
        label = g.value(node, RDFS.label)
        return str(label) if label is not None else re.split(r"[#/]", str(node).rstrip("/#"))[-1]

    def definition(cid):
        node, claim = URIRef(cid), claims[cid]
        text = g.value(node, AM.text)
        tags = sorted(str(t) for t in g.objects(node, dct.subject))
        tags += sorted(kinds[t] for t in claim.types if t in kinds)
        tag_text = " ".join(f"#({t})" if not re.fullmatch(r"[\w\-]+", t) else f"#{t}" for t in tags)
        data = {}
        quotes = [q for q in claim.quotes if q.text]
        if quotes:
            texts = [q.text for q in quotes]
            data["quote"] = texts[0] if len(texts) == 1 else texts
            which = [_occurrence(source_text, q) for q in quotes]
            if any(which):
                data["occurrence"] = which[0] if len(which) == 1 else which
        base = g.value(node, AM.baseScore)
        if base is not None and not is_arg[cid]:
            data["base"] = _Number(str(base))
        speakers = sorted(agent_name(URIRef(a)) for a in claim.attributed_to)
        if speakers:
            data["speaker"] = speakers[0] if len(speakers) == 1 else speakers
        body = " ".join(filter(None, [_escape(_oneline(text)) if text is not None else "", tag_text, _data(data)]))
        return ref(cid) + (f": {body}" if body else ":")

    def relation_data(rid):
        node, data = URIRef(rid), {}
        scheme = g.value(node, AM.scheme)
        if scheme is not None:
            data["scheme"] = str(scheme)[len(str(AM)):] if str(scheme).startswith(str(AM)) else str(scheme)
        weight = g.value(node, AM.weight)
        if weight is not None:
            data["weight"] = _Number(str(weight))
        return data

    def line(mark, premise, rid):
        data = _data(relation_data(rid))
        return f"{mark} {ref(premise)}" + (f" {data}" if data else "")

    inferences = {}  # argument -> [(k, relation)]
    for rid in relations:
        arg = g.value(URIRef(rid), dct.isPartOf)
        if arg is not None and str(arg) in claims and relations[rid].type == "support":
            k = rid.rsplit(":", 1)[-1]
            inferences.setdefault(str(arg), []).append((int(k) if k.isdigit() else 0, rid))
    in_pcs = {rid for items in inferences.values() for _k, rid in items}
    undercuts = {}
    incoming = {}
    linked = []
    for rid, r in relations.items():
        if rid in in_pcs:
            continue
        if r.type == "undercut":
            undercuts.setdefault(r.target, []).append(rid)
        elif len(r.sources) > 1 and r.type == "support":
            linked.append(rid)
        else:
            incoming.setdefault(r.target, []).append(rid)
    marks = {"support": "<+", "attack": "<-", "undercut": "<_"}
    lines = []
    maps = sorted(g.subjects(RDF.type, AM.ArgumentMap), key=str)
    front = {}
    title = next((g.value(m, RDFS.label) for m in maps if g.value(m, RDFS.label) is not None), None)
    if title is not None:
        front["title"] = _oneline(title)
    sources = sorted({s for m in maps for s in g.objects(m, AM.source)}, key=str)
    quoted = [s for s in sources if any(g.triples((None, AM.inSource, s)))]
    described = [s for s in sources if (s, dct.creator, None) in g or (s, dct.date, None) in g]
    for src in (quoted or described)[:1]:  # the source text: the one the quotes are in, with its author and date
        creator, date = g.value(src, dct.creator), g.value(src, dct.date)
        if creator is not None:
            front.setdefault("author", agent_name(creator))
        if date is not None:
            front.setdefault("date", str(date))
    if source_file is not None:  # relative to the file written, else absolute
        where = source_file.resolve()
        front["source"] = Path(os.path.relpath(where, Path(path).resolve().parent) if path else where).as_posix()
    thesis = amap.main_thesis
    if thesis is not None and thesis in titles:
        front["thesis"] = titles[thesis]
    if front:
        lines += ["===", *(f"{k}: {_quoted(v)}" for k, v in front.items()), "==="]
        lines.append("")

    def children(rid, depth):
        out = []
        for uid in sorted(undercuts.get(rid, [])):
            for p in relations[uid].sources:
                out.append("  " * depth + line("<_", p, uid))
                out += children(uid, depth + 1)
        return out

    def block(cid):
        out = [definition(cid)]
        for rid in sorted(incoming.get(cid, []), key=lambda r: (relations[r].type, r)):
            r = relations[rid]
            for p in r.sources:
                out.append("  " + line(marks[r.type], p, rid))
                out += children(rid, 2)
        for _k, rid in sorted(inferences.get(cid, [])):
            out += children(rid, 1)
        return out

    groups = {}
    for cid in claims:
        grp = g.value(URIRef(cid), dct.isPartOf)
        label = g.value(grp, RDFS.label) if grp is not None else None
        groups.setdefault(None if label is None else _oneline(label), []).append(cid)
    for name in sorted(groups, key=lambda k: (k is not None, k or "")):
        if name is not None:
            lines += [f"# {name}", ""]
        for cid in sorted(groups[name], key=lambda c: (is_arg[c], titles[c])):
            lines += block(cid) + [""]
    for arg in sorted(inferences, key=lambda c: titles[c]):
        lines += [ref(arg), ""]
        n, prev = 0, None
        for _k, rid in sorted(inferences[arg]):
            r = relations[rid]
            for p in sorted((p for p in r.sources if p != prev), key=lambda p: titles[p]):
                n += 1
                lines.append(f"({n}) {ref(p)}")
            rule = g.value(URIRef(rid), RDFS.comment)
            lines += ["--", _oneline(rule), "--"] if rule is not None and _oneline(rule) else ["--"]
            n += 1
            lines.append(f"({n}) {ref(r.target)}")
            prev = r.target
        lines.append("")
    for rid in sorted(linked):
        r = relations[rid]
        data = _data({"relation": True, **relation_data(rid)})
        lines += [f"// linked premises of {rid}", f"<{_title('Linked ' + rid.rsplit('#', 1)[-1])}>: {data}"]
        lines += children(rid, 1) + [""]  # an undercut below an argument aims at its inference
        lines += [f"({i}) {ref(p)}" for i, p in enumerate(sorted(r.sources, key=lambda p: titles[p]), 1)]
        lines += ["--", f"({len(r.sources) + 1}) {ref(r.target)}", ""]
    if any("\x00" in line for line in lines):
        raise FormatError("the map holds U+0000 (NUL), which an Argdown text file cannot carry; "
                          "export to turtle, ntriples or json instead")
    if not lines:  # an empty file is a mistake to the reader; an empty map says so
        lines = ["// an argument map without claims"]
    return "\n".join(lines).rstrip("\n") + "\n"
