"""Explanations: hand-computed contributions, what-ifs and paths."""

from __future__ import annotations

import pytest

from argmap.errors import UsageError
from argmap.semantics.explain import explain, parse_what_if, path_to, resolve
from argmap.semantics.framework import Framework


def test_attacker_and_supporter_contributions():
    # DF-QuAD: a = 0.5 with attacker b (0.8) and supporter c (0.6): va = 0.8 > vs = 0.6,
    # so a = 0.5 - 0.5 * 0.2 = 0.4.  Without b: 0.5 + 0.5 * 0.6 = 0.8; without c: 0.5 - 0.5 * 0.8 = 0.1.
    # d a / d b = -0.5 and d a / d c = +0.5 (both on the branch va >= vs).
    fw = Framework.from_edges({"a": 0.5, "b": 0.8, "c": 0.6}, attacks=[("b", "a")], supports=[("c", "a")])
    e = explain(fw, "a")
    assert e.score == pytest.approx(0.4)
    by = {c.claim: c for c in e.contributions}
    assert by["b"].kind == "attack" and by["b"].removal == pytest.approx(0.4 - 0.8)
    assert by["c"].kind == "support" and by["c"].removal == pytest.approx(0.4 - 0.1)
    assert by["b"].gradient == pytest.approx(-0.5, abs=1e-5)
    assert by["c"].gradient == pytest.approx(0.5, abs=1e-5)


def test_undercutter_contributes_through_the_relation():
    fw = Framework({"a": 0.5, "b": 0.8, "u": 0.5}, [("r", "attack", ("b",), "a"), ("x", "undercut", ("u",), "r")])
    e = explain(fw, "a", "qe")
    (u,) = [c for c in e.contributions if c.kind == "undercut"]
    assert u.claim == "u" and u.removal > 0 and u.gradient > 0


def test_what_if_changes_base_scores():
    fw = Framework.from_edges({"a": 0.5, "b": 0.8}, attacks=[("b", "a")])
    e = explain(fw, "a", what_if={"b": 0.2})
    assert e.score_before == pytest.approx(0.1) and e.score == pytest.approx(0.4)


def test_path_to_the_thesis_goes_through_undercuts():
    fw = Framework({"t": 0.5, "a": 0.5, "b": 0.5, "u": 0.5},
                   [("r1", "support", ("a",), "t"), ("r2", "attack", ("b",), "a"), ("r3", "undercut", ("u",), "r1")])
    assert path_to(fw, "b", "t") == [("b", "r2", "attack", "a"), ("a", "r1", "support", "t")]
    assert path_to(fw, "u", "t") == [("u", "r3", "undercut", "t")]
    assert path_to(fw, "t", "t") == []
    assert path_to(fw, "t", "a") is None


def test_resolve_by_iri_or_last_segment():
    ids = ["https://x.org/m#a", "https://x.org/n#a", "https://x.org/m#b", "file:///d/m.af#7"]
    assert resolve(ids, "https://x.org/m#a") == "https://x.org/m#a"
    assert resolve(ids, "b") == "https://x.org/m#b" and resolve(ids, "7") == "file:///d/m.af#7"
    with pytest.raises(UsageError, match="several"):
        resolve(ids, "a")
    with pytest.raises(UsageError, match="no claim"):
        resolve(ids, "zz")


@pytest.mark.parametrize("item", ["b", "b=", "b=high", "b=1.5", "=0.2"])
def test_bad_what_if(item):
    with pytest.raises(UsageError):
        parse_what_if(["m#b"], [item])


def test_resolve_by_iri_segment_label_or_decoded_segment():
    from argmap import load

    from .conftest import DATA

    amap = load(DATA / "small.ttl")
    s = "http://example.org/small#"
    assert resolve(amap.claims, s + "p1") == s + "p1"
    assert resolve(amap.claims, "p1") == s + "p1"
    assert resolve(amap.claims, "Thesis") == s + "t"  # its label
    ids = {"file:///x.argdown#s:Free%20buses": None}
    assert resolve(ids, "s:Free%20buses") == "file:///x.argdown#s:Free%20buses"
    assert resolve(ids, "s:Free buses") == "file:///x.argdown#s:Free%20buses"  # percent-decoded
    with pytest.raises(UsageError, match="no claim 'Free buses'"):
        resolve(ids, "Free buses")  # ids without claims have no labels
