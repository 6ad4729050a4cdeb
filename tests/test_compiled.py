"""The fast, whole-map paths against their one-at-a-time references.

A large map is checked, compiled to arrays, turned into an attack graph and
cut into a drawable part with set and array operations.  Each of those has a
plain reference that goes relation by relation; here both run on real maps
(the bundled one, AIF, Argdown and microtext corpus files, a generated map)
and on hand-made faults, and must agree exactly.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
import rdflib

import argmap
from argmap.errors import MapError
from argmap.semantics.extensions import AttackGraph
from argmap.semantics.framework import KINDS, Arrays, Framework
from argmap.triples import TripleIndex
from argmap.vocab import AM as am

from .conftest import BUNDLED, CORPORA, DATA, need_file

#: Corpus maps with linked premises (nodeset514, state-censorship) and undercuts of supports and attacks.
CORPUS_FILES = ["aif/nodeset514.json", "aif/nodeset543.json", "argdown/legalisation-softdrugs.argdown",
                "argdown/state-censorship.argdown", "microtexts/micro_b001.xml", "microtexts/micro_d03.xml"]


def _maps_again():
    return [argmap.load(BUNDLED), argmap.load(DATA / "small.ttl")] + [argmap.load(CORPORA / n) for n in CORPUS_FILES]


@pytest.fixture(scope="module")
def maps():
    for name in CORPUS_FILES:
        need_file(CORPORA / name)
    return _maps_again()


def test_the_maps_have_what_the_comparisons_need(maps):
    """Undercuts (of supports and of attacks) and linked premises occur, so the comparisons below reach them."""
    rels = [r for m in maps for r in m.relations.values()]
    undercut_kinds = {m.relations[r.target].type for m in maps for r in m.relations.values() if r.type == "undercut"}
    assert {"support", "attack"} <= undercut_kinds
    assert any(len(r.sources) > 1 for r in rels)


# --- the triple index ----------------------------------------------------------------

def test_columns_and_tables_hold_the_same_pairs():
    index = TripleIndex()
    index.add_columns("p", ["a", "b", "a"], ["1", "2", "3"])
    index.add_columns("p", "c\0a", "4\0" + "1")  # as a forked reader sends them: a pair read twice
    assert index.table("p") == {"a": ["1", "3"], "b": ["2"], "c": ["4"]}
    index.add_pairs("p", [("d", "5")])
    assert index.columns("p") == (["a", "b", "a", "c", "a", "d"], ["1", "2", "3", "4", "1", "5"])
    assert index.table("p") == {"a": ["1", "3"], "b": ["2"], "c": ["4"], "d": ["5"]}  # the late pair, once
    index.replace("p", {"a": ["9"]})
    assert index.columns("p") == (["a"], ["9"]) and index.objects("a", "p") == ["9"] and index.value("b", "p") is None
    other = TripleIndex()
    other.add_columns("q", "x", "y")
    assert index.merge(other).table("q") == {"x": ["y"]}


def test_lazy_claims_are_sorted_built_once_and_only_when_asked():
    amap = argmap.load(BUNDLED)
    claims = amap.claims
    assert list(claims) == sorted(claims) and len(claims) == 47
    first = next(iter(claims))
    assert claims.built() == []
    assert claims[first] is claims[first] and claims.built() == [first]
    with pytest.raises(KeyError):
        claims["urn:x:not-a-claim"]
    assert "urn:x:not-a-claim" not in claims and first in claims


# --- checking the map: the first fault by id, as the reference finds it ------------------

S = "http://example.org/small#"
FAULTS = [
    "<{r}> a am:Support ; am:target <{S}t> .",  # no premise
    "<{r}> a am:Support ; am:premise <{S}p1> .",  # no target
    "<{r}> a am:Support, am:Attack ; am:premise <{S}p1> ; am:target <{S}t> .",  # two kinds
    "<{r}> a am:Relation ; am:premise <{S}p1> ; am:target <{S}t> .",  # no kind
    "<{r}> a am:Support ; am:premise <{S}p1> ; am:target <{S}t>, <{S}a> .",  # two targets
    "<{r}> a am:Attack ; am:premise <{S}p1> ; am:target <{S}t> ; am:weight \"heavy\" .",
    "<{r}> a am:Attack ; am:premise <{S}nobody> ; am:target <{S}t> .",  # premise not a claim
    "<{r}> a am:Attack ; am:premise <{S}p1> ; am:target <{S}nowhere> .",  # target not a claim
    "<{r}> a am:Undercut ; am:premise <{S}p1> ; am:target <{S}t> .",  # undercut of a claim
    "<{r}> a am:Support ; am:premise <{S}p1> ; am:target <{S}t> .",  # fine
]


def _reference_fault(graph):
    """The first fault of the map ``graph`` (an rdflib graph), read triple by triple in id order, as the check words it.

    Claims' base scores first, then each relation on its own (kind, target,
    premises, weight), then each relation's ends; the kinds are the
    classes below am:Claim, am:Relation, ... in the ontology and the map.
    """
    from rdflib import RDF

    from argmap.ontology import ontology_graph, subclass_closure

    roots = (am.Claim, am.Relation, am.Support, am.Attack, am.Undercut)
    below = subclass_closure(roots, graph, ontology_graph())
    typed = list(graph.subject_objects(RDF.type))
    claims, relations, supports, attacks, undercuts = ({str(s) for s, t in typed if t in below[r]} for r in roots)

    def values(node, prop):
        return sorted(str(o) for o in graph.objects(rdflib.URIRef(node), prop))

    for cid in sorted(claims):
        scores = values(cid, am.baseScore)
        if scores and not _is_number(scores[0]):  # the least, as the check takes it
            return cid, f"{am.baseScore} is not a number: {scores[0]}"
    ends = {}
    for rid in sorted(relations):
        kinds = [k for k, members in (("support", supports), ("attack", attacks), ("undercut", undercuts))
                 if rid in members]
        targets, premises, weights = values(rid, am.target), values(rid, am.premise), values(rid, am.weight)
        if len(kinds) != 1:
            return rid, "relation has " + ("no kind (support, attack or undercut)" if not kinds
                                           else "several kinds: " + ", ".join(kinds))
        if len(targets) != 1:
            return rid, f"relation has {len(targets)} targets; it needs exactly one"
        if not premises:
            return rid, "relation has no premise"
        if weights and not _is_number(weights[0]):
            return rid, f"{am.weight} is not a number: {weights[0]}"
        ends[rid] = kinds[0], premises, targets[0]
    for rid, (kind, premises, target) in sorted(ends.items()):
        for p in premises:
            if p not in claims:
                return rid, f"premise {p} is not a claim of the map"
        if kind == "undercut" and target not in relations:
            return rid, f"undercut target {target} is not a relation of the map"
        if kind != "undercut" and target not in claims:
            return rid, f"{kind} target {target} is not a claim of the map"
    return None


def _is_number(text) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("seed", range(12))
def test_check_reports_the_first_fault_the_reference_finds(tmp_path, seed):
    rng = random.Random(seed)
    body = []
    for k in range(8):
        body.append(rng.choice(FAULTS).format(r=f"{S}x{rng.randrange(100):02d}", S=S))
    if rng.random() < 0.3:
        body.append(f'<{S}p2> am:baseScore "high" .')
    text = (DATA / "small.ttl").read_text(encoding="utf-8") + "\n" + "\n".join(body) + "\n"
    path = tmp_path / "faults.ttl"
    path.write_text(text, encoding="utf-8")
    expected = _reference_fault(rdflib.Graph().parse(path))
    if expected is None:
        argmap.load(path)
        return
    with pytest.raises(MapError) as err:
        argmap.load(path)
    node, message = expected
    assert str(err.value).endswith(f"{node}: {message}"), (str(err.value), expected)


# --- compiling to arrays, and the attack graph -----------------------------------------

def _assert_same_arrays(a: Arrays, b: Arrays):
    assert a.claims == b.claims and a.relations == b.relations
    for field in ("base", "kind", "premise_ptr", "premise", "weight", "target"):
        assert np.array_equal(getattr(a, field), getattr(b, field)), field


def test_arrays_of_a_map_equal_those_of_its_relations_one_by_one(maps):
    for amap in maps:
        for base in (0.5, 0.2):
            _assert_same_arrays(Arrays.from_map(amap, base), Framework.from_relations(amap, base).arrays())
        assert Framework.from_map(amap).relations == Framework.from_relations(amap).relations


def _same_graph(a: AttackGraph, b: AttackGraph):
    assert a.arguments == b.arguments and a.inferences == b.inferences
    assert np.array_equal(a.source, b.source) and np.array_equal(a.target, b.target)


def test_attack_graph_from_arrays_equals_the_reference_on_maps(maps):
    for amap in maps:
        reference = AttackGraph.from_framework(Framework.from_relations(amap))
        _same_graph(AttackGraph.from_arrays(Framework.from_map(amap).arrays()), reference)
    assert any(AttackGraph.from_map(m).inferences for m in maps)


def _random_arrays(rng, n=30, r=60) -> Arrays:
    """Claims and relations at random: linked premises, undercuts of every kind, undercuts of undercuts."""
    kinds, premises, targets = [], [], []
    for j in range(r):
        k = rng.choice((0, 1, 1, 2)) if j else 1
        kinds.append(k)
        premises.append(sorted(rng.sample(range(n), rng.choice((1, 1, 2, 3)))))
        targets.append(rng.randrange(j) if k == 2 else rng.randrange(n))
    ptr = np.cumsum([0] + [len(p) for p in premises])
    return Arrays([f"c{i:02d}" for i in range(n)], [f"r{j:02d}" for j in range(r)], np.full(n, 0.5),
                  np.array(kinds, dtype=np.int8), ptr, np.array([p for ps in premises for p in ps]),
                  np.ones(r), np.array(targets))


@pytest.mark.parametrize("seed", range(25))
def test_attack_graph_from_arrays_equals_the_reference_at_random(seed):
    arr = _random_arrays(random.Random(seed))
    assert KINDS[2] == "undercut"
    _same_graph(AttackGraph.from_arrays(arr), AttackGraph.from_framework(arr.to_framework()))


# --- drawing a part of a large map --------------------------------------------------------

def _reference_neighbours(amap, claim):
    """Claims one relation away, relation by relation, as render describes them."""
    found = set()
    for r in amap.relations.values():
        if r.type == "undercut":
            inner = amap.relations[r.target]
            ends = {*r.sources, *inner.sources} | ({inner.target} if inner.type != "undercut" else set())
        else:
            ends = {*r.sources, r.target}
        if claim in ends:
            found |= ends
    found.discard(claim)
    return sorted(found)


def _reference_part_relations(amap, keep):
    inside = {rid for rid, r in amap.relations.items()
              if r.type != "undercut" and keep.issuperset(r.sources) and r.target in keep}
    return inside | {rid for rid, r in amap.relations.items()
                     if r.type == "undercut" and r.target in inside and keep.issuperset(r.sources)}


def test_neighbours_and_parts_equal_the_references(maps):
    from argmap.drawing import neighbours, part_of

    rng = random.Random(7)
    for amap in maps:
        near = neighbours(amap)
        for claim in amap.claims:
            assert near(claim) == _reference_neighbours(amap, claim), claim
        for _ in range(5):
            keep = set(rng.sample(sorted(amap.claims), max(1, len(amap.claims) // 2)))
            part = part_of(amap, keep)
            assert set(part.relations) == _reference_part_relations(amap, keep)
            assert set(part.claims) == keep | set(amap.main_theses)  # the thesis is always drawn


# --- the semantics' own array code against plain references ------------------------------

def _reference_acyclic(arr: Arrays) -> bool:
    """networkx's cycle test on premise -> relation -> target (an undercut's target is a relation)."""
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(("claim", c) for c in arr.claims)
    for rid, kind, premises, target in arr.to_framework().relations:
        g.add_edges_from((("claim", p), ("relation", rid)) for p in premises)
        g.add_edge(("relation", rid), ("relation" if kind == "undercut" else "claim", target))
    return nx.is_directed_acyclic_graph(g)


@pytest.mark.parametrize("seed", range(30))
def test_acyclic_by_kahn_equals_networkx(seed):
    rng = random.Random(seed)
    arr = _random_arrays(rng, n=rng.choice((5, 30, 80)), r=rng.choice((3, 20, 60)))
    if seed % 2:  # make it acyclic: every premise numbered above its target, every undercut after its relation
        keep = [j for j in range(len(arr.relations)) if arr.kind[j] == 2
                or all(p > arr.target[j] for p in arr.premise[arr.premise_ptr[j]:arr.premise_ptr[j + 1]])]
        fw = arr.to_framework()
        names = {arr.relations[j] for j in keep}
        rels = [r for r in fw.relations if r[0] in names]
        while any(r[1] == "undercut" and r[3] not in names for r in rels):  # an undercut falls with its relation
            rels = [r for r in rels if r[1] != "undercut" or r[3] in names]
            names = {r[0] for r in rels}
        arr = Framework(fw.base, rels).arrays()
    assert arr.is_acyclic() == _reference_acyclic(arr)


def test_acyclic_maps_are_recognised(maps):
    assert [m.relations and Framework.from_map(m).arrays().is_acyclic() for m in maps] == \
        [bool(m.relations) and _reference_acyclic(Framework.from_map(m).arrays()) for m in maps]


def test_sparse_product_equals_the_dense_one():
    from argmap.semantics.gradual import SparseMatrix

    rng = np.random.default_rng(3)
    rows, cols = rng.integers(0, 7, 40), rng.integers(0, 11, 40)
    data, v = rng.random(40), rng.random(11)
    dense = np.zeros((7, 11))
    np.add.at(dense, (rows, cols), data)
    assert np.allclose(SparseMatrix(rows, cols, data, 7) @ v, dense @ v, rtol=0, atol=1e-12)


@pytest.mark.parametrize("seed", range(10))
def test_grounded_result_equals_caminadas_labelling_of_the_extension(seed):
    """``solve`` reads grounded statuses off the labelling; the reference labels the extension afresh."""
    from argmap.semantics.extensions import grounded, labelling, solve

    arr = _random_arrays(random.Random(seed), n=40, r=70)
    af = AttackGraph.from_arrays(arr)
    result = solve(af, "grounded")
    ext = grounded(af)
    reference = {a: v for a, v in labelling(af, ext).items() if a not in af.inferences}
    assert result.status == reference and set(result.status.values()) >= {"IN", "OUT"}
    assert result.extensions == [[a for a in af.arguments if a in ext and a not in af.inferences]]
