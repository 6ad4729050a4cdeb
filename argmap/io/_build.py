"""What the readers of argument formats share: names, and the triples of claims and relations.

Every reader turns a file into argmap RDF the same way.  The file
``/data/x.json`` is the source ``file:///data/x.json`` (an ``am:Source``); its
map is ``file:///data/x.json#map``, titled with the file's name; a node the file calls ``n1`` becomes
``file:///data/x.json#n1``.  Every claim and relation names the file it comes
from with ``dcterms:source``, so that maps merged into one keep their sources.
Triples are added in one pass, so reading stays linear in the file's size.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import rdflib
from rdflib import DCTERMS, RDF, RDFS, Literal, URIRef

from ..vocab import AM

__all__ = ["Builder", "TripleList", "local_id"]


_PLAIN = re.compile(r"[A-Za-z0-9\-._~()!*'@:+,;=]*")


def local_id(name) -> str:
    """``name`` as one IRI fragment segment (percent-encoded where needed)."""
    name = str(name)
    return name if _PLAIN.fullmatch(name) else quote(name, safe="-._~()!*'@:+,;=")


#: Dates and their XML Schema types (XSD 1.1 part 2, sections 3.3.9, 3.3.11 and 3.3.14).
_DATES = [(r"-?\d{4}", "gYear"), (r"-?\d{4}-\d{2}", "gYearMonth"), (r"-?\d{4}-\d{2}-\d{2}", "date")]


def date_literal(text: str, literal=Literal):
    """``text`` as a literal typed ``xsd:gYear``, ``xsd:gYearMonth`` or ``xsd:date`` where it is one, else plain.

    ``literal`` makes it: rdflib's ``Literal`` by default, or a builder's (a :class:`TripleList`'s).
    """
    kind = next((t for pattern, t in _DATES if re.fullmatch(pattern, text)), None)
    return literal(text, datatype="http://www.w3.org/2001/XMLSchema#" + kind) if kind else literal(text)


class IRI(str):
    """An IRI in a :class:`TripleList`: the IRI itself, written ``<...>``."""

    __slots__ = ()

    def n3(self) -> str:
        return f"<{self}>"


class Text(str):
    """A plain literal in a :class:`TripleList`: its text, written as an N-Triples string."""

    __slots__ = ()

    def n3(self) -> str:
        """``"..."`` with ``\\``, ``"``, line feed and carriage return escaped (RDF 1.1 N-Triples, section 2.4)."""
        return '"' + self.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


class Typed(Text):
    """A typed literal in a :class:`TripleList`: its lexical form, and its datatype's IRI in ``datatype``."""

    def __new__(cls, value, datatype):
        self = super().__new__(cls, value)
        self.datatype = str(datatype)
        return self

    def n3(self) -> str:
        return f"{super().n3()}^^<{self.datatype}>"


def _literal(value, datatype=None) -> Text:
    """A :class:`TripleList`'s literal, made as rdflib's ``Literal(value, datatype=...)`` is."""
    return Text(value) if datatype is None else Typed(value, datatype)


class TripleList:
    """Triples kept as a plain list, for a large import that never needs an rdflib graph.

    It takes the part of the ``Graph`` interface that :class:`Builder` and the
    readers use (``add``, ``bind``, ``namespaces``); its terms are plain
    strings (:class:`IRI`, :class:`Text`), and it writes the triples as
    N-Triples (RDF 1.1 N-Triples, W3C Recommendation 2014) lines.
    """

    URIRef, Literal = IRI, staticmethod(_literal)

    def __init__(self):
        self.triples: list = []
        self.prefixes: dict = {}
        self.add = self.triples.append
        # what remove took away: each triple, and each subject's every triple, up to this many added
        self._removed: dict = {}
        self._removed_subjects: dict = {}

    def remove(self, pattern) -> None:
        """Take away the triples added so far that match ``pattern``, as rdflib's ``Graph.remove`` does.

        The patterns the readers use: a whole triple, or a subject with
        ``None`` for predicate and object (all its triples).  The list keeps
        them, marked, so that a removal costs no pass over it.
        """
        s, p, o = pattern
        if p is None and o is None:
            self._removed_subjects[s] = len(self.triples)
        elif p is None or o is None:
            raise ValueError("a TripleList removes a whole triple or all of a subject's")
        else:  # the object's kind too: a literal equals an IRI of the same text
            self._removed[(s, p, o, type(o))] = len(self.triples)

    def _kept(self) -> list:
        """The triples added and not removed since, in the order added."""
        if not (self._removed or self._removed_subjects):
            return self.triples
        gone, gone_subject = self._removed.get, self._removed_subjects.get
        return [(s, p, o) for i, (s, p, o) in enumerate(self.triples)
                if gone((s, p, o, type(o)), -1) <= i and gone_subject(s, -1) <= i]

    def bind(self, prefix, namespace, override: bool = True) -> None:
        if override or prefix not in self.prefixes:
            self.prefixes[prefix] = str(namespace)

    def namespaces(self):
        return iter(self.prefixes.items())

    def __len__(self) -> int:
        return len(self._kept())

    def rows(self):
        """Each triple as three strings (see :mod:`argmap.triples`); its own terms are strings already."""
        return self._kept()

    def rdflib_triples(self):
        """Each triple in rdflib terms."""
        made = {IRI: URIRef, Text: Literal, Typed: lambda t: Literal(str(t), datatype=URIRef(t.datatype))}
        return ((made[type(s)](s), made[type(p)](p), made[type(o)](o)) for s, p, o in self._kept())

    def ntriples_lines(self) -> list[str]:
        """Each distinct triple as one N-Triples line (without its newline), in the order added."""
        n3: dict = {}  # each IRI's text, made once; not a literal's, which equals an IRI of the same text

        def iri(t):
            text = n3.get(t)
            if text is None:
                text = n3[t] = t.n3()
            return text

        return list(dict.fromkeys(f"{iri(s)} {iri(p)} {iri(o) if type(o) is IRI else o.n3()} ."
                                  for s, p, o in self._kept()))


class Builder:
    """Collects the triples of one imported file into an rdflib Graph (or a :class:`TripleList`)."""

    def __init__(self, path, prefix: str = "src", graph=None):
        self.graph = graph if graph is not None else rdflib.Graph()
        # a TripleList takes plain string terms; rdflib's would cost most of a large import
        iri, text = getattr(self.graph, "URIRef", URIRef), getattr(self.graph, "Literal", Literal)
        self.RDF, self.RDFS, self.DCTERMS, self.AM, self.Literal, self.URIRef = RDF, RDFS, DCTERMS, AM, text, iri
        self.source = iri(Path(path).resolve().as_uri())
        self.base = str(self.source) + "#"
        self._iris: dict = {}
        # the terms every claim and relation uses, looked up once (a namespace lookup is slow)
        self.type_p, self.source_p, self.label_p = (iri(str(t)) for t in (RDF.type, DCTERMS.source, RDFS.label))
        self._claim, self._text, self._premise, self._target = (iri(str(t)) for t in (AM.Claim, AM.text, AM.premise,
                                                                                          AM.target))
        self._kinds = {k: iri(str(t)) for k, t in (("support", AM.Support), ("attack", AM.Attack),
                                                      ("undercut", AM.Undercut))}
        self.graph.bind("am", AM._NS)
        self.graph.bind(prefix, self.base)
        self.add = self.graph.add
        self.map = self.iri("map")
        self.add((self.map, self.type_p, iri(str(AM.ArgumentMap))))
        self.add((self.map, iri(str(AM.source)), self.source))
        self.add((self.source, self.type_p, iri(str(AM.Source))))
        self.add((self.source, iri(str(DCTERMS.title)), text(Path(path).name)))

    def iri(self, name):
        node = self._iris.get(name)
        if node is None:
            node = self._iris[name] = self.URIRef(self.base + local_id(name))
        return node

    def literal(self, value):
        return self.Literal(value)

    def ontology(self) -> None:
        """Make the map an OWL ontology that imports argmap's (OWL 2 structural specification, section 3),
        so that Protégé knows every am: term it uses; the ontology is named by the file's IRI with ``#``."""
        owl = "http://www.w3.org/2002/07/owl#"
        node = self.URIRef(self.base)
        self.add((node, self.type_p, self.URIRef(owl + "Ontology")))
        self.add((node, self.URIRef(owl + "imports"), self.URIRef(str(self.AM._NS).rstrip("#"))))

    def title(self, text: str) -> None:
        """The map's title."""
        if text:
            self.add((self.map, self.label_p, self.Literal(text)))

    def claim(self, name, text: str | None = None, *, label: str | None = None, kind=None):
        """Add the claim ``name`` (an IRI or a name); returns its IRI."""
        node = name if isinstance(name, self.URIRef) else self.iri(name)
        self.add((node, self.type_p, kind if kind is not None else self._claim))
        self.add((node, self.source_p, self.source))
        if text is not None:
            self.add((node, self._text, self.Literal(text)))
        if label is not None:
            self.add((node, self.label_p, self.Literal(label)))
        return node

    def relation(self, name, kind: str, premises, target, *, label: str | None = None):
        """Add a ``support``, ``attack`` or ``undercut`` from ``premises`` to ``target``; returns its IRI."""
        node = name if isinstance(name, self.URIRef) else self.iri(name)
        self.add((node, self.type_p, self._kinds[kind]))
        self.add((node, self.source_p, self.source))
        for p in premises:
            self.add((node, self._premise, p))
        self.add((node, self._target, target))
        if label is not None:
            self.add((node, self.label_p, self.Literal(label)))
        return node
