"""Abstract argumentation frameworks as argmap RDF graphs.

The readers of the argumentation community's formats (:mod:`.aspartix`,
:mod:`.iccma`) collect arguments, attacks and supports and hand them here.
An argument named ``a`` in ``/data/x.apx`` becomes the claim
``file:///data/x.apx#a``, so that its name is the last segment of its id;
the attack from ``a`` to ``b`` becomes the relation ``...#att(a,b)``
(a support ``...#sup(a,b)``), which no argument name can clash with.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["to_graph", "NAME"]

#: What an argument name may be made of, so that it stays one IRI segment.
NAME = r"[\w\-~]+(?:\.[\w\-~]+)*"


def to_graph(path, arguments: dict, attacks, supports=()):
    """An rdflib Graph of ``arguments`` (name: base score or None) and the relations."""
    import rdflib  # lazy: rdflib takes 0.2 s to import
    from rdflib import RDF, RDFS, XSD, Literal, URIRef  # lazy: rdflib takes 0.2 s to import

    from ..vocab import AM  # lazy: it imports rdflib

    base = Path(path).resolve().as_uri() + "#"
    graph = rdflib.Graph()
    graph.bind("am", AM._NS)
    graph.bind("af", base)
    add = graph.add
    for name, score in arguments.items():
        node = URIRef(base + name)
        add((node, RDF.type, AM.Claim))
        add((node, RDFS.label, Literal(name)))
        if score is not None:
            add((node, AM.baseScore, Literal(score, datatype=XSD.double)))
    for kind, cls, pairs in (("att", AM.Attack, attacks), ("sup", AM.Support, supports)):
        for a, b in pairs:
            rel = URIRef(f"{base}{kind}({a},{b})")
            add((rel, RDF.type, cls))
            add((rel, AM.premise, URIRef(base + a)))
            add((rel, AM.target, URIRef(base + b)))
    return graph
