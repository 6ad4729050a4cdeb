"""Loading maps and their networkx view, checked against hand-made maps."""

from __future__ import annotations

import pytest
import rdflib

from argmap import ArgumentMap
from argmap.errors import FormatError, MapError

from .conftest import BUNDLED, DATA

S = "http://example.org/small#"


@pytest.fixture
def small():
    return ArgumentMap.load(DATA / "small.ttl")


def test_loads_claims_with_their_fields(small):
    assert sorted(small.claims) == sorted(S + x for x in ("t", "p1", "p2", "a", "q", "u"))
    p1 = small.claims[S + "p1"]
    assert p1.label == "P1" and p1.text == "P1 holds." and p1.base_score == 0.8
    assert p1.types == ("https://w3id.org/argmap#FactualClaim",)
    assert [(q.text, q.source, q.start, q.end) for q in p1.quotes] == [("P1 holds", S + "doc", 0, 8)]
    assert small.claims[S + "q"].base_score is None
    assert small.base_scores()[S + "q"] == 0.5


def test_loads_relations_linked_premises_and_undercut(small):
    rel = {rid.removeprefix(S): (r.type, tuple(p.removeprefix(S) for p in r.sources), r.target.removeprefix(S))
           for rid, r in small.relations.items()}
    assert rel == {
        "s1": ("support", ("p1", "p2"), "t"),
        "a1": ("attack", ("a",), "t"),
        "u1": ("undercut", ("u",), "s1"),
        "s2": ("support", ("q",), "a"),
    }
    assert small.main_thesis == S + "t"
    assert [s.id for s in small.sources] == [S + "doc"]


def test_to_networkx_edges_and_kinds(small):
    g = small.to_networkx()
    # the claims, and the one relation that is undercut
    assert set(g.nodes) == {S + x for x in ("t", "p1", "p2", "a", "q", "u", "s1")}
    assert g.nodes[S + "s1"]["kind"] == "relation"
    assert g.nodes[S + "t"]["kind"] == "claim"
    edges = {(u.removeprefix(S), v.removeprefix(S)): (d["kind"], d["relation"].removeprefix(S), d["linked"])
             for u, v, d in g.edges(data=True)}
    assert edges == {
        ("p1", "t"): ("support", "s1", 2),
        ("p2", "t"): ("support", "s1", 2),
        ("a", "t"): ("attack", "a1", 1),
        ("u", "s1"): ("undercut", "u1", 1),
        ("q", "a"): ("support", "s2", 1),
    }
    assert g.graph["main_thesis"] == S + "t"


def test_bundled_map_matches_its_triples():
    amap = ArgumentMap.bundled()
    g = rdflib.Graph().parse(BUNDLED)
    AM = rdflib.Namespace("https://w3id.org/argmap#")
    kinds = [AM.FactualClaim, AM.PredictiveClaim, AM.EvaluativeClaim, AM.PolicyClaim, AM.Claim]
    claims = {s for k in kinds for s in g.subjects(rdflib.RDF.type, k)}
    assert len(amap.claims) == len(claims) >= 16
    rels = {s for k in (AM.Support, AM.Attack, AM.Undercut) for s in g.subjects(rdflib.RDF.type, k)}
    assert len(amap.relations) == len(rels)
    assert amap.main_thesis in amap.claims
    nx_graph = amap.to_networkx()
    assert nx_graph.number_of_edges() == len({(p, r.target) for r in amap.relations.values() for p in r.sources})


def test_several_files_are_one_map(tmp_path, small):
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "@prefix am: <https://w3id.org/argmap#> .\n"
        f"<{S}z> a am:Claim ; am:text \"Z.\" .\n"
        f"<{S}sz> a am:Attack ; am:premise <{S}z> ; am:target <{S}p1> .\n",
        encoding="utf-8",
    )
    both = ArgumentMap.load(DATA / "small.ttl", extra)
    assert len(both.claims) == len(small.claims) + 1
    assert both.relations[S + "sz"].target == S + "p1"


@pytest.mark.parametrize(
    "body, message",
    [
        ("<{S}r> a am:Support ; am:target <{S}t> .", "no premise"),
        ("<{S}r> a am:Support ; am:premise <{S}p1> .", "0 targets"),
        ("<{S}r> a am:Support ; am:premise <{S}p1> ; am:target <{S}t>, <{S}a> .", "2 targets"),
        ("<{S}r> a am:Support ; am:premise <{S}nowhere> ; am:target <{S}t> .", "is not a claim"),
        ("<{S}r> a am:Undercut ; am:premise <{S}p1> ; am:target <{S}t> .", "is not a relation"),
        ("<{S}r> a am:Support, am:Attack ; am:premise <{S}p1> ; am:target <{S}t> .", "several kinds"),
    ],
)
def test_unusable_structure_is_a_map_error_naming_node_and_line(tmp_path, body, message):
    path = tmp_path / "broken.ttl"
    text = (DATA / "small.ttl").read_text(encoding="utf-8") + "\n" + body.replace("{S}", S) + "\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MapError) as err:
        ArgumentMap.load(path)
    assert message in str(err.value)
    assert str(err.value).startswith(f"{path}:{len(text.splitlines())}: {S}r:")


def test_unknown_suffix_is_a_format_error(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(FormatError):
        ArgumentMap.load(path)
