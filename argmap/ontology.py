"""The argmap ontology and its SHACL shapes, as shipped with the package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ._files import data_path

__all__ = ["ontology_path", "ontology_graph", "shapes_path", "shapes_graph", "subclass_closure", "closure_of",
           "subclass_pairs"]


def ontology_path() -> Path:
    """Path of ``ontology/argmap.ttl``."""
    return data_path("ontology", "argmap.ttl")


def shapes_path() -> Path:
    """Path of ``ontology/shapes.ttl``, the SHACL shapes for maps."""
    return data_path("ontology", "shapes.ttl")


@lru_cache(maxsize=1)
def ontology_graph():
    """The ontology as an rdflib Graph (parsed once; do not modify it)."""
    import rdflib

    return rdflib.Graph().parse(ontology_path(), format="turtle")


@lru_cache(maxsize=1)
def shapes_graph():
    """The SHACL shapes as an rdflib Graph (parsed once; do not modify it)."""
    import rdflib

    return rdflib.Graph().parse(shapes_path(), format="turtle")


def subclass_closure(roots, *graphs) -> dict:
    """Each class of ``roots`` with all its subclasses, by ``rdfs:subClassOf`` in ``graphs``.

    The reflexive-transitive closure of ``rdfs:subClassOf`` (RDF Schema 1.1,
    section 3.4, rules rdfs9 and rdfs11), restricted to named classes.
    """
    from rdflib import RDFS

    return closure_of(roots, ((s, o) for g in graphs for s, o in g.subject_objects(RDFS.subClassOf)))


def closure_of(roots, pairs) -> dict:
    """Each of ``roots`` with everything below it by the ``(sub, super)`` ``pairs``, itself included."""
    sub: dict = {}
    for s, o in pairs:
        sub.setdefault(o, set()).add(s)

    def closure(root):
        seen, todo = {root}, [root]
        while todo:
            for s in sub.get(todo.pop(), ()):
                if s not in seen:
                    seen.add(s)
                    todo.append(s)
        return seen

    return {root: closure(root) for root in roots}


@lru_cache(maxsize=1)
def subclass_pairs() -> tuple:
    """The ontology's ``rdfs:subClassOf`` links between named classes, as (sub, super) IRI strings.

    Read with Oxigraph, so that maps read without rdflib do not import it.
    """
    import pyoxigraph as ox

    subclass = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
    return tuple((t.subject.value, t.object.value) for t in ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE)
                 if t.predicate.value == subclass and isinstance(t.subject, ox.NamedNode)
                 and isinstance(t.object, ox.NamedNode))
