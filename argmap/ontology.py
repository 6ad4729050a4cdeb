"""The argmap ontology and its SHACL shapes, as shipped with the package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from ._files import data_path
from .rdfs import closure_triples, hierarchies, rdfs_hierarchy

__all__ = ["ontology_path", "ontology_graph", "shapes_path", "shapes_graph", "subclass_closure", "closure_of",
           "closed_ontology_graph", "subclass_pairs", "property_kinds"]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_OWL = "http://www.w3.org/2002/07/owl#"


def ontology_path() -> Path:
    """Path of ``ontology/argmap.ttl``."""
    return data_path("ontology", "argmap.ttl")


def shapes_path() -> Path:
    """Path of ``ontology/shapes.ttl``, the SHACL shapes for maps."""
    return data_path("ontology", "shapes.ttl")


@lru_cache(maxsize=1)
def ontology_graph():
    """The ontology as an rdflib Graph (parsed once; do not modify it)."""
    import rdflib  # lazy: rdflib takes 0.2 s to import

    return rdflib.Graph().parse(ontology_path(), format="turtle")


@lru_cache(maxsize=1)
def shapes_graph():
    """The SHACL shapes as an rdflib Graph (parsed once; do not modify it)."""
    import rdflib  # lazy: rdflib takes 0.2 s to import

    return rdflib.Graph().parse(shapes_path(), format="turtle")


def subclass_closure(roots, *graphs) -> dict:
    """Each class of ``roots`` with all its subclasses, by ``rdfs:subClassOf`` in ``graphs``.

    The reflexive-transitive closure of ``rdfs:subClassOf`` (RDF Schema 1.1,
    section 3.4, rules rdfs9 and rdfs11), restricted to named classes.
    """
    from rdflib import RDFS  # lazy: rdflib takes 0.2 s to import

    return closure_of(roots, ((s, o) for g in graphs for s, o in g.subject_objects(RDFS.subClassOf)))


def closure_of(roots, pairs) -> dict:
    """Each of ``roots`` with everything below it by the ``(sub, super)`` ``pairs``, itself included.

    The closure is :func:`argmap.rdfs.rdfs_hierarchy`'s, read downwards.
    """
    below = rdfs_hierarchy((sup, sub) for sub, sup in pairs)
    return {root: {root} | below.get(root, set()) for root in roots}


def closed_ontology_graph():
    """A copy of the ontology graph with the subclass and subproperty axioms its own RDFS closure adds.

    What every store puts in its ontology graph (:data:`argmap.store.ONTOLOGY_GRAPH`).
    """
    import rdflib  # lazy: rdflib takes 0.2 s to import

    g = rdflib.Graph()
    g += ontology_graph()
    for t in closure_triples(*hierarchies(g)):
        g.add(t)
    return g


@lru_cache(maxsize=1)
def _triples() -> tuple:
    """The ontology's triples as read by Oxigraph (parsed once), so that maps read without rdflib do not import it."""
    return tuple(ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE))


@lru_cache(maxsize=1)
def subclass_pairs() -> tuple:
    """The ontology's ``rdfs:subClassOf`` links between named classes, as (sub, super) IRI strings."""
    subclass = _RDFS + "subClassOf"
    return tuple((t.subject.value, t.object.value) for t in _triples()
                 if t.predicate.value == subclass and isinstance(t.subject, ox.NamedNode)
                 and isinstance(t.object, ox.NamedNode))


@lru_cache(maxsize=1)
def property_kinds() -> dict[str, bool]:
    """Each property whose objects have one kind of term, as an IRI string: True where it takes literals, False nodes.

    The ontology's ``owl:DatatypeProperty`` s take literals and its
    ``owl:ObjectProperty`` s take nodes (OWL 2 Structural Specification,
    sections 5.3 and 5.4); so do RDF Schema's own ``rdfs:label`` (range
    ``rdfs:Literal``), ``rdf:type`` and ``rdfs:subClassOf`` (range
    ``rdfs:Class``; RDF Schema 1.1, sections 3.3, 3.4 and 3.6).
    """
    wants = {_OWL + "DatatypeProperty": True, _OWL + "ObjectProperty": False}
    kinds = {_RDF + "type": False, _RDFS + "subClassOf": False, _RDFS + "label": True}
    for t in _triples():
        if t.predicate.value == _RDF + "type" and t.object.value in wants:
            kinds[t.subject.value] = wants[t.object.value]
    return kinds
