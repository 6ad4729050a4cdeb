"""The bundled map is a faithful, complete and checkable reconstruction of the op-ed.

Every number here is computed from the map file or the article itself.
"""

from __future__ import annotations

import networkx as nx
import pytest
import rdflib

from argmap import ArgumentMap
from argmap.ontology import ontology_graph
from argmap.vocab import AM

from .conftest import BUNDLED, SOURCE, need_file

KINDS = {str(AM.FactualClaim), str(AM.PredictiveClaim), str(AM.EvaluativeClaim), str(AM.PolicyClaim)}


@pytest.fixture(scope="module")
def amap():
    return ArgumentMap.load(BUNDLED)


def test_size_of_the_map(amap):
    kinds = [r.type for r in amap.relations.values()]
    assert len(amap.claims) >= 35
    assert len(amap.relations) >= 35
    assert kinds.count("attack") + kinds.count("undercut") >= 8
    assert kinds.count("undercut") >= 2


def test_every_quote_is_the_source_at_its_offsets(amap):
    text = need_file(SOURCE).read_text(encoding="utf-8")
    quotes = [(cid, q) for cid, c in amap.claims.items() for q in c.quotes]
    assert len(quotes) >= len(amap.claims)
    for cid, q in quotes:
        assert q.start is not None and q.end is not None, cid
        assert text[q.start:q.end] == q.text, (cid, q.text)


def test_every_claim_is_complete(amap):
    g = amap.graph
    agents = {str(a) for a in g.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/prov#Person"))}
    agents |= {str(a) for a in g.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/prov#Organization"))}
    for cid, c in amap.claims.items():
        assert c.label and c.text and c.label != c.text, cid
        assert c.quotes, cid
        assert len(set(c.types) & KINDS) == 1, cid
        assert c.base_score is not None and 0.0 <= c.base_score <= 1.0, cid
        assert g.value(rdflib.URIRef(cid), AM.baseScoreRationale), cid
        assert c.attributed_to and set(c.attributed_to) <= agents, cid
    # the article's voices, not only its author
    named = {amap.label(a) for c in amap.claims.values() for a in c.attributed_to}
    assert {"Thomas Wright (Brookings)", "South Korea's national security adviser", "the White House"} <= named


def test_relations_have_their_ends_and_the_thesis_is_reached(amap):
    reach = nx.DiGraph()
    for r in amap.relations.values():
        for p in r.sources:
            assert p in amap.claims
            reach.add_edge(p, r.id)
        assert r.target in (amap.relations if r.type == "undercut" else amap.claims)
        reach.add_edge(r.id, r.target)
    thesis = amap.main_thesis
    unreached = [c for c in amap.claims if c != thesis and not (c in reach and nx.has_path(reach, c, thesis))]
    assert unreached == []


def test_schemes_and_their_critical_questions(amap):
    onto = ontology_graph()
    with_scheme = 0
    for rid in amap.relations:
        scheme = amap.scheme(rid)
        statuses = amap.question_statuses(rid)
        if scheme is None:
            assert statuses == []
            continue
        with_scheme += 1
        expected = {str(q) for q in onto.objects(rdflib.URIRef(scheme), AM.criticalQuestion)}
        assert {s["question"] for s in statuses} == expected, rid
        for s in statuses:
            assert set(s["answered_by"]) <= set(amap.claims)
    assert with_scheme >= len(amap.relations) * 3 // 4
    answered = [s for rid in amap.relations for s in amap.question_statuses(rid) if s["answered_by"]]
    assert len(answered) >= 8


def test_source_metadata(amap):
    (src,) = amap.sources
    assert src.title == "President Trump Should be Cautious During the Kim Meeting"
    assert src.date == "2018-03"
    text = need_file(SOURCE).read_text(encoding="utf-8")
    assert src.title in text
    # the day counts the date rests on are in the article
    assert "over 160 days since North Korea’s last nuclear test on September 27" in text
    assert "over 100 days since North Korea’s last missile test on November 28" in text


def test_validate_with_the_article_is_clean_and_catches_a_moved_quote(run_cli, tmp_path):
    need_file(SOURCE)
    res = run_cli("validate", BUNDLED, "--source", SOURCE)
    assert res.returncode == 0, res.stdout + res.stderr
    # shift one quote by a character: validate names that quote and exits 1
    text = BUNDLED.read_text(encoding="utf-8")
    start = text.index("am:start", text.index(":no-commitments-q1 a am:Quote"))
    value = int(text[start:].split()[1])
    moved = text[:start] + text[start:].replace(f"am:start {value}", f"am:start {value + 1}", 1)
    broken = tmp_path / "moved.ttl"
    broken.write_text(moved, encoding="utf-8")
    res = run_cli("validate", broken, "--source", SOURCE)
    assert res.returncode == 1
    assert "no-commitments-q1" in res.stdout + res.stderr
