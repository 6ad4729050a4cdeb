"""The JSON export contract and canonical Turtle, on hand-made and bundled maps."""

from __future__ import annotations

import json

import rdflib
from rdflib.compare import isomorphic

from argmap import ArgumentMap, export

from .conftest import BUNDLED, DATA

S = "http://example.org/small#"


def test_json_contract_on_hand_made_map(run_cli, tmp_path):
    out = tmp_path / "small.json"
    res = run_cli("export", DATA / "small.ttl", "--format", "json", "-o", out)
    assert res.returncode == 0, res.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) >= {"claims", "relations", "scores"}
    claims = {c["id"]: c for c in data["claims"]}
    assert set(claims) == {S + x for x in ("t", "p1", "p2", "a", "q", "u")}
    for c in data["claims"]:
        assert set(c) >= {"id", "text", "quotes", "types"}
        assert isinstance(c["quotes"], list) and isinstance(c["types"], list)
    assert claims[S + "p1"]["quotes"] == [{"text": "P1 holds", "source": S + "doc", "start": 0, "end": 8}]
    assert claims[S + "t"]["types"] == ["https://w3id.org/argmap#PolicyClaim"]
    rels = {r["id"]: r for r in data["relations"]}
    assert rels[S + "s1"] == {"id": S + "s1", "type": "support", "sources": [S + "p1", S + "p2"], "target": S + "t"}
    assert rels[S + "u1"]["type"] == "undercut" and rels[S + "u1"]["target"] == S + "s1"  # a relation id
    assert rels[S + "a1"]["type"] == "attack"
    # DF-QuAD by hand: s1 = min(.8, .6) * (1 - .5) = .3; a = .4 + .6 * .5 = .7;
    # t: attack .7 >= support .3, so t = .5 - .5 * (.7 - .3) = .3
    assert abs(data["scores"][S + "t"] - 0.3) < 1e-9
    assert abs(data["scores"][S + "a"] - 0.7) < 1e-9
    assert data["scores"][S + "p1"] == 0.8


def test_json_contract_on_bundled_map():
    amap = ArgumentMap.bundled()
    data = json.loads(export(amap, "json"))
    ids = {c["id"] for c in data["claims"]}
    rel_ids = {r["id"] for r in data["relations"]}
    assert ids == set(amap.claims) and set(data["scores"]) == ids
    for r in data["relations"]:
        assert r["type"] in ("support", "attack", "undercut")
        assert r["sources"] and set(r["sources"]) <= ids
        assert r["target"] in (rel_ids if r["type"] == "undercut" else ids)
    assert all(0.0 <= v <= 1.0 for v in data["scores"].values())


def test_exports_are_byte_identical(run_cli, tmp_path):
    for fmt in ("json", "ttl"):
        first = run_cli("export", BUNDLED, "--format", fmt)
        second = run_cli("export", BUNDLED, "--format", fmt)
        assert first.returncode == 0 and first.stdout == second.stdout and first.stdout


def test_turtle_round_trip_is_isomorphic(tmp_path):
    amap = ArgumentMap.load(BUNDLED)
    out = tmp_path / "again.ttl"
    export(amap, "ttl", out)
    assert isomorphic(rdflib.Graph().parse(BUNDLED), rdflib.Graph().parse(out))
    # and exporting the export changes nothing
    assert export(ArgumentMap.load(out), "ttl") == out.read_text(encoding="utf-8")
