"""The argmap ontology's terms as code.

:class:`AM` lists every class, property and individual of
``ontology/argmap.ttl``; a misspelled term (``AM.Claimm``) raises
``AttributeError`` at the point of use instead of silently minting an IRI that
no query will ever match.  ``tests/test_vocab.py`` checks that this list and the
ontology file declare the same terms.
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["AM", "NAMESPACE", "ONTOLOGY_IRI"]

NAMESPACE = "https://w3id.org/argmap#"
ONTOLOGY_IRI = "https://w3id.org/argmap"


class AM(DefinedNamespace):
    """argmap's vocabulary, namespace ``https://w3id.org/argmap#``."""

    _fail = True

    # maps and their sources
    ArgumentMap: URIRef
    Source: URIRef
    Quote: URIRef
    # claims and their kinds
    Claim: URIRef
    FactualClaim: URIRef
    PredictiveClaim: URIRef
    EvaluativeClaim: URIRef
    PolicyClaim: URIRef
    # relations between claims
    Relation: URIRef
    Support: URIRef
    Attack: URIRef
    Undercut: URIRef

    # properties of maps
    mainThesis: URIRef
    source: URIRef
    # properties of claims
    text: URIRef
    baseScore: URIRef
    quote: URIRef
    attributedTo: URIRef
    # properties of quotes
    exact: URIRef
    start: URIRef
    end: URIRef
    inSource: URIRef
    # properties of relations
    premise: URIRef
    target: URIRef
    weight: URIRef

    _NS = Namespace(NAMESPACE)
