"""The vocabulary module and the ontology declare the same ``am:`` terms."""

from __future__ import annotations

import pytest
import rdflib
from rdflib import OWL, RDF

from argmap.ontology import ontology_path
from argmap.vocab import AM, NAMESPACE, ONTOLOGY_IRI, VERSION_IRI


def declared_in_ontology() -> set[str]:
    """Local names of the am: IRIs that the ontology gives an rdf:type."""
    g = rdflib.Graph().parse(ontology_path(), format="turtle")
    return {str(s)[len(NAMESPACE):] for s in g.subjects(RDF.type, None) if str(s).startswith(NAMESPACE)}


def listed_in_vocab() -> set[str]:
    return {name for name in AM.__annotations__ if not name.startswith("_")}


def test_vocab_lists_exactly_the_ontology_terms():
    declared, listed = declared_in_ontology(), listed_in_vocab()
    assert sorted(listed - declared) == [], "in argmap/vocab.py but not declared in ontology/argmap.ttl"
    assert sorted(declared - listed) == [], "declared in ontology/argmap.ttl but missing from argmap/vocab.py"


def test_every_am_term_used_by_the_ontology_is_declared():
    """No am: IRI appears anywhere in the ontology without a declaration."""
    g = rdflib.Graph().parse(ontology_path(), format="turtle")
    used = {str(t)[len(NAMESPACE):] for triple in g for t in triple if isinstance(t, rdflib.URIRef) and str(t).startswith(NAMESPACE)}
    assert used - declared_in_ontology() == set()


def test_misspelled_term_fails_at_use():
    with pytest.raises(AttributeError):
        AM.Claimm  # noqa: B018


def test_ontology_header_matches_vocab_constants():
    g = rdflib.Graph().parse(ontology_path(), format="turtle")
    onto = rdflib.URIRef(ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in g
    assert g.value(onto, OWL.versionIRI) == rdflib.URIRef(VERSION_IRI)
    assert str(g.value(onto, rdflib.URIRef("http://purl.org/vocab/vann/preferredNamespaceUri"))) == NAMESPACE
