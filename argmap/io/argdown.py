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
import re

from .._files import read_text
from ..errors import ParseError

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
_DATA = re.compile(r"\{[^{}]*\}")
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


def _front_matter(lines, fail) -> tuple[dict, int]:
    """Top-level ``key: value`` pairs of the YAML front matter, and the number of lines it takes."""
    first = next((k for k, ln in enumerate(lines) if ln.strip()), None)
    if first is None or lines[first].strip() != "===":
        return {}, 0
    for k in range(first + 1, len(lines)):
        if lines[k].strip() == "===":
            meta = {}
            for ln in lines[first + 1 : k]:
                m = re.match(r"([A-Za-z_][\w\-]*)\s*:\s*(.*?)\s*$", ln)
                if m and m.group(2):
                    value = m.group(2)
                    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                        value = value[1:-1]
                    meta[m.group(1)] = value
            return meta, k + 1
    raise fail("front matter opened with === is never closed", first + 1, 1)


def _clean(parts) -> tuple[str, list[str]]:
    """Joined text without tags and data, and the tags.

    A backslash before a punctuation character makes it plain text
    (``\\#`` is no tag, ``\\{`` no data, ``\\\\`` a backslash), as the
    export (:func:`_escape`) writes them.
    """
    text = " ".join(p.strip() for p in parts)
    escaped = _ESCAPED.findall(text)
    if escaped:  # each escaped character waits behind a character the text does not hold
        hold = next(chr(c) for c in range(0xE000, 0x110000) if chr(c) not in text)
        text = _ESCAPED.sub(hold, text)
    tags = [a or b for a, b in _TAGS.findall(text)]
    text = " ".join(_DATA.sub(" ", _TAGS.sub(" ", text)).split())
    if escaped:
        it = iter(escaped)
        text = re.sub(re.escape(hold), lambda _m: next(it), text)
    return text, [" ".join(t.split()) for t in tags if t.strip()]


def _escape(text: str) -> str:
    """``text`` as Argdown reads it back: a backslash before each character that would start a tag
    (``#`` after a space), data (``{``, ``}``), a comment (``//``, ``/*``, ``<!--``) or an escape."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"(?<!\S)#|[{}]|/(?=[/*])|<(?=!--)", lambda m: "\\" + m.group(), text)
    return text


class _Pending:
    """An undercut that is known only at the end of the file: the ``index``-th the reader put off."""

    __slots__ = ("index",)

    def __init__(self, index: int):
        self.index = index


class _Reader:
    def __init__(self, path, builder):
        from rdflib import RDF, RDFS, Literal, Namespace

        from ..vocab import AM

        self.path, self.b = path, builder
        self.RDF, self.RDFS, self.Literal, self.AM = RDF, RDFS, Literal, AM
        self.DCT = Namespace(DCT)
        self.key = {}  # IRI -> key used to name relations
        self.texts = set()
        self.inferences = {}  # argument IRI -> number of inferences
        self.undercuts = []  # (premise, node, via relation, line)
        self.top_seen = set()
        self.group = None

    def fail(self, message, line, column=None):
        return ParseError(message, path=str(self.path), line=line, column=column)

    # --- nodes --------------------------------------------------------------
    def node(self, kind, title):
        key = ("s:" if kind == "statement" else "a:") + title
        iri = self.b.iri(key)
        if iri not in self.key:
            self.key[iri] = key
            self.b.claim(iri, label=title, kind=self.AM.Claim if kind == "statement" else self.AM.Argument)
        return iri

    def element(self, content: str, line: int, column: int):
        """``(IRI, text parts)`` of the statement or argument that ``content`` starts."""
        for kind, pattern in (("statement", _STATEMENT), ("argument", _ARGUMENT)):
            m = pattern.match(content)
            if m:
                rest = content[m.end():]
                if rest.strip() and not rest.startswith(":"):
                    break  # [a link](url) or <b>: free text, an untitled statement
                title = " ".join(m.group(1).split())
                if not title:
                    raise self.fail(f"empty {kind} title", line, column)
                return self.node(kind, title), [rest[1:]] if rest.startswith(":") else []
        self.check_closed(content, line, column)
        text, _tags = _clean([content, *self.continuation(line)])
        if not text:
            raise self.fail("expected a statement or an argument", line, column)
        title = "Untitled " + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        return self.node("statement", title), [content]

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
        """Store the text and tags an element collected."""
        if current is None:
            return
        iri, parts = current
        text, tags = _clean(parts)
        if text and iri not in self.texts:
            self.texts.add(iri)
            self.b.add((iri, self.AM.text, self.Literal(text)))
        for t in tags:
            self.b.add((iri, self.DCT.subject, self.Literal(t)))

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
                made.append(self.relation("attack", premise, node))

    # --- lines --------------------------------------------------------------
    def run(self, text: str):
        text = text.removeprefix("\ufeff")
        if not text.strip():
            raise self.fail("empty file: no statement or argument", 1, 1)
        lines = self.lines = _strip_comments(text, self.fail).split("\n")
        meta, skip = _front_matter(lines, self.fail)
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
                current = (node, parts)
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
                current = (node, parts)
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
            current = (node, parts)
            stack = [(indent, node, None)]
            last_top = node
            if node not in self.top_seen:
                self.top_seen.add(node)
                if self.group is not None:
                    self.b.add((node, self.DCT.isPartOf, self.group))
        self.finish(current)
        self.close_pcs(pcs, len(lines))
        self.resolve_undercuts()

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


def parse_into(text: str, path, builder) -> None:
    """Add the Argdown ``text``'s claims and relations to ``builder``."""
    _Reader(path, builder).run(text)


def read(path, fmt=None):
    """Read an Argdown file into an argmap RDF graph."""
    from ._build import Builder

    b = Builder(path, "ad")
    parse_into(read_text(path), path, b)
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


def dumps(amap, fmt=None) -> str:
    """The map as Argdown: front matter, one block per claim with its incoming relations, then the
    premise-conclusion structures of its arguments.  Sorted, so one map gives the same text.

    A support with linked premises that no Argdown argument reconstructs is
    written as an argument of its own; Argdown cannot say that several
    premises attack or undercut together, so such a relation is written once
    per premise."""
    from rdflib import RDF, RDFS, Namespace, URIRef

    from ..vocab import AM

    g = amap.graph
    dct = Namespace(DCT)
    claims, relations = amap.claims, amap.relations
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

    def definition(cid):
        text = g.value(URIRef(cid), AM.text)
        tags = sorted(str(t) for t in g.objects(URIRef(cid), dct.subject))
        tag_text = " ".join(f"#({t})" if not re.fullmatch(r"[\w\-]+", t) else f"#{t}" for t in tags)
        body = " ".join(filter(None, [_escape(_oneline(text)) if text is not None else "", tag_text]))
        return ref(cid) + (f": {body}" if body else "")

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
    title = next((g.value(m, RDFS.label) for m in maps if g.value(m, RDFS.label) is not None), None)
    if title is not None:
        lines += ["===", f"title: {_oneline(title)}", "===", ""]

    def children(rid, depth):
        out = []
        for uid in sorted(undercuts.get(rid, [])):
            for p in relations[uid].sources:
                out.append("  " * depth + f"<_ {ref(p)}")
                out += children(uid, depth + 1)
        return out

    def block(cid):
        out = [definition(cid)]
        for rid in sorted(incoming.get(cid, []), key=lambda r: (relations[r].type, r)):
            r = relations[rid]
            for p in r.sources:
                out.append(f"  {marks[r.type]} {ref(p)}")
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
        lines += [f"// linked premises of {rid}", f"<{_title('Linked ' + rid.rsplit('#', 1)[-1])}>"]
        lines += children(rid, 1) + [""]  # an undercut below an argument aims at its inference
        lines += [f"({i}) {ref(p)}" for i, p in enumerate(sorted(r.sources, key=lambda p: titles[p]), 1)]
        lines += ["--", f"({len(r.sources) + 1}) {ref(r.target)}", ""]
    if any("\x00" in line for line in lines):
        from ..errors import FormatError

        raise FormatError("the map holds U+0000 (NUL), which an Argdown text file cannot carry; "
                          "export to turtle, ntriples or json instead")
    if not lines:  # an empty file is a mistake to the reader; an empty map says so
        lines = ["// an argument map without claims"]
    return "\n".join(lines).rstrip("\n") + "\n"
