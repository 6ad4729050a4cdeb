"""argmap's IRIs as plain strings, the one place they are written (its namespace, its ontology and that ontology's
version), and the local name of any IRI.

Kept apart from :mod:`argmap.vocab` (the terms as rdflib IRIs) so that code
that reads maps without rdflib can use them without importing it.
"""

from __future__ import annotations

__all__ = ["NAMESPACE", "ONTOLOGY_IRI", "VERSION_IRI", "local_name"]

#: The namespace of argmap's classes, properties and individuals (``am:``).
NAMESPACE = "https://w3id.org/argmap#"
#: The ontology's IRI; also the named graph that holds it in every store.
ONTOLOGY_IRI = "https://w3id.org/argmap"
#: The IRI of this version of the ontology.
VERSION_IRI = "https://w3id.org/argmap/0.3.0"


def local_name(iri) -> str:
    """The last segment of an IRI, after its final ``#`` or ``/``."""
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
