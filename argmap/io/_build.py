"""What the readers of argument formats share: names, and the triples of claims and relations.

Every reader turns a file into argmap RDF the same way.  The file
``/data/x.json`` is the source ``file:///data/x.json`` (an ``am:Source``); its
map is ``file:///data/x.json#map``, titled with the file's name; a node the file calls ``n1`` becomes
``file:///data/x.json#n1``.  Every claim and relation names the file it comes
from with ``dcterms:source``, so that maps merged into one keep their sources.
Triples are added in one pass, so reading stays linear in the file's size.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

__all__ = ["Builder", "local_id"]


def local_id(name) -> str:
    """``name`` as one IRI fragment segment (percent-encoded where needed)."""
    return quote(str(name), safe="-._~()!*'@:+,;=")


class Builder:
    """Collects the triples of one imported file into an rdflib Graph."""

    def __init__(self, path, prefix: str = "src"):
        import rdflib
        from rdflib import DCTERMS, RDF, RDFS, Literal, URIRef

        from ..vocab import AM

        self.RDF, self.RDFS, self.DCTERMS, self.AM, self.Literal, self.URIRef = RDF, RDFS, DCTERMS, AM, Literal, URIRef
        self.source = URIRef(Path(path).resolve().as_uri())
        self.base = str(self.source) + "#"
        self.graph = rdflib.Graph()
        self.graph.bind("am", AM._NS)
        self.graph.bind(prefix, self.base)
        self.add = self.graph.add
        self.map = self.iri("map")
        self.add((self.map, RDF.type, AM.ArgumentMap))
        self.add((self.map, AM.source, self.source))
        self.add((self.source, RDF.type, AM.Source))
        self.add((self.source, DCTERMS.title, Literal(Path(path).name)))

    def iri(self, name):
        return self.URIRef(self.base + local_id(name))

    def literal(self, value):
        return self.Literal(value)

    def title(self, text: str) -> None:
        """The map's title."""
        if text:
            self.add((self.map, self.RDFS.label, self.Literal(text)))

    def claim(self, name, text: str | None = None, *, label: str | None = None, kind=None):
        """Add the claim ``name`` (an IRI or a name); returns its IRI."""
        node = name if isinstance(name, self.URIRef) else self.iri(name)
        self.add((node, self.RDF.type, kind if kind is not None else self.AM.Claim))
        self.add((node, self.DCTERMS.source, self.source))
        if text is not None:
            self.add((node, self.AM.text, self.Literal(text)))
        if label is not None:
            self.add((node, self.RDFS.label, self.Literal(label)))
        return node

    def relation(self, name, kind: str, premises, target, *, label: str | None = None):
        """Add a ``support``, ``attack`` or ``undercut`` from ``premises`` to ``target``; returns its IRI."""
        cls = {"support": self.AM.Support, "attack": self.AM.Attack, "undercut": self.AM.Undercut}[kind]
        node = name if isinstance(name, self.URIRef) else self.iri(name)
        self.add((node, self.RDF.type, cls))
        self.add((node, self.DCTERMS.source, self.source))
        for p in premises:
            self.add((node, self.AM.premise, p))
        self.add((node, self.AM.target, target))
        if label is not None:
            self.add((node, self.RDFS.label, self.Literal(label)))
        return node
