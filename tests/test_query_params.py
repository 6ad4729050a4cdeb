"""Parameters, prefixes and the RDFS closure, each on small known cases."""

from __future__ import annotations

import pytest

from argmap.errors import UsageError
from argmap.sparql import sparql_term, bind_params, parse_params, query_form, with_prefixes
from argmap.rdfs import rdfs_hierarchy


@pytest.mark.parametrize("value, term", [
    ("am:DFQuAD", "am:DFQuAD"),
    ("https://example.org/x#a", "<https://example.org/x#a>"),
    ("<urn:a>", "<urn:a>"),
    ("0.5", "0.5"),
    ('"Thesis"@en', '"Thesis"@en'),
    ("the White House", '"the White House"'),
    ('say "no"', '"say \\"no\\""'),
])
def test_parameter_values_become_sparql_terms(value, term):
    assert sparql_term(value, set()) == term


def test_bind_params_opens_the_where_group():
    text = "# a { in a comment\nSELECT ?c WHERE { ?c a am:Claim . FILTER(?c != <urn:{>) }"
    bound = bind_params(text, parse_params(["c=urn:x"]))
    assert bound == "# a { in a comment\nSELECT ?c WHERE { VALUES ?c { <urn:x> }  ?c a am:Claim . FILTER(?c != <urn:{>) }"


def test_bad_params_are_usage_errors():
    with pytest.raises(UsageError):
        parse_params(["novalue"])
    with pytest.raises(UsageError, match=r"no variable \?x"):
        bind_params("SELECT ?c WHERE { ?c ?p ?o }", {"x": "1"})


def test_prefixes_added_only_when_used_and_undeclared():
    assert with_prefixes("ASK { ?x a am:Claim }").startswith("PREFIX am: <https://w3id.org/argmap#>\n")
    own = "PREFIX am: <urn:mine#> ASK { ?x a am:Claim }"
    assert with_prefixes(own) == own
    assert query_form(with_prefixes("ASK { ?x rdfs:label ?l }")) == "ASK"


def test_rdfs_hierarchy_is_transitive_and_strict_even_in_a_cycle():
    up = rdfs_hierarchy([("a", "b"), ("b", "c"), ("c", "a"), ("d", "d"), ("e", "b")])
    assert up == {"a": {"b", "c"}, "b": {"a", "c"}, "c": {"a", "b"}, "e": {"a", "b", "c"}}
