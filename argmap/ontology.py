"""The argmap ontology shipped with the package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ._files import data_path

__all__ = ["ontology_path", "ontology_graph"]


def ontology_path() -> Path:
    """Path of ``ontology/argmap.ttl``."""
    return data_path("ontology", "argmap.ttl")


@lru_cache(maxsize=1)
def ontology_graph():
    """The ontology as an rdflib Graph (parsed once; do not modify it)."""
    import rdflib

    return rdflib.Graph().parse(ontology_path(), format="turtle")
