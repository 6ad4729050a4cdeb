"""The arg-microtexts corpus's argumentation graphs (XML, ``arggraph.dtd``).

Peldszus and Stede, "An annotated corpus of argumentative microtexts", in
Argumentation and Reasoned Action (Proceedings of the 1st European Conference
on Argumentation, 2016); the scheme is their "From argument diagrams to
argumentation mining in texts: a survey" (IJCINI 7(1), 2013).  A graph holds
elementary discourse units (``edu``, the text), joints of EDUs,
argumentative discourse units (``adu``, proponent ``pro`` or opponent
``opp``) and edges: ``seg`` (EDU or joint to ADU), ``sup`` and ``exa``
(support, by example), ``reb`` (rebutting attack), ``und`` (undercut, aimed at
an edge) and ``add`` (a further, linked premise of an edge).

Reading: each EDU is an ``am:Quote`` (its exact text, with its offsets in the
plain-text file beside the XML when there is one); each ADU is a claim whose
text is its EDUs', attributed to the proponent or the opponent; ``sup`` and
``exa`` are supports (``exa`` with the scheme ``am:Example``), ``reb`` an
attack, ``und`` an undercut of the relation its edge is, ``add`` one more
premise of it.  The proponent's ADU that argues for nothing is the main thesis.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from rdflib import DCTERMS, RDF, RDFS, XSD, Literal, Namespace

from .._files import read_text
from ..errors import ParseError
from ..vocab import AM
from ._build import Builder

__all__ = ["read", "sniff", "parse"]

EDGE_TYPES = ("seg", "sup", "exa", "add", "reb", "und")


def sniff(head: str) -> bool:
    """An arg-microtexts file's root element is ``arggraph``."""
    return "<arggraph" in head


def parse(text: str, path):
    """``(attributes, edus, joints, adus, edges)``; ParseError on malformed input."""
    def line_of(ident):
        m = re.search(r'\bid\s*=\s*["\']' + re.escape(ident) + r'["\']', text)
        return None if m is None else 1 + text.count("\n", 0, m.start())

    def fail(message, line=None, column=None):
        return ParseError(message, path=str(path), line=line, column=column)

    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise fail("empty file: an arg-microtexts graph is an <arggraph> element", 1)
    if "<!ENTITY" in text:
        raise fail("entity declarations are not allowed", line_of("") or 1)
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        line, column = exc.position
        raise fail(f"bad XML: {str(exc).split(':')[0]}", line, column + 1) from None
    if root.tag != "arggraph":
        raise fail(f"the root element is <{root.tag}>, not <arggraph>", 1)
    edus, joints, adus, edges = {}, set(), {}, {}
    for el in root:
        ident = el.get("id")
        if el.tag not in ("edu", "joint", "adu", "edge"):
            raise fail(f"unknown element <{el.tag}>", line_of(ident) if ident else None)
        if not ident:
            raise fail(f"<{el.tag}> without an id")
        if ident in edus or ident in joints or ident in adus or ident in edges:
            raise fail(f"id {ident} is used twice", line_of(ident))
        if el.tag == "edu":
            edus[ident] = " ".join((el.text or "").split())
        elif el.tag == "joint":
            joints.add(ident)
        elif el.tag == "adu":
            if el.get("type") not in ("pro", "opp"):
                raise fail(f"adu {ident}: type must be pro or opp, not {el.get('type')!r}", line_of(ident))
            adus[ident] = el.get("type")
        else:
            kind, src, trg = el.get("type"), el.get("src"), el.get("trg")
            if kind not in EDGE_TYPES:
                raise fail(f"edge {ident}: type must be one of {', '.join(EDGE_TYPES)}, not {kind!r}", line_of(ident))
            if not src or not trg:
                raise fail(f"edge {ident} needs src and trg", line_of(ident))
            edges[ident] = (kind, src, trg)
    for ident, (kind, src, trg) in edges.items():
        nodes = {"edu": edus, "joint": joints, "adu": adus, "edge": edges}
        for end in (src, trg):
            if not any(end in v for v in nodes.values()):
                raise fail(f"edge {ident} names {end}, which the file does not hold", line_of(ident))
        if kind == "seg":
            ok = (src in edus and (trg in adus or trg in joints)) or (src in joints and trg in adus)
        elif kind in ("sup", "exa", "reb"):
            ok = src in adus and trg in adus
        else:
            ok = src in adus and trg in edges and edges[trg][0] != "seg"
        if not ok:
            raise fail(f"edge {ident} ({kind}) joins {src} and {trg}, which a {kind} edge cannot join", line_of(ident))
    if not adus:
        raise fail("the graph has no adu")
    return dict(root.attrib), edus, joints, adus, edges


def read(path, fmt=None):
    """Read an arg-microtexts XML graph into an argmap RDF graph."""
    attrs, edus, joints, adus, edges = parse(read_text(path), path)
    b = Builder(path, "mt")
    prov = Namespace("http://www.w3.org/ns/prov#")
    b.title(attrs.get("topic_id", "").replace("_", " ") or attrs.get("id", ""))
    plain = Path(path).with_suffix(".txt")
    source, full = b.source, None
    if plain.is_file():
        try:
            full = read_text(plain)
            source = b.URIRef(plain.resolve().as_uri())
            b.add((source, RDF.type, AM.Source))
            b.add((source, DCTERMS.title, Literal(plain.name)))
            b.add((b.map, AM.source, source))
        except ParseError:
            full = None
    pos = 0
    for ident, text in edus.items():
        q = b.iri(ident)
        b.add((q, RDF.type, AM.Quote))
        b.add((q, AM.exact, Literal(text)))
        b.add((q, AM.inSource, source))
        if full is not None:
            at = full.find(text, pos)
            if at >= 0:
                b.add((q, AM.start, Literal(at, datatype=XSD.nonNegativeInteger)))
                b.add((q, AM.end, Literal(at + len(text), datatype=XSD.nonNegativeInteger)))
                pos = at + len(text)
    into = {}
    for kind, src, trg in edges.values():
        if kind == "seg":
            into.setdefault(trg, []).append(src)
    order = {e: k for k, e in enumerate(edus)}

    def quotes(node, seen=()):
        out = []
        for s in into.get(node, []):
            out += [s] if s in edus else (quotes(s, (*seen, node)) if s not in seen else [])
        return out

    roles = {"pro": b.iri("proponent"), "opp": b.iri("opponent")}
    for role, agent in roles.items():
        b.add((agent, RDF.type, prov.Agent))
        b.add((agent, RDFS.label, Literal("proponent" if role == "pro" else "opponent")))
    for ident, role in adus.items():
        qs = sorted(set(quotes(ident)), key=order.get)
        node = b.claim(ident, " ".join(edus[q] for q in qs))
        for q in qs:
            b.add((node, AM.quote, b.iri(q)))
        b.add((node, AM.attributedTo, roles[role]))

    def home(edge):  # an add edge stands for the relation it adds a premise to
        seen = set()
        while edges[edge][0] == "add" and edge not in seen:
            seen.add(edge)
            edge = edges[edge][2]
        return edge

    kinds = {"sup": "support", "exa": "support", "reb": "attack", "und": "undercut"}
    for ident, (kind, src, trg) in edges.items():
        if kind in kinds:
            target = b.iri(home(trg)) if kind == "und" else b.iri(trg)
            b.relation(ident, kinds[kind], [b.iri(src)], target)
            if kind == "exa":
                b.add((b.iri(ident), AM.scheme, AM.Example))
    for ident, (kind, src, trg) in edges.items():
        if kind == "add":
            target = home(trg)
            if edges[target][0] == "add":
                raise ParseError(f"edge {ident}: its add edges go round in a circle", path=str(path))
            b.add((b.iri(target), AM.premise, b.iri(src)))
    arguing = {src for kind, src, _t in edges.values() if kind != "seg"}
    theses = [a for a, role in adus.items() if role == "pro" and a not in arguing]
    if len(theses) == 1:
        b.add((b.map, AM.mainThesis, b.iri(theses[0])))
    return b.graph
