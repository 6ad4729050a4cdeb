"""Dung's semantics: golden extensions, SAT against brute force, support-derived attacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.semantics.extensions import (
    EXTENSION_SEMANTICS,
    AttackGraph,
    acceptance,
    credulous,
    extensions,
    extensions_reference,
    grounded,
    grounded_reference,
    labelling,
    preferred_one,
    sceptical,
    solve,
)
from argmap.semantics.framework import Framework

DATA = Path(__file__).resolve().parent / "data"

CASES = json.loads((DATA / "semantics" / "dung.json").read_text(encoding="utf-8"))
GOLDEN = [(name, sem) for name, case in CASES.items() if not name.startswith("_") for sem in case["expected"]]


def _af(case):
    return AttackGraph.from_edges(case["arguments"], map(tuple, case["attacks"]))


@pytest.mark.parametrize("how", ["sat", "reference"])
@pytest.mark.parametrize("name,sem", GOLDEN)
def test_golden_extensions(name, sem, how):
    case = CASES[name]
    af = _af(case)
    got = extensions(af, sem) if how == "sat" else extensions_reference(af, sem)
    assert sorted(sorted(e) for e in got) == sorted(sorted(e) for e in case["expected"][sem])


@pytest.mark.parametrize("name", [n for n in CASES if not n.startswith("_")])
def test_grounded_both_ways(name):
    af = _af(CASES[name])
    assert grounded(af) == grounded_reference(af) == extensions_reference(af, "grounded")[0]


def test_labelling_and_acceptance():
    af = _af(CASES["two-ways-to-d"])
    assert labelling(af, {"a", "d"}) == {"a": "IN", "b": "OUT", "c": "OUT", "d": "IN"}
    assert labelling(af, set()) == dict.fromkeys("abcd", "UNDEC")
    assert acceptance(af, "preferred") == {"a": "credulous", "b": "credulous", "c": "rejected", "d": "sceptical"}
    assert credulous(af, "a") and not sceptical(af, "a") and sceptical(af, "d") and not credulous(af, "c")
    # a self-attacker has no stable extension: nothing is accepted
    assert acceptance(_af(CASES["self-attack"]), "stable") == {"a": "rejected"}
    assert not credulous(_af(CASES["self-attack"]), "a", "stable")


def test_support_derived_attacks():
    # Cayrol & Lagasquie-Schiex: a supports b, b attacks c, x attacks b
    fw = Framework.from_edges(dict.fromkeys("abcx", 0.5), attacks=[("b", "c"), ("x", "b")], supports=[("a", "b")])

    def pairs(mode):
        af = AttackGraph.from_framework(fw, mode)
        return {(af.arguments[s], af.arguments[t]) for s, t in zip(af.source.tolist(), af.target.tolist())}

    plain = {("b", "c"), ("x", "b")}
    assert pairs(None) == plain
    assert pairs("supported") == plain | {("a", "c")}
    assert pairs("mediated") == plain | {("x", "a")}
    assert pairs("secondary") == plain
    fw2 = Framework.from_edges(dict.fromkeys("xbc", 0.5), attacks=[("x", "b")], supports=[("b", "c")])
    af2 = AttackGraph.from_framework(fw2, "secondary")
    assert (af2.arguments.index("x"), af2.arguments.index("c")) in set(zip(af2.source.tolist(), af2.target.tolist()))
    assert pairs("all") == plain | {("a", "c"), ("x", "a")}


def test_unknown_support_mode():
    from argmap.errors import UsageError

    with pytest.raises(UsageError):
        AttackGraph.from_framework(Framework({"a": 0.5}), "sideways")


@st.composite
def attack_graphs(draw):
    n = draw(st.integers(0, 7))
    args = [f"x{i}" for i in range(n)]
    attacks = draw(st.lists(st.tuples(st.sampled_from(args), st.sampled_from(args)), max_size=14)) if n else []
    return AttackGraph.from_edges(args, attacks)


@settings(max_examples=200, deadline=None)
@given(attack_graphs())
def test_sat_equals_brute_force(af):
    for sem in EXTENSION_SEMANTICS:
        assert extensions(af, sem) == extensions_reference(af, sem), sem
    assert grounded(af) == grounded_reference(af)


@settings(max_examples=200, deadline=None)
@given(attack_graphs())
def test_relations_between_semantics(af):
    g = grounded(af)
    preferred = extensions(af, "preferred")
    assert preferred and all(g <= p for p in preferred)
    assert all(s in preferred for s in extensions(af, "stable"))
    assert preferred_one(af) in preferred
    # Caminada 2006: complete extensions give legal labellings
    attackers = af.attackers()
    for ext in extensions(af, "complete"):
        lab = labelling(af, ext)
        for i, a in enumerate(af.arguments):
            labels = [lab[af.arguments[b]] for b in attackers[i]]
            assert (lab[a] == "IN") == all(x == "OUT" for x in labels)
            assert (lab[a] == "OUT") == any(x == "IN" for x in labels)


def _undercut_framework(extra=()):
    """c attacks t (relation r); u undercuts r; ``extra`` adds attacks on claims."""
    base = {x: 0.5 for x in ("c", "t", "u", "w", "x")}
    rels = [("r", "attack", ("c",), "t"), ("ur", "undercut", ("u",), "r")]
    rels += [(f"e{i}", "attack", (a,), b) for i, (a, b) in enumerate(extra)]
    return Framework(base, rels)


@pytest.mark.parametrize(
    "extra, grounded_in",
    [
        # the undercut defeats the inference, so t stands: all of c, t, u, w, x are IN
        ((), {"c", "t", "u", "w", "x"}),
        # w attacks u: the undercut falls, the inference stands and t is OUT
        ((("w", "u"),), {"c", "w", "x"}),
        # x attacks c: the inference falls with its premise (and u undercuts it anyway)
        ((("x", "c"),), {"t", "u", "w", "x"}),
    ],
)
def test_undercuts_attack_inferences_in_the_attack_graph(extra, grounded_in):
    af = AttackGraph.from_framework(_undercut_framework(extra))
    assert af.inferences == {"r"}
    result = solve(af, "grounded")
    assert set(result.extensions[0]) == grounded_in
    assert "r" not in result.status  # inferences are not reported
    # the brute-force definition agrees, on the full framework
    assert set(extensions_reference(af, "grounded")[0]) - {"r"} == grounded_in


@pytest.mark.parametrize("span", [5, 70_000, 2**40])
def test_radix_order_is_a_stable_sort(span):
    """The CSR behind grounded sorts attack sources 16 bits at a time; it must agree with a stable sort."""
    import numpy as np

    from argmap.semantics.indexing import order_by

    keys = np.random.default_rng(span).integers(0, span, 5000)
    assert np.array_equal(order_by(keys), np.argsort(keys, kind="stable"))


def test_grounded_on_a_graph_wider_than_16_bits_equals_the_definition():
    """70,000 arguments: a chain of 40 (grounded takes every other one) among random attacks."""
    import numpy as np

    n = 70_000
    rng = np.random.default_rng(3)
    src, dst = rng.integers(40, n, 20_000), rng.integers(40, n, 20_000)
    chain = np.arange(39)
    af = AttackGraph(list(range(n)), np.r_[chain, src], np.r_[chain + 1, dst])
    got = grounded(af)
    assert set(range(0, 40, 2)) <= got and not set(range(1, 40, 2)) & got
    assert got == grounded_reference(af)
