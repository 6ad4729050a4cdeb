"""RDFS entailment, the one implementation: closures of class and property hierarchies, and what they entail.

The rules are those of RDF 1.1 Semantics (W3C Recommendation 2014, section
9.2.1): rdfs5 and rdfs11 close ``rdfs:subPropertyOf`` and ``rdfs:subClassOf``
(:func:`rdfs_hierarchy`, :func:`closure_triples`); rdfs7 and rdfs9 carry a
triple up to every superproperty and an instance up to every superclass
(:func:`entailed_triples`).  The reflexive rules (rdfs6, rdfs8, rdfs10) and
the domain and range rules (rdfs2, rdfs3) are not applied.

Every store back end (:mod:`argmap.store`), the ontology's class closure
(:func:`argmap.ontology.closure_of`) and a map's types read through the index
use these functions.  They work on any hashable terms (rdflib terms or IRI
strings); only :func:`hierarchies` and :func:`entailed_triples`, which read
an rdflib graph, need rdflib.
"""

from __future__ import annotations

__all__ = ["rdfs_hierarchy", "hierarchies", "entailed_triples", "closure_triples"]

_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_SUBPROPERTY = "http://www.w3.org/2000/01/rdf-schema#subPropertyOf"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def rdfs_hierarchy(pairs) -> dict:
    """The strict transitive closure of (sub, super) pairs: sub -> set of its supers.

    Rules rdfs5 and rdfs11; a cycle makes its members each other's supers,
    never their own.
    """
    up: dict = {}
    for sub, sup in pairs:
        if sub != sup:
            up.setdefault(sub, set()).add(sup)
    closed = {}
    for start in up:
        seen, todo = set(), list(up[start])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(up.get(node, ()))
        seen.discard(start)
        closed[start] = seen
    return closed


def _named_pairs(graph, predicate):
    from rdflib import URIRef  # lazy: rdflib takes 0.2 s to import

    return [(s, o) for s, o in graph.subject_objects(predicate) if isinstance(s, URIRef) and isinstance(o, URIRef)]


def hierarchies(*graphs) -> tuple[dict, dict]:
    """The closed class and property hierarchies of the named classes and properties in rdflib ``graphs``."""
    from rdflib import URIRef  # lazy: rdflib takes 0.2 s to import

    classes = rdfs_hierarchy(p for g in graphs for p in _named_pairs(g, URIRef(_SUBCLASS)))
    properties = rdfs_hierarchy(p for g in graphs for p in _named_pairs(g, URIRef(_SUBPROPERTY)))
    return classes, properties


def entailed_triples(graph, classes: dict, properties: dict) -> set:
    """The triples rdfs7 and rdfs9 derive from the rdflib ``graph`` and that it lacks.

    ``classes`` and ``properties`` are closed hierarchies from :func:`rdfs_hierarchy`.
    """
    from rdflib import URIRef  # lazy: rdflib takes 0.2 s to import

    rdf_type = URIRef(_RDF_TYPE)
    new = set()
    for cls, supers in classes.items():
        for x in graph.subjects(rdf_type, cls):
            new.update((x, rdf_type, sup) for sup in supers)
    for prop, supers in properties.items():
        for s, o in graph.subject_objects(prop):
            new.update((s, sup, o) for sup in supers)
    return {t for t in new if t not in graph}


def closure_triples(classes: dict, properties: dict) -> set:
    """The subclass and subproperty axioms rdfs5 and rdfs11 derive, as rdflib triples."""
    from rdflib import URIRef  # lazy: rdflib takes 0.2 s to import

    sub_class, sub_property = URIRef(_SUBCLASS), URIRef(_SUBPROPERTY)
    out = {(c, sub_class, s) for c, sups in classes.items() for s in sups}
    out |= {(p, sub_property, s) for p, sups in properties.items() for s in sups}
    return out
