"""The argmap ontology and its SHACL shapes, as shipped with the package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ._files import data_path

__all__ = ["ontology_path", "ontology_graph", "shapes_path", "shapes_graph", "subclass_closure"]


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

    sub: dict = {}
    for g in graphs:
        for s, o in g.subject_objects(RDFS.subClassOf):
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
