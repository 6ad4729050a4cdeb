"""RDF terms between rdflib, pyoxigraph and SPARQL 1.1 Query Results JSON: the one place they are converted."""

from __future__ import annotations

import pyoxigraph as ox

from ..errors import QueryError, StoreError

__all__ = ["oxigraph_reader", "to_oxigraph", "from_json", "to_nt"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def oxigraph_reader():
    """A function from pyoxigraph terms to rdflib terms (plain and language strings without xsd:string).

    It remembers the IRIs and datatypes it has made, because rdflib checks
    every IRI it is given and answers repeat them.
    """
    from rdflib import BNode, Literal, URIRef  # lazy: rdflib takes 0.2 s to import

    iris: dict = {}

    def iri(value):
        made = iris.get(value)
        if made is None:
            made = iris[value] = URIRef(value)
        return made

    def read(term):
        if term is None:
            return None
        kind = type(term)
        if kind is ox.NamedNode:
            return iri(term.value)
        if kind is ox.Literal:
            if term.language:
                return Literal(term.value, lang=term.language)
            dt = term.datatype.value
            return Literal(term.value) if dt == _XSD_STRING else Literal(term.value, datatype=iri(dt))
        if kind is ox.BlankNode:
            return BNode(term.value)
        raise QueryError(f"argmap cannot show the term {term!r}")

    return read


def to_oxigraph(term):
    """An rdflib term as a pyoxigraph term."""
    from rdflib import BNode, Literal, URIRef  # lazy: rdflib takes 0.2 s to import

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(term)


def from_json(cell):
    """One RDF term of SPARQL 1.1 Query Results JSON (section 3.2.2) as an rdflib term."""
    from rdflib import BNode, Literal, URIRef  # lazy: rdflib takes 0.2 s to import

    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):  # "typed-literal": the 2008 results format, still sent by Virtuoso
        lang, dt = cell.get("xml:lang"), cell.get("datatype")
        if lang:
            return Literal(value, lang=lang)
        if dt and dt not in (_XSD_STRING, _LANG_STRING):
            return Literal(value, datatype=URIRef(dt))
        return Literal(value)
    raise StoreError(f"the server sent a term of unknown type {kind!r}")


def to_nt(term) -> str:
    """An rdflib term in N-Triples syntax (RDF 1.1 N-Triples), as SPARQL's INSERT DATA accepts it."""
    return term.n3()
